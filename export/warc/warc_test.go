package warc

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// readBack reads a WARC file with strict validation (digests and lengths
// checked) and returns its record types in order, with the response blocks.
func readBack(t *testing.T, path string) (types []string, responses []string) {
	t.Helper()
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("record %d: %v", len(types), err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("record %d: %v", len(types), rec.Validation)
		}
		wr := rec.WarcRecord
		types = append(types, wr.Type().String())
		if wr.Type() == gowarc.Response {
			body, err := wr.Block().RawBytes()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(body)
			responses = append(responses, string(b))
			if wr.WarcHeader().Get(gowarc.WarcPayloadDigest) == "" || wr.WarcHeader().Get(gowarc.WarcConcurrentTo) == "" {
				t.Errorf("response without payload digest or request: %v", wr.WarcHeader())
			}
		}
		rec.Close()
	}
	return types, responses
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	w, err := Create(path, Info{Software: "obsfacts/test", Operator: "https://example.org"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 8, 15, 8, 51, 0, 0, time.UTC)
	for _, f := range []Fetch{
		{URL: "https://www.inform.kz/ru/lenta", Status: 200, FetchedAt: at,
			RequestHeader: map[string]string{"Host": "www.inform.kz", "User-Agent": "obsfacts/test"},
			// Content-Encoding and the wire length describe a body no
			// longer archived as such: they are replaced.
			Header: map[string]string{"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": "99", "Etag": `"x1"`},
			Body:   []byte("<html>лента</html>")},
		{URL: "https://www.inform.kz/ru/lenta?page=2", Status: 304, FetchedAt: at.Add(time.Second), Header: map[string]string{"Etag": `"x2"`}},
	} {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("file in place before Close")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if c := w.Counts(); c.Files != 1 || c.Requests != 2 || c.Responses != 2 {
		t.Errorf("counts %+v", c)
	}
	types, responses := readBack(t, path)
	if got := strings.Join(types, " "); got != "warcinfo request response request response" {
		t.Errorf("records: %s", got)
	}
	first := responses[0]
	for _, want := range []string{"HTTP/1.1 200 OK\r\n", "Content-Length: 23\r\n", "Etag: \"x1\"\r\n", "\r\n\r\n<html>лента</html>"} {
		if !strings.Contains(first, want) {
			t.Errorf("response block lacks %q:\n%s", want, first)
		}
	}
	if strings.Contains(first, "gzip") || strings.Contains(first, ": 99") {
		t.Errorf("wire headers kept:\n%s", first)
	}
	if !strings.HasPrefix(responses[1], "HTTP/1.1 304 Not Modified\r\n") {
		t.Errorf("304: %q", responses[1])
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left beside the WARC: %v", entries)
	}
}

func TestWriteDirRotates(t *testing.T) {
	dir := t.TempDir()
	w, err := CreateDir(dir, "crawl-", 2000, Info{Software: "obsfacts/test"})
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(strings.Repeat("observers ", 300))
	for i := range 4 {
		f := Fetch{URL: "https://qazinform.com/news/a" + string(rune('a'+i)), Status: 200, FetchedAt: time.Now(),
			Header: map[string]string{"Content-Type": "text/html"}, Body: body}
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "crawl-*.warc.gz"))
	if len(files) < 2 {
		t.Fatalf("files %q: no rotation at 2000 bytes", files)
	}
	responses := 0
	for _, f := range files {
		types, _ := readBack(t, f)
		if types[0] != "warcinfo" {
			t.Errorf("%s starts with %s", f, types[0])
		}
		for _, ty := range types {
			if ty == "response" {
				responses++
			}
		}
	}
	if responses != 4 {
		t.Errorf("%d responses in all files, want 4", responses)
	}
}

// TestWriteConcurrently: a crawl saves from many goroutines at once.
func TestWriteConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.warc.gz")
	w, err := Create(path, Info{Software: "obsfacts/test"})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	for i := range 8 {
		go func() {
			done <- w.Write(Fetch{URL: "https://qazinform.com/news/n" + strings.Repeat("x", i), Status: 200,
				FetchedAt: time.Now(), Header: map[string]string{"Content-Type": "text/html"}, Body: []byte("<p>observers</p>")})
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	types, _ := readBack(t, path)
	if len(types) != 17 {
		t.Errorf("%d records, want 17", len(types))
	}
}
