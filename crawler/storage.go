package crawler

import (
	"context"
	"errors"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// The crawler reaches its persistent state only through the interfaces in
// this file, so a store backend (SQLite today, PostgreSQL for crawls shared
// by several workers) is one package implementing them.

// Item is a URL waiting in the frontier.
type Item struct {
	Key      string // dedupe key: the canonical form of URL (see Canonicalize)
	URL      string // URL to request
	Kind     string // KindArticle, KindListing, KindFeed, KindSitemap
	Site     string // profile name, e.g. "kazinform"
	Depth    int    // listing page number or link depth; bounds pagination
	Attempts int    // fetch attempts so far
	// Revisit is set on items an earlier run finished and Frontier.Revisit
	// queued again: a page that was read before.
	Revisit bool
}

// Item kinds.
const (
	KindArticle = "article"
	KindListing = "listing"
	KindFeed    = "feed"
	KindSitemap = "sitemap"
)

// Item states in the frontier.
const (
	StateQueued   = "queued"
	StateInFlight = "in_flight"
	StateDone     = "done"
	StateFailed   = "failed"
	StateSkipped  = "skipped" // robots.txt, non-HTML, out of date range, oversized
)

// Failure classes of failed items.
const (
	// FailurePermanent: 404, 410, other client errors, unreadable pages,
	// pages that crashed the crawler. Tried again only with --retry-failed.
	FailurePermanent = "permanent"
	// FailureTransient: network errors, timeouts, 429, 5xx. Tried again by
	// the next runs, up to a limit of runs.
	FailureTransient = "transient"
)

// Frontier is the crawl queue and visited set. It must survive kill -9:
// an item leased but never finished is handed out again after Recover.
type Frontier interface {
	// Add queues items whose Key was never seen; it returns how many were new.
	Add(ctx context.Context, items []Item) (int, error)
	// Revisit queues items whose Key was never seen, like Add, and queues
	// again the items an earlier run finished as done, marked Revisit: the
	// entry points of a crawl run again. An item is requeued at most once
	// per run. It returns how many items were added and requeued.
	Revisit(ctx context.Context, items []Item) (added, requeued int, err error)
	// Seen records the keys of article links read on listings and returns
	// how many of them were never recorded before: paging a listing read
	// before stops at the first page that brings nothing new.
	Seen(ctx context.Context, keys []string) (fresh int, err error)
	// Lease marks up to n queued items in flight and returns them, oldest first.
	Lease(ctx context.Context, n int) ([]Item, error)
	// Finish records the final state of a leased item, with a reason for
	// failed and skipped items. A failure recorded by Finish is permanent
	// (404, 410, a page that crashed the crawler): only --retry-failed
	// (Requeue with all set) tries it again.
	Finish(ctx context.Context, key, state, reason string) error
	// FailTransient records a leased item as failed for a passing reason
	// (network error, timeout, 429, 5xx) after its attempts in this run: it
	// stays failed until a later run's Requeue, and the number of runs it
	// failed in is counted.
	FailTransient(ctx context.Context, key, reason string) error
	// Retry puts a leased item back in the queue, not before notBefore.
	Retry(ctx context.Context, key string, attempts int, notBefore time.Time, reason string) error
	// Recover returns items left in flight by a run that died (kill -9, a
	// crash, a power cut) to the queue, counting an attempt for each: an
	// item that reached maxAttempts that way is failed permanently with the
	// reason "crashed the crawler N times", so a page that kills the crawler
	// cannot do it for ever. A run stopped gracefully leaves nothing in
	// flight.
	Recover(ctx context.Context, maxAttempts int) (requeued, failed int, err error)
	// Requeue puts failed items back in the queue with their attempts reset,
	// keeping the count of runs they failed in and their last reason:
	// transient failures that failed in fewer than maxRuns runs, or, when
	// all is set, every failed item. It returns how many were requeued.
	Requeue(ctx context.Context, maxRuns int, all bool) (int, error)
	// Pending counts queued and in-flight items.
	Pending(ctx context.Context) (int, error)
}

// Response is one HTTP response as it came, for the archive.
type Response struct {
	Item     Item
	FinalURL string // after redirects
	Status   int
	Header   map[string]string // response headers as received (repeated fields joined with ", ")
	// RequestHeader holds the headers the request went out with (Host,
	// User-Agent, the validators of a revisit), for WARC request records.
	RequestHeader map[string]string
	Body          []byte
	FetchedAt     time.Time
	ArticleKey    string // article identity across URLs (e.g. "kazinform:a3721112"); "" for listings
}

// Archive stores responses and the articles and facts extracted from them.
type Archive interface {
	// SaveResponse stores resp; when result is non-nil (an article page) its
	// article and facts are stored in the same transaction, replacing facts
	// stored earlier for the same article.
	SaveResponse(ctx context.Context, resp Response, result *extract.Result) error
	// HasArticle reports whether an article with this key is already stored.
	HasArticle(ctx context.Context, articleKey string) (bool, error)
	// LastResponse returns the latest successful (2xx) response archived
	// for a requested URL, headers and body, or false: a revisit asks with
	// its validators (ETag, Last-Modified) and reads this body again when
	// the server answers 304 Not Modified.
	LastResponse(ctx context.Context, url string) (Response, bool, error)
}

// RunLog records each crawl as a row: arguments, start, end, counts, outcome.
type RunLog interface {
	StartRun(ctx context.Context, args string) (runID int64, err error)
	FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error
}

// Lock keeps a second crawl off a store whose frontier cannot be shared
// between processes (SQLite): a crawl starts by taking back the items a
// dead crawl left in flight, which would be a live crawl's items.
type Lock interface {
	// LockCrawl takes the crawl lock for this process, or fails with an
	// error naming the crawl that holds it. tookOver describes a lock left
	// by a crawl that died, taken over ("" if none); unlock gives it back.
	LockCrawl(ctx context.Context, args string) (unlock func() error, tookOver string, err error)
}

// ErrLeaseLost is returned (wrapped) by a shared Frontier's Finish, Retry
// and FailTransient for an item this process no longer holds: its lease
// expired (the process stalled longer than the lease) and another worker
// took the item. The other worker finishes it; this process drops it.
var ErrLeaseLost = errors.New("lease lost: another worker took the item")

// HostGate keeps the politeness of a crawl shared by several processes
// (a PostgreSQL store): each host's parallel slots and next allowed request
// time live in the store, so the limits hold for the whole crawl rather
// than per process. Without one, each process spaces its own requests.
type HostGate interface {
	// TakeHost waits until one of the host's parallel slots is free and its
	// next allowed time has come, and holds the slot for one request.
	// release gives it back; the slot's next request may start delay later.
	TakeHost(ctx context.Context, host string, parallel int) (release func(delay time.Duration), err error)
}

// RobotsFile is a robots.txt as fetched: the status and body (at most
// 500 KiB), or why it could not be had (Unavailable).
type RobotsFile struct {
	Status      int
	Body        []byte
	Unavailable string
}

// RobotsStore keeps each origin's robots.txt for a whole crawl shared by
// several processes, so it is fetched once per crawl, not once per process.
type RobotsStore interface {
	// Robots returns the robots.txt recorded for origin (scheme://host[:port])
	// in this crawl; when there is none it calls fetch, records and returns
	// its answer. Callers for one origin wait for the first.
	Robots(ctx context.Context, origin string, fetch func(context.Context) RobotsFile) (RobotsFile, error)
}
