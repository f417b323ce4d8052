package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
	"github.com/obsfacts/obsfacts/store/pgstore"
	"github.com/spf13/pflag"
)

// The commands reach the store through the small interfaces below, each
// named for what a command does with it; database is all of them, what an
// opened store offers. Only this file knows which store a --db value opens.

// runRecorder records a run of a command in the runs table.
type runRecorder interface {
	StartCommand(ctx context.Context, command, args string) (int64, error)
	FinishRun(ctx context.Context, runID int64, counts map[string]int, outcome string) error
	// InterruptRun records the run in progress as interrupted, for an
	// exit at once (a second Ctrl-C).
	InterruptRun(ctx context.Context) error
}

// statsReader summarises a store (stats, and reextract's article count).
type statsReader interface {
	Stats(ctx context.Context) (store.Stats, error)
}

// responseReader reads the archived responses (archive export).
type responseReader interface {
	EachResponse(ctx context.Context, f store.ArchiveFilter, fn func(crawler.Response) error) error
}

// pageRewriter re-extracts stored pages (reextract).
type pageRewriter interface {
	EachPage(ctx context.Context, fn func(pageID int64, p extract.Page, kind, articleKey string) error) error
	ReplaceFacts(ctx context.Context, pageID int64, articleKey string, res *extract.Result) error
}

// crawlState is what a crawl keeps in the store.
type crawlState interface {
	crawler.Frontier
	crawler.Archive
	crawler.RunLog
}

// database is an open store: every interface above, and Close.
type database interface {
	factReader
	siteLister
	statsReader
	responseReader
	pageRewriter
	resultSaver
	runRecorder
	crawlState
	rowSource
	rowTarget
	io.Closer
}

var (
	_ database = (*store.Store)(nil)
	_ database = (*pgstore.Store)(nil)
)

// dbEnv names the variable whose value is the default of --db.
const dbEnv = "OBSFACTS_DB"

// addDBFlag defines --db, what the command does with it in purpose ("to
// read"). Its default is $OBSFACTS_DB, else obsfacts.db.
func addDBFlag(fs *pflag.FlagSet, p *string, purpose string) {
	def := cmp.Or(os.Getenv(dbEnv), "obsfacts.db")
	fs.StringVar(p, "db", def, "`DB` "+purpose+": an SQLite file or a postgres:// URL; $"+dbEnv+" sets the default")
	fs.Lookup("db").DefValue = displayDB(def) // --help shows no password
}

// displayDB names a --db value in messages: a URL without its password.
func displayDB(db string) string {
	if pgstore.IsURL(db) {
		return pgstore.Redact(db)
	}
	return db
}

// openReadOnly opens the store at db for a command that only reads it:
// it never creates, migrates or writes it, so it reads a read-only file
// and leaves another program's database as it was.
func openReadOnly(db string) (database, error) {
	if pgstore.IsURL(db) {
		st, err := pgstore.OpenReadOnly(context.Background(), db)
		if err != nil {
			return nil, dbError(db, err)
		}
		return st, nil
	}
	if err := requireDB(db); err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(db)
	if err != nil {
		return nil, dbError(db, err)
	}
	return st, nil
}

// openForUpdate opens an existing store at db for a command that
// rewrites what it holds (an older store is upgraded first).
func openForUpdate(db string) (database, error) {
	if !pgstore.IsURL(db) {
		if err := requireDB(db); err != nil {
			return nil, err
		}
	}
	return openOrCreate(db, 0)
}

// openOrCreate opens the store at db for writing, making a new one where
// there is none (crawl, extract --db). lease is how long a PostgreSQL
// store's leases hold without a heartbeat (0: the default).
func openOrCreate(db string, lease time.Duration) (database, error) {
	if pgstore.IsURL(db) {
		st, err := pgstore.Open(context.Background(), db, pgstore.Options{Lease: lease})
		if err != nil {
			return nil, dbError(db, err)
		}
		return st, nil
	}
	st, err := store.Open(db)
	if err != nil {
		return nil, dbError(db, err)
	}
	return st, nil
}

// dbError adds to the store's refusals what the user can do about them.
func dbError(db string, err error) error {
	what := "file"
	if pgstore.IsURL(db) {
		what = "database"
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrEmpty):
		return fmt.Errorf("%w: run 'obsfacts crawl' or 'obsfacts extract --db %s' first, or pass --db", err, displayDB(db))
	case errors.Is(err, store.ErrNotStore):
		return fmt.Errorf("%w; the %s was left as it was (check --db)", err, what)
	}
	return err
}

// requireDB refuses to create an empty database where the user meant to
// read one.
func requireDB(path string) error {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no database at %s: run 'obsfacts crawl' or 'obsfacts extract --db %s' first, or pass --db", path, path)
		}
		return err
	}
	return nil
}
