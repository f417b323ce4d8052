// Package crawler fetches news sites politely and resumably: it walks each
// site's listings, feeds and sitemaps (see Profile), fetches the articles
// they list through colly, archives every response, runs the extraction
// pipeline on articles, and keeps its queue and visited set in a Frontier so
// a crawl killed at any moment continues where it stopped.
package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
)

// pollInterval is how often an idle crawl looks for items whose retry time
// has come.
const pollInterval = 200 * time.Millisecond

// Crawler runs crawls. Build it with New; it is not for concurrent Runs.
type Crawler struct {
	cfg Config
	log *slog.Logger
	// scopeTag suffixes the keys of listings, feeds and sitemaps: a crawl
	// of another date range or filter reads them afresh, pages them to its
	// own end, and queues its own articles.
	scopeTag string
	wide     Range // cfg.Range with slack, for listing dates

	coll   *colly.Collector
	robots *robotsRules    // robots.txt of each host, fetched once per run
	scope  hostScope       // hosts requests and redirects may go to
	bg     context.Context // for saving in-flight work after cancellation
	done   chan struct{}   // one value per finished request
	start  time.Time
	n      counters

	mu     sync.Mutex
	paused map[string]time.Time // hosts that asked us to wait (Retry-After)
	active map[string]bool      // keys of articles being fetched
	fatal  error                // first store error; stops the crawl
	hosts  *hostHealth
}

// counters are the live Stats, updated from colly's goroutines.
type counters struct {
	requests, fetched, ok, articles, facts, listings, discovered atomic.Int64
	duplicates, retried, failed, deferred, skipped, pending      atomic.Int64
	refreshed, notModified, leaseLost                            atomic.Int64
}

// New checks cfg and returns a Crawler.
func New(cfg Config) (*Crawler, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%t", cfg.Range, cfg.AllArticles))
	c := &Crawler{
		cfg:      cfg,
		log:      cfg.Logger,
		scopeTag: "#scope=" + hex.EncodeToString(sum[:4]),
		wide:     cfg.Range.widen(36 * time.Hour),
	}
	c.scope = newHostScope(c.profiles(), cfg.Start)
	return c, nil
}

// Stats returns the counts so far.
func (c *Crawler) Stats() Stats {
	n := &c.n
	return Stats{
		Requests: int(n.requests.Load()), Fetched: int(n.fetched.Load()), OK: int(n.ok.Load()),
		Articles: int(n.articles.Load()), Facts: int(n.facts.Load()),
		Listings: int(n.listings.Load()), Discovered: int(n.discovered.Load()),
		Duplicates: int(n.duplicates.Load()), Retried: int(n.retried.Load()),
		Failed: int(n.failed.Load()), Deferred: int(n.deferred.Load()), Skipped: int(n.skipped.Load()),
		Refreshed: int(n.refreshed.Load()), NotModified: int(n.notModified.Load()),
		Pending: int(n.pending.Load()), Elapsed: time.Since(c.start),
	}
}

