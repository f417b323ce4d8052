// Package store keeps pages, articles, facts, crawl runs and the crawl
// frontier in one SQLite file (github.com/mattn/go-sqlite3), and streams
// export rows out of it.
//
// The schema is meant to be read directly in the sqlite3 shell or
// Datasette: see migrations.go, and the fact_rows view for the export
// columns. Timestamps are RFC 3339 text in UTC, except articles.published_at
// which keeps the site's offset.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// busyTimeout is how long a connection waits for another writer (another
// process crawling into the same file) before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is an open obsfacts database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB // writes (and reads inside write transactions)
	rdb  *sql.DB // reads: query-only, deferred transactions
	path string

	// run is the id of the run started last by this Store (0 = none); the
	// frontier and pages record it as the run that touched a row.
	run atomic.Int64

	bodies BodyCodec
}

// Open opens the obsfacts store at path for reading and writing, creating
// it when the file is missing or empty, and brings an older store's schema
// up to date. A file that is not an obsfacts store is refused untouched
// (see ErrNotStore).
func Open(path string) (*Store, error) {
	ctx := context.Background()
	if err := checkPath(path); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if _, err := inspect(ctx, path); err != nil && !errors.Is(err, errNew) {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db, err := openDB(path, "immediate", false)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// SQLite has one writer at a time anyway; queueing this process's
	// writers in database/sql is fairer than SQLite's busy-wait sleeps.
	db.SetMaxOpenConns(1)
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	rdb, err := openDB(path, "deferred", true)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return &Store{db: db, rdb: rdb, path: path}, nil
}

// openDB opens a connection pool on path for a Store opened for writing.
// Writes go through a pool whose transactions begin IMMEDIATE: a write
// transaction takes the write lock up front, so two writers wait on
// busy_timeout instead of failing on a lock upgrade. Reads go through a
// query-only pool with deferred transactions, so a long export never holds
// the write lock.
func openDB(path, txlock string, queryOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_synchronous", "NORMAL") // safe with WAL; a power cut loses at most the last commits
	q.Set("_txlock", txlock)
	if queryOnly {
		q.Set("_query_only", "on")
	}
	return openDSN(path, q)
}

// openDSN opens a connection pool on path with the driver's parameters.
func openDSN(path string, params url.Values) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + params.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// checkPath creates the file if missing and fails clearly when it cannot be
// opened for writing; SQLite would otherwise fall back to read-only or
// report a bare "unable to open database file".
func checkPath(path string) error {
	if path == "" {
		return errors.New("empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if fi, err := os.Stat(dir); err != nil {
			return fmt.Errorf("directory %s: %w", dir, err)
		} else if !fi.IsDir() {
			return fmt.Errorf("%s is not a directory", dir)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	return f.Close()
}

// Close closes the database.
func (s *Store) Close() error {
	err := s.rdb.Close()
	if s.db != s.rdb {
		err = errors.Join(err, s.db.Close())
	}
	if err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// Path returns the file the Store was opened on.
func (s *Store) Path() string { return s.path }

const timeFormat = TimeFormat

func formatTime(t time.Time) string { return FormatTime(t) }

// nullTime is formatTime, or NULL for the zero time.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// nullInt is n, or NULL for 0.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// nullString is s, or NULL for "".
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// runID is the current run id, or NULL.
func (s *Store) runID() any {
	if id := s.run.Load(); id != 0 {
		return id
	}
	return nil
}
