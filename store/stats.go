package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"maps"
	"strings"
	"text/tabwriter"
	"time"
)

// Stats summarises what a database holds.
type Stats struct {
	Totals Totals
	// Pages counts stored pages per fetch month (YYYY-MM; for local files
	// the month they were loaded) and kind.
	Pages []KindMonth
	// Articles counts articles per publisher host and month: published in
	// it (at the site's offset), and fetched in it. Month "" holds the
	// articles with no publication date.
	Articles []SiteMonth
	// Facts counts facts per subject code ("" = no code), most first.
	Facts []CodeCount
	// Unfetched counts failed and skipped frontier items per reason, most
	// first.
	Unfetched []StateReason
	// Runs are the last 10 runs, newest first.
	Runs []Run
	// Workers are the processes of a store shared by several (PostgreSQL):
	// the live and dead ones, and the last few that finished. An SQLite
	// store has none.
	Workers []Worker
	// Queue is the crawl queue in detail, for a shared store.
	Queue Queue
}

// Worker states.
const (
	WorkerLive     = "live"     // its heartbeat comes
	WorkerDead     = "dead"     // its heartbeat stopped: its leases went or go to others
	WorkerFinished = "finished" // its run ended
)

// Worker is one process working on a shared store.
type Worker struct {
	ID, RunID, CrawlID int64 // CrawlID 0: not a crawl
	Command, Host      string
	PID                int
	StartedAt          time.Time
	Heartbeat          time.Time // the last sign of life
	State              string    // WorkerLive, WorkerDead or WorkerFinished
	InFlight           int       // items it holds
}

// Queue counts the frontier's waiting and leased items.
type Queue struct {
	Queued, Due int // queued, and of those due now (not waiting for a retry time)
	InFlight    int // leased
	Expired     int // leased by workers that died, due for others
}

// Totals are whole-database counts.
type Totals struct {
	Pages, Articles, Facts, Runs int
	RawBytes, StoredBytes        int64          // page bodies before and after compression
	Frontier                     map[string]int // items per state
}

// SiteMonth counts the articles of one publisher host published and
// fetched in one month.
type SiteMonth struct {
	Site, Month        string
	Published, Fetched int
}

// KindMonth is a count of pages of one kind fetched in one month.
type KindMonth struct {
	Month, Kind string
	Count       int
}

// CodeCount is a count of facts for one subject code.
type CodeCount struct {
	Code  string
	Count int
}

// StateReason is a count of frontier items in one final state for one
// reason. Failed items are told apart by Failure: transient ones (network,
// timeout, 429, 5xx) are tried again by later crawls, permanent ones only
// with --retry-failed. Runs is how many crawls a transient failure failed in.
type StateReason struct {
	State, Failure, Reason string
	Runs                   int
	Count                  int
}

// Run is one recorded run of a command.
type Run struct {
	ID                    int64
	Command, Args         string
	StartedAt, FinishedAt time.Time // FinishedAt is zero while running, or if killed
	// Outcome is completed, interrupted or failed; for a run with none
	// recorded, running while its process lives, else abandoned.
	Outcome string
	Note    string // what the outcome word leaves out: the error, --max-pages
	Counts  map[string]int
}

// Stats reads the summary of the database.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	if err := s.readStats(ctx, &st); err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

