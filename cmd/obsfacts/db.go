package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
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
	io.Closer
}

var _ database = (*store.Store)(nil)

// openReadOnly opens the store at path for a command that only reads it:
// it never creates, migrates or writes the file, so it reads a read-only
// file and leaves another program's database as it was.
func openReadOnly(path string) (database, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, dbError(path, err)
	}
	return st, nil
}

// openForUpdate opens an existing store at path for a command that
// rewrites what it holds (an older store is upgraded first).
func openForUpdate(path string) (database, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	return openOrCreate(path)
}

// openOrCreate opens the store at path for writing, making a new one where
// there is none (crawl, extract --db).
func openOrCreate(path string) (database, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, dbError(path, err)
	}
	return st, nil
}

// dbError adds to the store's refusals what the user can do about them.
func dbError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrEmpty):
		return fmt.Errorf("%w: run 'obsfacts crawl' or 'obsfacts extract --db %s' first, or pass --db", err, path)
	case errors.Is(err, store.ErrNotStore):
		return fmt.Errorf("%w; the file was left as it was (check --db)", err)
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
