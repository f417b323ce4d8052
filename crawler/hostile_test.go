package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Tests of the crawler against servers that misbehave on purpose: gzip
// bombs, endless or failing robots.txt, redirects out of the crawl's scope.

var (
	bombMemberOnce sync.Once
	bombMember     []byte
)

// gzipBomb returns gzip data that inflates to mib MiB of zeros, about a
// thousandth of that size: one compressed MiB repeated as back-to-back gzip
// members (RFC 1952 allows them; Go's reader, like every other, reads them
// all as one stream).
func gzipBomb(mib int) []byte {
	bombMemberOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(make([]byte, 1<<20))
		zw.Close()
		bombMember = buf.Bytes()
	})
	return bytes.Repeat(bombMember, mib)
}

// gzipped compresses b as one gzip member.
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// stateOfURL returns the frontier state and reason of the item for a URL,
// whatever its key (listings and sitemaps carry the crawl's scope in it).
func (m *memStore) stateOfURL(u string) (string, string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.entries {
		if e.item.URL == u {
			return e.state, e.reason
		}
	}
	return "", ""
}

// allocatedDuring returns the bytes the process allocated while f ran. The
// callers are not parallel tests, so nothing else runs meanwhile.
func allocatedDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCrawlBoundsDecompressedBodies serves a 256 MiB gzip bomb in every way a
// server can label gzip: the crawler reads no more than the body cap of it,
// whatever the label, and skips the page as oversized. Not parallel: it
// measures the process's allocations.
func TestCrawlBoundsDecompressedBodies(t *testing.T) {
	bomb := gzipBomb(256)
	for _, tc := range []struct {
		name, path, contentType, encoding string
	}{
		{"x-gzip Content-Encoding", "/en/bomb-x-gzip_a4040481", "text/html", "x-gzip"},
		{"gzip Content-Encoding", "/en/bomb-gzip_a4040482", "text/html", "gzip"},
		{"double gzip Content-Encoding", "/en/bomb-gzip-gzip_a4040483", "text/html", "gzip, gzip"},
		{"gzip Content-Type", "/sitemaps/bomb", "application/x-gzip", ""},
		{".xml.gz path", "/sitemap-bomb.xml.gz", "application/xml", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSiteServer(t)
			srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != tc.path {
					return false
				}
				w.Header().Set("Content-Type", tc.contentType)
				if tc.encoding != "" {
					w.Header().Set("Content-Encoding", tc.encoding)
				}
				body := bomb
				if tc.encoding == "gzip, gzip" {
					body = gzipped(bomb)
				}
				w.Write(body)
				return true
			}
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Timeout = 5 * time.Second // time to inflate it all, as colly did
			cfg.Start = []string{"https://www.inform.kz" + tc.path}
			var sum Summary
			alloc := allocatedDuring(func() { sum = runCrawl(t, context.Background(), cfg) })
			if state, reason := st.stateOfURL(cfg.Start[0]); state != StateSkipped || !strings.HasPrefix(reason, "oversized") {
				t.Errorf("state %q reason %q, want skipped as oversized", state, reason)
			}
			for _, r := range st.responses {
				if len(r.Body) > cfg.MaxBody {
					t.Errorf("archived a %d-byte body, over the %d cap", len(r.Body), cfg.MaxBody)
				}
			}
			// The cap is 1 MiB: reading up to it costs a few MiB of buffers,
			// inflating the bomb costs 256 MiB and more.
			if alloc > 64<<20 {
				t.Errorf("the crawl allocated %d MiB for a 256 MiB bomb under a 1 MiB cap", alloc>>20)
			}
			if sum.Articles != 0 {
				t.Errorf("summary %+v", sum)
			}
		})
	}
}

