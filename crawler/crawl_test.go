package crawler

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// runCrawl builds a crawler from cfg and runs it to the end.
func runCrawl(t *testing.T, ctx context.Context, cfg Config) Summary {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(ctx)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// election articles of the fixture sites that an uninterrupted crawl with
// the profiles' defaults stores.
var wantFullCrawl = []string{
	"https://inform.kz/kz/osk-sheteldik-baiqaushylardy-tirkedi-2b7f44",
	"https://inform.kz/kz/tmd-missiyasynan-27-baiqaushy-keldi-8c3d21",
	"https://inform.kz/ru/missiya-bdipch-obse-otkryla-ofis-4b2a91",
	"https://inform.kz/ru/nablyudateli-shos-pribudut-k-vyboram-9d0e55",
	"https://inform.kz/ru/referendum-nablyudateli-iz-12-stran-1e4f88",
	"https://inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09",
	"https://inform.kz/ru/tsik-obnovil-spisok-izbiratelnyh-uchastkov-5a7b20",
	"https://qazinform.com/news/" + slugE1,
	"https://qazinform.com/news/observers-from-eight-countries-register-for-referendum",
	"https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10",
	"https://qz.inform.kz/news/referendum-komissiiasy-akkredittaudy-aiaqtady-1f0a55",
	"kazinform:a3721105",
	"kazinform:a3721112",
	"kazinform:a3721170",
	"kazinform:a3737153",
	"kazinform:a3994990",
	"kazinform:a4004373",
	"qazaqtv-old:en:193055",
	"qazaqtv:en:20790",
	"qazaqtv:en:20824",
	"qazaqtv:en:20833",
	"qazaqtv:ru:20825",
}

// retried are the fixture URLs fetched more than once by design.
var retried = map[string]bool{
	"www.inform.kz" + path429:  true,
	"www.inform.kz" + path500:  true,
	"www.inform.kz" + pathHang: true,
	// A redirect to an article in flight under another URL waits and is
	// asked again (the article itself is fetched once).
	"qazinform.com" + pathNoHex: true,
}

func TestCrawlFixtureSites(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	sum := runCrawl(t, context.Background(), testConfig(t, srv, st))

	if got := st.articleKeys(); !slices.Equal(got, wantFullCrawl) {
		t.Errorf("articles:\n got %q\nwant %q", got, wantFullCrawl)
	}
	if sum.Outcome != "completed" || sum.Articles < len(wantFullCrawl) || sum.Facts == 0 {
		t.Errorf("summary %+v", sum)
	}

	// Final frontier states of the URLs that misbehave.
	for _, tc := range []struct {
		url, state, reason string
	}{
		{"https://www.inform.kz" + pathRobots, StateSkipped, "robots.txt"},
		{"https://www.inform.kz" + path500, StateFailed, "http 500 (after 3 attempts)"},
		{"https://www.inform.kz" + pathPDF, StateSkipped, "not HTML: application/pdf"},
		{"https://www.inform.kz" + pathHang, StateFailed, "timeout (after 3 attempts)"},
		{"https://www.inform.kz" + pathOversized, StateSkipped, "oversized"},
		{"https://www.inform.kz" + path429, StateDone, ""},
		{"https://qazaqtv.com" + pathKZ, StateSkipped, "robots.txt"},
	} {
		key, err := Canonicalize(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		state, reason := st.state(key)
		if state != tc.state || !strings.HasPrefix(reason, tc.reason) {
			t.Errorf("%s: state %q reason %q, want %q %q", tc.url, state, reason, tc.state, tc.reason)
		}
	}

	// Politeness and dedupe: robots.txt obeyed (also a group naming our
	// User-Agent); every page fetched once except the ones retried; the same
	// article reached by four URLs fetched once.
	hits := srv.allHits()
	for _, never := range []string{"www.inform.kz" + pathRobots, "qazaqtv.com" + pathKZ} {
		if hits[never] != 0 {
			t.Errorf("%s fetched %d times despite robots.txt", never, hits[never])
		}
	}
	for u, n := range srv.fullHits() {
		if n > 1 && !retried[u] {
			t.Errorf("%s fetched %d times", u, n)
		}
	}
	a1 := 0
	for u, n := range srv.fullHits() {
		if strings.Contains(u, "_a3721112") {
			a1 += n
		}
	}
	if a1 != 1 {
		t.Errorf("article a3721112 (four URLs) fetched %d times, want 1", a1)
	}
	if n := hits["www.inform.kz"+path500]; n != 3 {
		t.Errorf("500 page fetched %d times, want 3 (MaxAttempts)", n)
	}

	// The run is logged.
	if len(st.runs) != 1 || st.runs[0].outcome != "completed" || st.runs[0].counts["articles"] != sum.Articles {
		t.Errorf("runs: %+v", st.runs)
	}
	// Listings are archived too, and the last 500 response with its status.
	var listing, failed bool
	for _, r := range st.responses {
		if r.Item.Kind == KindListing && r.ArticleKey == "" && r.Status == 200 {
			listing = true
		}
		if r.Status == 500 {
			failed = true
		}
	}
	if !listing || !failed {
		t.Errorf("archive: listing archived %v, 500 archived %v", listing, failed)
	}
}

func TestCrawlDateRangeStopsPaging(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz/ru/lenta"}
	cfg.Range = Range{Since: time.Date(2025, 7, 20, 0, 0, 0, 0, time.UTC)}
	runCrawl(t, context.Background(), cfg)

	want := []string{
		"https://inform.kz/ru/missiya-bdipch-obse-otkryla-ofis-4b2a91",
		"https://inform.kz/ru/nablyudateli-shos-pribudut-k-vyboram-9d0e55",
		"https://inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09",
	}
	if got := st.articleKeys(); !slices.Equal(got, want) {
		t.Errorf("articles:\n got %q\nwant %q", got, want)
	}
	for u, want := range map[string]int{
		"www.inform.kz/ru/lenta":                                             1,
		"www.inform.kz/ru/lenta?page=2":                                      1,
		"www.inform.kz/ru/lenta?page=3":                                      0, // page 2 ends before --since
		"www.inform.kz/ru/referendum-nablyudateli-iz-12-stran-1e4f88":        0, // dated before --since
		"www.inform.kz/ru/tsik-obnovil-spisok-izbiratelnyh-uchastkov-5a7b20": 0,
		"www.inform.kz/ru/v-astane-ozhidaetsya-dozhd-3f9a12":                 0, // not about elections
	} {
		if got := srv.hitCount(u); got != want {
			t.Errorf("%s fetched %d times, want %d", u, got, want)
		}
	}
}

func TestCrawlAllArticles(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz/ru/lenta"}
	cfg.Range = Range{Since: time.Date(2025, 7, 20, 0, 0, 0, 0, time.UTC)}
	cfg.AllArticles = true
	runCrawl(t, context.Background(), cfg)
	// The weather and harvest news are taken too; the range still holds.
	for u, want := range map[string]int{
		"www.inform.kz/ru/v-astane-ozhidaetsya-dozhd-3f9a12":                 1,
		"www.inform.kz/ru/urozhay-zerna-v-kostanayskoy-oblasti-2c8e71":       1,
		"www.inform.kz/ru/tsik-obnovil-spisok-izbiratelnyh-uchastkov-5a7b20": 0,
	} {
		if got := srv.hitCount(u); got != want {
			t.Errorf("%s fetched %d times, want %d", u, got, want)
		}
	}
	if n := len(st.articleKeys()); n != 5 {
		t.Errorf("%d articles stored, want 5", n)
	}
}

func TestCrawlGenADailyArchive(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Sites = []string{"kazinform"}
	day := time.Date(2020, 11, 20, 0, 0, 0, 0, time.UTC)
	cfg.Range = Range{Since: day, Until: day}
	runCrawl(t, context.Background(), cfg)
	for _, key := range []string{"kazinform:a3721112", "kazinform:a3721150"} {
		if !slices.Contains(st.articleKeys(), key) {
			t.Errorf("article %s from the daily archive not stored; have %q", key, st.articleKeys())
		}
	}
	if srv.hitCount("www.inform.kz/en/new-bridge-opens-over-ishim-river_a3721101") != 0 {
		t.Error("article not about elections fetched")
	}
	// Items dated 2024-2025 in feeds and the lenta are out of range.
	// Items dated 2024-2025 in feeds are out of range; the lenta, which
	// starts in 2023, is not read for a 2020 range.
	for _, u := range []string{"en.inform.kz/news/" + slugE1 + "/", "www.inform.kz/ru/lenta"} {
		if n := srv.hitCount(u); n != 0 {
			t.Errorf("%s fetched %d times", u, n)
		}
	}
}

func TestCrawlRetryAfter(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz" + path429}
	sum := runCrawl(t, context.Background(), cfg)
	srv.mu.Lock()
	times := srv.times["www.inform.kz"+path429]
	srv.mu.Unlock()
	if len(times) != 2 {
		t.Fatalf("fetched %d times, want 2", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < 950*time.Millisecond {
		t.Errorf("retried after %s, before Retry-After: 1", gap)
	}
	if sum.Retried != 1 || sum.Articles != 1 {
		t.Errorf("summary %+v", sum)
	}
}

func TestCrawlFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, url, state, reason string
		hits                     int
	}{
		{"500 retried then failed", "https://www.inform.kz" + path500, StateFailed, "http 500 (after 3 attempts)", 3},
		{"never answers", "https://www.inform.kz" + pathHang, StateFailed, "timeout (after 3 attempts)", 3},
		{"oversized", "https://www.inform.kz" + pathOversized, StateSkipped, "oversized: 2500000 bytes", 1},
		{"not HTML", "https://www.inform.kz" + pathPDF, StateSkipped, "not HTML: application/pdf", 1},
		{"robots.txt", "https://www.inform.kz" + pathRobots, StateSkipped, "robots.txt", 0},
		{"404", "https://www.inform.kz/en/no-such-article_a1000001", StateFailed, "http 404", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSiteServer(t)
			st := newMemStore()
			cfg := testConfig(t, srv, st)
			cfg.Timeout = 200 * time.Millisecond
			cfg.Start = []string{tc.url}
			sum := runCrawl(t, context.Background(), cfg)
			key, _ := Canonicalize(tc.url)
			state, reason := st.state(key)
			if state != tc.state || !strings.HasPrefix(reason, tc.reason) {
				t.Errorf("state %q reason %q, want %q %q", state, reason, tc.state, tc.reason)
			}
			if got := srv.hitCount(strings.TrimPrefix(tc.url, "https://")); got != tc.hits {
				t.Errorf("fetched %d times, want %d", got, tc.hits)
			}
			if sum.Articles != 0 || len(st.articleKeys()) != 0 {
				t.Errorf("stored articles %q", st.articleKeys())
			}
		})
	}
}

func TestCrawlOversizedChunked(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/en/streamed-observer-list_a4040479" {
			return false
		}
		w.Header().Set("Content-Type", "text/html")
		for range 50 { // no Content-Length: the cap is found while reading
			w.Write([]byte(strings.Repeat("x", 50_000)))
			w.(http.Flusher).Flush()
		}
		return true
	}
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz/en/streamed-observer-list_a4040479"}
	runCrawl(t, context.Background(), cfg)
	if state, reason := st.state("kazinform:a4040479"); state != StateSkipped || !strings.HasPrefix(reason, "oversized") {
		t.Errorf("state %q reason %q", state, reason)
	}
	if len(st.responses) != 0 {
		t.Errorf("oversized body archived")
	}
}

