package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gzipFile writes b gzip-compressed to a temporary file and returns its path.
func gzipFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// articleLines decodes article's JSON Lines output.
func articleLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line is not JSON: %v\n%s", err, l)
		}
		recs = append(recs, r)
	}
	return recs
}

// TestArticleInputs reads one input of each kind: an HTML page, the same
// page gzipped, a text dump and a URL, then a missing file, which is
// reported by name and fails the run while the others are still written.
func TestArticleInputs(t *testing.T) {
	srv := newInputServer(t)
	html, err := os.ReadFile(fixturePage("kazinform_a_majilis2021.html"))
	if err != nil {
		t.Fatal(err)
	}
	gz := gzipFile(t, "page.html.gz", html)
	code, out, errOut := runCLI(t, "article", fixturePage("kazinform_a_majilis2021.html"), gz,
		fixturePage("dump_kazinform_a_president2019.txt"), srv.URL+"/good", "missing.html")
	if code != 1 || !strings.Contains(errOut, "missing.html: no such file") {
		t.Errorf("exit %d, stderr %q; want 1 and the missing file named", code, errOut)
	}
	recs := articleLines(t, out)
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4:\n%s", len(recs), out)
	}
	keys := []string{"source", "url", "site", "title", "published_at", "author", "section", "tags", "language", "layout", "body"}
	for i, r := range recs {
		for _, k := range keys {
			if _, ok := r[k]; !ok {
				t.Errorf("record %d has no %q", i, k)
			}
		}
		if len(r) != len(keys) {
			t.Errorf("record %d has %d keys, want %d", i, len(r), len(keys))
		}
	}
	tests := []struct {
		name                          string
		rec                           map[string]any
		source, layout, site, pubDate string
	}{
		{"html", recs[0], fixturePage("kazinform_a_majilis2021.html"), "kazinform-a", "www.inform.kz", "2021-01-07T16:20:00+06:00"},
		{"gzip", recs[1], gz, "kazinform-a", "www.inform.kz", "2021-01-07T16:20:00+06:00"},
		{"text dump", recs[2], fixturePage("dump_kazinform_a_president2019.txt"), "textdump", "", "2019-"},
		{"url", recs[3], srv.URL + "/good", "textdump", "", "2019-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.rec
			if r["source"] != tt.source || r["layout"] != tt.layout || (tt.site != "" && r["site"] != tt.site) ||
				!strings.HasPrefix(r["published_at"].(string), tt.pubDate) || len(r["body"].(string)) < 200 {
				t.Errorf("got source %v layout %v site %v published_at %v body %d bytes",
					r["source"], r["layout"], r["site"], r["published_at"], len(r["body"].(string)))
			}
		})
	}
	if recs[0]["body"] != recs[1]["body"] {
		t.Errorf("the gzipped page reads differently from the page")
	}
}

// TestArticleFormats: txt writes the bodies alone, separated by a form
// feed line; -o FILE.txt picks txt; a date without a known offset is
// printed as a bare date.
func TestArticleFormats(t *testing.T) {
	page := []byte(`<html><head><link rel="canonical" href="https://news.example.com/a/1">
<meta property="article:published_time" content="2019-11-19T19:16:00"></head><body><article><h1>Observers arrive</h1>
<p>The first observers arrived on Monday and will work in all regions until the vote, the commission said.</p>
<p>More groups, from states of the region and from Europe, are expected during the week, officials added.</p>
</article></body></html>`)
	dir := t.TempDir()
	in := filepath.Join(dir, "a.html")
	if err := os.WriteFile(in, page, 0o644); err != nil {
		t.Fatal(err)
	}
	body := "The first observers arrived on Monday and will work in all regions until the vote, the commission said.\n\n" +
		"More groups, from states of the region and from Europe, are expected during the week, officials added."

	code, out, errOut := runCLI(t, "article", "--format", "txt", in, in)
	if code != 0 || out != body+"\n\f\n"+body+"\n" {
		t.Errorf("txt: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	txt := filepath.Join(dir, "out.txt")
	if code, _, errOut = runCLI(t, "article", "-o", txt, in); code != 0 {
		t.Fatalf("-o: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(txt); string(b) != body+"\n" {
		t.Errorf("-o out.txt wrote %q", b)
	}
	code, out, _ = runCLI(t, "article", in)
	recs := articleLines(t, out)
	if code != 0 || recs[0]["published_at"] != "2019-11-19" || recs[0]["site"] != "news.example.com" || recs[0]["body"] != body {
		t.Errorf("jsonl: exit %d, %v", code, recs[0])
	}
}

func TestArticleUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no input", []string{"article"}, "no input given"},
		{"bad format", []string{"article", "--format", "csv", "x.html"}, `--format "csv": unknown format`},
		{"bad size", []string{"article", "--max-size", "0", "x.html"}, "--max-size and --timeout must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != 2 || out != "" || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, tt.want)
			}
		})
	}
}
