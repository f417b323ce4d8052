package crawler

import (
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Stats are the running counts of a crawl.
type Stats struct {
	Requests  int // requests made, retries included
	Fetched   int // responses received
	OK        int // responses that succeeded: 2xx, or 304 for a page already archived
	Articles  int // new articles saved
	Facts     int // facts saved with them
	Refreshed int // stored articles fetched again that had changed (RefreshArticles)
	// NotModified counts pages read before that the server said had not
	// changed (304): listings are read again from the archive.
	NotModified int
	Listings    int // listing, feed and sitemap pages read
	Discovered  int // new URLs queued
	Duplicates  int // articles already stored under another URL
	Retried     int // attempts put back for later (429, 5xx, network errors)
	Failed      int // URLs given up on, Deferred included
	Deferred    int // URLs given up on for a passing reason: the next run tries them again
	Skipped     int // robots.txt, non-HTML, oversized
	Pending     int // remaining: queued or in flight in the frontier, as last seen
	Elapsed     time.Duration
}

// Rate is responses per second.
func (s Stats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Fetched) / s.Elapsed.Seconds()
}

// ETA estimates the time left: the URLs remaining at the rate so far. It
// is 0 until a response came, and grows when pages link to more URLs.
func (s Stats) ETA() time.Duration {
	rate := s.Rate()
	if rate <= 0 || s.Pending <= 0 {
		return 0
	}
	return time.Duration(float64(s.Pending) / rate * float64(time.Second)).Round(time.Second)
}

// Counts returns the stats as the name -> count map of the runs table.
func (s Stats) Counts() map[string]int {
	return map[string]int{
		"requests": s.Requests, "fetched": s.Fetched, "articles": s.Articles, "facts": s.Facts,
		"listings": s.Listings, "discovered": s.Discovered, "duplicates": s.Duplicates,
		"retried": s.Retried, "failed": s.Failed, "deferred": s.Deferred, "skipped": s.Skipped, "remaining": s.Pending,
		"ok": s.OK, "refreshed": s.Refreshed, "not_modified": s.NotModified,
	}
}

// Progress shows a running crawl. Update is called a few times a second
// from one goroutine; Finish once at the end.
type Progress interface {
	Update(Stats)
	Finish(Stats)
}

// barProgress draws a live progressbar on a terminal.
type barProgress struct {
	bar *progressbar.ProgressBar
}

// NewBarProgress returns a Progress drawing a live bar on w (a terminal):
// pages fetched out of fetched+remaining, with rate, elapsed time, the time
// left and counts. Finish clears the line, so what follows starts on a
// line of its own.
func NewBarProgress(w io.Writer) Progress {
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("crawl"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		// Not full width: a line that fills the terminal wraps when the
		// terminal echoes ^C, leaving the bar above the interrupt message.
		progressbar.OptionSetWidth(20),
		progressbar.OptionSetRenderBlankState(true),
	)
	return &barProgress{bar: bar}
}

func (p *barProgress) Update(s Stats) {
	if max := s.Fetched + s.Pending; max > 0 && max != p.bar.GetMax() {
		p.bar.ChangeMax(max)
	}
	p.bar.Describe(barDescription(s))
	_ = p.bar.Set(s.Fetched)
}

// barDescription is the text after the bar's spinner: the time left, then
// the counts, each named as in the summary.
func barDescription(s Stats) string {
	eta := "ETA -"
	if d := s.ETA(); d > 0 {
		eta = "ETA " + d.String()
	}
	return fmt.Sprintf("%s  remaining %d  failed %d  articles %d  facts %d", eta, s.Pending, s.Failed, s.Articles, s.Facts)
}

func (p *barProgress) Finish(Stats) {
	_ = p.bar.Clear()
}

// logProgress writes a log line every so often.
type logProgress struct {
	log   *slog.Logger
	every time.Duration
	mu    sync.Mutex
	last  time.Time
}

// NewLogProgress returns a Progress that logs the counts at info level at
// most once per every, for runs without a terminal.
func NewLogProgress(l *slog.Logger, every time.Duration) Progress {
	return &logProgress{log: l, every: every, last: time.Now()}
}

func (p *logProgress) Update(s Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	p.log.Info("crawl progress", statsAttrs(s)...)
}

func (p *logProgress) Finish(Stats) {}

func statsAttrs(s Stats) []any {
	return []any{
		"fetched", s.Fetched, "remaining", s.Pending, "failed", s.Failed, "skipped", s.Skipped,
		"articles", s.Articles, "facts", s.Facts, "rate", fmt.Sprintf("%.1f pages/s", s.Rate()),
		"elapsed", s.Elapsed.Round(time.Second).String(), "eta", s.ETA().String(),
	}
}

// Summary is the outcome of a Run.
type Summary struct {
	Stats
	RunID   int64
	Outcome string // "completed", "interrupted", "max-pages" or "error: …"
	// Unreachable lists the hosts that did not answer once in this run.
	Unreachable []HostFailure
}

// Succeeded reports whether the run reached what it asked for: false when
// it fetched nothing successfully though it asked, or when a host could not
// be reached at all.
func (s Summary) Succeeded() bool {
	return len(s.Unreachable) == 0 && (s.Requests == 0 || s.OK > 0)
}

// WriteText prints the summary as a few aligned lines.
func (s Summary) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, `crawl %s in %s (run %d)
  requests   %7d   fetched  %7d   rate %.1f pages/s
  articles   %7d   facts    %7d   duplicates %d
  listings   %7d   discovered %5d   remaining  %d
  retried    %7d   failed   %7d   skipped    %d
  this run added %d new articles with %d facts; %d pages unchanged since the last run (304), %d articles refreshed
`,
		s.Outcome, s.Elapsed.Round(time.Millisecond), s.RunID,
		s.Requests, s.Fetched, s.Rate(),
		s.Articles, s.Facts, s.Duplicates,
		s.Listings, s.Discovered, s.Pending,
		s.Retried, s.Failed, s.Skipped,
		s.Articles, s.Facts, s.NotModified, s.Refreshed)
	return err
}
