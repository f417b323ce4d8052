// Package warc writes archived HTTP exchanges as WARC 1.1 files (ISO 28500):
// a warcinfo record first, then for each fetch a request and a response
// record with the original headers and block and payload digests, each
// record a gzip member of its own, so the files replay in pywb or
// ReplayWeb.page and read in warcio. The format itself is written by
// github.com/nlnwa/gowarc.
package warc

import (
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// Fetch is one HTTP exchange as the archive holds it.
type Fetch struct {
	URL string // the URL the response came from (after redirects)
	// RequestHeader holds the request's headers; nil writes a bare GET
	// with Host (pages archived before request headers were kept).
	RequestHeader map[string]string
	Status        int
	Header        map[string]string // response headers
	Body          []byte            // the body as received, content codings taken off
	FetchedAt     time.Time
}

// Info describes the files in their warcinfo record.
type Info struct {
	Software    string // e.g. "obsfacts/0.9"
	Description string
	Operator    string // contact, e.g. the crawl's --contact
}

// Counts are the records written so far.
type Counts struct {
	Files, Requests, Responses int
}

// Writer writes fetches to WARC files. It is safe for concurrent use.
type Writer struct {
	w    *gowarc.WarcFileWriter
	opts []gowarc.WarcRecordOption

	mu sync.Mutex
	n  Counts
	// rename moves the finished file into place (Create), or is nil.
	rename func() error
}

// recordOptions make records with an id, a length and digests (sha1,
// base32, as crawlers have written them since Heritrix).
var recordOptions = []gowarc.WarcRecordOption{
	gowarc.WithVersion(gowarc.V1_1),
	gowarc.WithAddMissingRecordId(true),
	gowarc.WithAddMissingContentLength(true),
	gowarc.WithAddMissingDigest(true),
	gowarc.WithDefaultDigestAlgorithm("sha1"),
	gowarc.WithDefaultDigestEncoding(gowarc.Base32),
}

// Create writes one gzip-compressed WARC file at path (any size). It is
// written under a temporary name beside path and moved into place by
// Close, so an interrupted export never leaves a file that looks complete.
func Create(path string, info Info) (*Writer, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("warc: %s: no such directory", dir)
	}
	tmp := fmt.Sprintf(".%s.%d.tmp", base, os.Getpid())
	w := newWriter(info, &fixedName{dir: dir, name: tmp}, 0)
	final := filepath.Join(dir, tmp+".gz")
	w.rename = func() error {
		if w.Counts().Files == 0 {
			if err := writeInfoOnly(final, info); err != nil {
				return err
			}
		}
		if err := os.Rename(final, path); err != nil {
			os.Remove(final)
			return err
		}
		return nil
	}
	return w, nil
}

// CreateDir writes gzip-compressed WARC files into dir, a new file each
// time one reaches maxSize bytes (0 means 1 GiB), named
// <prefix><timestamp>-<serial>-<host>.warc.gz.
func CreateDir(dir, prefix string, maxSize int64, info Info) (*Writer, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("warc: %s: not a directory", dir)
	}
	if maxSize <= 0 {
		maxSize = 1 << 30
	}
	return newWriter(info, &gowarc.PatternNameGenerator{Directory: dir, Prefix: prefix}, maxSize), nil
}

func newWriter(info Info, names gowarc.WarcFileNameGenerator, maxSize int64) *Writer {
	w := &Writer{opts: recordOptions}
	if maxSize == 0 {
		maxSize = 1 << 62 // one file, however large
	}
	w.w = gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(names),
		gowarc.WithCompression(true),
		gowarc.WithMaxFileSize(maxSize),
		gowarc.WithRecordOptions(recordOptions...),
		gowarc.WithAfterFileCreationHook(func(string, int64, string) error {
			w.mu.Lock()
			w.n.Files++
			w.mu.Unlock()
			return nil
		}),
		gowarc.WithWarcInfoFunc(func(rb gowarc.WarcRecordBuilder) error { return writeInfo(rb, info) }),
	)
	return w
}

// writeInfo writes the warcinfo fields describing the files.
func writeInfo(rb gowarc.WarcRecordBuilder, info Info) error {
	fields := gowarc.WarcFields{}
	fields.Set("software", info.Software)
	fields.Set("format", "WARC File Format 1.1")
	fields.Set("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")
	if info.Description != "" {
		fields.Set("description", info.Description)
	}
	if info.Operator != "" {
		fields.Set("operator", info.Operator)
	}
	host, _ := os.Hostname()
	fields.Set("hostname", host)
	_, err := fields.Write(rb)
	return err
}

