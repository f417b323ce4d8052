package crawler

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// Languages are the languages a crawl can be limited to (Config.Langs).
var Languages = []string{"en", "ru", "kk"}

// Config says what to crawl and how politely. Start from DefaultConfig: a
// zero Delay in Config means no delay at all.
type Config struct {
	// Frontier, Archive and Process are required; RunLog and Lock are
	// optional. With Lock set a Run holds the lock from start to end.
	Frontier Frontier
	Archive  Archive
	RunLog   RunLog
	Lock     Lock
	// HostGate and Robots are set for a store several crawl processes share
	// (PostgreSQL): each host's delay and parallel limit, and its
	// robots.txt, then hold for the whole crawl instead of per process.
	HostGate HostGate
	Robots   RobotsStore
	// Process is the extraction pipeline every fetched article goes through.
	Process func(extract.Page) (*extract.Result, error)

	// Sites names the profiles to crawl (see Profiles); empty means all.
	Sites []string
	// Start, when set, replaces the profiles' start URLs. The crawl then
	// takes what those pages list (pagination included) but does not look
	// for election tag pages on the articles, as a crawl from the profiles does.
	Start []string
	// Range bounds article publication dates: listings are not paged past
	// Since, and listing items dated outside the range are not queued.
	Range Range
	// AllArticles takes every article in range, not only election coverage.
	AllArticles bool
	// Langs limits the crawl to editions and articles in these languages
	// ("en", "ru", "kk"); empty means all.
	Langs []string
	// MaxPages bounds the requests of one Run; 0 means no bound. Work left
	// stays queued for the next run.
	MaxPages int
	// MaxListingPages bounds how deep one listing is paged; 0 means 5000.
	MaxListingPages int
	// RefreshArticles fetches again, with conditional requests, the stored
	// articles the crawl's listings show (for corrections): a changed page
	// is archived as a new version and its facts are replaced. Without it
	// an article is fetched once ever.
	RefreshArticles bool

	// UserAgent is sent with every request; "" means "obsfacts/<version>
	// (+Contact)". Contact is a URL or address for site operators.
	UserAgent string
	Contact   string
	// Delay is the pause after each request to a host, plus a random part
	// up to RandomDelay; Parallelism is how many requests a host gets at once.
	Delay       time.Duration
	RandomDelay time.Duration
	Parallelism int
	// Timeout bounds one request, body included; 0 means 30 s.
	Timeout time.Duration
	// MaxBody is the largest body accepted, in bytes; 0 means 10 MiB.
	// Larger responses are skipped and recorded.
	MaxBody int
	// MaxAttempts bounds fetches of one URL on 429, 5xx and network errors
	// before it is recorded as failed; 0 means 4.
	MaxAttempts int
	// BackoffBase and BackoffMax shape the exponential backoff between
	// attempts (base·2^(n-1), capped, ±20 % jitter); 0 means 2 s and 5 min.
	BackoffBase, BackoffMax time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a longer one fails
	// the URL. 0 means 1 hour.
	MaxRetryAfter time.Duration
	// RetryRuns bounds the runs a URL that failed for a passing reason
	// (network, timeout, 429, 5xx) is tried in: each later run tries it again
	// until it failed in RetryRuns runs. 0 means 5.
	RetryRuns int
	// RetryFailed tries every failed URL once more in this run, permanent
	// failures (404, crashes) and transient ones past RetryRuns included.
	RetryFailed bool
	// Resolve sends a host's connections elsewhere, like curl --resolve:
	// host -> "ip[:port]", or "http://ip:port" for a plain-HTTP mirror that
	// also receives the https requests. Host "*" matches every host. URLs,
	// hosts and keys stay the real ones.
	Resolve map[string]string
	// AllowPrivate lets the crawl connect to loopback, private and
	// link-local addresses (127.0.0.0/8, 10.0.0.0/8, 192.168.0.0/16,
	// 169.254.0.0/16, ...). Without it only hosts named in Resolve may
	// resolve to such addresses, so a page or redirect cannot point the
	// crawler at services of the crawling machine or its network.
	AllowPrivate bool

	// Progress receives live counts; nil means none.
	Progress Progress
	// OnResume, when set, is called once at the start of a run that finds
	// work left by an earlier one: queued URLs, and URLs that were in flight
	// when it died, now queued again.
	OnResume func(queued, recovered int)
	// Logger receives per-URL events at debug level and problems at warn;
	// nil means slog.Default().
	Logger *slog.Logger
	// Args describes the crawl in the runs table.
	Args string
}

// DefaultConfig returns the polite defaults: 1 s per-host delay with up to
// 0.5 s jitter, 2 parallel requests per host, 30 s timeout, 10 MiB body cap,
// 4 attempts.
func DefaultConfig() Config {
	return Config{
		Delay:       time.Second,
		RandomDelay: 500 * time.Millisecond,
		Parallelism: 2,
	}
}

// withDefaults fills the fields whose zero value means "default".
func (c Config) withDefaults() Config {
	if c.Parallelism <= 0 {
		c.Parallelism = 2
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.MaxBody <= 0 {
		c.MaxBody = 10 << 20
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 4
	}
	if c.BackoffBase <= 0 {
		c.BackoffBase = 2 * time.Second
	}
	if c.BackoffMax <= 0 {
		c.BackoffMax = 5 * time.Minute
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = time.Hour
	}
	if c.RetryRuns <= 0 {
		c.RetryRuns = 5
	}
	if c.MaxListingPages <= 0 {
		c.MaxListingPages = 5000
	}
	if c.UserAgent == "" {
		c.UserAgent = "obsfacts/" + extract.Version
		if c.Contact != "" {
			c.UserAgent += " (+" + c.Contact + ")"
		}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

func (c Config) validate() error {
	var errs []error
	if c.Frontier == nil {
		errs = append(errs, errors.New("crawler: config: Frontier is required"))
	}
	if c.Archive == nil {
		errs = append(errs, errors.New("crawler: config: Archive is required"))
	}
	if c.Process == nil {
		errs = append(errs, errors.New("crawler: config: Process is required"))
	}
	if c.Delay < 0 || c.RandomDelay < 0 {
		errs = append(errs, errors.New("crawler: config: negative delay"))
	}
	if !c.Range.Since.IsZero() && !c.Range.Until.IsZero() && c.Range.Until.Before(c.Range.Since) {
		errs = append(errs, errors.New("crawler: config: --until before --since"))
	}
	for _, l := range c.Langs {
		if !slices.Contains(Languages, l) {
			errs = append(errs, fmt.Errorf("crawler: config: unknown language %q (known: %s)", l, strings.Join(Languages, ", ")))
		}
	}
	for _, s := range c.Sites {
		if ProfileByName(s) == nil {
			errs = append(errs, errors.New("crawler: config: unknown site "+s))
		}
	}
	return errors.Join(errs...)
}
