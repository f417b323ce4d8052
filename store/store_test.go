package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openTemp opens a fresh database in a temporary directory.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "obsfacts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing directory", filepath.Join(dir, "nope", "x.db"), "no such file or directory"},
		{"path is a directory", dir, "is a directory"},
		{"not a database", notDB, "not an obsfacts database"},
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := filepath.Join(dir, "ro.db")
		if err := os.WriteFile(ro, nil, 0o444); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct{ name, path, want string }{"unwritable file", ro, "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.HasPrefix(err.Error(), "store: open "+tt.path+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix store: open %s and %q", err, tt.path, tt.want)
			}
		})
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	for i := range 3 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open #%d: %v", i, err)
		}
		var n, max int
		if err := s.db.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
			t.Fatal(err)
		}
		if n != len(migrations) || max != len(migrations) {
			t.Errorf("open #%d: %d migrations recorded, max %d; want %d", i, n, max, len(migrations))
		}
		var mode string
		var fk int
		if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 {
			t.Errorf("journal_mode %q foreign_keys %d", mode, fk)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}

	// A database from a newer program is refused, not silently used.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, 'x')`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := Open(path); err == nil {
		s.Close()
		t.Error("Open accepted a newer schema")
	} else if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

func TestReadPoolIsQueryOnly(t *testing.T) {
	s := openTemp(t)
	if _, err := s.rdb.ExecContext(context.Background(), `DELETE FROM facts`); err == nil {
		t.Error("read pool accepted a write")
	}
}

// TestCrawlLock: a second crawl on one file is refused with the first's
// pid and start time; once the first ends, or dies, the next one proceeds.
func TestCrawlLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lock.db")
	a, b := openAt(t, path), openAt(t, path)

	unlock, tookOver, err := a.LockCrawl(ctx, "--site kazinform")
	if err != nil || tookOver != "" {
		t.Fatalf("first lock: %v, took over %q", err, tookOver)
	}
	_, _, err = b.LockCrawl(ctx, "--site all")
	var locked *CrawlLockedError
	if !errors.As(err, &locked) {
		t.Fatalf("second lock: %v, want CrawlLockedError", err)
	}
	msg := err.Error()
	for _, want := range []string{fmt.Sprintf("pid %d", os.Getpid()), "started ", "(crawl --site kazinform)", "another crawl is using " + path + ": pid", "Wait for it to finish"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, tookOver, err = b.LockCrawl(ctx, "--site all")
	if err != nil || tookOver != "" {
		t.Fatalf("lock after the first crawl ended: %v, took over %q", err, tookOver)
	}
	unlock()

	// A crawl that died leaves its description, but the kernel freed the
	// lock: the next crawl takes it over and says whose it was.
	dead := `{"pid":999999,"host":"h","started_at":"2026-01-02T03:04:05Z","args":"--site qazaqtv"}`
	if err := os.WriteFile(path+lockSuffix, []byte(dead), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, tookOver, err = a.LockCrawl(ctx, "")
	if err != nil || !strings.HasPrefix(tookOver, "pid 999999 on h, started ") {
		t.Fatalf("take over: %v, took over %q", err, tookOver)
	}
	unlock()
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
