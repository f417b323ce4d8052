package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sqliteFile makes an SQLite file the way another program would (rollback
// journal, no obsfacts settings) and runs stmts in it.
func sqliteFile(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := openDSN(path, url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// obsfactsStore makes a store at a schema version: 0 is the current one.
func obsfactsStore(t *testing.T, path string, version int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if version > 0 {
		if _, err := s.db.Exec(`INSERT INTO schema_migrations VALUES (?, 'later')`, version); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
}

// olderStore makes a store as schema version 1 left it.
func olderStore(t *testing.T, path string) {
	t.Helper()
	db, err := openDB(path, "immediate", false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`,
		migrations[0],
		`INSERT INTO schema_migrations VALUES (1, 'then')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot is what a directory holds: every file's name and sha256.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][32]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

func sameSnapshot(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestOpenRefusesOtherFiles opens a file of every shape for reading and
// for writing: files that are not obsfacts stores are refused and left as
// they were (the folder too), read-only opens never write, and writing opens
// still create new stores and upgrade older ones.
func TestOpenRefusesOtherFiles(t *testing.T) {
	const newer = 99
	tests := []struct {
		name      string
		make      func(t *testing.T, path string) // nil: no file
		readErr   error                           // OpenReadOnly's error; nil means it opens
		writeErr  error                           // Open's error; nil means it opens
		readSame  bool                            // the folder is unchanged after OpenReadOnly
		writeSame bool                            // and after Open
	}{
		{"missing file", nil, ErrEmpty, nil, true, false},
		{"zero-byte file", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o644) }, ErrEmpty, nil, true, false},
		{"SQLite database without tables", func(t *testing.T, p string) {
			sqliteFile(t, p, `PRAGMA user_version = 7`)
		}, ErrEmpty, nil, true, false},
		{"text file", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("fact_id,count\n1,40\n"), 0o644)
		}, ErrNotStore, ErrNotStore, true, true},
		{"one byte", func(t *testing.T, p string) { os.WriteFile(p, []byte("S"), 0o644) }, ErrNotStore, ErrNotStore, true, true},
		{"another program's notes", func(t *testing.T, p string) {
			sqliteFile(t, p, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('buy milk')`)
		}, ErrNotStore, ErrNotStore, true, true},
		{"another program's pages table", func(t *testing.T, p string) {
			sqliteFile(t, p, `CREATE TABLE pages (id INTEGER PRIMARY KEY, title TEXT)`, `INSERT INTO pages (title) VALUES ('home')`)
		}, ErrNotStore, ErrNotStore, true, true},
		{"another program's schema_migrations", func(t *testing.T, p string) {
			sqliteFile(t, p, `CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)`, `INSERT INTO schema_migrations VALUES ('20240101120000')`)
		}, ErrNotStore, ErrNotStore, true, true},
		{"another program's WAL database", func(t *testing.T, p string) {
			sqliteFile(t, p, `PRAGMA journal_mode = WAL`, `CREATE TABLE notes (body TEXT)`)
		}, ErrNotStore, ErrNotStore, true, true},
		// A store opened for reading may get the -wal and -shm files every
		// reader of a WAL database shares; the file itself stays as it was.
		{"obsfacts store", func(t *testing.T, p string) { obsfactsStore(t, p, 0) }, nil, nil, false, false},
		{"older obsfacts store", olderStore, ErrVersion, nil, true, false},
		{"newer obsfacts store", func(t *testing.T, p string) { obsfactsStore(t, p, newer) }, ErrVersion, ErrVersion, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, mode := range []string{"read", "write"} {
				dir := t.TempDir()
				path := filepath.Join(dir, "data.db")
				if tt.make != nil {
					tt.make(t, path)
				}
				before := snapshot(t, dir)
				open, want, same := OpenReadOnly, tt.readErr, tt.readSame
				if mode == "write" {
					open, want, same = Open, tt.writeErr, tt.writeSame
				}
				s, err := open(path)
				if err == nil {
					s.Close()
				}
				if !errors.Is(err, want) || (want == nil) != (err == nil) {
					t.Errorf("%s: err %v, want %v", mode, err, want)
				}
				after := snapshot(t, dir)
				if same && !sameSnapshot(before, after) {
					t.Errorf("%s: the folder changed: %q before, %q after", mode, slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
				}
				if mode == "read" && before["data.db"] != after["data.db"] {
					t.Errorf("read: the file changed")
				}
			}
		})
	}
}

// TestOpenWriteUpgradesOlderStores checks that a writing open still
// migrates an older store, after which it reads.
func TestOpenWriteUpgradesOlderStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	olderStore(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("after the upgrade: %v", err)
	}
	defer r.Close()
	if n, err := r.FactCount(context.Background()); err != nil || n != 0 {
		t.Errorf("fact count %d, %v", n, err)
	}
}

// TestReadOnlyStoreReads checks that a store reads through OpenReadOnly
// while a writer has it open, and that the reader cannot write.
func TestReadOnlyStoreReads(t *testing.T) {
	w := openTemp(t)
	ctx := context.Background()
	if _, err := w.StartRun(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	st, err := r.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Runs) != 1 {
		t.Errorf("runs %+v, want the writer's one", st.Runs)
	}
	if _, err := r.StartRun(ctx, "test"); err == nil {
		t.Error("a read-only store wrote a run")
	}
}

// TestReadOnlyFolder checks that a store in a folder nobody may write
// (so SQLite cannot make its -shm file) still reads. Root writes anyway,
// so the test needs another user.
func TestReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("file modes do not bind root: run as another user to test read-only folders")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "obsfacts.db")
	obsfactsStore(t, path, 0)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := snapshot(t, dir)
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Stats(context.Background()); err != nil {
		t.Error(err)
	}
	r.Close()
	if after := snapshot(t, dir); !sameSnapshot(before, after) {
		t.Errorf("files %v, before %v", slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before)))
	}
}
