package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export/warc"
	"github.com/obsfacts/obsfacts/store/pgstore"
)

func init() {
	register(newCrawlCmd)
}

// crawlOptions are the flags of crawl.
type crawlOptions struct {
	sites, starts, resolve []string
	langs                  []string
	dates                  dateRange
	dbPath, contact        string
	all, allowPrivate      bool
	retryFailed, refresh   bool
	warcDir                string
	maxPages, parallel     int
	maxBody, retries       int
	retryRuns              int
	delay, timeout, lease  time.Duration
	extractTimeout         time.Duration
}

func newCrawlCmd(a *app) *cobra.Command {
	var o crawlOptions
	cmd := &cobra.Command{
		Use:   "crawl [flags]",
		Short: "Crawl news sites' election coverage into the database (resumable)",
		Long: `Crawls the sites' election coverage (or, with --all-articles, every article)
politely: robots.txt obeyed, a per-host delay, retries with backoff. Every
response is archived, every article goes through extraction, and page, article
and facts are saved together.

The queue lives in the database: run the same command again after an
interruption (Ctrl-C, a crash, kill -9) and it continues where it stopped.
Ctrl-C stops gracefully; a second Ctrl-C exits at once, losing nothing already
saved. One crawl at a time works on a database: a second one exits 1, naming
the first.

Run the same crawl again later (every week of a campaign, say) and it reads
its entry points again (start pages, feeds, sitemaps, listing pages down to
the first that brings nothing new) with conditional requests, and fetches the
new articles only. URLs that failed for a passing reason (network, timeout,
429, 5xx) are tried again by the next runs; 404s and the like stay failed.

` + startPagesHelp(),
		Example: `  obsfacts crawl --site kazinform --since 2023-03 --until 2023-03
  obsfacts crawl --site all --delay 0 --resolve '*=http://127.0.0.1:8099'`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q: start URLs go with --start", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCrawl(cmd.Context(), &o, flagLine(cmd), a)
		},
	}
	fs := cmd.Flags()
	fs.StringSliceVar(&o.sites, "site", []string{"all"}, "site `PROFILE` to crawl: "+profileNames()+", or all (repeatable, comma-separated)")
	fs.StringSliceVar(&o.langs, "lang", nil, "crawl only these `LANGS` (comma-separated): "+strings.Join(crawler.Languages, ", ")+"; default all")
	fs.StringArrayVar(&o.starts, "start", nil, "crawl from this `URL` instead of the profiles' start pages (repeatable)")
	fs.StringArrayVar(&o.resolve, "resolve", nil, "send HOST's requests to ADDR, like curl: `HOST=ADDR` with ADDR ip[:port] or http://ip:port for a plain-HTTP mirror; HOST * matches all (repeatable)")
	o.dates.addFlags(fs, "publication")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "let the crawl connect to loopback, private and link-local addresses (refused by default: a page or redirect could point at services of your network); hosts named by --resolve may always")
	addDBFlag(fs, &o.dbPath, "holding the archive, facts and crawl queue")
	fs.BoolVar(&o.all, "all-articles", false, "take every article in the date range, not only election coverage")
	fs.IntVar(&o.maxPages, "max-pages", 0, "stop after `N` requests (0: no limit); the rest stays queued")
	fs.DurationVar(&o.delay, "delay", time.Second, "pause after each request to a host (plus up to half as much at random)")
	fs.IntVar(&o.parallel, "parallel", 2, "parallel requests per host")
	fs.StringVar(&o.contact, "contact", "https://github.com/obsfacts/obsfacts", "contact `URL` or address sent in the User-Agent")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit for one request")
	fs.IntVar(&o.maxBody, "max-body", 10<<20, "largest response body accepted, in `BYTES`")
	addExtractTimeout(fs, &o.extractTimeout)
	fs.IntVar(&o.retries, "retries", 3, "retries of a URL on 429, 5xx and network errors in one run before it is recorded as failed for a passing reason")
	fs.IntVar(&o.retryRuns, "retry-runs", 5, "runs that try a URL failed for a passing reason (network, timeout, 429, 5xx) again, in all")
	fs.StringVar(&o.warcDir, "warc", "", "also write every response to WARC files in `DIR` as the crawl goes (gzip per record, a new file at 1 GiB)")
	fs.BoolVar(&o.refresh, "refresh-articles", false, "fetch stored articles the listings show again, with conditional requests (for corrections): a changed page is archived as a new version and its facts replaced")
	fs.DurationVar(&o.lease, "lease", pgstore.DefaultLease, "PostgreSQL: how long a URL this process took stays its own without a heartbeat; the work of a process that died goes to the others after it")
	fs.BoolVar(&o.retryFailed, "retry-failed", false, "try every failed URL once more, permanent failures (404, pages that crashed the crawler) included")
	return cmd
}