// Run crawls until the frontier is empty, MaxPages requests were made, or
// ctx is cancelled. Cancelling ctx stops gracefully: nothing new is leased,
// requests in flight finish and are saved, and the queue stays in the
// frontier for the next Run. A store error stops the crawl the same way and
// is returned.
func (c *Crawler) Run(ctx context.Context) (Summary, error) {
	c.start = time.Now()
	c.n = counters{}
	c.bg = context.WithoutCancel(ctx)
	c.done = make(chan struct{}, c.maxInFlight())
	c.paused = map[string]time.Time{}
	c.active = map[string]bool{}
	c.fatal = nil
	c.hosts = newHostHealth()

	if c.cfg.Lock != nil {
		unlock, tookOver, err := c.cfg.Lock.LockCrawl(ctx, c.cfg.Args)
		if err != nil {
			return Summary{}, err
		}
		if tookOver != "" {
			c.log.Info("took over the lock of a crawl that did not end normally", "crawl", tookOver)
		}
		defer func() {
			if err := unlock(); err != nil {
				c.log.Warn("crawl lock", "err", err)
			}
		}()
	}
	var runID int64
	if c.cfg.RunLog != nil {
		id, err := c.cfg.RunLog.StartRun(ctx, c.cfg.Args)
		if err != nil {
			return Summary{}, fmt.Errorf("crawler: start run: %w", err)
		}
		runID = id
	}
	outcome, err := c.run(ctx)
	if err != nil {
		outcome = "error: " + err.Error()
	}
	if p, perr := c.cfg.Frontier.Pending(c.bg); perr == nil {
		c.n.pending.Store(int64(p))
	}
	sum := Summary{Stats: c.Stats(), RunID: runID, Outcome: outcome, Unreachable: c.hosts.unreachable()}
	if c.cfg.Progress != nil {
		c.cfg.Progress.Finish(sum.Stats)
	}
	if c.cfg.RunLog != nil {
		if ferr := c.cfg.RunLog.FinishRun(c.bg, runID, sum.Counts(), outcome); ferr != nil {
			err = errors.Join(err, fmt.Errorf("crawler: finish run %d: %w", runID, ferr))
		}
	}
	return sum, err
}

func (c *Crawler) run(ctx context.Context) (outcome string, err error) {
	if err := c.recoverFrontier(ctx); err != nil {
		return "", err
	}
	if err := c.seed(ctx); err != nil {
		return "", err
	}
	c.coll = c.newCollector()

	maxInFlight := c.maxInFlight()
	inflight := 0
	outcome = "completed"
	lastUpdate := time.Time{}
	for {
		if err := c.fatalErr(); err != nil {
			outcome = ""
			break
		}
		if ctx.Err() != nil {
			outcome = "interrupted"
			break
		}
		if c.cfg.MaxPages > 0 && int(c.n.requests.Load()) >= c.cfg.MaxPages {
			outcome = "max-pages"
			break
		}
		leased := 0
		if inflight < maxInFlight {
			items, err := c.cfg.Frontier.Lease(ctx, maxInFlight-inflight)
			if err != nil {
				if ctx.Err() != nil {
					continue
				}
				c.setFatal(fmt.Errorf("crawler: lease: %w", err))
				continue
			}
			leased = len(items)
			for i, it := range items {
				if c.cfg.MaxPages > 0 && int(c.n.requests.Load()) >= c.cfg.MaxPages {
					c.release(items[i:])
					break
				}
				if c.dispatch(ctx, it) {
					inflight++
				}
			}
		}
		if time.Since(lastUpdate) > 250*time.Millisecond {
			lastUpdate = time.Now()
			c.updateProgress(ctx)
		}
		if leased > 0 && inflight < maxInFlight {
			continue // items were handled without a request; lease more
		}
		if inflight == 0 && leased == 0 {
			n, err := c.cfg.Frontier.Pending(ctx)
			if err != nil {
				if ctx.Err() == nil {
					c.setFatal(fmt.Errorf("crawler: pending: %w", err))
				}
				continue
			}
			if n == 0 {
				break
			}
		}
		select {
		case <-c.done:
			inflight--
		case <-ctx.Done():
		case <-time.After(pollInterval):
		}
	}
	// Let requests in flight finish and be saved.
	for ; inflight > 0; inflight-- {
		<-c.done
	}
	c.coll.Wait()
	if err := c.fatalErr(); err != nil {
		return "", err
	}
	return outcome, nil
}

// maxInFlight bounds the requests handed to colly at once. colly holds
// each host to its parallelism and delay; this bound keeps requests queued
// inside colly few, so a graceful stop does not wait long.
func (c *Crawler) maxInFlight() int { return c.cfg.Parallelism * 4 }

