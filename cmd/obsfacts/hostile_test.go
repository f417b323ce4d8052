package main

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// TestCrawlAllowPrivate checks that a crawl refuses a server on a loopback
// address unless --allow-private is given or --resolve names the host.
func TestCrawlAllowPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Observers arrive</title></head><body><article><h1>Observers arrive</h1>
<p>The CEC accredited 12 observers from the OSCE on Monday, its press service said.</p></article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	start := srv.URL + "/news/observers-arrive"
	for _, tc := range []struct {
		name     string
		flags    []string
		articles int
	}{
		{"refused by default", nil, 0},
		{"--allow-private", []string{"--allow-private"}, 1},
		{"--resolve names the host", []string{"--resolve", "127.0.0.1=" + srv.Listener.Addr().String()}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "crawl.db")
			args := append([]string{"crawl", "--db", db, "--delay", "0", "--retries", "0", "--start", start}, tc.flags...)
			code, _, stderr := runCLI(t, args...)
			// A crawl that fetched nothing may exit 1; never with a usage error.
			if code != 0 && (tc.articles > 0 || code != 1) {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if got := len(readResult(t, db).pages); got != tc.articles {
				t.Errorf("%d articles stored, want %d\n%s", got, tc.articles, stderr)
			}
		})
	}
}

// folderState is every file of a folder with its sha256.
func folderState(t *testing.T, dir string) map[string][32]byte {
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

// TestOtherFilesUntouched runs every command on files that are not obsfacts
// stores: each is refused with a message saying so, and the file and its
// folder stay byte for byte as they were.
func TestOtherFilesUntouched(t *testing.T) {
	shapes := []struct {
		name string
		make func(t *testing.T, path string)
		want string // in the message of the commands given the file as --db
	}{
		{"another program's SQLite database", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, q := range []string{`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('call the printer')`} {
				if _, err := db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
		}, "not an obsfacts database"},
		{"another program's pages table", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE pages (url TEXT, visits INTEGER)`); err != nil {
				t.Fatal(err)
			}
		}, "not an obsfacts database"},
		{"zero-byte file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "empty file"},
	}
	page := fixturePage("kazinform_a_majilis2021.html")
	commands := []struct {
		name  string
		args  func(db string) []string
		reads bool // a read command: it refuses a zero-byte file too
	}{
		{"export", func(db string) []string { return []string{"export", "--db", db} }, true},
		{"export -o", func(db string) []string {
			return []string{"export", "--db", db, "-o", filepath.Join(os.TempDir(), "obsfacts-untouched.csv")}
		}, true},
		{"elections", func(db string) []string { return []string{"elections", "--db", db} }, true},
		{"stats", func(db string) []string { return []string{"stats", "--db", db} }, true},
		{"eval", func(db string) []string { return []string{"eval", "--gold", db, db} }, true},
		{"reextract", func(db string) []string { return []string{"reextract", "--db", db} }, false},
		{"crawl", func(db string) []string {
			return []string{"crawl", "--db", db, "--start", "http://127.0.0.1:9/none", "--retries", "0"}
		}, false},
		{"extract --db", func(db string) []string { return []string{"extract", "--db", db, page} }, false},
	}
	for _, shape := range shapes {
		for _, c := range commands {
			if shape.name == "zero-byte file" && !c.reads {
				continue // writing commands make a new store of an empty file
			}
			t.Run(shape.name+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				db := filepath.Join(dir, "notes.db")
				shape.make(t, db)
				before := folderState(t, dir)
				code, _, stderr := runCLI(t, c.args(db)...)
				// eval reads its --gold file and inputs as text: not a database.
				if c.name != "eval" && code == 0 {
					t.Errorf("exit 0, want a refusal")
				}
				if c.name != "eval" && !strings.Contains(stderr, shape.want) {
					t.Errorf("stderr lacks %q:\n%s", shape.want, stderr)
				}
				after := folderState(t, dir)
				if !maps.Equal(before, after) {
					t.Errorf("the folder changed: %q before, %q after (or a file's bytes)",
						slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
				}
			})
		}
	}
}

// TestReadCommandsLeaveStoreAlone checks that the read commands leave an
// obsfacts store's file byte for byte as it was: no migration, no journal
// mode switch, no run recorded.
func TestReadCommandsLeaveStoreAlone(t *testing.T) {
	db, _ := extractDB(t)
	want := folderState(t, filepath.Dir(db))[filepath.Base(db)]
	for _, args := range [][]string{
		{"export", "--db", db},
		{"export", "--db", db, "--format", "jsonl"},
		{"elections", "--db", db},
		{"stats", "--db", db},
	} {
		if code, _, stderr := runCLI(t, args...); code != 0 {
			t.Fatalf("%q: exit %d\n%s", args, code, stderr)
		}
		if got := folderState(t, filepath.Dir(db))[filepath.Base(db)]; got != want {
			t.Errorf("%q changed the store file", args)
		}
	}
}
