package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/crawler"
)

// Politeness for the whole crawl: a host has parallel slots (rows of
// host_slots), each with the time its next request may start (free_at). A
// request takes a free slot with SELECT … FOR UPDATE SKIP LOCKED, waits
// until the slot's free_at, and on release sets free_at to the end of the
// request plus the delay. So however many workers there are, a host gets at
// most parallel requests at a time, each slot's requests delay apart. All
// times are the database's clock, so the machines' clocks need not agree.

// slotPoll is how long TakeHost waits before asking again when every slot
// of the host is taken.
const slotPoll = 20 * time.Millisecond

// TakeHost waits for one of the host's parallel slots and for its next
// allowed time, and holds it until release is called.
func (s *Store) TakeHost(ctx context.Context, host string, parallel int) (release func(delay time.Duration), err error) {
	parallel = max(parallel, 1)
	if err := s.makeSlots(ctx, host, parallel); err != nil {
		return nil, fmt.Errorf("store: take host %s: %w", host, err)
	}
	holder := newHolder()
	for {
		slot, wait, ok, err := s.takeSlot(ctx, host, parallel, holder)
		if err != nil {
			return nil, fmt.Errorf("store: take host %s: %w", host, err)
		}
		if ok {
			release := func(delay time.Duration) { s.giveSlot(host, slot, holder, delay) }
			if err := sleep(ctx, wait); err != nil {
				release(-1)
				return nil, err
			}
			return release, nil
		}
		if err := sleep(ctx, slotPoll+rand.N(slotPoll)); err != nil {
			return nil, err
		}
	}
}

// makeSlots creates the host's slot rows the first time this Store meets
// it with this parallelism.
func (s *Store) makeSlots(ctx context.Context, host string, parallel int) error {
	s.mu.Lock()
	made := s.slotsMade[host] >= parallel
	s.mu.Unlock()
	if made {
		return nil
	}
	_, err := s.pool.Exec(ctx, `
INSERT INTO host_slots (host, slot, free_at)
SELECT $1, g, obsfacts_ts(clock_timestamp()) FROM generate_series(0, $2 - 1) AS g
ON CONFLICT DO NOTHING`, host, parallel)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.slotsMade[host] = parallel
	s.mu.Unlock()
	return nil
}

// takeSlot takes the free slot of host that comes due first, if any, and
// returns how long until it is due.
func (s *Store) takeSlot(ctx context.Context, host string, parallel int, holder string) (slot int, wait time.Duration, ok bool, err error) {
	var waitMS float64
	err = s.pool.QueryRow(ctx, `
WITH free AS (
	SELECT host, slot FROM host_slots
	WHERE host = $1 AND slot < $2 AND (holder IS NULL OR held_until < obsfacts_ts(clock_timestamp()))
	ORDER BY free_at, slot LIMIT 1
	FOR UPDATE SKIP LOCKED
)
UPDATE host_slots h SET holder = $3, worker_id = $4, held_until = `+leaseEnd(5)+`
FROM free WHERE h.host = free.host AND h.slot = free.slot
RETURNING h.slot, greatest(0, extract(epoch FROM h.free_at::timestamptz - clock_timestamp()) * 1000)::float8`,
		host, parallel, holder, s.workerID(), s.lease.Milliseconds()).Scan(&slot, &waitMS)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, 0, false, nil
	}
	if err != nil {
		return 0, 0, false, err
	}
	return slot, time.Duration(waitMS * float64(time.Millisecond)), true, nil
}

// giveSlot frees a slot; its next request may start delay from now. A
// negative delay frees it without a request made (free_at unchanged).
func (s *Store) giveSlot(host string, slot int, holder string, delay time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var err error
	if delay < 0 {
		_, err = s.pool.Exec(ctx, `UPDATE host_slots SET holder = NULL, held_until = NULL, worker_id = NULL
WHERE host = $1 AND slot = $2 AND holder = $3`, host, slot, holder)
	} else {
		_, err = s.pool.Exec(ctx, `UPDATE host_slots SET holder = NULL, held_until = NULL, worker_id = NULL, free_at = `+leaseEnd(4)+`
WHERE host = $1 AND slot = $2 AND holder = $3`, host, slot, holder, delay.Milliseconds())
	}
	if err != nil { // the slot frees itself when held_until passes
		slog.Warn("store: free host slot", "host", host, "err", err)
	}
}

// newHolder names one request holding a slot.
func newHolder() string { return strconv.FormatUint(rand.Uint64(), 36) }

// sleep waits d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Robots returns the robots.txt recorded for origin in this crawl, or
// fetches it (fetch) and records it. The first worker to ask for an origin
// holds a lock on it while it fetches; the others wait for the lock and
// read what it recorded. The lock is the connection's, so a worker that
// dies while fetching frees it.
func (s *Store) Robots(ctx context.Context, origin string, fetch func(context.Context) crawler.RobotsFile) (crawler.RobotsFile, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return crawler.RobotsFile{}, fmt.Errorf("store: robots.txt of %s: %w", origin, err)
	}
	defer conn.Release()
	crawl := s.crawlID()
	lock := fmt.Sprintf("obsfacts robots %d %s", crawl, origin)
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtext($1))`, lock); err != nil {
		return crawler.RobotsFile{}, fmt.Errorf("store: robots.txt of %s: %w", origin, err)
	}
	defer func() {
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtext($1))`, lock)
	}()
	var f crawler.RobotsFile
	var status int32
	err = conn.QueryRow(ctx, `SELECT status, body, error FROM robots WHERE crawl_id = $1 AND origin = $2`, crawl, origin).
		Scan(&status, &f.Body, &f.Unavailable)
	if err == nil {
		f.Status = int(status)
		return f, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return crawler.RobotsFile{}, fmt.Errorf("store: robots.txt of %s: %w", origin, err)
	}
	f = fetch(ctx)
	if f.Body == nil {
		f.Body = []byte{}
	}
	_, err = conn.Exec(ctx, `INSERT INTO robots (crawl_id, origin, status, body, error, fetched_at) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT DO NOTHING`, crawl, origin, f.Status, f.Body, text(f.Unavailable), now())
	if err != nil {
		return crawler.RobotsFile{}, fmt.Errorf("store: robots.txt of %s: %w", origin, err)
	}
	return f, nil
}