func (s *Store) readStats(ctx context.Context, st *Stats) error {
	// One read transaction, so the tables agree with each other.
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	t := &st.Totals
	err = tx.QueryRowContext(ctx, `SELECT
	(SELECT count(*) FROM pages), (SELECT count(*) FROM articles), (SELECT count(*) FROM facts),
	(SELECT count(*) FROM runs), (SELECT coalesce(sum(size), 0) FROM pages),
	(SELECT coalesce(sum(length(body)), 0) FROM pages)`).
		Scan(&t.Pages, &t.Articles, &t.Facts, &t.Runs, &t.RawBytes, &t.StoredBytes)
	if err != nil {
		return fmt.Errorf("totals: %w", err)
	}
	t.Frontier = map[string]int{}
	err = each(ctx, tx, `SELECT state, count(*) FROM frontier GROUP BY state`, func(r *sql.Rows) error {
		var state string
		var n int
		if err := r.Scan(&state, &n); err != nil {
			return err
		}
		t.Frontier[state] = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("frontier: %w", err)
	}
	err = each(ctx, tx, `SELECT substr(coalesce(fetched_at, first_seen), 1, 7) AS month, kind, count(*)
FROM pages GROUP BY month, kind ORDER BY month, kind`, func(r *sql.Rows) error {
		var km KindMonth
		if err := r.Scan(&km.Month, &km.Kind, &km.Count); err != nil {
			return err
		}
		st.Pages = append(st.Pages, km)
		return nil
	})
	if err != nil {
		return fmt.Errorf("pages: %w", err)
	}
	err = each(ctx, tx, `SELECT site, month, sum(published), sum(fetched) FROM (
	SELECT coalesce(site, '') AS site, coalesce(substr(published_date, 1, 7), '') AS month, 1 AS published, 0 AS fetched
	FROM articles
	UNION ALL
	SELECT coalesce(a.site, ''), substr(coalesce(p.fetched_at, p.first_seen), 1, 7), 0, 1
	FROM articles a JOIN pages p ON p.id = a.page_id
) GROUP BY site, month ORDER BY site, month`, func(r *sql.Rows) error {
		var sm SiteMonth
		if err := r.Scan(&sm.Site, &sm.Month, &sm.Published, &sm.Fetched); err != nil {
			return err
		}
		st.Articles = append(st.Articles, sm)
		return nil
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	err = each(ctx, tx, `SELECT coalesce(subject_code, ''), count(*) AS n FROM facts GROUP BY subject_code ORDER BY n DESC, subject_code`,
		func(r *sql.Rows) error {
			var c CodeCount
			if err := r.Scan(&c.Code, &c.Count); err != nil {
				return err
			}
			st.Facts = append(st.Facts, c)
			return nil
		})
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	err = each(ctx, tx, `SELECT state, coalesce(failure, ''), failed_runs, reason, count(*) AS n FROM frontier
WHERE state IN ('failed', 'skipped')
GROUP BY state, failure, failed_runs, reason ORDER BY state, failure DESC, n DESC, reason`, func(r *sql.Rows) error {
		var sr StateReason
		if err := r.Scan(&sr.State, &sr.Failure, &sr.Runs, &sr.Reason, &sr.Count); err != nil {
			return err
		}
		st.Unfetched = append(st.Unfetched, sr)
		return nil
	})
	if err != nil {
		return fmt.Errorf("frontier failures: %w", err)
	}
	err = each(ctx, tx, `SELECT id, command, args, started_at, coalesce(finished_at, ''), coalesce(outcome, ''),
	coalesce(note, ''), coalesce(counts, '{}'), coalesce(pid, 0) FROM runs ORDER BY id DESC LIMIT 10`, func(r *sql.Rows) error {
		var run Run
		var started, finished, counts string
		var pid int
		if err := r.Scan(&run.ID, &run.Command, &run.Args, &started, &finished, &run.Outcome, &run.Note, &counts, &pid); err != nil {
			return err
		}
		if err := ReadRun(&run, started, finished, counts, processAlive(pid)); err != nil {
			return err
		}
		st.Runs = append(st.Runs, run)
		return nil
	})
	if err != nil {
		return fmt.Errorf("runs: %w", err)
	}
	return nil
}

// each runs query and calls fn on every row.
func each(ctx context.Context, tx *sql.Tx, query string, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// frontierStates is the order WriteText lists frontier states in.
var frontierStates = []string{"queued", "in_flight", "done", "failed", "skipped"}

// WriteText prints the stats as aligned plain-text tables.
func (st Stats) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	t := st.Totals
	p("Totals\n")
	p("  pages\t%d\t(%s raw, %s stored)\n", t.Pages, bytesText(t.RawBytes), bytesText(t.StoredBytes))
	p("  articles\t%d\n", t.Articles)
	p("  facts\t%d\n", t.Facts)
	p("  runs\t%d\n", t.Runs)
	var fr []string
	for _, state := range frontierStates {
		fr = append(fr, fmt.Sprintf("%s %d", state, t.Frontier[state]))
	}
	p("  frontier\t%s\n", strings.Join(fr, ", "))

	p("\nArticles by publisher host and month (published: by publication date; fetched: by fetch date)\n")
	if len(st.Articles) == 0 {
		p("  (none)\n")
	} else {
		p("  SITE\tMONTH\tPUBLISHED\tFETCHED\n")
		for _, r := range st.Articles {
			month := r.Month
			if month == "" {
				month = "(no date)"
			}
			p("  %s\t%s\t%d\t%d\n", orNone(r.Site), month, r.Published, r.Fetched)
		}
	}
	p("\nPages archived by fetch month and kind\n")
	if len(st.Pages) == 0 {
		p("  (none)\n")
	} else {
		p("  FETCHED\tKIND\tPAGES\n")
		for _, r := range st.Pages {
			p("  %s\t%s\t%d\n", r.Month, r.Kind, r.Count)
		}
	}

	p("\nFacts by subject code\n")
	if len(st.Facts) == 0 {
		p("  (none)\n")
	} else {
		p("  CODE\tCOUNT\n")
		for _, c := range st.Facts {
			p("  %s\t%d\n", orNone(c.Code), c.Count)
		}
	}

	p("\nFailed and skipped URLs by reason\n")
	if len(st.Unfetched) == 0 {
		p("  (none)\n")
	} else {
		p("  STATE\tCLASS\tFAILED IN\tREASON\tCOUNT\n")
		for _, r := range st.Unfetched {
			class, runs := r.Failure, ""
			if class == "" && r.State == "failed" {
				class = "permanent"
			}
			if r.Failure == "transient" {
				runs = fmt.Sprintf("%d runs", r.Runs)
			}
			p("  %s\t%s\t%s\t%s\t%d\n", r.State, class, runs, orNone(r.Reason), r.Count)
		}
		p("  (transient failures are tried again by the next crawls; permanent ones with crawl --retry-failed)\n")
	}

	if len(st.Workers) > 0 {
		writeWorkers(p, st)
	}
	p("\nLast runs\n")
	if len(st.Runs) == 0 {
		p("  (none)\n")
	} else {
		p("  ID\tCOMMAND\tSTARTED (UTC)\tDURATION\tOUTCOME\tCOUNTS\tARGS\n")
		for _, r := range st.Runs {
			dur := "-"
			if !r.FinishedAt.IsZero() {
				dur = durationText(r.FinishedAt.Sub(r.StartedAt))
			}
			outcome := r.Outcome
			if r.Note != "" {
				outcome += " (" + shorten(oneLine(r.Note), 32) + ")"
			}
			p("  %d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Command, r.StartedAt.UTC().Format("2006-01-02 15:04"), dur,
				outcome, countsText(r.Counts), shorten(oneLine(r.Args), 50))
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("store: write stats: %w", err)
	}
	return nil
}

// writeWorkers prints the queue and the workers of a shared store.
func writeWorkers(p func(string, ...any), st Stats) {
	q := st.Queue
	p("\nQueue\n")
	p("  queued\t%d\t(%d due now, %d waiting to be retried)\n", q.Queued, q.Due, q.Queued-q.Due)
	p("  in flight\t%d\t(%d held by live workers, %d by dead ones: others take them)\n", q.InFlight, q.InFlight-q.Expired, q.Expired)
	live, dead := 0, 0
	for _, w := range st.Workers {
		switch w.State {
		case WorkerLive:
			live++
		case WorkerDead:
			dead++
		}
	}
	p("\nWorkers (%d live, %d dead)\n", live, dead)
	p("  ID\tSTATE\tCOMMAND\tCRAWL\tHOST\tPID\tSTARTED (UTC)\tLAST HEARTBEAT\tIN FLIGHT\n")
	for _, w := range st.Workers {
		crawl := "-"
		if w.CrawlID != 0 {
			crawl = fmt.Sprint(w.CrawlID)
		}
		p("  %d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%d\n", w.ID, w.State, w.Command, crawl, w.Host, w.PID,
			w.StartedAt.UTC().Format("2006-01-02 15:04:05"), w.Heartbeat.UTC().Format("15:04:05"), w.InFlight)
	}
}

// countOrder are the counts of a run the table shows, in this order; the
// runs table of the database keeps them all.
var countOrder = []string{"inputs", "fetched", "articles", "facts", "failed", "remaining"}

// countsText writes the non-zero counts of a run that matter most, as
// "fetched 40, articles 3, facts 12".
func countsText(counts map[string]int) string {
	if n, ok := counts["pending"]; ok { // the name of remaining before it was renamed
		counts = maps.Clone(counts)
		counts["remaining"] = n
	}
	var parts []string
	for _, k := range countOrder {
		if n := counts[k]; n != 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// durationText rounds a run's duration for reading: 850ms, 12s, 3m4s.
func durationText(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// shorten cuts s to at most n characters, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// oneLine keeps free text from breaking the table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
