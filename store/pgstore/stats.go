package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/store"
)

// Stats reads the summary of the store, as the SQLite store's Stats does,
// with its workers and queue. Text is sorted in byte order, as in SQLite.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	// One snapshot, so the tables agree with each other.
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
		func(tx pgx.Tx) error { return readStats(ctx, tx, &st) })
	if err != nil {
		return store.Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

func readStats(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	for _, read := range []func(context.Context, pgx.Tx, *store.Stats) error{
		readTotals, readPages, readArticles, readFacts, readUnfetched, readRuns, readWorkers,
	} {
		if err := read(ctx, tx, st); err != nil {
			return err
		}
	}
	return nil
}

// each runs query and calls fn on every row.
func each(ctx context.Context, tx pgx.Tx, query string, fn func(pgx.Rows) error, args ...any) error {
	rows, err := tx.Query(ctx, query, args...)
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

func readTotals(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	t := &st.Totals
	err := tx.QueryRow(ctx, `SELECT
	(SELECT count(*) FROM pages), (SELECT count(*) FROM articles), (SELECT count(*) FROM facts),
	(SELECT count(*) FROM runs), (SELECT coalesce(sum(size), 0)::bigint FROM pages),
	(SELECT coalesce(sum(octet_length(body)), 0)::bigint FROM pages)`).
		Scan(&t.Pages, &t.Articles, &t.Facts, &t.Runs, &t.RawBytes, &t.StoredBytes)
	if err != nil {
		return fmt.Errorf("totals: %w", err)
	}
	t.Frontier = map[string]int{}
	err = each(ctx, tx, `SELECT state, count(*) FROM frontier GROUP BY state`, func(r pgx.Rows) error {
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
	q := &st.Queue
	err = tx.QueryRow(ctx, `SELECT
	count(*) FILTER (WHERE state = 'queued'),
	count(*) FILTER (WHERE state = 'queued' AND (not_before IS NULL OR not_before <= $1)),
	count(*) FILTER (WHERE state = 'in_flight'),
	count(*) FILTER (WHERE `+expired+`)
FROM frontier WHERE state IN ('queued', 'in_flight')`, now()).Scan(&q.Queued, &q.Due, &q.InFlight, &q.Expired)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	return nil
}

func readPages(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `SELECT substr(coalesce(fetched_at, first_seen), 1, 7) COLLATE "C" AS month, kind COLLATE "C" AS kind, count(*)
FROM pages GROUP BY 1, 2 ORDER BY 1, 2`, func(r pgx.Rows) error {
		var km store.KindMonth
		if err := r.Scan(&km.Month, &km.Kind, &km.Count); err != nil {
			return err
		}
		st.Pages = append(st.Pages, km)
		return nil
	})
	if err != nil {
		return fmt.Errorf("pages: %w", err)
	}
	return nil
}

func readArticles(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `SELECT site COLLATE "C", month COLLATE "C", sum(published)::bigint, sum(fetched)::bigint FROM (
	SELECT coalesce(site, '') AS site, coalesce(substr(published_date, 1, 7), '') AS month, 1 AS published, 0 AS fetched
	FROM articles
	UNION ALL
	SELECT coalesce(a.site, ''), substr(coalesce(p.fetched_at, p.first_seen), 1, 7), 0, 1
	FROM articles a JOIN pages p ON p.id = a.page_id
) AS u GROUP BY 1, 2 ORDER BY 1, 2`, func(r pgx.Rows) error {
		var sm store.SiteMonth
		if err := r.Scan(&sm.Site, &sm.Month, &sm.Published, &sm.Fetched); err != nil {
			return err
		}
		st.Articles = append(st.Articles, sm)
		return nil
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	return nil
}

func readFacts(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `SELECT coalesce(subject_code, '') COLLATE "C" AS code, count(*) AS n FROM facts
GROUP BY 1 ORDER BY n DESC, 1`, func(r pgx.Rows) error {
		var c store.CodeCount
		if err := r.Scan(&c.Code, &c.Count); err != nil {
			return err
		}
		st.Facts = append(st.Facts, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	return nil
}

func readUnfetched(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `SELECT state COLLATE "C", coalesce(failure, '') COLLATE "C", failed_runs, reason COLLATE "C", count(*) AS n
FROM frontier WHERE state IN ('failed', 'skipped')
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2 DESC, n DESC, 4`, func(r pgx.Rows) error {
		var sr store.StateReason
		var runs int32
		if err := r.Scan(&sr.State, &sr.Failure, &runs, &sr.Reason, &sr.Count); err != nil {
			return err
		}
		sr.Runs = int(runs)
		st.Unfetched = append(st.Unfetched, sr)
		return nil
	})
	if err != nil {
		return fmt.Errorf("frontier failures: %w", err)
	}
	return nil
}

func readRuns(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `SELECT r.id, r.command, r.args, r.started_at, coalesce(r.finished_at, ''), coalesce(r.outcome, ''),
	coalesce(r.note, ''), coalesce(r.counts, '{}'),
	EXISTS (SELECT 1 FROM workers w WHERE w.run_id = r.id AND `+liveWorker+`)
FROM runs r ORDER BY r.id DESC LIMIT 10`, func(r pgx.Rows) error {
		var run store.Run
		var started, finished, counts string
		var live bool
		if err := r.Scan(&run.ID, &run.Command, &run.Args, &started, &finished, &run.Outcome, &run.Note, &counts, &live); err != nil {
			return err
		}
		if err := store.ReadRun(&run, started, finished, counts, live); err != nil {
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

// readWorkers reads every live and dead worker and the last finished ones.
func readWorkers(ctx context.Context, tx pgx.Tx, st *store.Stats) error {
	err := each(ctx, tx, `
SELECT w.id, coalesce(w.run_id, 0), coalesce(w.crawl_id, 0), coalesce(r.command, ''), w.host, w.pid, w.started_at, w.heartbeat_at,
	CASE WHEN w.finished_at IS NOT NULL THEN 'finished' WHEN `+liveWorker+` THEN 'live' ELSE 'dead' END AS state,
	(SELECT count(*) FROM frontier f WHERE f.worker_id = w.id AND f.state = 'in_flight')
FROM workers w LEFT JOIN runs r ON r.id = w.run_id
WHERE w.finished_at IS NULL OR w.id IN (SELECT id FROM workers WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT $1)
ORDER BY w.finished_at IS NOT NULL, w.id DESC`, func(r pgx.Rows) error {
		var w store.Worker
		var pid int32
		var started, beat string
		if err := r.Scan(&w.ID, &w.RunID, &w.CrawlID, &w.Command, &w.Host, &pid, &started, &beat, &w.State, &w.InFlight); err != nil {
			return err
		}
		w.PID = int(pid)
		var err error
		if w.StartedAt, err = parseTime(started); err != nil {
			return err
		}
		if w.Heartbeat, err = time.Parse(time.RFC3339Nano, beat); err != nil {
			return err
		}
		st.Workers = append(st.Workers, w)
		return nil
	}, finishedWorkersShown)
	if err != nil {
		return fmt.Errorf("workers: %w", err)
	}
	return nil
}

// finishedWorkersShown is how many finished workers Stats lists.
const finishedWorkersShown = 8