func runCrawl(ctx context.Context, o *crawlOptions, args string, a *app) error {
	stderr := a.stderr
	cfg, err := crawlConfig(o.sites, &o.dates, o.resolve)
	if err != nil {
		return err
	}
	if o.parallel < 1 || o.delay < 0 || o.retries < 0 || o.maxBody < 1 || o.timeout <= 0 || o.maxPages < 0 || o.retryRuns < 1 || o.lease <= 0 {
		return usagef("--parallel, --max-body, --timeout, --retry-runs and --lease must be positive; --delay, --retries and --max-pages not negative")
	}
	cfg.Start = o.starts
	for _, l := range o.langs {
		if l = strings.TrimSpace(strings.ToLower(l)); l == "kz" {
			l = "kk" // the sites' own label for Kazakh
		}
		if !slices.Contains(crawler.Languages, l) {
			return usagef("--lang %q: unknown language; known: %s", l, strings.Join(crawler.Languages, ", "))
		}
		cfg.Langs = append(cfg.Langs, l)
	}
	cfg.AllArticles = o.all
	cfg.AllowPrivate = o.allowPrivate
	cfg.MaxPages = o.maxPages
	cfg.Delay, cfg.RandomDelay = o.delay, o.delay/2
	cfg.Parallelism = o.parallel
	cfg.Contact = o.contact
	cfg.Timeout = o.timeout
	cfg.MaxBody = o.maxBody
	cfg.MaxAttempts = o.retries + 1
	cfg.RetryRuns, cfg.RetryFailed = o.retryRuns, o.retryFailed
	cfg.RefreshArticles = o.refresh
	cfg.Args = args

	st, err := openOrCreate(o.dbPath, o.lease)
	if err != nil {
		return err
	}
	defer st.Close()
	a.onForcedExit(func(ctx context.Context) { _ = st.InterruptRun(ctx) })
	useStore(&cfg, st)
	if o.warcDir != "" {
		w, err := warc.CreateDir(o.warcDir, "obsfacts-", 0, warcInfo(o.dbPath, o.contact))
		if err != nil {
			return usagef("--warc %s: %v", o.warcDir, err)
		}
		defer func() {
			if err := w.Close(); err != nil {
				a.message("%v", err)
			}
		}()
		cfg.Archive = warcArchive{Archive: st, w: w}
	}
	cfg.Process = newExtractor(o.extractTimeout).Process
	cfg.OnResume = func(queued, recovered int) {
		a.message("resuming: %d queued, %d in flight recovered", queued, recovered)
	}
	cfg.Logger = slog.Default()
	if isTerminal(stderr) {
		cfg.Progress = crawler.NewBarProgress(stderr)
		// Per-URL warnings would tear the bar; keep them for the summary.
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	} else {
		cfg.Progress = crawler.NewLogProgress(slog.Default(), 5*time.Second)
	}

	c, err := crawler.New(cfg)
	if err != nil {
		return usagef("%v", err)
	}
	sum, err := c.Run(ctx)
	if sum.Outcome != "" || sum.Requests > 0 { // else the run never started (the lock, the store)
		if werr := sum.WriteText(stderr); werr != nil && err == nil {
			err = werr
		}
	}
	if err != nil {
		return err
	}
	return crawlStatus(sum, cfg.HostGate != nil, stderr)
}