func TestCrawlRedirectsAndIdentity(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Parallelism = 1 // one at a time, so the order below holds
	cfg.Start = []string{
		"https://www.inform.kz" + pathRedirect,                             // 301 to qazinform.com, same id
		"https://en.inform.kz/news/" + slugE1 + "/",                        // hex id
		"https://qazinform.com/news/" + slugE1 + "?utm_source=tg&fbclid=x", // same, other host + tracking
		"https://qazinform.com" + pathNoHex,                                // 301 to the hex URL: known after fetching
	}
	sum := runCrawl(t, context.Background(), cfg)
	want := []string{"https://qazinform.com/news/" + slugE1, "kazinform:a3994990"}
	if got := st.articleKeys(); !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
	if sum.Duplicates != 1 {
		t.Errorf("duplicates %d, want 1 (the redirect to a stored article)", sum.Duplicates)
	}
	if n := srv.hitCount("qazinform.com/news/" + slugE1 + "?fbclid=x&utm_source=tg"); n != 0 {
		t.Errorf("same article fetched again through qazinform.com (%d)", n)
	}
	var finals []string
	for _, r := range st.responses {
		finals = append(finals, r.FinalURL)
	}
	if !slices.Contains(finals, "https://qazinform.com/news/cis-ipa-observers-begin-work_a3994990") {
		t.Errorf("final URL after cross-host redirect not archived: %q", finals)
	}
	for _, r := range st.responses {
		if strings.Contains(r.FinalURL, "a3994990") && r.Item.URL != "https://www.inform.kz"+pathRedirect {
			t.Errorf("archived item URL %q", r.Item.URL)
		}
	}
}

