package main

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
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

// TestOutputFileModes checks that -o writes as the shell's > does: a new
// file gets the mode the umask gives, an existing file keeps its mode, and a
// symlink stays a symlink to the file written. Not parallel: it sets the
// process's umask.
func TestOutputFileModes(t *testing.T) {
	db, _ := extractDB(t)
	tests := []struct {
		name    string
		umask   int
		prepare func(t *testing.T, dir string) // makes what is at dir/out.csv
		want    fs.FileMode                    // mode of the file written
		link    bool                           // out.csv stays a symlink
	}{
		{"new file, umask 022", 0o022, nil, 0o644, false},
		{"new file, umask 027", 0o027, nil, 0o640, false},
		{"existing file keeps 0640", 0o022, func(t *testing.T, dir string) {
			writeMode(t, filepath.Join(dir, "out.csv"), 0o640)
		}, 0o640, false},
		{"existing file keeps 0666 under umask 077", 0o077, func(t *testing.T, dir string) {
			writeMode(t, filepath.Join(dir, "out.csv"), 0o666)
		}, 0o666, false},
		{"symlink to a file", 0o022, func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "data"), 0o755)
			writeMode(t, filepath.Join(dir, "data", "facts.csv"), 0o604)
			symlink(t, filepath.Join("data", "facts.csv"), filepath.Join(dir, "out.csv"))
		}, 0o604, true},
		{"symlink to a symlink", 0o022, func(t *testing.T, dir string) {
			writeMode(t, filepath.Join(dir, "facts.csv"), 0o600)
			symlink(t, "middle.csv", filepath.Join(dir, "out.csv"))
			symlink(t, filepath.Join(dir, "facts.csv"), filepath.Join(dir, "middle.csv"))
		}, 0o600, true},
		{"dangling symlink", 0o022, func(t *testing.T, dir string) {
			symlink(t, "facts.csv", filepath.Join(dir, "out.csv"))
		}, 0o644, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			out := filepath.Join(dir, "out.csv")
			old := syscall.Umask(tt.umask)
			code, _, stderr := runCLI(t, "export", "--db", db, "-o", out)
			syscall.Umask(old)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			li, err := os.Lstat(out)
			if err != nil {
				t.Fatal(err)
			}
			if isLink := li.Mode()&fs.ModeSymlink != 0; isLink != tt.link {
				t.Errorf("out.csv is a symlink: %v, want %v", isLink, tt.link)
			}
			fi, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.want {
				t.Errorf("mode %04o, want %04o", got, tt.want)
			}
			if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "fact_id,") {
				t.Errorf("the file written through holds %.40q", b)
			}
			tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			sub, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp"))
			if tmp = append(tmp, sub...); len(tmp) > 0 {
				t.Errorf("temporary files left: %q", tmp)
			}
		})
	}
}

func writeMode(t *testing.T, path string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte("old\n"), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // WriteFile's mode passes the umask
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestExtractOddPage checks that a page with stray NULs, deep nesting and a
// charset label no browser decodes still gives its facts, with warnings.
func TestExtractOddPage(t *testing.T) {
	body := `<!DOCTYPE html><html><head><meta charset="iso-2022-kr"><title>Observers arrive</title></head><body>` +
		strings.Repeat("<div>", 600) + "<p>The CEC accredited 12 observers\x00 from the OSCE on Monday, its press service said.</p>" +
		strings.Repeat("</div>", 600) + `</body></html>`
	path := filepath.Join(t.TempDir(), "odd.html")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "extract", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	_, rows := csvRows(t, out)
	if len(rows) != 1 || rows[0]["count"] != "12" && rows[0]["observers"] != "12" {
		t.Errorf("rows %v, want the 12 observers", rows)
	}
	for _, w := range []string{"NUL bytes dropped", `charset \"iso-2022-kr\"`, "nested deeper"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}
