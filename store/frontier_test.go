package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
)

func items(keys ...string) []crawler.Item {
	var out []crawler.Item
	for i, k := range keys {
		out = append(out, crawler.Item{Key: k, URL: "https://en.example.kz/" + k, Kind: crawler.KindArticle, Site: "example", Depth: i})
	}
	return out
}

func keys(its []crawler.Item) []string {
	var out []string
	for _, it := range its {
		out = append(out, it.Key)
	}
	return out
}

func mustLease(t *testing.T, s testStore, n int) []string {
	t.Helper()
	got, err := s.Lease(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return keys(got)
}

func testFrontierAddLeaseFinish(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	if n, err := s.Add(ctx, items("a", "b", "c")); err != nil || n != 3 {
		t.Fatalf("Add = %d, %v", n, err)
	}
	if got := mustLease(t, s, 2); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("lease = %v, want oldest first [a b]", got)
	}
	// Keys already present in any state are ignored.
	if err := s.Finish(ctx, "a", crawler.StateDone, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Add(ctx, items("a", "b", "c", "d")); err != nil || n != 1 {
		t.Errorf("re-Add = %d, %v; want 1 new", n, err)
	}
	if p, _ := s.Pending(ctx); p != 3 { // b in flight, c d queued
		t.Errorf("Pending = %d, want 3", p)
	}
	got, err := s.Lease(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []crawler.Item{items("a", "b", "c")[2], {Key: "d", URL: "https://en.example.kz/d", Kind: crawler.KindArticle, Site: "example", Depth: 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lease = %+v\nwant %+v", got, want)
	}
	if got := mustLease(t, s, 10); len(got) != 0 {
		t.Errorf("lease of an empty queue = %v", got)
	}
	if err := s.Finish(ctx, "b", crawler.StateFailed, "http 404"); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(ctx, "c", crawler.StateSkipped, "robots"); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(ctx, "d", crawler.StateQueued, ""); err == nil {
		t.Error("Finish accepted a non-final state")
	}
	if err := s.Finish(ctx, "zzz", crawler.StateDone, ""); err == nil {
		t.Error("Finish accepted an unknown key")
	}
	var state, reason string
	if err := b.sql(t, s).QueryRow(`SELECT state, reason FROM frontier WHERE key = 'b'`).Scan(&state, &reason); err != nil {
		t.Fatal(err)
	}
	if state != "failed" || reason != "http 404" {
		t.Errorf("b: %s %q", state, reason)
	}
}

func testFrontierRetry(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	if _, err := s.Add(ctx, items("a", "b")); err != nil {
		t.Fatal(err)
	}
	mustLease(t, s, 2)
	if err := s.Retry(ctx, "a", 1, time.Now().Add(time.Hour), "http 503"); err != nil {
		t.Fatal(err)
	}
	if err := s.Retry(ctx, "b", 2, time.Now().Add(-time.Second), "timeout"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Lease(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Key != "b" || got[0].Attempts != 2 {
		t.Errorf("lease = %+v, want only b with 2 attempts (a is not due)", got)
	}
	if p, _ := s.Pending(ctx); p != 2 {
		t.Errorf("Pending = %d, want 2 (a waiting, b in flight)", p)
	}
	if err := s.Retry(ctx, "nope", 1, time.Time{}, ""); err == nil {
		t.Error("Retry accepted an unknown key")
	}
}

// TestFrontierKilled: items leased by a process that dies are handed out
// again after reopening and Recover.
func testFrontierKilled(t *testing.T, b *backend) {
	ctx := context.Background()
	first := b.fresh(t)
	s := first
	if _, err := s.Add(ctx, items("a", "b", "c")); err != nil {
		t.Fatal(err)
	}
	mustLease(t, s, 2)
	if err := s.Finish(ctx, "a", crawler.StateDone, ""); err != nil {
		t.Fatal(err)
	}
	// "killed": b never finished
	s = b.again(t, first)
	if got := mustLease(t, s, 10); !reflect.DeepEqual(got, []string{"c"}) {
		t.Errorf("before Recover lease = %v, want [c]", got)
	}
	b.died()
	if n, failed, err := s.Recover(ctx, 4); err != nil || n != 2 || failed != 0 {
		t.Errorf("Recover = %d, %d, %v; want 2 (b and c) requeued", n, failed, err)
	}
	got, err := s.Lease(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key != "b" || got[1].Key != "c" || got[0].Attempts != 1 {
		t.Errorf("after Recover lease = %+v, want b and c with an attempt counted", got)
	}
}

// TestFrontierCrashLoop: an item in flight whenever a run dies counts an
// attempt per death and is failed for good at the limit.
func testFrontierCrashLoop(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	if _, err := s.Add(ctx, items("bomb", "fine")); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 3; run++ {
		if got := mustLease(t, s, 1); !reflect.DeepEqual(got, []string{"bomb"}) {
			t.Fatalf("run %d leased %v", run, got)
		}
		// The process dies here; the next run recovers.
		b.died()
		requeued, failed, err := s.Recover(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		if want := run == 3; (failed == 1) != want || (requeued == 1) == want {
			t.Errorf("run %d: Recover = %d requeued, %d failed", run, requeued, failed)
		}
	}
	var state, failure, reason string
	var attempts, crashes int
	if err := b.sql(t, s).QueryRow(`SELECT state, failure, reason, attempts, crashes FROM frontier WHERE key = 'bomb'`).
		Scan(&state, &failure, &reason, &attempts, &crashes); err != nil {
		t.Fatal(err)
	}
	if state != "failed" || failure != "permanent" || reason != "crashed the crawler 3 times" || attempts != 3 || crashes != 3 {
		t.Errorf("bomb: %s %s %q attempts %d crashes %d", state, failure, reason, attempts, crashes)
	}
	if got := mustLease(t, s, 5); !reflect.DeepEqual(got, []string{"fine"}) {
		t.Errorf("after the crash loop lease = %v, want [fine]", got)
	}
	// A transient requeue leaves it failed; --retry-failed tries it again.
	if n, _ := s.Requeue(ctx, 5, false); n != 0 {
		t.Errorf("Requeue requeued %d crashed items", n)
	}
	if n, _ := s.Requeue(ctx, 5, true); n != 1 {
		t.Errorf("Requeue(all) = %d, want 1", n)
	}
}

// TestFrontierRequeue: transient failures come back in later runs until
// they failed in maxRuns runs; permanent ones only when all are asked for.
func testFrontierRequeue(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	if _, err := s.Add(ctx, items("down", "gone")); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 4; run++ {
		got := mustLease(t, s, 5)
		for _, k := range got {
			var err error
			if k == "down" {
				err = s.FailTransient(ctx, k, "network: connection refused (after 4 attempts)")
			} else {
				err = s.Finish(ctx, k, crawler.StateFailed, "http 404")
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.Requeue(ctx, 3, false)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{true: 1, false: 0}[run < 3]; n != want {
			t.Errorf("after run %d: Requeue = %d, want %d", run, n, want)
		}
	}
	var runs, attempts int
	var reason string
	if err := b.sql(t, s).QueryRow(`SELECT failed_runs, attempts, reason FROM frontier WHERE key = 'down'`).Scan(&runs, &attempts, &reason); err != nil {
		t.Fatal(err)
	}
	if runs != 3 || reason != "network: connection refused (after 4 attempts)" {
		t.Errorf("down: failed in %d runs, reason %q", runs, reason)
	}
	if n, _ := s.Requeue(ctx, 3, true); n != 2 {
		t.Errorf("Requeue(all) = %d, want 2", n)
	}
	got, err := s.Lease(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range got {
		if it.Attempts != 0 {
			t.Errorf("%s requeued with %d attempts", it.Key, it.Attempts)
		}
	}
}

func testRunLog(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	id, err := s.StartRun(ctx, "--site kazinform --since 2022-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, items("a")); err != nil {
		t.Fatal(err)
	}
	var runID int64
	if err := b.sql(t, s).QueryRow(`SELECT run_id FROM frontier WHERE key = 'a'`).Scan(&runID); err != nil || runID != id {
		t.Errorf("frontier run_id = %d, %v; want %d", runID, err, id)
	}
	if err := s.FinishRun(ctx, id, map[string]int{"pages": 3, "facts": 7}, "ok"); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(ctx, id+100, nil, "ok"); err == nil {
		t.Error("FinishRun accepted an unknown run")
	}
	var command, args, outcome, counts string
	var finished *string
	if err := b.sql(t, s).QueryRow(`SELECT command, args, outcome, counts, finished_at FROM runs WHERE id = $1`, id).
		Scan(&command, &args, &outcome, &counts, &finished); err != nil {
		t.Fatal(err)
	}
	if command != "crawl" || args != "--site kazinform --since 2022-01-01" || outcome != "completed" ||
		counts != `{"facts":7,"pages":3}` || finished == nil {
		t.Errorf("run row: %q %q %q %q %v", command, args, outcome, counts, finished)
	}
}

// Four Stores on one database (four crawl processes) never lease an item twice.
func testFrontierConcurrentLease(t *testing.T, b *backend) {
	ctx := context.Background()
	var stores [4]testStore
	stores[0] = b.fresh(t)
	for i := range stores {
		if i > 0 {
			stores[i] = b.again(t, stores[0])
		}
		if _, err := stores[i].StartRun(ctx, ""); err != nil {
			t.Fatal(err)
		}
	}
	var all []string
	for i := range 60 {
		all = append(all, fmt.Sprintf("k%02d", i))
	}
	if _, err := stores[0].Add(ctx, items(all...)); err != nil {
		t.Fatal(err)
	}
	results := make(chan []string, 4)
	errs := make(chan error, 4)
	for w := range 4 {
		go func(s testStore) {
			var got []string
			for {
				its, err := s.Lease(ctx, 3)
				if err != nil {
					errs <- err
					return
				}
				if len(its) == 0 {
					results <- got
					return
				}
				for _, it := range its {
					got = append(got, it.Key)
					if err := s.Finish(ctx, it.Key, crawler.StateDone, ""); err != nil {
						errs <- err
						return
					}
				}
			}
		}(stores[w])
	}
	seen := map[string]int{}
	for range 4 {
		select {
		case err := <-errs:
			t.Fatal(err)
		case got := <-results:
			for _, k := range got {
				seen[k]++
			}
		}
	}
	for _, k := range all {
		if seen[k] != 1 {
			t.Errorf("%s leased %d times", k, seen[k])
		}
	}
}

// TestFrontierRevisit: items an earlier run finished come back once per
// run, marked Revisit; new ones are added; others are left alone.
func testFrontierRevisit(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	run1, _ := s.StartRun(ctx, "")
	if added, requeued, err := s.Revisit(ctx, items("start", "other")); err != nil || added != 2 || requeued != 0 {
		t.Fatalf("first Revisit = %d, %d, %v", added, requeued, err)
	}
	mustLease(t, s, 5)
	if err := s.Finish(ctx, "start", crawler.StateDone, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(ctx, "other", crawler.StateFailed, "http 404"); err != nil {
		t.Fatal(err)
	}
	// Same run: nothing is read twice.
	if _, requeued, _ := s.Revisit(ctx, items("start")); requeued != 0 {
		t.Errorf("requeued %d in the run that finished it", requeued)
	}
	s.FinishRun(ctx, run1, nil, "completed")

	s.StartRun(ctx, "")
	added, requeued, err := s.Revisit(ctx, items("start", "other", "new"))
	if err != nil || added != 1 || requeued != 1 {
		t.Errorf("second run Revisit = %d added, %d requeued, %v; want 1, 1", added, requeued, err)
	}
	got, err := s.Lease(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key != "start" || !got[0].Revisit || got[1].Key != "new" || got[1].Revisit {
		t.Errorf("leased %+v, want start (a revisit) and new", got)
	}
}

func testSeenLinks(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	if n, err := s.Seen(ctx, []string{"a", "b"}); err != nil || n != 2 {
		t.Errorf("Seen = %d, %v", n, err)
	}
	if n, err := s.Seen(ctx, []string{"b", "c", "a"}); err != nil || n != 1 {
		t.Errorf("Seen again = %d, %v; want 1 (c)", n, err)
	}
}
