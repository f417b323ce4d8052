package pgstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	neturl "net/url"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/internal/pgtest"
	"github.com/obsfacts/obsfacts/store"
	"github.com/obsfacts/obsfacts/store/pgstore"
)

// What only a store shared by several processes does. The behaviour both
// stores share is tested in package store, against both.

const lease = 300 * time.Millisecond

func open(t *testing.T, url string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(context.Background(), url, pgstore.Options{Lease: lease})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func items(keys ...string) []crawler.Item {
	var out []crawler.Item
	for _, k := range keys {
		out = append(out, crawler.Item{Key: k, URL: "https://en.example.kz/" + k, Kind: crawler.KindArticle, Site: "example"})
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

// worker opens the store at url as a crawl process and starts its run.
func worker(t *testing.T, url string) *pgstore.Store {
	t.Helper()
	s := open(t, url)
	if _, err := s.StartRun(context.Background(), "--test"); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLiveWorkersKeepTheirItems: a worker starting (its Recover) or
// leasing never takes the items of a live worker, however long it holds
// them: its heartbeat keeps its leases.
func TestLiveWorkersKeepTheirItems(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a, b := worker(t, url), worker(t, url)
	if _, err := a.Add(ctx, items("x", "y", "z")); err != nil {
		t.Fatal(err)
	}
	held, err := a.Lease(ctx, 2)
	if err != nil || len(held) != 2 {
		t.Fatalf("a leased %v, %v", held, err)
	}
	time.Sleep(3 * lease)
	if requeued, failed, err := b.Recover(ctx, 4); err != nil || requeued+failed != 0 {
		t.Errorf("b's Recover took %d+%d items of a live worker (%v)", requeued, failed, err)
	}
	got, err := b.Lease(ctx, 10)
	if err != nil || !slices.Equal(keys(got), []string{"z"}) {
		t.Errorf("b leased %v (%v), want only z", keys(got), err)
	}
	for _, it := range held {
		if err := a.Finish(ctx, it.Key, crawler.StateDone, ""); err != nil {
			t.Errorf("a finishes its own %s: %v", it.Key, err)
		}
	}
}

// TestDeadWorkersItemsTaken: the items of a worker killed with -9 go to
// another worker once its lease has run out, an attempt and a crash
// counted; the dead worker could not finish them any more; stats shows
// it dead.
func TestDeadWorkersItemsTaken(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a, b := worker(t, url), worker(t, url)
	if _, err := a.Add(ctx, items("x", "y", "z")); err != nil {
		t.Fatal(err)
	}
	held, err := a.Lease(ctx, 2)
	if err != nil || len(held) != 2 {
		t.Fatalf("a leased %v, %v", held, err)
	}
	if requeued, _, _ := b.Recover(ctx, 4); requeued != 0 {
		t.Fatalf("b took %d items while a lived", requeued)
	}
	a.Kill()
	// Within the lease they are still a's.
	if got, _ := b.Lease(ctx, 10); !slices.Equal(keys(got), []string{"z"}) {
		t.Errorf("b leased %v before a's lease ran out, want [z]", keys(got))
	}
	time.Sleep(lease + 100*time.Millisecond)
	got, err := b.Lease(ctx, 10) // Lease reclaims what ran out, now and then
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(keys(got), []string{"x", "y"}) || got[0].Attempts != 1 {
		t.Errorf("b leased %+v after a died, want x and y with an attempt counted", got)
	}
	for _, k := range []string{"x", "y", "z"} {
		if err := b.Finish(ctx, k, crawler.StateDone, ""); err != nil {
			t.Errorf("b finishes %s: %v", k, err)
		}
	}
	st, err := b.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, w := range st.Workers {
		states[w.State]++
	}
	if states[store.WorkerLive] != 1 || states[store.WorkerDead] != 1 {
		t.Errorf("workers %v, want one live (b) and one dead (a)", states)
	}
	if st.Totals.Frontier[crawler.StateDone] != 3 {
		t.Errorf("frontier %v, want 3 done", st.Totals.Frontier)
	}
}

// TestLeaseLost: a worker that stalled past its lease finds its item taken
// and cannot finish it: it is finished once, by the worker that took it.
func TestLeaseLost(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a := open(t, url) // no run: no heartbeat keeps its leases
	b := worker(t, url)
	if _, err := a.Add(ctx, items("x")); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Lease(ctx, 1); len(got) != 1 {
		t.Fatal("a leased nothing")
	}
	time.Sleep(lease + 100*time.Millisecond)
	if requeued, _, err := b.Recover(ctx, 4); err != nil || requeued != 1 {
		t.Fatalf("b's Recover = %d, %v", requeued, err)
	}
	if got, _ := b.Lease(ctx, 1); len(got) != 1 {
		t.Fatal("b leased nothing")
	}
	for _, try := range []struct {
		name string
		do   func() error
	}{
		{"finish", func() error { return a.Finish(ctx, "x", crawler.StateDone, "") }},
		{"retry", func() error { return a.Retry(ctx, "x", 1, time.Now(), "http 503") }},
		{"fail", func() error { return a.FailTransient(ctx, "x", "timeout") }},
	} {
		if err := try.do(); !errors.Is(err, crawler.ErrLeaseLost) {
			t.Errorf("a's %s: %v, want ErrLeaseLost", try.name, err)
		}
	}
	if err := b.Finish(ctx, "x", crawler.StateDone, ""); err != nil {
		t.Errorf("b's finish: %v", err)
	}
}

// TestWorkersShareACrawl: workers running together are one crawl: an entry
// point one of them read is not read again by another; the next crawl
// reads it again.
func TestWorkersShareACrawl(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a, b := worker(t, url), worker(t, url)
	start := items("start")
	if added, _, err := a.Revisit(ctx, start); err != nil || added != 1 {
		t.Fatalf("a's Revisit = %d, %v", added, err)
	}
	if _, err := a.Lease(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := a.Finish(ctx, "start", crawler.StateDone, ""); err != nil {
		t.Fatal(err)
	}
	if _, requeued, _ := b.Revisit(ctx, start); requeued != 0 {
		t.Errorf("b read again an entry point a read in the same crawl")
	}
	for _, s := range []*pgstore.Store{a, b} {
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	c := worker(t, url)
	if _, requeued, _ := c.Revisit(ctx, start); requeued != 1 {
		t.Errorf("the next crawl requeued %d entry points, want 1", requeued)
	}
}

// TestHostGate: four workers asking for one host, parallel 1 and 60 ms
// apart, get it one at a time, each request at least 60 ms after the one
// before ended; with parallel 2, two at a time at most.
func TestHostGate(t *testing.T) {
	const delay = 60 * time.Millisecond
	for _, parallel := range []int{1, 2} {
		t.Run(fmt.Sprintf("parallel %d", parallel), func(t *testing.T) {
			url := pgtest.URL(t)
			var gates []*pgstore.Store
			for range 4 {
				gates = append(gates, worker(t, url))
			}
			type span struct{ start, end time.Time }
			var (
				mu    sync.Mutex
				spans []span
				wg    sync.WaitGroup
			)
			for _, g := range gates {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 4 {
						release, err := g.TakeHost(context.Background(), "example.kz", parallel)
						if err != nil {
							t.Error(err)
							return
						}
						sp := span{start: time.Now()}
						time.Sleep(5 * time.Millisecond) // the request
						sp.end = time.Now()
						release(delay)
						mu.Lock()
						spans = append(spans, sp)
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			sort.Slice(spans, func(i, j int) bool { return spans[i].start.Before(spans[j].start) })
			for i, sp := range spans {
				open := 0
				for _, o := range spans[:i] {
					if o.end.After(sp.start) {
						open++
					}
				}
				if open >= parallel {
					t.Errorf("request %d started with %d others in progress (parallel %d)", i, open, parallel)
				}
				if parallel == 1 && i > 0 {
					if gap := sp.start.Sub(spans[i-1].end); gap < delay-5*time.Millisecond {
						t.Errorf("request %d started %v after the one before ended, want ≥ %v", i, gap, delay)
					}
				}
			}
		})
	}
}

// TestRobotsOncePerCrawl: the workers of a crawl fetch an origin's
// robots.txt once between them; the next crawl fetches it again.
func TestRobotsOncePerCrawl(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	var fetches atomic.Int32
	fetch := func(context.Context) crawler.RobotsFile {
		fetches.Add(1)
		time.Sleep(50 * time.Millisecond)
		return crawler.RobotsFile{Status: 200, Body: []byte("User-agent: *\nDisallow: /private/\n")}
	}
	var workers []*pgstore.Store
	for range 4 {
		workers = append(workers, worker(t, url))
	}
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := w.Robots(ctx, "https://www.inform.kz", fetch)
			if err != nil || f.Status != 200 || string(f.Body) != "User-agent: *\nDisallow: /private/\n" {
				t.Errorf("Robots = %+v, %v", f, err)
			}
		}()
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times by one crawl's workers, want 1", n)
	}
	for _, w := range workers {
		w.Close()
	}
	next := worker(t, url)
	if _, err := next.Robots(ctx, "https://www.inform.kz", fetch); err != nil {
		t.Fatal(err)
	}
	if n := fetches.Load(); n != 2 {
		t.Errorf("robots.txt fetched %d times by two crawls, want 2", n)
	}
}

// TestOpenRefuses: a schema with another program's tables is refused by
// every open and left as it was; an empty one is refused for reading and
// not written; a read-only store writes nothing.
func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	foreign := pgtest.URL(t)
	s := open(t, pgtest.URL(t))
	if _, err := s.Pool().Exec(ctx, `CREATE TABLE `+schemaOf(t, foreign)+`.notes (id int, body text)`); err != nil {
		t.Fatal(err)
	}
	if _, err := pgstore.Open(ctx, foreign, pgstore.Options{}); !errors.Is(err, store.ErrNotStore) {
		t.Errorf("Open of another program's schema: %v, want ErrNotStore", err)
	}
	if _, err := pgstore.OpenReadOnly(ctx, foreign); !errors.Is(err, store.ErrNotStore) {
		t.Errorf("OpenReadOnly of another program's schema: %v, want ErrNotStore", err)
	}
	empty := pgtest.URL(t)
	if _, err := pgstore.OpenReadOnly(ctx, empty); !errors.Is(err, store.ErrEmpty) {
		t.Errorf("OpenReadOnly of an empty schema: %v, want ErrEmpty", err)
	}
	for _, schema := range []string{schemaOf(t, foreign), schemaOf(t, empty)} {
		var n int
		if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename <> 'notes'`, schema).Scan(&n); err != nil || n != 0 {
			t.Errorf("schema %s: %d tables made (%v), want none", schema, n, err)
		}
	}
	ro, err := pgstore.OpenReadOnly(ctx, s.Name())
	if err == nil {
		defer ro.Close()
		if _, err := ro.Add(ctx, items("x")); err == nil {
			t.Error("a read-only store wrote")
		}
	} else if !errors.Is(err, store.ErrNotStore) { // Name has no password, and none is needed here
		t.Errorf("OpenReadOnly of a store: %v", err)
	}
}

func schemaOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := neturl.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("search_path")
}

// column is a column as both databases describe it.
type column struct {
	name    string
	notNull bool // not counted for primary keys: SQLite says nullable
}

// TestSameSchemaAsSQLite: both stores have the same tables with the same
// columns in the same order (frontier.seq, PostgreSQL's rowid, aside), the
// same fact_rows columns and the same schema version.
func TestSameSchemaAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg := open(t, pgtest.URL(t))
	path := filepath.Join(t.TempDir(), "obsfacts.db")
	lite, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lite.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := map[string][]column{}
	rows, err := db.Query(`SELECT m.name, p.name, p."notnull" AND p.pk = 0 FROM sqlite_schema m, pragma_table_info(m.name) p
WHERE m.type IN ('table', 'view') ORDER BY m.name, p.cid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table string
		var c column
		if err := rows.Scan(&table, &c.name, &c.notNull); err != nil {
			t.Fatal(err)
		}
		want[table] = append(want[table], c)
	}
	rows.Close()
	got := map[string][]column{}
	prows, err := pg.Pool().Query(ctx, `
SELECT c.table_name, c.column_name, c.is_nullable = 'NO' AND NOT EXISTS (
	SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc
		ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
	WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name
		AND k.column_name = c.column_name)
FROM information_schema.columns c WHERE c.table_schema = current_schema()
ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		t.Fatal(err)
	}
	for prows.Next() {
		var table string
		var c column
		if err := prows.Scan(&table, &c.name, &c.notNull); err != nil {
			t.Fatal(err)
		}
		if table == "frontier" && c.name == "seq" {
			continue
		}
		got[table] = append(got[table], c)
	}
	prows.Close()
	if len(want) < 8 {
		t.Fatalf("SQLite lists %d tables", len(want))
	}
	for table, cols := range want {
		if !slices.Equal(got[table], cols) {
			t.Errorf("%s:\nSQLite     %v\nPostgreSQL %v", table, cols, got[table])
		}
	}
	for table := range got {
		if want[table] == nil {
			t.Errorf("PostgreSQL has %s, SQLite does not", table)
		}
	}
	var version int
	if err := pg.Pool().QueryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil || version != store.SchemaVersion() {
		t.Errorf("PostgreSQL at schema version %d (%v), SQLite at %d", version, err, store.SchemaVersion())
	}
}
