package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// TestCrawlAllowPrivate checks that a crawl refuses a server on a loopback
// address unless --allow-private is given or --resolve names the host.
func TestCrawlAllowPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Observers arrive</title></head><body><article><h1>Observers arrive</h1>
<p>The CEC accredited 12 observers from the OSCE on Monday, its press service said.</p></article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	start := srv.URL + "/news/observers-arrive"
	for _, tc := range []struct {
		name     string
		flags    []string
		articles int
	}{
		{"refused by default", nil, 0},
		{"--allow-private", []string{"--allow-private"}, 1},
		{"--resolve names the host", []string{"--resolve", "127.0.0.1=" + srv.Listener.Addr().String()}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "crawl.db")
			args := append([]string{"crawl", "--db", db, "--delay", "0", "--retries", "0", "--start", start}, tc.flags...)
			code, _, stderr := runCLI(t, args...)
			// A crawl that fetched nothing may exit 1; never with a usage error.
			if code != 0 && (tc.articles > 0 || code != 1) {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if got := len(readResult(t, db).pages); got != tc.articles {
				t.Errorf("%d articles stored, want %d\n%s", got, tc.articles, stderr)
			}
		})
	}
}