// TestCrawlCancelResume stops a crawl halfway (as Ctrl-C does) and starts it
// again: every page is fetched exactly once overall, and the result is that
// of an uninterrupted crawl.
func TestCrawlCancelResume(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	ctx, cancel := context.WithCancel(context.Background())
	srv.onHit = func(total int) {
		if total == 12 {
			cancel()
		}
	}
	c, err := New(testConfig(t, srv, st))
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Outcome != "interrupted" || first.Pending == 0 {
		t.Fatalf("first run: %+v", first)
	}
	srv.onHit = nil
	second := runCrawl(t, context.Background(), testConfig(t, srv, st))
	if second.Outcome != "completed" {
		t.Fatalf("second run: %+v", second)
	}
	// Entry points are asked again by the second run, and answer 304.
	for u, n := range srv.fullHits() {
		if n > 1 && !retried[u] && !strings.HasSuffix(u, "/robots.txt") {
			t.Errorf("%s fetched %d times over both runs", u, n)
		}
	}
	for k, n := range st.saves {
		if n > 1 {
			t.Errorf("article %s saved %d times", k, n)
		}
	}
	if got := st.articleKeys(); !slices.Equal(got, wantFullCrawl) {
		t.Errorf("articles after resume:\n got %q\nwant %q", got, wantFullCrawl)
	}
	// Same facts as an uninterrupted crawl.
	ref := newMemStore()
	runCrawl(t, context.Background(), testConfig(t, newSiteServer(t), ref))
	if got, want := st.facts(), ref.facts(); !slices.Equal(got, want) {
		t.Errorf("facts after resume differ:\n got %q\nwant %q", got, want)
	}
	if len(st.runs) != 2 || st.runs[0].outcome != "interrupted" {
		t.Errorf("runs %+v", st.runs)
	}
}

