package crawler

import (
	"context"
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

// Frontier is the crawl queue and visited set. It must survive kill -9:
// an item leased but never finished is handed out again after Recover.
type Frontier interface {
	// Add queues items whose Key was never seen; it returns how many were new.
	Add(ctx context.Context, items []Item) (int, error)
	// Lease marks up to n queued items in flight and returns them, oldest first.
	Lease(ctx context.Context, n int) ([]Item, error)
	// Finish records the final state of a leased item, with a reason for
	// failed and skipped items.
	Finish(ctx context.Context, key, state, reason string) error
	// Retry puts a leased item back in the queue, not before notBefore.
	Retry(ctx context.Context, key string, attempts int, notBefore time.Time, reason string) error
	// Recover returns items left in flight by an interrupted run to the queue.
	Recover(ctx context.Context) (int, error)
	// Pending counts queued and in-flight items.
	Pending(ctx context.Context) (int, error)
}

// Response is one HTTP response as it came, for the archive.
type Response struct {
	Item       Item
	FinalURL   string // after redirects
	Status     int
	Header     map[string]string // headers that matter: Content-Type, Last-Modified, ETag, Content-Length
	Body       []byte
	FetchedAt  time.Time
	ArticleKey string // article identity across URLs (e.g. "kazinform:a3721112"); "" for listings
}

// Archive stores responses and the articles and facts extracted from them.
type Archive interface {
	// SaveResponse stores resp; when result is non-nil (an article page) its
	// article and facts are stored in the same transaction, replacing facts
	// stored earlier for the same article.
	SaveResponse(ctx context.Context, resp Response, result *extract.Result) error
	// HasArticle reports whether an article with this key is already stored.
	HasArticle(ctx context.Context, articleKey string) (bool, error)
}

// RunLog records each crawl as a row: arguments, start, end, counts, outcome.
type RunLog interface {
	StartRun(ctx context.Context, args string) (runID int64, err error)
	FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error
}
