package crawler

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fuzz targets of the crawler's parsers of what servers send. Seeds are in
// testdata/fuzz/<target> and the fixture sites; .ci/run fuzzes each briefly:
//
//	go test -run '^$' -fuzz '^FuzzParseFeed$' -fuzztime 5s ./crawler

// FuzzParseFeed feeds RSS, Atom and sitemap parsing arbitrary bytes: it never
// panics, and every link it returns is an absolute http(s) URL.
func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{
		"www.inform.kz/sitemap.xml", "www.inform.kz/sitemaps/news-en.xml", "qazaqtv.com/sitemap.xml",
	} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "sites", filepath.FromSlash(name))); err == nil {
			f.Add(b)
		}
	}
	base, _ := url.Parse("https://www.inform.kz/rss/")
	f.Fuzz(func(t *testing.T, body []byte) {
		lst, err := ParseFeed(base, body)
		if err != nil {
			return
		}
		if lst.Format != "rss" && lst.Format != "sitemap" {
			t.Errorf("format %q", lst.Format)
		}
		for _, l := range lst.Links {
			if l.URL == nil || l.URL.Host == "" || (l.URL.Scheme != "http" && l.URL.Scheme != "https") {
				t.Errorf("link %v is not an absolute http(s) URL", l.URL)
			}
		}
	})
}

// FuzzRobots feeds robots.txt parsing arbitrary bytes and paths: it never
// panics, answers the same twice, and never reads past 500 KiB.
func FuzzRobots(f *testing.F) {
	for _, host := range []string{"www.inform.kz", "qazaqtv.com"} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "sites", host, "robots.txt")); err == nil {
			f.Add(b, "/kz/news/1")
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		data, err := parseRobots(body)
		if err != nil {
			return
		}
		group := data.FindGroup("obsfacts/0.1.0 (+https://example.org)")
		first := group.Test(path)
		if group.Test(path) != first {
			t.Errorf("robots.txt answers %q both ways", path)
		}
	})
}
