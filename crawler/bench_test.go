package crawler_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/internal/pgtest"
	"github.com/obsfacts/obsfacts/store"
	"github.com/obsfacts/obsfacts/store/pgstore"
)

// benchSite generates a Kazinform-like site of n articles: a Gen B lenta
// of 24 cards per page, newest first, and Gen B article pages with observer
// counts in a few sentence shapes.
type benchSite struct {
	n       int
	served  atomic.Int64
	regions []string
}

const benchPerPage = 24

func (s *benchSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.served.Add(1)
	switch {
	case r.URL.Path == "/robots.txt":
		io.WriteString(w, "User-agent: *\nDisallow: /search\n")
	case r.URL.Path == "/ru/lenta":
		page := 1
		if p := r.URL.Query().Get("page"); p != "" {
			page, _ = strconv.Atoi(p)
		}
		first := (page - 1) * benchPerPage
		if first >= s.n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Лента</title></head><body><header><nav><a href="/ru/lenta">Лента</a></nav></header><main><div class="allNews">`)
		for i := first; i < min(first+benchPerPage, s.n); i++ {
			fmt.Fprintf(&b, `<div class="allNewsCard"><a href="%s"><div class="allNewsCard_time">%s</div><div class="allNewsCard_title">%s</div></a></div>`,
				s.path(i), s.date(i).Format("15:04, 2 January 2006"), s.title(i))
		}
		b.WriteString(`</div></main></body></html>`)
		io.WriteString(w, b.String())
	case strings.HasPrefix(r.URL.Path, "/ru/nablyudateli-"):
		i, err := strconv.Atoi(r.URL.Path[strings.LastIndexByte(r.URL.Path, '-')+2:])
		if err != nil || i >= s.n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s.article(i))
	default:
		http.NotFound(w, r)
	}
}

// path gives article i an id like the Gen B hex ids ("…-a000123").
func (s *benchSite) path(i int) string {
	return fmt.Sprintf("/ru/nablyudateli-v-oblasti-%d-a%06d", i%17, i)
}

func (s *benchSite) date(i int) time.Time {
	return time.Date(2025, 9, 1, 18, 0, 0, 0, time.FixedZone("", 5*3600)).Add(-time.Duration(i) * 47 * time.Minute)
}

func (s *benchSite) title(i int) string {
	return fmt.Sprintf("Наблюдатели прибыли в регион %s (%d)", s.regions[i%len(s.regions)], i)
}

func (s *benchSite) article(i int) string {
	d := s.date(i)
	region := s.regions[i%len(s.regions)]
	var body strings.Builder
	switch i % 3 {
	case 0:
		fmt.Fprintf(&body, "<p>Центральная избирательная комиссия аккредитовала %d иностранных наблюдателей к выборам в маслихаты, сообщает корреспондент агентства.</p>", 20+i%50)
		fmt.Fprintf(&body, "<p>Миссия СНГ – %d наблюдателей, ШОС – %d наблюдателя.</p>", 10+i%9, 2+i%2)
	case 1:
		fmt.Fprintf(&body, "<p>В %s прибыли %d наблюдателей от Миссии СНГ.</p>", region, 5+i%20)
		body.WriteString("<p>Они посетят избирательные участки в районных центрах.</p>")
	default:
		fmt.Fprintf(&body, "<p>Бюро по демократическим институтам и правам человека ОБСЕ направит %d долгосрочных наблюдателей.</p>", 12+i%10)
	}
	for range 6 {
		body.WriteString("<p>Голосование пройдет с 7 до 20 часов по местному времени; итоги объявят на следующий день после дня выборов.</p>")
	}
	return fmt.Sprintf(`<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>%[1]s | Kazinform</title><meta property="og:title" content="%[1]s | Казинформ">
<meta name="article:published_time" content="%[2]s"><link rel="canonical" href="https://www.inform.kz%[3]s"></head>
<body><header class="header"><nav><a href="/ru/lenta">Лента</a> <a href="/category/politika_s3">Политика</a></nav></header>
<main><div class="article__body-main"><h1 class="article__title">%[1]s</h1><div class="article__date">%[4]s</div>
<div class="article__description">Наблюдатели продолжают прибывать в %[5]s.</div>
<div class="article__body-text">%[6]s<div class="adfox" id="adfox_1"></div></div>
<div class="article__tags"><a href="/tag/vybory_t9001">выборы</a></div></div>
<aside class="read-also"><h3>Читайте также</h3><ul><li><a href="%[7]s">%[8]s</a></li></ul></aside></main>
<footer>Казинформ</footer></body></html>`,
		s.title(i), d.Format(time.RFC3339), s.path(i), d.Format("15:04, 2 January 2006"), region, body.String(),
		s.path((i+1)%s.n), s.title((i+1)%s.n))
}

// BenchmarkCrawlEndToEnd crawls a generated site with no delay through the
// whole pipeline: fetch with colly, archive, extract, store in SQLite. It
// reports pages/s and the peak heap; the frontier and visited set live in
// the database, so the heap should not grow with the site.
func BenchmarkCrawlEndToEnd(b *testing.B) {
	for _, n := range []int{2000, 4000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			site := &benchSite{n: n, regions: []string{"Абайской области", "Алматы", "Шымкенте", "Костанайской области", "Актобе"}}
			srv := httptest.NewServer(site)
			defer srv.Close()
			x := extract.NewExtractor()
			var pages, peak float64
			for b.Loop() {
				b.StopTimer()
				st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				cfg := crawler.DefaultConfig()
				cfg.Frontier, cfg.Archive, cfg.RunLog = st, st, st
				cfg.Process = x.Process
				cfg.Delay, cfg.RandomDelay = 0, 0
				cfg.Parallelism = 4
				cfg.AllArticles = true
				cfg.Start = []string{"https://www.inform.kz/ru/lenta"}
				cfg.Resolve = map[string]string{"*": "http://" + srv.Listener.Addr().String()}
				cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
				c, err := crawler.New(cfg)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				stop := sampleHeap()
				b.StartTimer()
				start := time.Now()
				sum, err := c.Run(context.Background())
				elapsed := time.Since(start)
				b.StopTimer()
				peak = max(peak, float64(stop())/(1<<20))
				if err != nil {
					b.Fatal(err)
				}
				if sum.Articles != n || sum.Failed != 0 {
					b.Fatalf("summary %+v", sum)
				}
				pages = float64(sum.Fetched) / elapsed.Seconds()
				if facts, _ := st.FactCount(context.Background()); facts < n {
					b.Fatalf("%d facts from %d articles", facts, n)
				}
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(pages, "pages/s")
			b.ReportMetric(peak, "peak-heap-MB")
		})
	}
}

// sampleHeap samples the live heap every 20 ms until the returned function
// is called, which returns the peak in bytes.
func sampleHeap() func() uint64 {
	var (
		peak uint64
		wg   sync.WaitGroup
		done = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// BenchmarkCrawlWorkers crawls a generated site of 2000 articles with no
// delay and 4 requests at a time to the host: one worker on SQLite, and 1,
// 2 and 4 workers (each a Crawler with its own pool, as separate processes
// would be) on one PostgreSQL store, with the host's politeness held in the
// database. It reports the pages/s of all the workers together. The
// PostgreSQL runs need OBSFACTS_TEST_POSTGRES.
func BenchmarkCrawlWorkers(b *testing.B) {
	const n = 2000
	site := &benchSite{n: n, regions: []string{"Абайской области", "Алматы", "Шымкенте", "Костанайской области", "Актобе"}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	type stores interface {
		crawler.Frontier
		crawler.Archive
		crawler.RunLog
		FactCount(context.Context) (int, error)
		Close() error
	}
	for _, tt := range []struct {
		backend string
		workers int
	}{{"sqlite", 1}, {"postgres", 1}, {"postgres", 2}, {"postgres", 4}} {
		b.Run(fmt.Sprintf("%s/workers=%d", tt.backend, tt.workers), func(b *testing.B) {
			var pages, seconds float64 // over every run, so the rate is their mean
			for b.Loop() {
				b.StopTimer()
				var sts []stores
				if tt.backend == "sqlite" {
					st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
					if err != nil {
						b.Fatal(err)
					}
					sts = append(sts, st)
				} else {
					url := pgtest.URL(b)
					for range tt.workers {
						st, err := pgstore.Open(context.Background(), url, pgstore.Options{})
						if err != nil {
							b.Fatal(err)
						}
						sts = append(sts, st)
					}
				}
				var crawlers []*crawler.Crawler
				for _, st := range sts {
					cfg := crawler.DefaultConfig()
					cfg.Frontier, cfg.Archive, cfg.RunLog = st, st, st
					if g, ok := st.(crawler.HostGate); ok {
						cfg.HostGate = g
					}
					if r, ok := st.(crawler.RobotsStore); ok {
						cfg.Robots = r
					}
					cfg.Process = extract.NewExtractor().Process
					cfg.Delay, cfg.RandomDelay = 0, 0
					cfg.Parallelism = 4
					cfg.AllArticles = true
					cfg.Start = []string{"https://www.inform.kz/ru/lenta"}
					cfg.Resolve = map[string]string{"*": "http://" + srv.Listener.Addr().String()}
					cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
					c, err := crawler.New(cfg)
					if err != nil {
						b.Fatal(err)
					}
					crawlers = append(crawlers, c)
				}
				b.StartTimer()
				start := time.Now()
				var (
					wg      sync.WaitGroup
					fetched atomic.Int64
					arts    atomic.Int64
				)
				for _, c := range crawlers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						sum, err := c.Run(context.Background())
						if err != nil {
							b.Error(err)
						}
						fetched.Add(int64(sum.Fetched))
						arts.Add(int64(sum.Articles))
					}()
				}
				wg.Wait()
				elapsed := time.Since(start)
				b.StopTimer()
				if arts.Load() != n {
					b.Fatalf("%d articles stored by the workers, want %d", arts.Load(), n)
				}
				if facts, _ := sts[0].FactCount(context.Background()); facts < n {
					b.Fatalf("%d facts from %d articles", facts, n)
				}
				pages += float64(fetched.Load())
				seconds += elapsed.Seconds()
				for _, st := range sts {
					st.Close()
				}
				b.StartTimer()
			}
			b.ReportMetric(pages/seconds, "pages/s")
		})
	}
}
