package crawler

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseResolve(t *testing.T) {
	got, err := ParseResolve([]string{"www.inform.kz=127.0.0.1:8080", "QAZAQTV.com=10.0.0.2", "*=http://127.0.0.1:9000/"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"www.inform.kz": "127.0.0.1:8080", "qazaqtv.com": "10.0.0.2", "*": "http://127.0.0.1:9000"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s -> %q, want %q", k, got[k], v)
		}
	}
	for _, bad := range []string{"nohost", "=1.2.3.4", "x=", "x=https://1.2.3.4:443", "x=http://1.2.3.4"} {
		if _, err := ParseResolve([]string{bad}); err == nil {
			t.Errorf("ParseResolve(%q): no error", bad)
		}
	}
	r := resolver(want)
	for in, out := range map[string]string{
		"www.inform.kz:443": "127.0.0.1:8080",
		"qazaqtv.com:443":   "10.0.0.2:443",
		"other.kz:80":       "127.0.0.1:9000",
	} {
		if got := r.dialAddr(in); got != out {
			t.Errorf("dialAddr(%s) = %s, want %s", in, got, out)
		}
	}
}

func TestBackoff(t *testing.T) {
	base, max := time.Second, 10*time.Second
	for _, tc := range []struct {
		attempt int
		mid     time.Duration
	}{{1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second}, {4, 8 * time.Second}, {5, 10 * time.Second}, {30, 10 * time.Second}} {
		for range 20 {
			d := backoff(base, max, tc.attempt)
			if d < tc.mid*8/10 || d > tc.mid*12/10 {
				t.Errorf("backoff(attempt %d) = %s, want %s ±20%%", tc.attempt, d, tc.mid)
			}
		}
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"-5":                            0,
		"Mon, 01 Jan 2024 12:00:30 GMT": 30 * time.Second,
		"Mon, 01 Jan 2024 11:00:00 GMT": 0,
		"soon":                          0,
	} {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := retryAfter(h, now); got != want {
			t.Errorf("Retry-After %q = %s, want %s", v, got, want)
		}
	}
}

// TestPerHostLimits checks colly holds each host to the delay and the
// parallelism, and that hosts do not share them.
func TestPerHostLimits(t *testing.T) {
	srv := newSiteServer(t)
	var (
		mu           sync.Mutex
		active, peak map[string]int
		starts       = map[string][]time.Time{}
	)
	active, peak = map[string]int{}, map[string]int{}
	srv.extra = func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "robots.txt") {
			return false
		}
		host := r.Host
		mu.Lock()
		active[host]++
		peak[host] = max(peak[host], active[host])
		starts[host] = append(starts[host], time.Now())
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		active[host]--
		mu.Unlock()
		return false
	}
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Parallelism = 2
	cfg.Delay = 100 * time.Millisecond
	cfg.Start = []string{
		"https://www.inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09",
		"https://www.inform.kz/ru/missiya-bdipch-obse-otkryla-ofis-4b2a91",
		"https://www.inform.kz/ru/nablyudateli-shos-pribudut-k-vyboram-9d0e55",
		"https://www.inform.kz/ru/referendum-nablyudateli-iz-12-stran-1e4f88",
		"https://www.inform.kz/ru/tsik-obnovil-spisok-izbiratelnyh-uchastkov-5a7b20",
		"https://www.inform.kz/ru/v-astane-ozhidaetsya-dozhd-3f9a12",
		"https://qazaqtv.com/en/news/politics/20790-oic-and-turkic-council-missions-to-watch-referendum",
		"https://qazaqtv.com/en/news/politics/20824-referendum-commission-accredits-international-observers",
	}
	sum := runCrawl(t, context.Background(), cfg)
	if sum.Articles != len(cfg.Start) {
		t.Fatalf("summary %+v", sum)
	}
	mu.Lock()
	defer mu.Unlock()
	if peak["www.inform.kz"] > 2 {
		t.Errorf("%d parallel requests to one host, want at most 2", peak["www.inform.kz"])
	}
	// Six requests, two at a time, each followed by a 100 ms pause: the
	// third pair cannot start before 2×(30+100) ms.
	s := starts["www.inform.kz"]
	if len(s) != 6 || s[5].Sub(s[0]) < 250*time.Millisecond {
		t.Errorf("www.inform.kz: %d requests over %s", len(s), s[len(s)-1].Sub(s[0]))
	}
	// The other host did not wait for the first one's queue: sharing it, its
	// two requests (queued last) would come after all six.
	if q := starts["qazaqtv.com"]; len(q) != 2 || len(s) == 6 && !q[0].Before(s[5]) {
		t.Errorf("qazaqtv.com requests %v waited behind www.inform.kz", q)
	}
}

// TestBarProgress checks the bar's text (time left, counts named as in the
// summary) and that Finish leaves the cursor at the start of a blank line.
func TestBarProgress(t *testing.T) {
	tests := []struct {
		name string
		s    Stats
		want string
	}{
		{"no response yet", Stats{Pending: 7}, "ETA -  remaining 7  failed 0  articles 0  facts 0"},
		{"3 pages/s, 30 left", Stats{Fetched: 6, Pending: 30, Failed: 1, Articles: 2, Facts: 5, Elapsed: 2 * time.Second},
			"ETA 10s  remaining 30  failed 1  articles 2  facts 5"},
		{"nothing left", Stats{Fetched: 6, Elapsed: time.Second}, "ETA -  remaining 0"},
	}
	for _, tt := range tests {
		if got := barDescription(tt.s); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	var buf bytes.Buffer
	p := NewBarProgress(&buf)
	p.Update(Stats{Fetched: 3, Pending: 7, Articles: 2, Facts: 5, Elapsed: time.Second})
	p.Finish(Stats{Fetched: 10, Articles: 6, Facts: 9, Elapsed: 2 * time.Second})
	if out := buf.String(); !regexp.MustCompile(`\r +\r$`).MatchString(out) {
		t.Errorf("bar not cleared at the end: %q", out)
	}
}

func TestSummaryText(t *testing.T) {
	var buf bytes.Buffer
	s := Summary{Stats: Stats{Fetched: 40, Articles: 12, Facts: 30, Failed: 2, Elapsed: 4 * time.Second}, Outcome: "completed", RunID: 3}
	if err := s.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"crawl completed", "run 3", "rate 10.0 pages/s", "articles        12", "failed         2"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, buf.String())
		}
	}
}
