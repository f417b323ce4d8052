package crawler

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/obsfacts/obsfacts/extract"
)

// Paths of the fixture sites with a behaviour of their own (see siteServer).
const (
	pathA1        = "/en/cec-registers-31-foreign-observers-ahead-of-majilis-vote_a3721112"
	pathRobots    = "/en/private-briefing-on-voting-procedures_a4004380"
	path429       = "/en/turkpa-to-send-eight-observers-to-presidential-vote_a4004373"
	path500       = "/en/oic-observers-arrive-in-astana_a4003175"
	pathPDF       = "/en/cec-resolution-on-observer-accreditation_a4040476"
	pathRedirect  = "/en/cis-ipa-observers-begin-work_a3994990"
	pathHang      = "/en/sco-observers-on-the-way-to-astana_a4040477"
	pathOversized = "/en/full-list-of-accredited-election-observers_a4040478"
	pathNoHex     = "/news/observers-gather-for-majilis-by-election"
	slugE1        = "more-than-40-foreign-observers-gather-for-majilis-by-election-54ad0b"
	pathKZ        = "/kz/news/politics/20830-saylau-baiqaushylary-keldi"
)

// siteServer serves the fixture sites in testdata/sites to every host (the
// crawler reaches it through Config.Resolve), counting hits per URL.
// File names: host/path, "index" for a trailing slash, "@query" appended;
// ".html", ".xml" and ".txt" are tried. A few URLs misbehave on purpose:
// 429 once with Retry-After, always 500, a PDF, cross-host redirects, a
// server that never answers, a body over the cap.
type siteServer struct {
	*httptest.Server
	root string

	mu          sync.Mutex
	hits        map[string]int
	notModified map[string]int // hits answered 304
	abandoned   map[string]int // hits the client gave up on before the answer
	times       map[string][]time.Time
	// onHit, when set, runs after each counted hit with the total so far.
	onHit func(total int)
	total int
	// extra handles URLs before the fixtures; it returns false to pass.
	extra func(w http.ResponseWriter, r *http.Request) bool
}

func newSiteServer(t testing.TB) *siteServer {
	t.Helper()
	return newSiteServerAt(t, filepath.Join("..", "testdata", "sites"))
}

// newSiteServerAt serves the fixture sites found under root.
func newSiteServerAt(t testing.TB, root string) *siteServer {
	t.Helper()
	s := &siteServer{root: root, hits: map[string]int{}, notModified: map[string]int{}, abandoned: map[string]int{}, times: map[string][]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *siteServer) serve(w http.ResponseWriter, r *http.Request) {
	host, _, _ := strings.Cut(r.Host, ":")
	key := host + r.URL.RequestURI()
	s.mu.Lock()
	s.hits[key]++
	n := s.hits[key]
	s.times[key] = append(s.times[key], time.Now())
	hook := s.onHit
	if !strings.HasSuffix(r.URL.Path, "/robots.txt") {
		s.total++
	}
	total := s.total
	extra := s.extra
	s.mu.Unlock()
	if hook != nil && !strings.HasSuffix(r.URL.Path, "/robots.txt") {
		defer hook(total)
	}
	defer func() {
		// The client gave up before the answer was out (its timeout, on a
		// loaded machine): the request is retried, which is no refetch.
		if r.Context().Err() != nil {
			s.mu.Lock()
			s.abandoned[key]++
			s.mu.Unlock()
		}
	}()
	if extra != nil && extra(w, r) {
		return
	}

	switch {
	case host == "www.inform.kz" && r.URL.Path == path429 && n == 1:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	case host == "www.inform.kz" && r.URL.Path == path500:
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	case host == "www.inform.kz" && r.URL.Path == pathPDF:
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n% fixture\n"))
		return
	case host == "www.inform.kz" && r.URL.Path == pathRedirect:
		http.Redirect(w, r, "https://qazinform.com/news/cis-ipa-observers-begin-work_a3994990", http.StatusMovedPermanently)
		return
	case host == "qazinform.com" && r.URL.Path == pathNoHex:
		http.Redirect(w, r, "https://qazinform.com/news/"+slugE1, http.StatusMovedPermanently)
		return
	case host == "www.inform.kz" && r.URL.Path == pathHang:
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		return
	case host == "www.inform.kz" && r.URL.Path == pathOversized:
		body := bytes.Repeat([]byte("<p>observer list row</p>\n"), 100_000) // 2.4 MB
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
		return
	}
	s.serveFile(w, r, host)
}

func (s *siteServer) serveFile(w http.ResponseWriter, r *http.Request, host string) {
	if host == "m.inform.kz" {
		host = "www.inform.kz" // the mobile host serves the same site
	}
	names := []string{r.URL.Path}
	if p := r.URL.Path; strings.HasSuffix(p, "/") {
		names = []string{p + "index", strings.TrimSuffix(p, "/")}
	}
	for _, name := range names {
		if r.URL.RawQuery != "" {
			name += "@" + r.URL.RawQuery
		}
		if s.tryFile(w, r, host, filepath.Join(s.root, host, filepath.FromSlash(strings.TrimPrefix(name, "/")))) {
			return
		}
	}
	http.NotFound(w, r)
}

// fixtureTime is the Last-Modified of every fixture file.
var fixtureTime = time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *siteServer) tryFile(w http.ResponseWriter, r *http.Request, host, base string) bool {
	for _, ext := range []string{"", ".html", ".xml", ".txt"} {
		data, err := os.ReadFile(base + ext)
		if err != nil {
			continue
		}
		ct := mime.TypeByExtension(filepath.Ext(base + ext))
		if ct == "" || ext == "" && filepath.Ext(base) == "" {
			ct = "text/plain; charset=utf-8"
		}
		if strings.HasPrefix(ct, "text/xml") || ext == ".xml" {
			ct = "application/xml; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		sum := sha256.Sum256(data)
		w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sum[:8]))
		// Answers conditional requests: 304 when the ETag matches, or
		// when nothing changed since If-Modified-Since.
		cw := &statusRecorder{ResponseWriter: w}
		http.ServeContent(cw, r, "", fixtureTime, bytes.NewReader(data))
		if cw.status == http.StatusNotModified {
			s.mu.Lock()
			s.notModified[host+r.URL.RequestURI()]++
			s.mu.Unlock()
		}
		return true
	}
	return false
}