// seed queues the start URLs. Those an earlier run read are read again
// (a recrawl finds what is new; conditional requests make unchanged pages
// cheap), except pages that never change (Start.Once); work an interrupted
// run left queued stays queued.
func (c *Crawler) seed(ctx context.Context) error {
	var items, once []Item
	if len(c.cfg.Start) > 0 {
		for _, raw := range c.cfg.Start {
			u, err := url.Parse(raw)
			if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
				return fmt.Errorf("crawler: start URL %q: not an absolute http(s) URL", raw)
			}
			kind := kindOf(u)
			if kind == "" {
				kind = KindArticle
			}
			items = append(items, c.newItem(u, kind, 1))
		}
	} else {
		for _, p := range c.profiles() {
			for _, s := range p.Starts(StartQuery{Range: c.cfg.Range, All: c.cfg.AllArticles, Now: time.Now()}) {
				if s.Lang != "" && !c.langWanted(s.Lang) {
					continue
				}
				u, err := url.Parse(s.URL)
				if err != nil {
					return fmt.Errorf("crawler: profile %s: start URL %q: %w", p.Name, s.URL, err)
				}
				if s.Once {
					once = append(once, c.newItem(u, s.Kind, 1))
				} else {
					items = append(items, c.newItem(u, s.Kind, 1))
				}
			}
		}
	}
	added, revisits, err := c.cfg.Frontier.Revisit(ctx, items)
	if err != nil {
		return fmt.Errorf("crawler: queue start URLs: %w", err)
	}
	n, err := c.cfg.Frontier.Add(ctx, once)
	if err != nil {
		return fmt.Errorf("crawler: queue start URLs: %w", err)
	}
	if revisits > 0 {
		c.log.Info("reading the entry points again for what is new", "pages", revisits)
	}
	c.n.discovered.Add(int64(added + n))
	return nil
}

// profiles returns the profiles selected by Config.Sites.
func (c *Crawler) profiles() []*Profile {
	if len(c.cfg.Sites) == 0 {
		return Profiles()
	}
	out := make([]*Profile, 0, len(c.cfg.Sites))
	for _, s := range c.cfg.Sites {
		out = append(out, ProfileByName(s))
	}
	return out
}

// newItem builds the frontier item for u. Articles are keyed by their
// identity, so one article is queued once whatever URL reached it; listings,
// feeds and sitemaps by their canonical URL and the crawl scope.
func (c *Crawler) newItem(u *url.URL, kind string, depth int) Item {
	it := Item{URL: fetchURL(u), Kind: kind, Depth: depth}
	p := ProfileFor(u)
	if p != nil {
		it.Site = p.Name
	}
	switch {
	case kind == KindArticle:
		it.Key = keyOf(u)
	default:
		it.Key = keyOf(u) + c.scopeTag
	}
	return it
}

// release hands leased items back to the queue untouched.
func (c *Crawler) release(items []Item) {
	for _, it := range items {
		if err := c.cfg.Frontier.Retry(c.bg, it.Key, it.Attempts, time.Now(), ""); err != nil {
			c.frontierErr("release", it, err)
		}
	}
}

func (c *Crawler) updateProgress(ctx context.Context) {
	if c.cfg.Progress == nil {
		return
	}
	if n, err := c.cfg.Frontier.Pending(ctx); err == nil {
		c.n.pending.Store(int64(n))
	}
	c.cfg.Progress.Update(c.Stats())
}

func (c *Crawler) setFatal(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fatal == nil {
		c.fatal = err
		c.log.Error("crawl stopping", "err", err)
	}
}

func (c *Crawler) fatalErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fatal
}

// langWanted reports whether pages in lang are crawled (Config.Langs).
func (c *Crawler) langWanted(lang string) bool {
	return len(c.cfg.Langs) == 0 || slices.Contains(c.cfg.Langs, lang)
}

// linkWanted reports whether an article link is in a language crawled;
// links whose URL does not tell their language are.
func (c *Crawler) linkWanted(u *url.URL) bool {
	if len(c.cfg.Langs) == 0 {
		return true
	}
	if p := ProfileFor(u); p != nil {
		if lang := p.Lang(u); lang != "" {
			return c.langWanted(lang)
		}
	}
	return true
}
