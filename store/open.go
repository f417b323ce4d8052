package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

// ErrNotStore is returned (wrapped) for a file that is not an obsfacts store:
// not an SQLite file, or an SQLite database of another program (it has no
// obsfacts schema_migrations table). Such a file is left as it was: nothing
// is written to it, and its journal mode is not changed.
var ErrNotStore = errors.New("not an obsfacts database")

// ErrEmpty is returned (wrapped) when a missing, zero-byte or table-less
// file is opened for reading: it holds no data, and reading must not create
// a store.
var ErrEmpty = errors.New("empty file, not an obsfacts database")

// ErrVersion is returned (wrapped) for an obsfacts store of a schema version
// this program cannot read as it is: a newer one, or, for reading, an older
// one that a writing command would first upgrade.
var ErrVersion = errors.New("obsfacts database of another schema version")

// errNew marks a file Open may make a new store of: missing, zero bytes, or
// an SQLite database without a single table.
var errNew = fmt.Errorf("%w (nothing to keep: a new store may be made)", ErrEmpty)

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// OpenReadOnly opens the obsfacts store at path for reading only. It never
// creates, migrates or otherwise writes the file, nor changes its journal
// mode, so it works on a read-only file or folder and leaves any file it
// refuses unchanged. It refuses a missing or empty file (ErrEmpty), a file
// that is not an obsfacts store (ErrNotStore), and a store of another
// schema version than this program's (ErrVersion).
func OpenReadOnly(path string) (*Store, error) {
	ctx := context.Background()
	version, err := inspect(ctx, path)
	if err == nil && version != len(migrations) {
		err = versionError(path, version)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db, err := openReader(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return &Store{db: db, rdb: db, path: path}, nil
}

// readParams are the connection settings of a read-only Store: no journal
// mode (setting WAL writes the file), query only.
func readParams() url.Values {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_query_only", "on")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_txlock", "deferred")
	return q
}

// openReader opens path read-only. A database in WAL mode is read through
// its -wal and -shm files, which the first reader creates when they are
// missing. A reader that may not write the database must not leave them
// behind (they would be its own, and its owner could no longer write), so
// when they are missing it reads the file as immutable: no writer has it
// open then. So it does in a read-only folder, where they cannot be made.
// SQLite opens lazily, so a first query tells whether the file reads.
func openReader(path string) (*sql.DB, error) {
	if !writable(path) && !exists(path+"-wal") {
		return openImmutable(path)
	}
	db, err := openProbed(path, readParams())
	if err == nil {
		return db, nil
	}
	if db, err2 := openImmutable(path); err2 == nil {
		return db, nil
	}
	return nil, err
}

// openImmutable opens path read-only as a file nothing changes.
func openImmutable(path string) (*sql.DB, error) {
	params := readParams()
	params.Set("immutable", "1")
	return openProbed(path, params)
}

// exists reports whether a file is at path.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// openProbed opens path with params and reads its schema once.
func openProbed(path string, params url.Values) (*sql.DB, error) {
	db, err := openDSN(path, params)
	if err != nil {
		return nil, err
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// inspect tells whether path is an obsfacts store, without writing it, and
// returns its schema version. It returns errNew for a file that holds
// nothing, ErrNotStore for a file of another program, ErrVersion for a store
// newer than this program.
func inspect(ctx context.Context, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, fmt.Errorf("%w: %w", errNew, err)
		}
		return 0, err
	}
	head := make([]byte, sqliteHeaderSize)
	n, err := io.ReadFull(f, head)
	f.Close()
	switch {
	case n == 0:
		return 0, errNew
	case err != nil || !bytes.HasPrefix(head, []byte(sqliteMagic)):
		return 0, fmt.Errorf("%w: not an SQLite file", ErrNotStore)
	}
	db, err := openInspector(path, head)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, err
	}
	if version > len(migrations) {
		return 0, versionError(path, version)
	}
	return version, nil
}

// sqliteHeaderSize is the size of an SQLite file's header; byte 18 is 2
// when the database is in WAL mode.
const sqliteHeaderSize = 100

// openInspector opens path to read its schema. A database in WAL mode that
// nobody has open (it has no -wal file) is read as immutable: a read-only
// connection would otherwise leave new -wal and -shm files beside another
// program's database.
func openInspector(path string, header []byte) (*sql.DB, error) {
	if header[18] == 2 && !exists(path+"-wal") {
		return openImmutable(path)
	}
	return openReader(path)
}

// schemaVersion reads the obsfacts schema version of an open database.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var objects int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	if objects == 0 {
		return 0, errNew
	}
	cols := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT name, type FROM pragma_table_info('schema_migrations')`)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return 0, fmt.Errorf("read schema: %w", err)
		}
		cols[name] = strings.ToUpper(typ)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	if len(cols) != 2 || cols["version"] != "INTEGER" || cols["applied_at"] != "TEXT" {
		return 0, fmt.Errorf("%w: an SQLite database of another program (it has no obsfacts schema_migrations table)", ErrNotStore)
	}
	var version sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(version.Int64), nil
}

// versionError says what to do about a store of another schema version.
func versionError(path string, version int) error {
	if version > len(migrations) {
		return fmt.Errorf("%w: schema version %d is newer than this obsfacts knows (%d): use a newer obsfacts", ErrVersion, version, len(migrations))
	}
	return fmt.Errorf("%w: schema version %d, older than this obsfacts reads (%d): a writing command upgrades it, e.g. 'obsfacts reextract --db %s' (copy the file first if an older obsfacts still reads it)",
		ErrVersion, version, len(migrations), path)
}
