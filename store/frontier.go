package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
)

// Add queues the items whose Key is not in the frontier in any state and
// returns how many were new.
func (s *Store) Add(ctx context.Context, items []crawler.Item) (int, error) {
	if len(items) == 0 {
		return 0, nil
	}
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `
INSERT INTO frontier (key, url, kind, site, depth, state, attempts, added_at, updated_at, run_id)
VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)
ON CONFLICT (key) DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := formatTime(time.Now())
		for _, it := range items {
			key := it.Key
			if key == "" {
				key = it.URL
			}
			res, err := stmt.ExecContext(ctx, key, it.URL, it.Kind, it.Site, it.Depth, it.Attempts, now, now, s.runID())
			if err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: frontier add: %w", err)
	}
	return added, nil
}

// Revisit adds the items whose Key is new, like Add, and queues again the
// items finished as done by another run than the current one, counting the
// revisit. It returns how many were added and requeued.
func (s *Store) Revisit(ctx context.Context, items []crawler.Item) (added, requeued int, err error) {
	if len(items) == 0 {
		return 0, 0, nil
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `
INSERT INTO frontier (key, url, kind, site, depth, state, attempts, added_at, updated_at, run_id)
VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET state = 'queued', attempts = 0, not_before = NULL, reason = '',
	revisits = revisits + 1, updated_at = excluded.updated_at, run_id = coalesce(excluded.run_id, run_id)
WHERE frontier.state = 'done' AND coalesce(frontier.run_id, 0) != coalesce(excluded.run_id, -1)
RETURNING revisits`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := formatTime(time.Now())
		for _, it := range items {
			var revisits int
			err := stmt.QueryRowContext(ctx, it.Key, it.URL, it.Kind, it.Site, it.Depth, now, now, s.runID()).Scan(&revisits)
			switch {
			case errors.Is(err, sql.ErrNoRows): // known and not due for a revisit
			case err != nil:
				return fmt.Errorf("%s: %w", it.Key, err)
			case revisits == 0:
				added++
			default:
				requeued++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store: frontier revisit: %w", err)
	}
	return added, requeued, nil
}

// Seen records article link keys read on listings and returns how many
// were new.
func (s *Store) Seen(ctx context.Context, keys []string) (int, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	fresh := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO seen_links (key, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := formatTime(time.Now())
		for _, k := range keys {
			res, err := stmt.ExecContext(ctx, k, now)
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			n, err := affected(res)
			if err != nil {
				return err
			}
			fresh += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: seen links: %w", err)
	}
	return fresh, nil
}

// Lease marks up to n queued items that are due (not_before passed) in
// flight and returns them, oldest first, in one transaction.
func (s *Store) Lease(ctx context.Context, n int) ([]crawler.Item, error) {
	if n <= 0 {
		return nil, nil
	}
	var items []crawler.Item
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(time.Now())
		rows, err := tx.QueryContext(ctx, `
SELECT key, url, kind, site, depth, attempts, revisits > 0 FROM frontier
WHERE state = 'queued' AND (not_before IS NULL OR not_before <= ?)
ORDER BY rowid LIMIT ?`, now, n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it crawler.Item
			if err := rows.Scan(&it.Key, &it.URL, &it.Kind, &it.Site, &it.Depth, &it.Attempts, &it.Revisit); err != nil {
				return err
			}
			items = append(items, it)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		stmt, err := tx.PrepareContext(ctx, `UPDATE frontier SET state = 'in_flight', updated_at = ?, run_id = coalesce(?, run_id) WHERE key = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, it := range items {
			if _, err := stmt.ExecContext(ctx, now, s.runID(), it.Key); err != nil {
				return fmt.Errorf("%s: %w", it.Key, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: frontier lease: %w", err)
	}
	return items, nil
}

// Finish records the final state of an item (done, failed or skipped) with
// a reason for failed and skipped items.
func (s *Store) Finish(ctx context.Context, key, state, reason string) error {
	switch state {
	case crawler.StateDone, crawler.StateFailed, crawler.StateSkipped:
	default:
		return fmt.Errorf("store: frontier finish %s: state %q is not final", key, state)
	}
	var failure any // NULL: not failed
	if state == crawler.StateFailed {
		failure = crawler.FailurePermanent
	}
	return s.updateItem(ctx, "finish", key,
		`UPDATE frontier SET state = ?, failure = ?, reason = ?, not_before = NULL, updated_at = ?, run_id = coalesce(?, run_id) WHERE key = ?`,
		state, failure, reason, formatTime(time.Now()), s.runID(), key)
}

// FailTransient records an item as failed for a passing reason and counts
// the run it failed in; Requeue tries it again in a later run.
func (s *Store) FailTransient(ctx context.Context, key, reason string) error {
	return s.updateItem(ctx, "fail", key, `
UPDATE frontier SET state = 'failed', failure = 'transient', failed_runs = failed_runs + 1, reason = ?,
	not_before = NULL, updated_at = ?, run_id = coalesce(?, run_id)
WHERE key = ?`,
		reason, formatTime(time.Now()), s.runID(), key)
}

// Requeue puts failed items back in the queue with no attempts: transient
// failures that failed in fewer than maxRuns runs, or every failed item
// when all is set. Their reason and run count stay until they are fetched.
func (s *Store) Requeue(ctx context.Context, maxRuns int, all bool) (int, error) {
	res, err := s.db.ExecContext(ctx, `
UPDATE frontier SET state = 'queued', attempts = 0, not_before = NULL, updated_at = ?
WHERE state = 'failed' AND (? OR (failure = 'transient' AND failed_runs < ?))`,
		formatTime(time.Now()), all, maxRuns)
	if err != nil {
		return 0, fmt.Errorf("store: frontier requeue: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: frontier requeue: %w", err)
	}
	return int(n), nil
}

// Retry puts an item back in the queue with its attempt count, not to be
// leased before notBefore.
func (s *Store) Retry(ctx context.Context, key string, attempts int, notBefore time.Time, reason string) error {
	var nb any
	if !notBefore.IsZero() {
		// Round up: stored times have second precision, and a retry must
		// never come due early.
		nb = formatTime(notBefore.Add(time.Second - 1).Truncate(time.Second))
	}
	return s.updateItem(ctx, "retry", key,
		`UPDATE frontier SET state = 'queued', attempts = ?, not_before = ?, reason = ?, updated_at = ?, run_id = coalesce(?, run_id) WHERE key = ?`,
		attempts, nb, reason, formatTime(time.Now()), s.runID(), key)
}

func (s *Store) updateItem(ctx context.Context, op, key, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: frontier %s %s: %w", op, key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: frontier %s %s: %w", op, key, err)
	}
	if n == 0 {
		return fmt.Errorf("store: frontier %s %s: no such item", op, key)
	}
	return nil
}

