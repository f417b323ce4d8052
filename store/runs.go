package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// StartRun records the start of a crawl with its arguments and returns the
// run id. Frontier items and pages touched afterwards carry this id.
func (s *Store) StartRun(ctx context.Context, args string) (int64, error) {
	return s.StartCommand(ctx, "crawl", args)
}

// StartCommand records the start of a run of any command (crawl, extract,
// reextract ...) and returns its id.
func (s *Store) StartCommand(ctx context.Context, command, args string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?)`,
		command, args, formatTime(time.Now()))
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

// FinishRun records the end of run runID with its counters and outcome
// (e.g. "ok", "interrupted", "failed: ...").
func (s *Store) FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error {
	if counts == nil {
		counts = map[string]int{}
	}
	js, err := json.Marshal(counts) // map keys come out sorted
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, outcome = ?, counts = ? WHERE id = ?`,
		formatTime(time.Now()), outcome, string(js), runID)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", runID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: finish run %d: no such run", runID)
	}
	s.run.CompareAndSwap(runID, 0)
	return nil
}