// TestCrawlReadsGzipSitemaps checks the bounded reading still inflates an
// honest .xml.gz sitemap, however it is labelled.
func TestCrawlReadsGzipSitemaps(t *testing.T) {
	t.Parallel()
	sitemap := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.inform.kz/en/cec-registers-31-foreign-observers-ahead-of-majilis-vote_a3721112</loc><lastmod>2020-11-20</lastmod></url>
</urlset>`)
	for _, tc := range []struct {
		name, contentType, encoding string
	}{
		{"gzip file as application/xml", "application/xml", ""},
		{"gzip file as application/x-gzip", "application/x-gzip", ""},
		{"gzip file as application/octet-stream with x-gzip encoding", "application/xml", "x-gzip"},
		{"gzip encoding of the plain file", "application/xml", "gzip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newSiteServer(t)
			srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/sitemaps/news-2020.xml.gz" {
					return false
				}
				w.Header().Set("Content-Type", tc.contentType)
				if tc.encoding != "" {
					w.Header().Set("Content-Encoding", tc.encoding)
				}
				w.Write(gzipped(sitemap))
				return true
			}
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Start = []string{"https://www.inform.kz/sitemaps/news-2020.xml.gz"}
			runCrawl(t, context.Background(), cfg)
			if got := st.articleKeys(); len(got) != 1 || got[0] != "kazinform:a3721112" {
				t.Errorf("articles %q, want the one the sitemap lists", got)
			}
		})
	}
}

// endless writes chunks until the client goes away.
func endless(w http.ResponseWriter, r *http.Request, chunk []byte) {
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

// TestCrawlRobotsTxt covers RFC 9309 for robots.txt: at most 500 KiB read
// (after decompression), 4xx allows, 5xx and network failures disallow the
// host for the run, and robots.txt is fetched once per host per run,
// failures included.
func TestCrawlRobotsTxt(t *testing.T) {
	t.Parallel()
	articles := []string{
		"/en/cec-registers-31-foreign-observers-ahead-of-majilis-vote_a3721112",
		"/en/odihr-mission-to-place-30-long-term-observers-in-regions_a3737153",
	}
	comment := []byte(strings.Repeat("# nothing to see here\n", 1000))
	for _, tc := range []struct {
		name   string
		robots func(w http.ResponseWriter, r *http.Request)
		stored bool   // whether the articles are fetched
		reason string // the articles' reason when not
	}{
		{"endless", func(w http.ResponseWriter, r *http.Request) {
			endless(w, r, comment)
		}, true, ""},
		{"endless gzip", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			endless(w, r, gzipBomb(1))
		}, true, ""},
		{"gzip bomb as x-gzip", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "x-gzip")
			w.Write(gzipBomb(64))
		}, true, ""},
		{"rule past 500 KiB is not read", func(w http.ResponseWriter, r *http.Request) {
			w.Write(bytes.Repeat(comment, 25)) // 550 KB
			w.Write([]byte("User-agent: *\nDisallow: /en/\n"))
		}, true, ""},
		{"rule within 500 KiB", func(w http.ResponseWriter, r *http.Request) {
			w.Write(bytes.Repeat(comment, 20)) // 440 KB
			w.Write([]byte("User-agent: *\nDisallow: /en/\n"))
		}, false, "robots.txt"},
		{"404 allows", func(w http.ResponseWriter, r *http.Request) {
			http.NotFound(w, r)
		}, true, ""},
		{"403 allows", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "forbidden", http.StatusForbidden)
		}, true, ""},
		{"503 disallows", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		}, false, "robots.txt unavailable: http 503"},
		{"stalls", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}, false, "robots.txt unavailable: timeout"},
		{"connection dropped", func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		}, false, "robots.txt unavailable: network"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newSiteServer(t)
			srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/robots.txt" || !strings.HasPrefix(r.Host, "www.inform.kz") {
					return false
				}
				tc.robots(w, r)
				return true
			}
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Timeout = 300 * time.Millisecond
			for _, p := range articles {
				cfg.Start = append(cfg.Start, "https://www.inform.kz"+p)
			}
			runCrawl(t, context.Background(), cfg)
			if n := srv.hitCount("www.inform.kz/robots.txt"); n != 1 {
				t.Errorf("robots.txt fetched %d times, want once per run", n)
			}
			for _, p := range articles {
				key, _ := Canonicalize("https://www.inform.kz" + p)
				state, reason := st.state(key)
				hits := srv.hitCount("www.inform.kz" + p)
				switch {
				case tc.stored && (state != StateDone || hits != 1):
					t.Errorf("%s: state %q reason %q, fetched %d times; want it fetched once and stored", p, state, reason, hits)
				case !tc.stored && (hits != 0 || !strings.HasPrefix(reason, tc.reason)):
					t.Errorf("%s: state %q reason %q, fetched %d times; want it not fetched, reason %q", p, state, reason, hits, tc.reason)
				}
			}
		})
	}
}

// TestCrawlRedirectScope checks that redirects are followed only to hosts of
// the crawl (the profiles' hosts and the start URLs' hosts), and that the
// target's robots.txt applies.
func TestCrawlRedirectScope(t *testing.T) {
	t.Parallel()
	const from = "/en/observers-moved_a4040490"
	for _, tc := range []struct {
		name, to, state, reason string
		fetched                 string // host+URI of the target, when it must be fetched
	}{
		{"to another site", "https://evil.example/en/secret_a4040491", StateSkipped, "redirect out of scope: evil.example", ""},
		{"to another port of a start host", "https://www.inform.kz:8443/en/secret_a4040492", StateSkipped, "redirect out of scope: www.inform.kz:8443", ""},
		{"to a path robots.txt disallows", "https://qazinform.com/admin/notes_a4040493", StateSkipped, "robots.txt", ""},
		{"to a host of the profile", "https://qazinform.com/news/cis-ipa-observers-begin-work_a3994990", StateDone, "", "qazinform.com/news/cis-ipa-observers-begin-work_a3994990"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newSiteServer(t)
			var other int
			var mu sync.Mutex
			srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
				switch {
				case r.URL.Path == from:
					http.Redirect(w, r, tc.to, http.StatusFound)
					return true
				case strings.HasSuffix(r.URL.Path, "robots.txt"):
					return false
				case strings.HasPrefix(r.Host, "evil.example") || strings.HasSuffix(r.Host, ":8443") ||
					strings.HasPrefix(r.URL.Path, "/admin/"):
					mu.Lock()
					other++
					mu.Unlock()
					w.Header().Set("Content-Type", "text/html")
					fmt.Fprint(w, "<h1>internal</h1><p>42 observers</p>")
					return true
				}
				return false
			}
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Start = []string{"https://www.inform.kz" + from}
			runCrawl(t, context.Background(), cfg)
			key, _ := Canonicalize(cfg.Start[0])
			state, reason := st.state(key)
			if state != tc.state || !strings.HasPrefix(reason, tc.reason) {
				t.Errorf("state %q reason %q, want %q %q", state, reason, tc.state, tc.reason)
			}
			mu.Lock()
			defer mu.Unlock()
			if tc.fetched == "" && other > 0 {
				t.Errorf("the redirect target was fetched %d times", other)
			}
			if tc.fetched != "" && srv.hitCount(tc.fetched) != 1 {
				t.Errorf("%s fetched %d times, want 1", tc.fetched, srv.hitCount(tc.fetched))
			}
			for _, r := range st.responses {
				if strings.Contains(string(r.Body), "internal") {
					t.Errorf("the out-of-scope body was archived from %s", r.FinalURL)
				}
			}
		})
	}
}

// TestCrawlPrivateAddresses checks that private, loopback and link-local
// addresses are refused unless the host is named by Resolve or AllowPrivate
// is set. The server listens on 127.0.0.1, as a service on the crawling
// machine would.
func TestCrawlPrivateAddresses(t *testing.T) {
	t.Parallel()
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<h1>router admin</h1><p>7 observers</p>")
	}))
	t.Cleanup(inner.Close)
	innerURL := inner.URL + "/admin"
	for _, tc := range []struct {
		name         string
		start        string
		redirect     bool // start on a site that redirects to start instead
		allowPrivate bool
		resolve      bool // name the host with Resolve
		state        string
		reason       string // contained in the reason
	}{
		{"loopback start URL", innerURL, false, false, false, StateFailed, "refused: 127.0.0.1 is a loopback address"},
		{"link-local start URL", "http://169.254.169.254/latest/meta-data", false, false, false, StateFailed, "refused: 169.254.169.254 is a link-local address"},
		{"private start URL", "http://10.1.2.3/", false, false, false, StateFailed, "refused: 10.1.2.3 is a private address"},
		{"redirect to loopback", innerURL, true, false, false, StateFailed, "refused: 127.0.0.1 is a loopback address"},
		{"loopback allowed", innerURL, false, true, false, StateDone, ""},
		{"redirect to loopback allowed", innerURL, true, true, false, StateDone, ""},
		{"loopback named by Resolve", innerURL, false, false, true, StateDone, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newSiteServer(t)
			srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/en/moved_a4040495" {
					return false
				}
				http.Redirect(w, r, tc.start, http.StatusFound)
				return true
			}
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Resolve = map[string]string{"www.inform.kz": "http://" + srv.addr()}
			if tc.resolve {
				cfg.Resolve["127.0.0.1"] = inner.Listener.Addr().String()
			}
			cfg.AllowPrivate = tc.allowPrivate
			cfg.Start = []string{tc.start}
			if tc.redirect {
				// Another page of the target's host is a start URL, so the
				// redirect is in scope; only the address stops it.
				cfg.Start = []string{inner.URL + "/index", "https://www.inform.kz/en/moved_a4040495"}
			}
			runCrawl(t, context.Background(), cfg)
			key, _ := Canonicalize(cfg.Start[len(cfg.Start)-1])
			state, reason := st.state(key)
			if state != tc.state || !strings.Contains(reason, tc.reason) {
				t.Errorf("state %q reason %q, want %q with %q", state, reason, tc.state, tc.reason)
			}
			for _, r := range st.responses {
				if strings.Contains(string(r.Body), "router admin") && !tc.allowPrivate && !tc.resolve {
					t.Errorf("the private page was archived from %s", r.FinalURL)
				}
			}
		})
	}
}
