package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register("crawl", "crawl news sites' election coverage into the database (resumable)", runCrawl)
}

// listFlag collects a repeatable flag; a value may also hold a
// comma-separated list when split is set.
type listFlag struct {
	vals  []string
	split bool
}

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }

func (l *listFlag) Set(v string) error {
	if !l.split {
		l.vals = append(l.vals, v)
		return nil
	}
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			l.vals = append(l.vals, s)
		}
	}
	return nil
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("crawl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		sites   = listFlag{split: true}
		starts  listFlag
		resolve listFlag
	)
	fs.Var(&sites, "site", "site `profile` to crawl: "+profileNames()+", or all (repeatable, comma-separated)")
	fs.Var(&starts, "start", "crawl from this `URL` instead of the profiles' start pages (repeatable)")
	fs.Var(&resolve, "resolve", "send HOST's requests to ADDR, like curl: `HOST=ADDR` with ADDR ip[:port] or http://ip:port for a plain-HTTP mirror; HOST * matches all (repeatable)")
	since := fs.String("since", "", "earliest publication `date` (YYYY-MM-DD) to crawl")
	until := fs.String("until", "", "latest publication `date` (YYYY-MM-DD) to crawl")
	dbPath := fs.String("db", defaultDB, "SQLite `file` holding the archive, facts and crawl queue")
	all := fs.Bool("all-articles", false, "take every article in the date range, not only election coverage")
	maxPages := fs.Int("max-pages", 0, "stop after `N` requests (0: no limit); the rest stays queued")
	delay := fs.Duration("delay", time.Second, "pause after each request to a host (plus up to half as much at random)")
	parallel := fs.Int("parallel", 2, "parallel requests per host")
	contact := fs.String("contact", "https://github.com/obsfacts/obsfacts", "contact `URL` or address sent in the User-Agent")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for one request")
	maxBody := fs.Int("max-body", 10<<20, "largest response body accepted, in `bytes`")
	retries := fs.Int("retries", 3, "retries of a URL on 429, 5xx and network errors before it is recorded as failed")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts crawl [flags]

Crawls the sites' election coverage (or, with --all-articles, every article)
politely: robots.txt obeyed, a per-host delay, retries with backoff. Every
response is archived, every article goes through extraction, and page, article
and facts are saved together. The queue lives in the database: run the same
command again after an interruption (Ctrl-C, a crash, kill -9) and it
continues where it stopped. Ctrl-C stops gracefully; a second Ctrl-C exits at
once, losing nothing already saved.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "obsfacts crawl: unexpected arguments %q (start URLs go with --start)\n", fs.Args())
		return errUsage
	}
	cfg, err := crawlConfig(sites.vals, *since, *until, resolve.vals)
	if err != nil {
		fmt.Fprintf(stderr, "obsfacts crawl: %v\n", err)
		return errUsage
	}
	if *parallel < 1 || *delay < 0 || *retries < 0 || *maxBody < 1 || *timeout <= 0 || *maxPages < 0 {
		fmt.Fprintln(stderr, "obsfacts crawl: --parallel, --max-body and --timeout must be positive; --delay, --retries and --max-pages not negative")
		return errUsage
	}
	cfg.Start = starts.vals
	cfg.AllArticles = *all
	cfg.MaxPages = *maxPages
	cfg.Delay, cfg.RandomDelay = *delay, *delay/2
	cfg.Parallelism = *parallel
	cfg.Contact = *contact
	cfg.Timeout = *timeout
	cfg.MaxBody = *maxBody
	cfg.MaxAttempts = *retries + 1
	cfg.Args = strings.Join(args, " ")
	if cfg.Range.Until.IsZero() {
		// An open-ended crawl re-reads listings once a day; restarted the
		// same day it resumes without fetching them again.
		cfg.ListingEpoch = time.Now().Format("2006-01-02")
	}

	st, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg.Frontier, cfg.Archive, cfg.RunLog = st, st, st
	cfg.Process = extract.NewExtractor().Process
	cfg.Logger = slog.Default()
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		cfg.Progress = crawler.NewBarProgress(stderr)
		// Per-URL warnings would tear the bar; keep them for the summary.
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	} else {
		cfg.Progress = crawler.NewLogProgress(slog.Default(), 5*time.Second)
	}

	c, err := crawler.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "obsfacts crawl: %v\n", err)
		return errUsage
	}
	sum, err := c.Run(ctx)
	if werr := sum.WriteText(stderr); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	if sum.Outcome == "interrupted" {
		fmt.Fprintf(stderr, "%d URLs left in the queue: run the same command again to continue\n", sum.Pending)
		return context.Canceled
	}
	return nil
}

// crawlConfig turns the flags about what to crawl into a crawler.Config
// with the polite defaults.
func crawlConfig(sites []string, since, until string, resolve []string) (crawler.Config, error) {
	cfg := crawler.DefaultConfig()
	for _, s := range sites {
		if s == "all" {
			cfg.Sites = nil
			break
		}
		if crawler.ProfileByName(s) == nil {
			return cfg, fmt.Errorf("--site %q: unknown site; known: %s, all", s, profileNames())
		}
		cfg.Sites = append(cfg.Sites, s)
	}
	var err error
	if cfg.Range.Since, err = parseDay("--since", since); err != nil {
		return cfg, err
	}
	if cfg.Range.Until, err = parseDay("--until", until); err != nil {
		return cfg, err
	}
	if !cfg.Range.Since.IsZero() && !cfg.Range.Until.IsZero() && cfg.Range.Until.Before(cfg.Range.Since) {
		return cfg, fmt.Errorf("--until %s is before --since %s", until, since)
	}
	if cfg.Resolve, err = crawler.ParseResolve(resolve); err != nil {
		return cfg, err
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
