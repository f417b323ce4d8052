// Package pgstore keeps an obsfacts store in PostgreSQL
// (github.com/jackc/pgx/v5), for crawls that outgrow one SQLite file and
// one process: any number of crawl processes, on any number of machines,
// work one frontier together.
//
// The tables, columns, schema versions and the fact_rows view are those of
// the SQLite store (package store), so SQL written for one reads the other;
// times are the same RFC 3339 text. What a shared crawl adds lives in the
// tables both have since schema version 8: workers (one row per process,
// with a heartbeat), leases on frontier items that expire with their
// worker, host_slots (politeness for the whole crawl) and robots (each
// robots.txt once per crawl).
//
// A store lives in the schema the connection's search_path names first
// (public by default): postgres://host/db?search_path=study keeps one in
// schema study, so one database can hold several stores.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/obsfacts/obsfacts/store"
)

// DefaultLease is how long a worker's leases hold without a heartbeat.
const DefaultLease = time.Minute

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than an SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns the URL without its password, for messages.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// Options tune a Store opened for writing.
type Options struct {
	// Lease is how long an item leased by this process, and a host slot it
	// holds, stay its own without a heartbeat: another process takes them
	// after that, so it is how long the work of a process that died (kill
	// -9, a lost machine) waits. Heartbeats come every third of it. 0 means
	// DefaultLease.
	Lease time.Duration
}

// Store is an obsfacts store in a PostgreSQL database. It is safe for
// concurrent use.
type Store struct {
	pool     *pgxpool.Pool
	name     string // the URL without its password
	readOnly bool
	lease    time.Duration
	bodies   store.BodyCodec

	run atomic.Int64 // the run started last by this Store (0: none)

	mu          sync.Mutex
	worker      *worker // this process as a worker, while a run goes on
	maxAttempts int     // from Recover: crashes an item may cause
	lastReclaim time.Time
	slotsMade   map[string]int // hosts whose slot rows exist, and how many
}

// Open opens the store in the PostgreSQL database at rawURL for reading and
// writing, creating its tables in a database (schema) that has none, and
// brings an older store's schema up to date. A database whose schema holds
// tables of another program is refused untouched (store.ErrNotStore).
func Open(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	s, err := connect(ctx, rawURL, false)
	if err != nil {
		return nil, err
	}
	if _, err := s.inspect(ctx); err != nil && !errors.Is(err, errNew) {
		s.pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", s.name, err)
	}
	if err := migrate(ctx, s.pool); err != nil {
		s.pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", s.name, err)
	}
	s.lease = opts.Lease
	if s.lease <= 0 {
		s.lease = DefaultLease
	}
	return s, nil
}

// OpenReadOnly opens the store at rawURL for reading only: every
// transaction is read-only, nothing is created or migrated. It refuses a
// database without tables (store.ErrEmpty), one of another program
// (store.ErrNotStore) and a store of another schema version
// (store.ErrVersion).
func OpenReadOnly(ctx context.Context, rawURL string) (*Store, error) {
	s, err := connect(ctx, rawURL, true)
	if err != nil {
		return nil, err
	}
	version, err := s.inspect(ctx)
	if err == nil && version != len(migrations) {
		err = versionError(s.name, version)
	}
	if err != nil {
		s.pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", s.name, err)
	}
	s.lease = DefaultLease
	return s, nil
}

// connect opens a connection pool on rawURL and checks it answers.
func connect(ctx context.Context, rawURL string, readOnly bool) (*Store, error) {
	name := Redact(rawURL)
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	params := cfg.ConnConfig.RuntimeParams
	params["timezone"] = "UTC"
	if params["application_name"] == "" {
		params["application_name"] = "obsfacts"
	}
	if readOnly {
		params["default_transaction_read_only"] = "on"
	} else if params["synchronous_commit"] == "" {
		// As the SQLite store's synchronous=NORMAL: a crash of the server
		// may lose the last commits, never consistency; a commit does not
		// wait for its flush. The URL may ask for more.
		params["synchronous_commit"] = "off"
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	return &Store{pool: pool, name: name, readOnly: readOnly, slotsMade: map[string]int{}}, nil
}

// errNew marks a schema Open may make a new store in: it has no table.
var errNew = fmt.Errorf("%w (nothing to keep: a new store may be made)", store.ErrEmpty)

// inspect tells whether the connection's schema holds an obsfacts store,
// without writing, and returns its schema version: errNew for a schema
// without tables, store.ErrNotStore for tables of another program,
// store.ErrVersion for a store newer than this program.
func (s *Store) inspect(ctx context.Context) (int, error) {
	var schema *string
	var objects int
	err := s.pool.QueryRow(ctx, `
SELECT current_schema(), (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f'))`).Scan(&schema, &objects)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	if schema == nil {
		return 0, errors.New("the search_path names no schema that exists: create it, or fix search_path in the URL")
	}
	if objects == 0 {
		return 0, errNew
	}
	cols := map[string]string{}
	rows, err := s.pool.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			rows.Close()
			return 0, fmt.Errorf("read schema: %w", err)
		}
		cols[name] = typ
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	if len(cols) != 2 || cols["version"] != "integer" || cols["applied_at"] != "text" {
		return 0, fmt.Errorf("%w: schema %s holds tables of another program (it has no obsfacts schema_migrations table); name another database or schema (?search_path=NAME)",
			store.ErrNotStore, *schema)
	}
	var version *int
	if err := s.pool.QueryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if version == nil {
		return 0, nil
	}
	if *version > len(migrations) {
		return 0, versionError(s.name, *version)
	}
	return *version, nil
}

// versionError says what to do about a store of another schema version.
func versionError(name string, version int) error {
	if version > len(migrations) {
		return fmt.Errorf("%w: schema version %d is newer than this obsfacts knows (%d): use a newer obsfacts", store.ErrVersion, version, len(migrations))
	}
	return fmt.Errorf("%w: schema version %d, older than this obsfacts reads (%d): a writing command upgrades it, e.g. 'obsfacts reextract --db %s'",
		store.ErrVersion, version, len(migrations), name)
}

// Close ends this process's worker, if a run is still going, and closes
// the pool.
func (s *Store) Close() error {
	err := s.stopWorker(context.Background())
	s.pool.Close()
	if err != nil {
		return fmt.Errorf("store: close %s: %w", s.name, err)
	}
	return nil
}

// Name is the store's URL without its password.
func (s *Store) Name() string { return s.name }

// Pool is the connection pool, for SQL of one's own.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// runID is the current run id, or NULL.
func (s *Store) runID() any {
	if id := s.run.Load(); id != 0 {
		return id
	}
	return nil
}

// text makes s storable as PostgreSQL text, which holds neither NUL nor
// invalid UTF-8 (SQLite holds both): NULs are dropped, invalid bytes become
// U+FFFD.
func text(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// nullText is text(s), or NULL for "".
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return text(s)
}

// nullInt is n, or NULL for 0.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// nullTime is the stored form of t, or NULL for the zero time.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return store.FormatTime(t)
}

func now() string { return store.FormatTime(time.Now()) }

// rebind numbers the ? placeholders of a condition written for both stores
// ($from, $from+1, ...) and makes its LIKEs case-insensitive, as SQLite's
// are for ASCII.
func rebind(cond string, from int) string {
	var b strings.Builder
	n := from
	for _, r := range cond {
		if r == '?' {
			fmt.Fprintf(&b, "$%d", n)
			n++
			continue
		}
		b.WriteRune(r)
	}
	return strings.ReplaceAll(b.String(), " LIKE ", " ILIKE ")
}
