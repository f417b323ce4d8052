package crawler

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/obsfacts/obsfacts/extract"
)

// bombStore is a memStore whose process "dies" (every later call fails,
// nothing more is written, as with kill -9) when the page of one URL is
// saved: a page that crashes the crawler.
type bombStore struct {
	*crashingStore
	url string
}

func (b *bombStore) SaveResponse(ctx context.Context, resp Response, res *extract.Result) error {
	if resp.Item.URL == b.url {
		b.mu.Lock()
		b.crashed = true
		b.mu.Unlock()
	}
	return b.crashingStore.SaveResponse(ctx, resp, res)
}

// TestCrawlCrashLoopEnds: a page that kills the crawler whenever it is
// fetched counts an attempt each time its run is recovered, and is failed
// for good after MaxAttempts crashes; the crawl then completes without it.
func TestCrawlCrashLoopEnds(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	inner := newMemStore()
	bomb := "https://www.inform.kz" + pathA1
	other := "https://www.inform.kz/en/odihr-mission-to-place-30-long-term-observers-in-regions_a3737153"
	for run := 1; run <= 3; run++ {
		st := &bombStore{crashingStore: &crashingStore{memStore: inner, crashAt: 1 << 30}, url: bomb}
		cfg := testConfig(t, srv, st)
		// Only the bomb: an innocent page in flight at the crash would count
		// an attempt too.
		cfg.Start = []string{bomb}
		c, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Run(context.Background()); !errors.Is(err, errCrashed) {
			t.Fatalf("run %d: error %v, want the crash", run, err)
		}
	}
	cfg := testConfig(t, srv, inner)
	cfg.Start = []string{bomb, other}
	sum := runCrawl(t, context.Background(), cfg)
	state, reason := inner.state("kazinform:a3721112")
	if state != StateFailed || reason != "crashed the crawler 3 times" {
		t.Errorf("bomb: state %q reason %q, want failed after 3 crashes", state, reason)
	}
	if class, _ := inner.failure("kazinform:a3721112"); class != FailurePermanent {
		t.Errorf("bomb failure class %q, want permanent", class)
	}
	if n := srv.hitCount("www.inform.kz" + pathA1); n != 3 {
		t.Errorf("bomb fetched %d times, want 3 (once per crash)", n)
	}
	if sum.Outcome != "completed" || !slices.Contains(inner.articleKeys(), "kazinform:a3737153") {
		t.Errorf("last run %+v, articles %q", sum, inner.articleKeys())
	}
}

// downAddr returns the address of a server that was closed: connections to
// it are refused.
func downAddr(t *testing.T) string {
	t.Helper()
	s := httptest.NewServer(http.NotFoundHandler())
	addr := s.Listener.Addr().String()
	s.Close()
	return addr
}

// TestCrawlHostDownThenUp: with every host down the run reports each host
// once, puts its URLs off to the next run and does not succeed; once the
// sites answer, the same crawl completes with every article.
func TestCrawlHostDownThenUp(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	srv := newSiteServer(t)
	cfg := testConfig(t, srv, st)
	cfg.Resolve = map[string]string{"*": "http://" + downAddr(t)}
	down := runCrawl(t, context.Background(), cfg)

	if down.Succeeded() {
		t.Errorf("a run that reached nothing succeeded: %+v", down)
	}
	var hosts []string
	for _, h := range down.Unreachable {
		hosts = append(hosts, h.Host)
		if h.Cause != "connection refused" || h.Waiting == 0 {
			t.Errorf("unreachable %+v", h)
		}
		if line := h.String(); !strings.HasPrefix(line, "could not reach "+h.Host+": connection refused (") ||
			!strings.HasSuffix(line, " URLs waiting for the next run)") {
			t.Errorf("line %q", line)
		}
	}
	wantHosts := []string{"en.inform.kz", "qazaqtv.com", "qazinform.com", "qz.inform.kz", "www.inform.kz"}
	if !slices.Equal(hosts, wantHosts) {
		t.Errorf("unreachable hosts %q, want %q", hosts, wantHosts)
	}
	if down.Deferred == 0 || down.Deferred != down.Failed || down.OK != 0 {
		t.Errorf("down run: %d deferred of %d failed, %d ok", down.Deferred, down.Failed, down.OK)
	}
	// Once a host is known down its other URLs cost no request.
	if limit := len(wantHosts) * (hostDownAfter + 2*cfg.Parallelism*4); down.Requests > limit {
		t.Errorf("%d requests to hosts that were down, want at most %d", down.Requests, limit)
	}
	for key, e := range st.entries {
		if e.state == StateFailed && (e.failure != FailureTransient || e.failedRuns != 1) {
			t.Errorf("%s: failed %s in %d runs (%s)", key, e.failure, e.failedRuns, e.reason)
		}
	}

	up := runCrawl(t, context.Background(), testConfig(t, srv, st))
	if !up.Succeeded() || len(up.Unreachable) != 0 {
		t.Errorf("run with the sites up: %+v", up)
	}
	if got := st.articleKeys(); !slices.Equal(got, wantFullCrawl) {
		t.Errorf("articles after the sites came back:\n got %q\nwant %q", got, wantFullCrawl)
	}
}

// TestCrawlRetriesAcrossRuns: a transient failure (5xx) is tried again by
// the next run, a permanent one (404) only with RetryFailed.
func TestCrawlRetriesAcrossRuns(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	var broken atomic.Bool
	broken.Store(true)
	const flaky = "/en/odihr-mission-to-place-30-long-term-observers-in-regions_a3737153"
	const missing = "/en/no-such-article_a1000001"
	srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == flaky && broken.Load() {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz" + flaky, "https://www.inform.kz" + missing}
	first := runCrawl(t, context.Background(), cfg)
	if first.Deferred != 1 || first.Failed != 2 || first.Succeeded() {
		t.Errorf("first run: %d deferred, %d failed, succeeded %v", first.Deferred, first.Failed, first.Succeeded())
	}
	if class, runs := st.failure("kazinform:a3737153"); class != FailureTransient || runs != 1 {
		t.Errorf("503 page: %s in %d runs", class, runs)
	}
	if class, _ := st.failure("kazinform:a1000001"); class != FailurePermanent {
		t.Errorf("404 page: %s", class)
	}

	broken.Store(false)
	before := srv.allHits()
	second := runCrawl(t, context.Background(), cfg)
	if second.Articles != 1 || !second.Succeeded() {
		t.Errorf("second run %+v", second)
	}
	after := srv.allHits()
	if after["www.inform.kz"+missing] != before["www.inform.kz"+missing] {
		t.Error("a 404 was asked again without --retry-failed")
	}

	cfg.RetryFailed = true
	runCrawl(t, context.Background(), cfg)
	if n := srv.hitCount("www.inform.kz" + missing); n != after["www.inform.kz"+missing]+1 {
		t.Errorf("--retry-failed asked the 404 %d times in all, want one more", n)
	}
}
