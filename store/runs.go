package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Run outcomes: every run ends with one of these words. A run with no
// outcome is still going, or was abandoned when its process is gone (a
// crash, kill -9, a second Ctrl-C that could not record it).
const (
	OutcomeCompleted   = "completed"
	OutcomeInterrupted = "interrupted"
	OutcomeFailed      = "failed"
	OutcomeAbandoned   = "abandoned"
	OutcomeRunning     = "running" // shown for a run whose process is alive; never stored
)

// StartRun records the start of a crawl with its arguments and returns the
// run id. Frontier items and pages touched afterwards carry this id.
func (s *Store) StartRun(ctx context.Context, args string) (int64, error) {
	return s.StartCommand(ctx, "crawl", args)
}

// StartCommand records the start of a run of any command (crawl, extract,
// reextract ...) with this process's id and returns its id. Earlier runs
// whose process is gone are marked abandoned first.
func (s *Store) StartCommand(ctx context.Context, command, args string) (int64, error) {
	if err := s.markAbandoned(ctx); err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO runs (command, args, started_at, pid) VALUES (?, ?, ?, ?)`,
		command, args, formatTime(time.Now()), os.Getpid())
	if err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("store: start run %s: %w", command, err)
	}
	s.run.Store(id)
	return id, nil
}

// FinishRun records the end of run runID with its counters and outcome.
// The outcome is one of the Outcome words; the callers' longer words are
// mapped to them, the rest kept as the run's note: "ok" and "partial"
// (some inputs failed) are completed, "max-pages" completed at the limit,
// "error: …" failed.
func (s *Store) FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error {
	if counts == nil {
		counts = map[string]int{}
	}
	js, err := json.Marshal(counts) // map keys come out sorted
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	word, note := OutcomeWord(outcome)
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, outcome = ?, note = ?, counts = ? WHERE id = ?`,
		formatTime(time.Now()), word, nullString(note), string(js), runID)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: finish run %d: no such run", runID)
	}
	s.run.CompareAndSwap(runID, 0)
	return nil
}

// InterruptRun records the run in progress, if any, as interrupted: for a
// process about to exit at once (a second Ctrl-C), whose counts are lost.
func (s *Store) InterruptRun(ctx context.Context) error {
	id := s.run.Load()
	if id == 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, outcome = ?, note = ? WHERE id = ? AND outcome IS NULL`,
		formatTime(time.Now()), OutcomeInterrupted, "stopped at once: counts lost", id)
	if err != nil {
		return fmt.Errorf("store: interrupt run %d: %w", id, err)
	}
	return nil
}

// markAbandoned gives the outcome abandoned to unfinished runs whose
// process no longer exists.
func (s *Store) markAbandoned(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(pid, 0) FROM runs WHERE outcome IS NULL`)
	if err != nil {
		return err
	}
	var gone []int64
	for rows.Next() {
		var id int64
		var pid int
		if err := rows.Scan(&id, &pid); err != nil {
			rows.Close()
			return err
		}
		if !processAlive(pid) {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range gone {
		if _, err := s.db.ExecContext(ctx, `UPDATE runs SET outcome = ?, note = ? WHERE id = ? AND outcome IS NULL`,
			OutcomeAbandoned, "its process ended without recording an outcome", id); err != nil {
			return err
		}
	}
	return nil
}

// processAlive reports whether a process with this id exists on this
// machine. A database moved from another machine shows its runs as
// abandoned, which is what they are here.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