// fullHits returns, per host+requestURI, the requests answered in full:
// not with a 304, and not given up on by the client.
func (s *siteServer) fullHits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v - s.notModified[k] - s.abandoned[k]
	}
	return out
}

// hitCount returns how often host+requestURI was requested.
func (s *siteServer) hitCount(hostURI string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[hostURI]
}

// allHits returns a copy of the hit counts.
func (s *siteServer) allHits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

func (s *siteServer) addr() string { return s.Listener.Addr().String() }

// testConfig is a fast, quiet configuration against srv.
func testConfig(t testing.TB, srv *siteServer, st interface {
	Frontier
	Archive
	RunLog
}) Config {
	cfg := DefaultConfig()
	cfg.Frontier, cfg.Archive, cfg.RunLog = st, st, st
	cfg.Process = fakeProcess
	cfg.Delay, cfg.RandomDelay = 0, 0
	cfg.Parallelism = 3
	cfg.Timeout = 400 * time.Millisecond
	cfg.MaxBody = 1 << 20
	cfg.MaxAttempts = 3
	cfg.BackoffBase, cfg.BackoffMax = 5*time.Millisecond, 20*time.Millisecond
	cfg.Resolve = map[string]string{"*": "http://" + srv.addr()}
	cfg.Contact = "https://example.org/obsfacts"
	cfg.Logger = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return cfg
}

// testWriter sends log output to t.Log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

var reFakeFact = regexp.MustCompile(`(\d+) (?:foreign |international |long-term |short-term |иностранн\S+ |международн\S+ |долгосрочн\S+ )?(?:observers|наблюдател\S*)`)

// fakeProcess stands in for the extraction pipeline: title from <h1>,
// canonical link, article:published_time, body from paragraphs, and one
// "fact" per "N observers" in the body.
func fakeProcess(p extract.Page) (*extract.Result, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p.Body))
	if err != nil {
		return nil, err
	}
	a := extract.Article{URL: p.URL, Title: strings.TrimSpace(doc.Find("h1").First().Text()), Layout: "fake"}
	if href, ok := doc.Find(`link[rel="canonical"]`).Attr("href"); ok {
		a.URL = href
	}
	if v, ok := doc.Find(`meta[name="article:published_time"]`).Attr("content"); ok {
		a.PublishedAt, _ = time.Parse(time.RFC3339, v)
	}
	var paras []string
	doc.Find("p").Each(func(_ int, s *goquery.Selection) { paras = append(paras, strings.TrimSpace(s.Text())) })
	a.Body = strings.Join(paras, "\n\n")
	if a.Title == "" {
		return nil, fmt.Errorf("fake: no title in %s", p.URL)
	}
	res := &extract.Result{Article: a}
	for _, m := range reFakeFact.FindAllStringSubmatchIndex(a.Body, -1) {
		count, _ := strconv.Atoi(a.Body[m[2]:m[3]])
		res.Facts = append(res.Facts, extract.Fact{
			Subject: "observers", Count: count, Evidence: a.Body[m[0]:m[1]],
			CharStart: len([]rune(a.Body[:m[0]])), CharEnd: len([]rune(a.Body[:m[1]])), Rule: "fake",
		})
	}
	return res, nil
}

var _ io.Writer = testWriter{}

// pageOf rebuilds the extraction input from an archived response.
func pageOf(r Response) extract.Page {
	return extract.Page{Source: r.Item.URL, URL: r.FinalURL, ContentType: r.Header["Content-Type"], Body: r.Body, FetchedAt: r.FetchedAt}
}
