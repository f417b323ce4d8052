package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for raw SQL in tests

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/internal/pgtest"
	"github.com/obsfacts/obsfacts/store"
	"github.com/obsfacts/obsfacts/store/pgstore"
)

// The behaviour both store backends share is tested once, from the table
// storeCases, against each backend: SQLite always, PostgreSQL when
// OBSFACTS_TEST_POSTGRES names a server (else its cases skip, saying so).

// testStore is what the cases use of a store.
type testStore interface {
	crawler.Frontier
	crawler.Archive
	crawler.RunLog
	StartCommand(ctx context.Context, command, args string) (int64, error)
	InterruptRun(ctx context.Context) error
	SaveResult(ctx context.Context, page extract.Page, kind, articleKey string, res *extract.Result) error
	ReplaceFacts(ctx context.Context, pageID int64, articleKey string, res *extract.Result) error
	EachPage(ctx context.Context, fn func(pageID int64, p extract.Page, kind, articleKey string) error) error
	Rows(ctx context.Context, f store.Filter, fn func(export.Row) error) error
	Sites(ctx context.Context) ([]string, error)
	FactCount(ctx context.Context) (int, error)
	Stats(ctx context.Context) (store.Stats, error)
	EachResponse(ctx context.Context, f store.ArchiveFilter, fn func(crawler.Response) error) error
	Close() error
}

// backend makes stores of one kind for the cases.
type backend struct {
	name string
	// create makes a new empty store and returns where it is (a file or
	// a URL); open opens a store there, as another process would.
	create func(t testing.TB) string
	open   func(t testing.TB, where string) testStore
	// sqlDriver opens a store's database through database/sql.
	sqlDriver string
	// died waits until the work of a process that died is free for the
	// others: at once in SQLite (a crawl takes back all work in flight),
	// after the lease in PostgreSQL.
	died func()

	where map[testStore]string
}

// testLease is the lease of the PostgreSQL stores of the tests.
const testLease = 300 * time.Millisecond

var backends = []*backend{
	{
		name:   "sqlite",
		create: func(t testing.TB) string { return filepath.Join(t.TempDir(), "obsfacts.db") },
		open: func(t testing.TB, where string) testStore {
			s, err := store.Open(where)
			must(t, err)
			return s
		},
		sqlDriver: "sqlite3",
		died:      func() {},
	},
	{
		name:   "postgres",
		create: func(t testing.TB) string { return pgtest.URL(t) },
		open: func(t testing.TB, where string) testStore {
			s, err := pgstore.Open(context.Background(), where, pgstore.Options{Lease: testLease})
			must(t, err)
			return s
		},
		sqlDriver: "pgx",
		died:      func() { time.Sleep(testLease + 100*time.Millisecond) },
	},
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fresh opens a new empty store, closed when the test ends.
func (b *backend) fresh(t testing.TB) testStore {
	t.Helper()
	return b.openAt(t, b.create(t))
}

// openAt opens the store at where, closed when the test ends.
func (b *backend) openAt(t testing.TB, where string) testStore {
	t.Helper()
	s := b.open(t, where)
	if b.where == nil {
		b.where = map[testStore]string{}
	}
	b.where[s] = where
	t.Cleanup(func() { s.Close() })
	return s
}

// again opens the store s is open on once more, as another process.
func (b *backend) again(t testing.TB, s testStore) testStore {
	t.Helper()
	return b.openAt(t, b.where[s])
}

// sql opens the database of s through database/sql, for raw SQL. Queries
// take $1, $2 … placeholders, which both databases read.
func (b *backend) sql(t testing.TB, s testStore) *sql.DB {
	t.Helper()
	db, err := sql.Open(b.sqlDriver, b.where[s])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// count counts the rows of a table.
func (b *backend) count(t testing.TB, s testStore, table string) int {
	t.Helper()
	var n int
	if err := b.sql(t, s).QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// storeCase is a behaviour both backends have.
type storeCase struct {
	name string
	test func(t *testing.T, b *backend)
}

// TestBackends runs every case against every backend.
func TestBackends(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			if b.name == "postgres" {
				pgtest.URL(t) // skips, with the reason, without a server
			}
			for _, c := range storeCases {
				t.Run(c.name, func(t *testing.T) { c.test(t, b) })
			}
		})
	}
}

var almaty = time.FixedZone("+05", 5*3600)

// testPage and testResult are a made-up article with two facts; the
// offsets are computed, not typed, so they always point at the evidence.
func testPage(url string, body string) extract.Page {
	return extract.Page{
		Source: url, URL: url, ContentType: "text/html; charset=utf-8",
		Body: []byte("<html><body>" + body + "</body></html>"), FetchedAt: time.Date(2023, 3, 1, 9, 30, 0, 0, time.UTC),
	}
}

func testResult(url, site string, published time.Time, sentences ...string) *extract.Result {
	body := strings.Join(sentences, "\n\n")
	res := &extract.Result{Article: extract.Article{
		URL: url, Site: site, Title: "Monitors gather for the vote", Author: "Staff writer",
		Section: "Elections", Tags: []string{"elections", "observers"}, Language: "en",
		PublishedAt: published, Body: body, Layout: "test",
	}}
	for i, s := range sentences {
		start := len([]rune(body[:strings.Index(body, s)]))
		res.Facts = append(res.Facts, extract.Fact{
			ID: url + "#" + string(rune('a'+i)), Subject: "Assembly Nº" + string(rune('1'+i)),
			SubjectCanonical: "Some Assembly", SubjectCode: "CIS-IPA", SubjectKind: extract.KindOrganization,
			Count: 10 + i, Qualifier: extract.QualExact, Status: extract.StatusAccredited,
			Evidence: s, CharStart: start, CharEnd: start + len([]rune(s)), Rule: "test",
			ElectionDate: "2023-03-19", ElectionType: "parliamentary", Spans: i,
		})
	}
	return res
}
