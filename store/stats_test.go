package store_test

import (
	"bytes"
	"context"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/store"
)

func testStats(t *testing.T, b *backend) {
	ctx := context.Background()
	s := b.fresh(t)
	empty, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := empty.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "(none)") {
		t.Errorf("empty stats:\n%s", buf.String())
	}

	id, err := s.StartRun(ctx, "--site example")
	if err != nil {
		t.Fatal(err)
	}
	seed(t, s)
	if _, err := s.Add(ctx, items("a", "b", "c", "d")); err != nil {
		t.Fatal(err)
	}
	mustLease(t, s, 3)
	failItems(t, s)
	if err := s.FinishRun(ctx, id, map[string]int{"fetched": 4, "articles": 4, "duplicates": 1, "pending": 2}, "ok"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartCommand(ctx, "extract", "seeds/x.txt\nother"); err != nil {
		t.Fatal(err)
	}

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tot := st.Totals
	if tot.Pages != 4 || tot.Articles != 4 || tot.Facts != 5 || tot.Runs != 2 || tot.RawBytes == 0 || tot.StoredBytes == 0 {
		t.Errorf("totals %+v", tot)
	}
	if !reflect.DeepEqual(tot.Frontier, map[string]int{"queued": 1, "failed": 3}) {
		t.Errorf("frontier %v", tot.Frontier)
	}
	// testPage's fetch time is 2023-03-01
	wantArticles := []store.SiteMonth{
		{"en.example.kz", "", 1, 0}, {"en.example.kz", "2023-03", 1, 2},
		{"other.example.kg", "2022-11", 1, 0}, {"other.example.kg", "2023-03", 0, 1},
		{"ru.example.kz", "2023-03", 1, 1},
	}
	if !reflect.DeepEqual(st.Articles, wantArticles) {
		t.Errorf("articles %+v", st.Articles)
	}
	if want := []store.KindMonth{{"2023-03", "article", 4}}; !reflect.DeepEqual(st.Pages, want) {
		t.Errorf("pages %+v, want %+v", st.Pages, want)
	}
	if !reflect.DeepEqual(st.Facts, []store.CodeCount{{"CIS-IPA", 5}}) {
		t.Errorf("facts %+v", st.Facts)
	}
	wantUnfetched := []store.StateReason{
		{State: "failed", Failure: "transient", Runs: 1, Reason: "timeout (after 4 attempts)", Count: 1},
		{State: "failed", Failure: "permanent", Reason: "http 404", Count: 2},
	}
	if !reflect.DeepEqual(st.Unfetched, wantUnfetched) {
		t.Errorf("unfetched %+v", st.Unfetched)
	}
	if len(st.Runs) != 2 || st.Runs[0].Command != "extract" || !st.Runs[0].FinishedAt.IsZero() ||
		st.Runs[0].Outcome != store.OutcomeRunning || st.Runs[1].Outcome != "completed" || st.Runs[1].Counts["fetched"] != 4 {
		t.Errorf("runs %+v", st.Runs)
	}

	buf.Reset()
	if err := st.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"frontier  queued 1, in_flight 0, done 0, failed 3, skipped 0",
		"failed  transient  1 runs  timeout (after 4 attempts)  1",
		"failed  permanent  http 404  2",
		"CIS-IPA  5",
		"en.example.kz 2023-03 1 2",
		"en.example.kz (no date) 1 0",
		"2023-03 article 4",
		"extract " + time.Now().UTC().Format("2006-01-02"),            // runs: one line each
		"- running - seeds/x.txt other",                               // newline in args kept on one line
		"completed fetched 4, articles 4, remaining 2 --site example", // the main counts, old names renamed
	} {
		if !strings.Contains(collapse(out), collapse(want)) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// collapse turns runs of spaces (table alignment) into one.
func collapse(s string) string {
	return regexp.MustCompile(` {2,}`).ReplaceAllString(s, " ")
}

// failItems fails leased items a and b for good, c for a passing reason.
func failItems(t *testing.T, s testStore) {
	t.Helper()
	ctx := context.Background()
	for key, reason := range map[string]string{"a": "http 404", "b": "http 404"} {
		if err := s.Finish(ctx, key, crawler.StateFailed, reason); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.FailTransient(ctx, "c", "timeout (after 4 attempts)"); err != nil {
		t.Fatal(err)
	}
}
