package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/store"
)

// Every run of a command on a PostgreSQL store is a worker row: the
// machine's host name, the pid, the start and a heartbeat that a goroutine
// moves on every third of the lease. A worker whose heartbeat stops (kill
// -9, a lost machine) is dead once expires_at has passed: its run shows as
// abandoned, its leases and host slots go to the others. Crawl workers
// that run at the same time are one crawl: a worker joins the crawl of the
// live workers it finds, and crawl_id names the crawl by its first run.

// worker is this process as a worker, while its run goes on.
type worker struct {
	id, crawlID, runID int64
	stop               chan struct{}
	done               chan struct{}
}

// liveWorker is the condition of a worker row w that is alive.
const liveWorker = `w.finished_at IS NULL AND w.expires_at > obsfacts_ts(clock_timestamp())`

// leaseEnd is the SQL of the time a lease of $N milliseconds taken now ends.
func leaseEnd(n int) string {
	return fmt.Sprintf(`obsfacts_ts(clock_timestamp() + $%d * interval '1 millisecond')`, n)
}

func (s *Store) workerID() any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.worker == nil {
		return nil
	}
	return s.worker.id
}

// crawlID is the crawl this process works on, 0 when none.
func (s *Store) crawlID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.worker == nil {
		return 0
	}
	return s.worker.crawlID
}

// StartRun records the start of a crawl worker and returns its run id.
func (s *Store) StartRun(ctx context.Context, args string) (int64, error) {
	return s.StartCommand(ctx, "crawl", args)
}

// StartCommand records the start of a run of any command with this process
// as its worker, and returns the run id. Runs whose worker died are marked
// abandoned first.
func (s *Store) StartCommand(ctx context.Context, command, args string) (int64, error) {
	if err := s.stopWorker(ctx); err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	if err := s.markAbandoned(ctx); err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	host, _ := os.Hostname()
	w := &worker{stop: make(chan struct{}), done: make(chan struct{})}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// Workers starting together must agree on their crawl.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('obsfacts workers ' || current_schema()))`); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `INSERT INTO runs (command, args, started_at, pid) VALUES ($1, $2, $3, $4) RETURNING id`,
			command, text(args), now(), os.Getpid()).Scan(&w.runID); err != nil {
			return err
		}
		var crawl *int64
		if command == "crawl" {
			err := tx.QueryRow(ctx, `SELECT w.crawl_id FROM workers w WHERE w.crawl_id IS NOT NULL AND `+liveWorker+`
ORDER BY w.id LIMIT 1`).Scan(&crawl)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
			if crawl == nil {
				crawl = &w.runID
			}
			w.crawlID = *crawl
		}
		return tx.QueryRow(ctx, `
INSERT INTO workers (run_id, crawl_id, host, pid, started_at, heartbeat_at, expires_at)
VALUES ($1, $2, $3, $4, $5, obsfacts_ts(clock_timestamp()), `+leaseEnd(6)+`) RETURNING id`,
			w.runID, crawl, text(host), os.Getpid(), now(), s.lease.Milliseconds()).Scan(&w.id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	s.mu.Lock()
	s.worker = w
	s.mu.Unlock()
	s.run.Store(w.runID)
	go s.heartbeat(w)
	return w.runID, nil
}

// heartbeat keeps the worker alive, with its leases and host slots, until
// it is stopped.
func (s *Store) heartbeat(w *worker) {
	defer close(w.done)
	tick := time.NewTicker(max(s.lease/3, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-tick.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), s.lease/2)
		err := s.beat(ctx, w.id)
		cancel()
		if err != nil {
			slog.Warn("store: heartbeat", "store", s.name, "worker", w.id, "err", err)
		}
	}
}

// beat moves the worker's heartbeat, leases and held host slots on.
func (s *Store) beat(ctx context.Context, id int64) error {
	ms := s.lease.Milliseconds()
	b := &pgx.Batch{}
	b.Queue(`UPDATE workers SET heartbeat_at = obsfacts_ts(clock_timestamp()), expires_at = `+leaseEnd(2)+` WHERE id = $1`, id, ms)
	b.Queue(`UPDATE frontier SET lease_until = `+leaseEnd(2)+` WHERE worker_id = $1 AND state = 'in_flight'`, id, ms)
	b.Queue(`UPDATE host_slots SET held_until = `+leaseEnd(2)+` WHERE worker_id = $1 AND holder IS NOT NULL`, id, ms)
	return s.pool.SendBatch(ctx, b).Close()
}

// stopWorker ends this process's worker, if any: its heartbeat stops, the
// row is marked finished, host slots it still holds are freed and items it
// still holds come due for other workers at once (counted as a crash, as
// an item in flight when a process died).
func (s *Store) stopWorker(ctx context.Context) error {
	s.mu.Lock()
	w := s.worker
	s.worker = nil
	s.mu.Unlock()
	if w == nil {
		return nil
	}
	close(w.stop)
	<-w.done
	b := &pgx.Batch{}
	b.Queue(`UPDATE workers SET finished_at = $2 WHERE id = $1`, w.id, now())
	b.Queue(`UPDATE host_slots SET holder = NULL, held_until = NULL, worker_id = NULL WHERE worker_id = $1 AND holder IS NOT NULL`, w.id)
	b.Queue(`UPDATE frontier SET lease_until = NULL WHERE worker_id = $1 AND state = 'in_flight'`, w.id)
	if err := s.pool.SendBatch(context.WithoutCancel(ctx), b).Close(); err != nil {
		return fmt.Errorf("end worker %d: %w", w.id, err)
	}
	return nil
}

// FinishRun records the end of run runID with its counters and outcome
// (mapped to an Outcome word as the SQLite store does) and ends its worker.
func (s *Store) FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error {
	if counts == nil {
		counts = map[string]int{}
	}
	js, err := json.Marshal(counts)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	word, note := store.OutcomeWord(outcome)
	tag, err := s.pool.Exec(ctx, `UPDATE runs SET finished_at = $1, outcome = $2, note = $3, counts = $4 WHERE id = $5`,
		now(), word, nullText(note), string(js), runID)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: finish run %d: no such run", runID)
	}
	if s.run.CompareAndSwap(runID, 0) {
		if err := s.stopWorker(ctx); err != nil {
			return fmt.Errorf("store: finish run %d: %w", runID, err)
		}
	}
	return nil
}

// InterruptRun records the run in progress, if any, as interrupted, for a
// process about to exit at once.
func (s *Store) InterruptRun(ctx context.Context) error {
	id := s.run.Load()
	if id == 0 {
		return nil
	}
	_, err := s.pool.Exec(ctx, `UPDATE runs SET finished_at = $1, outcome = $2, note = $3 WHERE id = $4 AND outcome IS NULL`,
		now(), store.OutcomeInterrupted, "stopped at once: counts lost", id)
	if err != nil {
		return fmt.Errorf("store: interrupt run %d: %w", id, err)
	}
	return s.stopWorker(ctx)
}

// markAbandoned gives the outcome abandoned to unfinished runs without a
// live worker.
func (s *Store) markAbandoned(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `
UPDATE runs SET outcome = $1, note = $2
WHERE outcome IS NULL AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.run_id = runs.id AND `+liveWorker+`)`,
		store.OutcomeAbandoned, "its process ended without recording an outcome")
	return err
}
