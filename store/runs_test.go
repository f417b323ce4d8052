package store_test

import (
	"context"
	"testing"

	"github.com/obsfacts/obsfacts/store"
)

// TestRunOutcomes checks that every run ends with one word: the callers'
// outcomes are mapped, a run whose process is gone is abandoned (shown so,
// and recorded so by the next run), and a run stopped at once is
// interrupted.
func testRunOutcomes(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	finished := []struct{ given, word, note string }{
		{"ok", "completed", ""},
		{"partial", "completed", "some inputs failed"},
		{"max-pages", "completed", "stopped at --max-pages"},
		{"interrupted", "interrupted", ""},
		{"error: store: disk full", "failed", "store: disk full"},
	}
	for _, f := range finished {
		id, err := s.StartCommand(ctx, "extract", f.given)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.FinishRun(ctx, id, nil, f.given); err != nil {
			t.Fatal(err)
		}
		var word, note string
		if err := b.sql(t, s).QueryRow(`SELECT outcome, coalesce(note, '') FROM runs WHERE id = $1`, id).Scan(&word, &note); err != nil {
			t.Fatal(err)
		}
		if word != f.word || note != f.note {
			t.Errorf("%q: outcome %q (%q), want %q (%q)", f.given, word, note, f.word, f.note)
		}
	}

	// A run of a process that no longer exists (pid beyond the kernel's limit).
	if _, err := b.sql(t, s).Exec(`INSERT INTO runs (command, args, started_at, pid) VALUES ('crawl', 'killed', '2026-01-01T00:00:00Z', 2147483647)`); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Runs[0]; got.Args != "killed" || got.Outcome != store.OutcomeAbandoned {
		t.Errorf("killed run shows %q (%s), want abandoned", got.Outcome, got.Args)
	}
	// This process's own run is running until it ends; a second Ctrl-C
	// records it as interrupted.
	id, err := s.StartCommand(ctx, "crawl", "live")
	if err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := b.sql(t, s).QueryRow(`SELECT outcome FROM runs WHERE args = 'killed'`).Scan(&stored); err != nil || stored != store.OutcomeAbandoned {
		t.Errorf("the next run did not record the killed one as abandoned: %q, %v", stored, err)
	}
	if st, err = s.Stats(ctx); err != nil || st.Runs[0].Outcome != store.OutcomeRunning {
		t.Errorf("live run shows %q (%v), want running", st.Runs[0].Outcome, err)
	}
	if err := s.InterruptRun(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.sql(t, s).QueryRow(`SELECT outcome FROM runs WHERE id = $1`, id).Scan(&stored); err != nil || stored != store.OutcomeInterrupted {
		t.Errorf("after InterruptRun: %q, %v", stored, err)
	}
}
