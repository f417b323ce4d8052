package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/obsfacts/obsfacts/internal/pgtest"
)

// TestCopyRoundTrip: a store copied from SQLite to another store and back
// exports the same bytes, in every format; the archive (pages) comes along.
func TestCopyRoundTrip(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.db")
	pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pages", "*.html"))
	if code, _, stderr := runCLI(t, append([]string{"extract", "--db", orig, "-o", filepath.Join(dir, "x.csv")}, pages...)...); code != 0 {
		t.Fatalf("extract: %s", stderr)
	}
	m := newMirror(t)
	if out, err := crawlCmd(t, m, orig).CombinedOutput(); err != nil {
		t.Fatalf("crawl: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		name string
		via  func(t *testing.T) string // the store between the two copies
	}{
		{"sqlite to sqlite to sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "via.db") }},
		{"sqlite to postgres to sqlite", func(t *testing.T) string { return pgtest.URL(t) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			via := tt.via(t)
			back := filepath.Join(t.TempDir(), "back.db")
			for _, c := range [][2]string{{orig, via}, {via, back}} {
				if code, _, stderr := runCLI(t, "copy", "--from", c[0], "--to", c[1]); code != 0 {
					t.Fatalf("copy --from %s --to %s: exit %d\n%s", c[0], c[1], code, stderr)
				}
			}
			for _, format := range []string{"csv", "jsonl", "tsv"} {
				want := exportOf(t, orig, format)
				if len(want) < 1000 {
					t.Fatalf("the original exports %d bytes of %s", len(want), format)
				}
				for _, db := range []string{via, back} {
					if got := exportOf(t, db, format); !bytes.Equal(got, want) {
						t.Errorf("export --format %s of %s differs from the original's", format, db)
					}
				}
			}
			for _, table := range []string{"pages", "frontier", "runs"} {
				if a, b := rowCount(t, orig, table), rowCount(t, back, table); a != b || a == 0 {
					t.Errorf("%s: %d rows in the original, %d in the copy of a copy", table, a, b)
				}
			}
			// A store that holds data is not copied into.
			code, _, stderr := runCLI(t, "copy", "--from", orig, "--to", via)
			if code != 1 || !strings.Contains(stderr, "holds data already") {
				t.Errorf("copy into a full store: exit %d\n%s", code, stderr)
			}
		})
	}
}

func TestCopyErrors(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("not a database\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --to", []string{"copy", "--from", "a.db"}, 2, "--from and --to are both required"},
		{"same store", []string{"copy", "--from", "a.db", "--to", "a.db"}, 2, "the same store"},
		{"missing source", []string{"copy", "--from", filepath.Join(dir, "none.db"), "--to", filepath.Join(dir, "b.db")}, 1, "no database at"},
		{"source not a store", []string{"copy", "--from", notes, "--to", filepath.Join(dir, "c.db")}, 1, "not an obsfacts database"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tt.code, stderr, tt.want)
			}
		})
	}
}

// exportOf is what export writes for a store in a format.
func exportOf(t *testing.T, db, format string) []byte {
	t.Helper()
	code, stdout, stderr := runCLI(t, "export", "--db", db, "--format", format)
	if code != 0 {
		t.Fatalf("export --db %s: %s", db, stderr)
	}
	return []byte(stdout)
}

// rowCount counts the rows of a table of a store.
func rowCount(t *testing.T, db, table string) int {
	t.Helper()
	st, err := openReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := 0
	if err := st.EachRow(t.Context(), table, func([]string, []any) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