// Recover returns items left in flight by a run that died to the queue,
// counting an attempt and a crash for each; those that reach maxAttempts
// are failed permanently ("crashed the crawler N times"). It returns how
// many were requeued and how many failed.
func (s *Store) Recover(ctx context.Context, maxAttempts int) (requeued, failed int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(time.Now())
		res, err := tx.ExecContext(ctx, `
UPDATE frontier SET state = 'failed', failure = 'permanent', attempts = attempts + 1, crashes = crashes + 1,
	reason = 'crashed the crawler ' || (crashes + 1) || ' times', not_before = NULL, updated_at = ?
WHERE state = 'in_flight' AND attempts + 1 >= ?`, now, maxAttempts)
		if err != nil {
			return err
		}
		if failed, err = affected(res); err != nil {
			return err
		}
		res, err = tx.ExecContext(ctx, `
UPDATE frontier SET state = 'queued', attempts = attempts + 1, crashes = crashes + 1,
	reason = 'in flight when a run died', updated_at = ?
WHERE state = 'in_flight'`, now)
		if err != nil {
			return err
		}
		requeued, err = affected(res)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store: frontier recover: %w", err)
	}
	return requeued, failed, nil
}

func affected(res sql.Result) (int, error) {
	n, err := res.RowsAffected()
	return int(n), err
}

// Pending counts queued and in-flight items.
func (s *Store) Pending(ctx context.Context) (int, error) {
	var n int
	err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: frontier pending: %w", err)
	}
	return n, nil
}