// useStore makes st the crawl's state, with the parts of it the store
// offers: a lock (SQLite: one crawl at a time), or shared politeness and
// robots.txt (PostgreSQL: many crawl processes on one frontier).
func useStore(cfg *crawler.Config, st database) {
	cfg.Frontier, cfg.Archive, cfg.RunLog = st, st, st
	if lock, ok := st.(crawler.Lock); ok {
		cfg.Lock = lock
	}
	if gate, ok := st.(crawler.HostGate); ok {
		cfg.HostGate = gate
	}
	if robots, ok := st.(crawler.RobotsStore); ok {
		cfg.Robots = robots
	}
}

// crawlStatus prints what the summary leaves to say and returns the
// crawl's exit error. shared is set for a worker of a crawl several
// processes share.
func crawlStatus(sum crawler.Summary, shared bool, stderr io.Writer) error {
	for _, h := range sum.Unreachable {
		fmt.Fprintln(stderr, h)
	}
	if sum.Deferred > 0 {
		fmt.Fprintf(stderr, "%d URLs failed for a passing reason (network, timeout, 429, 5xx): the next run tries them again\n", sum.Deferred)
	}
	if sum.Outcome == "interrupted" {
		fmt.Fprintf(stderr, "%d URLs left in the queue: run the same command again to continue\n", sum.Pending)
		return context.Canceled
	}
	// A worker of a shared crawl gets whatever share of the URLs the others
	// leave it: a share that came back 404 is no failure, as long as the
	// sites answered.
	shared = shared && len(sum.Unreachable) == 0 && sum.Fetched > 0
	if !sum.Succeeded() && !shared {
		if len(sum.Unreachable) == 0 {
			fmt.Fprintln(stderr, "nothing was fetched successfully: see 'obsfacts stats' for the reasons")
		}
		return errPartial
	}
	return nil
}

// crawlConfig turns the flags about what to crawl into a crawler.Config
// with the polite defaults.
func crawlConfig(sites []string, dates *dateRange, resolve []string) (crawler.Config, error) {
	cfg := crawler.DefaultConfig()
	for _, s := range sites {
		if s == "all" {
			cfg.Sites = nil
			break
		}
		if crawler.ProfileByName(s) == nil {
			return cfg, usagef("--site %q: unknown site; use %s or all", s, profileNames())
		}
		cfg.Sites = append(cfg.Sites, s)
	}
	var err error
	if cfg.Range.Since, cfg.Range.Until, err = dates.bounds(); err != nil {
		return cfg, err
	}
	if cfg.Resolve, err = crawler.ParseResolve(resolve); err != nil {
		return cfg, usagef("%v", err)
	}
	return cfg, nil
}

func profileNames() string {
	var names []string
	for _, p := range crawler.Profiles() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// startPagesHelp lists the profiles' start pages for --help, marking those
// whose URL is a guess or comes from other people's unverified configs.
func startPagesHelp() string {
	var b strings.Builder
	b.WriteString("Start pages (\"guess\": inferred, may not exist; \"config\": from other people's\nscraper configs, unverified; a start page that is not served fails once, as a 404):\n")
	for _, p := range crawler.Profiles() {
		fmt.Fprintf(&b, "  %s\n", p.Name)
		lastNote := ""
		for _, s := range p.StartPages(time.Now()) {
			mark := ""
			if s.Evidence != crawler.EvidenceSeen {
				mark = " (" + s.Evidence + ")"
			}
			lang := s.Lang
			if lang == "" {
				lang = "all"
			}
			fmt.Fprintf(&b, "    %-3s %s%s\n", lang, s.URL, mark)
			if s.Note != "" && s.Note != lastNote && s.Evidence != crawler.EvidenceSeen {
				fmt.Fprintf(&b, "          %s\n", s.Note)
			}
			lastNote = s.Note
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