// TestCrawlCrashResume kills the store mid-crawl (nothing more is written,
// like kill -9) and restarts: items left in flight are recovered, no stored
// article is fetched again, nothing is lost or doubled.
func TestCrawlCrashResume(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	inner := newMemStore()
	crash := &crashingStore{memStore: inner, crashAt: 22}
	c, err := New(testConfig(t, srv, crash))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(context.Background()); !errors.Is(err, errCrashed) {
		t.Fatalf("first run error %v, want the crash", err)
	}
	storedBefore := inner.articleKeys()
	if len(storedBefore) == 0 || len(storedBefore) == len(wantFullCrawl) {
		t.Fatalf("crash did not happen halfway: %q", storedBefore)
	}
	before := srv.allHits()

	second := runCrawl(t, context.Background(), testConfig(t, srv, inner))
	if second.Outcome != "completed" {
		t.Fatalf("second run %+v", second)
	}
	after := srv.allHits()
	// No article stored before the crash is fetched again.
	for u, n := range after {
		if n == before[u] {
			continue
		}
		for _, key := range storedBefore {
			if k, _ := Canonicalize("https://" + u); k == key {
				t.Errorf("stored article %s fetched again", key)
			}
		}
	}
	if got := inner.articleKeys(); !slices.Equal(got, wantFullCrawl) {
		t.Errorf("articles after crash and resume:\n got %q\nwant %q", got, wantFullCrawl)
	}
}

// TestArchiveReextract re-runs the pipeline over the archive, offline, and
// gets the facts the crawl stored.
func TestArchiveReextract(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	runCrawl(t, context.Background(), testConfig(t, srv, st))
	n := 0
	for _, r := range st.responses {
		if r.Item.Kind != KindArticle || r.Status != 200 || st.articles[r.ArticleKey] == nil {
			continue
		}
		res, err := fakeProcess(pageOf(r))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Facts, st.articles[r.ArticleKey].Facts) {
			t.Errorf("%s: re-extracted facts differ", r.FinalURL)
		}
		n++
	}
	if n < len(wantFullCrawl) {
		t.Errorf("re-extracted %d articles, want %d", n, len(wantFullCrawl))
	}
}

