package pgstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/store"
)

// The frontier is shared by the workers of a crawl. An item a worker
// leases is its own until lease_until, which its heartbeat moves on; the
// item of a worker that died comes due when the lease runs out, and the
// next Lease of any worker takes it (counting a crash), so no worker ever
// takes back items another live worker holds. Finish, Retry and
// FailTransient change an item only while the caller's lease holds, so an
// item is finished once.

// itemArrays are the columns Add and Revisit take from a batch of items.
func itemArrays(items []crawler.Item) (keys, urls, kinds, sites []string, depths, attempts []int32) {
	for _, it := range items {
		key := it.Key
		if key == "" {
			key = it.URL
		}
		keys = append(keys, text(key))
		urls = append(urls, text(it.URL))
		kinds = append(kinds, text(it.Kind))
		sites = append(sites, text(it.Site))
		depths = append(depths, int32(it.Depth))
		attempts = append(attempts, int32(it.Attempts))
	}
	return
}

// Add queues the items whose Key is not in the frontier in any state and
// returns how many were new.
func (s *Store) Add(ctx context.Context, items []crawler.Item) (int, error) {
	if len(items) == 0 {
		return 0, nil
	}
	keys, urls, kinds, sites, depths, attempts := itemArrays(items)
	t := now()
	tag, err := s.pool.Exec(ctx, `
INSERT INTO frontier (key, url, kind, site, depth, state, attempts, added_at, updated_at, run_id)
SELECT k, u, kd, st, d, 'queued', a, $7, $7, $8
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) WITH ORDINALITY AS i(k, u, kd, st, d, a, n)
ORDER BY n
ON CONFLICT (key) DO NOTHING`, keys, urls, kinds, sites, depths, attempts, t, s.runID())
	if err != nil {
		return 0, fmt.Errorf("store: frontier add: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Revisit adds the items whose Key is new, like Add, and queues again the
// items finished as done by a run of another crawl, counting the revisit.
// The runs of one crawl are those of its workers (see StartRun): the
// workers of a crawl read each entry point once between them.
func (s *Store) Revisit(ctx context.Context, items []crawler.Item) (added, requeued int, err error) {
	if len(items) == 0 {
		return 0, 0, nil
	}
	keys, urls, kinds, sites, depths, _ := itemArrays(items)
	rows, err := s.pool.Query(ctx, `
INSERT INTO frontier (key, url, kind, site, depth, state, attempts, added_at, updated_at, run_id)
SELECT k, u, kd, st, d, 'queued', 0, $6, $6, $7
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS i(k, u, kd, st, d, n)
ORDER BY n
ON CONFLICT (key) DO UPDATE SET state = 'queued', attempts = 0, not_before = NULL, reason = '',
	revisits = frontier.revisits + 1, updated_at = excluded.updated_at, run_id = coalesce(excluded.run_id, frontier.run_id),
	worker_id = NULL, lease_until = NULL
WHERE frontier.state = 'done' AND coalesce(frontier.run_id, 0) <> coalesce($7, -1)
	AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.crawl_id = $8 AND w.run_id = frontier.run_id)
RETURNING revisits`, keys, urls, kinds, sites, depths, now(), s.runID(), s.crawlID())
	if err != nil {
		return 0, 0, fmt.Errorf("store: frontier revisit: %w", err)
	}
	revisits, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return 0, 0, fmt.Errorf("store: frontier revisit: %w", err)
	}
	for _, n := range revisits {
		if n == 0 {
			added++
		} else {
			requeued++
		}
	}
	return added, requeued, nil
}

// Seen records article link keys read on listings and returns how many
// were new.
func (s *Store) Seen(ctx context.Context, keys []string) (int, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	clean := make([]string, len(keys))
	for i, k := range keys {
		clean[i] = text(k)
	}
	tag, err := s.pool.Exec(ctx, `
INSERT INTO seen_links (key, first_seen) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`, clean, now())
	if err != nil {
		return 0, fmt.Errorf("store: seen links: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Lease marks up to n due queued items in flight, leased to this worker,
// and returns them, oldest first. Items other workers are leasing at the
// same moment are skipped, not waited for. Items of workers that died
// (their lease ran out) are first returned to the queue.
func (s *Store) Lease(ctx context.Context, n int) ([]crawler.Item, error) {
	if n <= 0 {
		return nil, nil
	}
	if err := s.reclaimDue(ctx); err != nil {
		return nil, fmt.Errorf("store: frontier lease: %w", err)
	}
	rows, err := s.pool.Query(ctx, `
WITH picked AS (
	SELECT key FROM frontier
	WHERE state = 'queued' AND (not_before IS NULL OR not_before <= $1)
	ORDER BY seq LIMIT $2
	FOR UPDATE SKIP LOCKED
)
UPDATE frontier f SET state = 'in_flight', updated_at = $1, run_id = coalesce($3, f.run_id),
	worker_id = $4, lease_until = obsfacts_ts(clock_timestamp() + $5 * interval '1 millisecond')
FROM picked WHERE f.key = picked.key
RETURNING f.seq, f.key, f.url, f.kind, f.site, f.depth, f.attempts, f.revisits > 0`,
		now(), n, s.runID(), s.workerID(), s.lease.Milliseconds())
	if err != nil {
		return nil, fmt.Errorf("store: frontier lease: %w", err)
	}
	type leased struct {
		seq int64
		it  crawler.Item
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (leased, error) {
		var l leased
		var depth, attempts int32
		err := r.Scan(&l.seq, &l.it.Key, &l.it.URL, &l.it.Kind, &l.it.Site, &depth, &attempts, &l.it.Revisit)
		l.it.Depth, l.it.Attempts = int(depth), int(attempts)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: frontier lease: %w", err)
	}
	slices.SortFunc(got, func(a, b leased) int { return int(a.seq - b.seq) })
	items := make([]crawler.Item, len(got))
	for i, l := range got {
		items[i] = l.it
	}
	return items, nil
}

// reclaimDue returns expired leases to the queue now and then during a
// run, once Recover has said how many crashes an item may cause.
func (s *Store) reclaimDue(ctx context.Context) error {
	s.mu.Lock()
	maxAttempts := s.maxAttempts
	due := maxAttempts > 0 && time.Since(s.lastReclaim) >= s.lease/4
	if due {
		s.lastReclaim = time.Now()
	}
	s.mu.Unlock()
	if !due {
		return nil
	}
	_, _, err := s.reclaim(ctx, maxAttempts)
	return err
}

// leased is the condition of an item this Store holds.
const leased = `state = 'in_flight' AND worker_id IS NOT DISTINCT FROM $%d`

// Finish records the final state of an item (done, failed or skipped) with
// a reason for failed and skipped items. worker_id keeps the worker that
// finished it.
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
	return s.updateLeased(ctx, "finish", key, `
UPDATE frontier SET state = $2, failure = $3, reason = $4, not_before = NULL, updated_at = $5,
	run_id = coalesce($6, run_id), lease_until = NULL
WHERE key = $1 AND `+fmt.Sprintf(leased, 7),
		key, state, failure, text(reason), now(), s.runID(), s.workerID())
}

// FailTransient records an item as failed for a passing reason and counts
// the run it failed in; a later crawl's Requeue tries it again.
func (s *Store) FailTransient(ctx context.Context, key, reason string) error {
	return s.updateLeased(ctx, "fail", key, `
UPDATE frontier SET state = 'failed', failure = 'transient', failed_runs = failed_runs + 1, reason = $2,
	not_before = NULL, updated_at = $3, run_id = coalesce($4, run_id), lease_until = NULL
WHERE key = $1 AND `+fmt.Sprintf(leased, 5),
		key, text(reason), now(), s.runID(), s.workerID())
}

// Retry puts an item back in the queue with its attempt count, not to be
// leased before notBefore.
func (s *Store) Retry(ctx context.Context, key string, attempts int, notBefore time.Time, reason string) error {
	var nb any
	if !notBefore.IsZero() {
		// Round up: stored times have second precision, and a retry must
		// never come due early.
		nb = store.FormatTime(notBefore.Add(time.Second - 1).Truncate(time.Second))
	}
	return s.updateLeased(ctx, "retry", key, `
UPDATE frontier SET state = 'queued', attempts = $2, not_before = $3, reason = $4, updated_at = $5,
	run_id = coalesce($6, run_id), worker_id = NULL, lease_until = NULL
WHERE key = $1 AND `+fmt.Sprintf(leased, 7),
		key, attempts, nb, text(reason), now(), s.runID(), s.workerID())
}

// updateLeased runs an update of an item this worker holds; it fails with
// crawler.ErrLeaseLost when another worker took the item.
func (s *Store) updateLeased(ctx context.Context, op, key, query string, args ...any) error {
	tag, err := s.pool.Exec(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: frontier %s %s: %w", op, key, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var exists bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM frontier WHERE key = $1)`, key).Scan(&exists); err != nil {
		return fmt.Errorf("store: frontier %s %s: %w", op, key, err)
	}
	if !exists {
		return fmt.Errorf("store: frontier %s %s: no such item", op, key)
	}
	return fmt.Errorf("store: frontier %s %s: %w", op, key, crawler.ErrLeaseLost)
}

// Requeue puts failed items back in the queue with no attempts: transient
// failures that failed in fewer than maxRuns runs, or every failed item
// when all is set; not those that failed in this crawl (another worker's
// run of it).
func (s *Store) Requeue(ctx context.Context, maxRuns int, all bool) (int, error) {
	tag, err := s.pool.Exec(ctx, `
UPDATE frontier SET state = 'queued', attempts = 0, not_before = NULL, updated_at = $1, worker_id = NULL
WHERE state = 'failed' AND ($2 OR (failure = 'transient' AND failed_runs < $3))
	AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.crawl_id = $4 AND w.run_id = frontier.run_id)`,
		now(), all, maxRuns, s.crawlID())
	if err != nil {
		return 0, fmt.Errorf("store: frontier requeue: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Recover returns to the queue the items whose worker died: in flight with
// a lease run out (or none, as copied from an SQLite store), counting an
// attempt and a crash for each; those reaching maxAttempts are failed
// permanently ("crashed the crawler N times"). Items of live workers are
// left to them. Later Leases go on reclaiming leases as they run out.
func (s *Store) Recover(ctx context.Context, maxAttempts int) (requeued, failed int, err error) {
	s.mu.Lock()
	s.maxAttempts = maxAttempts
	s.lastReclaim = time.Now()
	s.mu.Unlock()
	requeued, failed, err = s.reclaim(ctx, maxAttempts)
	if err != nil {
		return 0, 0, fmt.Errorf("store: frontier recover: %w", err)
	}
	return requeued, failed, nil
}

// expired is the condition of an in-flight item whose worker is gone.
const expired = `state = 'in_flight' AND (lease_until IS NULL OR lease_until < obsfacts_ts(clock_timestamp()))`

func (s *Store) reclaim(ctx context.Context, maxAttempts int) (requeued, failed int, err error) {
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		t := now()
		tag, err := tx.Exec(ctx, `
UPDATE frontier SET state = 'failed', failure = 'permanent', attempts = attempts + 1, crashes = crashes + 1,
	reason = 'crashed the crawler ' || (crashes + 1) || ' times', not_before = NULL, updated_at = $1,
	lease_until = NULL
WHERE `+expired+` AND attempts + 1 >= $2`, t, maxAttempts)
		if err != nil {
			return err
		}
		failed = int(tag.RowsAffected())
		tag, err = tx.Exec(ctx, `
UPDATE frontier SET state = 'queued', attempts = attempts + 1, crashes = crashes + 1,
	reason = 'in flight when its worker died', updated_at = $1, worker_id = NULL, lease_until = NULL
WHERE `+expired, t)
		if err != nil {
			return err
		}
		requeued = int(tag.RowsAffected())
		return nil
	})
	return requeued, failed, err
}

// Pending counts queued and in-flight items, of every worker.
func (s *Store) Pending(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: frontier pending: %w", err)
	}
	return n, nil
}
