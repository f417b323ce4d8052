package store

import (
	"context"
	"database/sql"
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
SELECT key, url, kind, site, depth, attempts FROM frontier
WHERE state = 'queued' AND (not_before IS NULL OR not_before <= ?)
ORDER BY rowid LIMIT ?`, now, n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it crawler.Item
			if err := rows.Scan(&it.Key, &it.URL, &it.Kind, &it.Site, &it.Depth, &it.Attempts); err != nil {
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
	return s.updateItem(ctx, "finish", key,
		`UPDATE frontier SET state = ?, reason = ?, not_before = NULL, updated_at = ?, run_id = coalesce(?, run_id) WHERE key = ?`,
		state, reason, formatTime(time.Now()), s.runID(), key)
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

// Recover returns items left in flight by an interrupted run to the queue
// and returns how many there were.
func (s *Store) Recover(ctx context.Context) (int, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE frontier SET state = 'queued', updated_at = ? WHERE state = 'in_flight'`,
		formatTime(time.Now()))
	if err != nil {
		return 0, fmt.Errorf("store: frontier recover: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: frontier recover: %w", err)
	}
	return int(n), nil
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