// writeInfoOnly writes a WARC file holding only its warcinfo record: the
// result of an export that matched nothing (gowarc creates a file with the
// first record).
func writeInfoOnly(path string, info Info) error {
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	rb := gowarc.NewRecordBuilder(gowarc.Warcinfo, recordOptions...)
	rb.AddWarcHeaderTime(gowarc.WarcDate, time.Now())
	rb.AddWarcHeader(gowarc.WarcFilename, filepath.Base(path))
	rb.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	if err := writeInfo(rb, info); err != nil {
		return err
	}
	rec, _, err := rb.Build()
	if err != nil {
		return err
	}
	defer rec.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	_, _, err = gowarc.NewMarshaler().Marshal(zw, rec, 0)
	return errors.Join(err, zw.Close(), f.Close())
}

// fixedName names the one file of Create.
type fixedName struct{ dir, name string }

func (f *fixedName) NewWarcfileName() (string, string) { return f.dir, f.name }

// gowarcMu serialises the use of gowarc: every NewRecordBuilder writes a
// global of github.com/google/uuid (EnableRandPool), a data race when
// records are built in several goroutines (a crawl saves from many). The
// file writer builds its warcinfo records inside Write, which holds it too.
var gowarcMu sync.Mutex

// Write writes the request and response records of one fetch.
func (w *Writer) Write(f Fetch) error {
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	u, err := url.Parse(f.URL)
	if err != nil || u.Host == "" {
		return fmt.Errorf("warc: %q: not an absolute URL", f.URL)
	}
	req, err := w.build(gowarc.Request, f, requestBlock(u, f.RequestHeader))
	if err != nil {
		return err
	}
	resp, err := w.build(gowarc.Response, f, responseBlock(f))
	if err != nil {
		req.Close()
		return err
	}
	resp.WarcHeader().Set(gowarc.WarcConcurrentTo, req.WarcHeader().Get(gowarc.WarcRecordID))
	var errs []error
	for _, r := range w.w.Write(req, resp) {
		errs = append(errs, r.Err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("warc: write %s: %w", f.URL, err)
	}
	w.mu.Lock()
	w.n.Requests++
	w.n.Responses++
	w.mu.Unlock()
	return nil
}

func (w *Writer) build(t gowarc.RecordType, f Fetch, block []byte) (gowarc.WarcRecord, error) {
	rb := gowarc.NewRecordBuilder(t, w.opts...)
	rb.AddWarcHeader(gowarc.WarcTargetURI, f.URL)
	rb.AddWarcHeaderTime(gowarc.WarcDate, f.FetchedAt)
	kind := "request"
	if t == gowarc.Response {
		kind = "response"
	}
	rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype="+kind)
	if _, err := rb.Write(block); err != nil {
		return nil, fmt.Errorf("warc: %s record of %s: %w", kind, f.URL, err)
	}
	rec, _, err := rb.Build()
	if err != nil {
		return nil, fmt.Errorf("warc: %s record of %s: %w", kind, f.URL, err)
	}
	return rec, nil
}

// requestBlock is the HTTP request as it went out: a GET of the URL with
// its headers in a stable order.
func requestBlock(u *url.URL, h map[string]string) []byte {
	if h == nil {
		h = map[string]string{"Host": u.Host}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\n", u.RequestURI())
	writeHeaders(&b, h, nil)
	b.WriteString("\r\n")
	return []byte(b.String())
}

// hopHeaders describe the bytes on the wire, not the body archived (its
// content codings were taken off when it was read): they are replaced by a
// Content-Length of the body written.
var hopHeaders = map[string]bool{"Content-Encoding": true, "Transfer-Encoding": true, "Content-Length": true}

// responseBlock is the HTTP response: status line, the original headers
// (but those of hopHeaders), and the body.
func responseBlock(f Fetch) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", f.Status, http.StatusText(f.Status))
	writeHeaders(&b, f.Header, hopHeaders)
	if len(f.Body) > 0 || f.Status != http.StatusNotModified {
		b.WriteString("Content-Length: " + strconv.Itoa(len(f.Body)) + "\r\n")
	}
	b.WriteString("\r\n")
	return append([]byte(b.String()), f.Body...)
}

// writeHeaders writes h sorted by name, leaving out the names in skip.
func writeHeaders(b *strings.Builder, h map[string]string, skip map[string]bool) {
	names := make([]string, 0, len(h))
	for k := range h {
		if !skip[http.CanonicalHeaderKey(k)] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		v := strings.NewReplacer("\r", " ", "\n", " ").Replace(h[k])
		fmt.Fprintf(b, "%s: %s\r\n", k, v)
	}
}

// Counts returns the records written so far.
func (w *Writer) Counts() Counts {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

// Close finishes the files (and, for Create, moves the file into place).
func (w *Writer) Close() error {
	gowarcMu.Lock()
	err := w.w.Close()
	gowarcMu.Unlock()
	if err != nil {
		return fmt.Errorf("warc: close: %w", err)
	}
	if w.rename != nil {
		if err := w.rename(); err != nil {
			return fmt.Errorf("warc: %w", err)
		}
	}
	return nil
}
