package main

import (
	"errors"
	"fmt"

	"github.com/obsfacts/obsfacts/store"
)

// openReadOnly opens the store at path for a command that only reads it:
// it never creates, migrates or writes the file, so it reads a read-only
// file and leaves another program's database as it was.
func openReadOnly(path string) (*store.Store, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(path)
	return st, dbError(path, err)
}

// openForUpdate opens an existing store at path for a command that
// rewrites what it holds (an older store is upgraded first).
func openForUpdate(path string) (*store.Store, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	st, err := store.Open(path)
	return st, dbError(path, err)
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