func TestArchiveKeepsRawBytes(t *testing.T) {
	t.Parallel()
	// windows-1251 "Выборы" with a declared charset: colly would transcode
	// it; the archive must keep the bytes as sent.
	raw := []byte("<html><head><title>x</title></head><body><h1>\xc2\xfb\xe1\xee\xf0\xfb</h1><p>12 observers</p></body></html>")
	srv := newSiteServer(t)
	srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/ru/cp1251-page_a4040480" {
			return false
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(raw)
		return true
	}
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz/ru/cp1251-page_a4040480"}
	runCrawl(t, context.Background(), cfg)
	if len(st.responses) != 1 {
		t.Fatalf("%d responses archived", len(st.responses))
	}
	r := st.responses[0]
	if string(r.Body) != string(raw) {
		t.Errorf("archived body changed:\n got %q\nwant %q", r.Body, raw)
	}
	if r.Header["Content-Type"] != "text/html; charset=windows-1251" {
		t.Errorf("archived Content-Type %q", r.Header["Content-Type"])
	}
}

func TestCrawlMaxPages(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.MaxPages = 5
	sum := runCrawl(t, context.Background(), cfg)
	if sum.Outcome != "max-pages" || sum.Requests != 5 {
		t.Errorf("summary %+v", sum)
	}
	if p, _ := st.Pending(context.Background()); p == 0 {
		t.Error("nothing left queued")
	}
	sum2 := runCrawl(t, context.Background(), testConfig(t, srv, st))
	if sum2.Outcome != "completed" {
		t.Errorf("second run %+v", sum2)
	}
}

func TestResolveDialOnly(t *testing.T) {
	t.Parallel()
	// Plain http URLs, the host's connections sent to the fixture server.
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Resolve = map[string]string{"qazaqtv.com": srv.addr()}
	cfg.Start = []string{"http://qazaqtv.com/en/news/politics"}
	runCrawl(t, context.Background(), cfg)
	if got := st.articleKeys(); !slices.Equal(got, []string{"qazaqtv:en:20790", "qazaqtv:en:20824"}) {
		t.Errorf("articles %q", got)
	}
	if srv.hitCount("qazaqtv.com/en/news/politics/20800-new-railway-line-opens-in-turkistan-region") != 0 {
		t.Error("article not about elections fetched")
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	var ua string
	srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "robots.txt") {
			ua = r.UserAgent()
		}
		return false
	}
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Start = []string{"https://www.inform.kz" + pathA1}
	runCrawl(t, context.Background(), cfg)
	if !strings.HasPrefix(ua, "obsfacts/") || !strings.Contains(ua, "https://example.org/obsfacts") {
		t.Errorf("User-Agent %q", ua)
	}
}

type recordingProgress struct {
	updates  int
	finished *Stats
}

func (p *recordingProgress) Update(Stats)   { p.updates++ }
func (p *recordingProgress) Finish(s Stats) { p.finished = &s }

func TestProgressReported(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	p := &recordingProgress{}
	cfg.Progress = p
	cfg.Start = []string{"https://www.inform.kz" + pathA1}
	sum := runCrawl(t, context.Background(), cfg)
	if p.updates == 0 || p.finished == nil || p.finished.Articles != 1 || p.finished.Fetched != sum.Fetched {
		t.Errorf("progress: %d updates, finished %+v", p.updates, p.finished)
	}
}

// TestCrawlExtractionTimeout: a page whose extraction runs past the time
// limit is archived, recorded as failed with the reason, and the crawl goes
// on to the other articles.
func TestCrawlExtractionTimeout(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	slow := extract.DefaultLimits
	slow.TimeLimit = time.Nanosecond // every page with observers runs past it
	cfg.Process = extract.NewExtractorWithLimits(slow).Process
	first, second := "https://qazinform.com/news/"+slugE1, "https://qazinform.com/news/observers-from-eight-countries-register-for-referendum"
	cfg.Start = []string{first, second}
	runCrawl(t, context.Background(), cfg)
	for _, u := range []string{first, second} {
		key, _ := Canonicalize(u)
		state, reason := st.state(key)
		if state != StateFailed || !strings.Contains(reason, "extraction timed out") {
			t.Errorf("%s: state %q reason %q, want failed with 'extraction timed out'", u, state, reason)
		}
		if srv.hitCount(strings.TrimPrefix(u, "https://")) != 1 {
			t.Errorf("%s fetched %d times, want once", u, srv.hitCount(strings.TrimPrefix(u, "https://")))
		}
	}
	if n := st.pageCount(); n < 2 {
		t.Errorf("%d pages archived, want both", n)
	}
}
