package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

// runCLI runs the obsfacts command in-process, as main does.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// fixturePage is a page of testdata/pages that states facts.
func fixturePage(name string) string {
	return filepath.Join("..", "..", "testdata", "pages", name)
}

// csvRows parses CSV output with a header into one map per data row.
func csvRows(t *testing.T, out string) (header []string, rows []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	if len(recs) == 0 {
		t.Fatalf("no CSV header in output")
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, v := range rec {
			row[header[i]] = v
		}
		rows = append(rows, row)
	}
	return header, rows
}

// factIDs lists the fact_id of the rows whose source is src, in order.
func factIDs(rows []map[string]string, src string) []string {
	var ids []string
	for _, r := range rows {
		if r["source"] == src {
			ids = append(ids, r["fact_id"])
		}
	}
	return ids
}

// ruPage is a small Russian article page; charset is its <meta> charset, if any.
func ruPage(charset string) string {
	meta := ""
	if charset != "" {
		meta = `<meta charset="` + charset + `">`
	}
	return `<!DOCTYPE html>
<html><head>` + meta + `<title>ЦИК аккредитовал 120 иностранных наблюдателей</title></head>
<body><article><h1>ЦИК аккредитовал 120 иностранных наблюдателей</h1>
<time datetime="2022-11-15T10:00:00+06:00">15 ноября 2022</time>
<p>АСТАНА. Центральная избирательная комиссия к 14 ноября аккредитовала 120 иностранных наблюдателей на выборы Президента, назначенные на 20 ноября.</p>
<p>Наблюдатели представляют девять международных организаций и двадцать государств.</p>
</article></body></html>
`
}

func windows1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// invalidUTF8Page states a fact; its title and a later sentence carry bytes
// that are neither UTF-8 nor Cyrillic.
const invalidUTF8Page = "Observers arriv\xe9 in the capital\n\n" +
	"As of November 14, the Central Election Commission has accredited 120 foreign observers for the presidential election on November 20, 2022.\n" +
	"The briefing took place in the Caf\xe9 \xff\xfe hall.\n"

// newInputServer serves the URL inputs of the extract tests.
func newInputServer(t *testing.T) *httptest.Server {
	t.Helper()
	good, err := os.ReadFile(fixturePage("dump_kazinform_a_president2019.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ru := windows1251(t, ruPage(""))
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(good)
		case "/ru":
			w.Header().Set("Content-Type", "text/html; charset=windows-1251")
			w.Write(ru)
		case "/big":
			w.Header().Set("Content-Type", "text/plain")
			w.Write(bytes.Repeat([]byte("Observers arrived in the capital.\n"), 2000))
		case "/stall":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!DOCTYPE html><html><head><title>Observers"))
			w.(http.Flusher).Flush()
			fallthrough
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-stop:
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) }) // runs first: frees a blocked handler so Close returns
	return srv
}

// TestExtractInputs runs extract on one input of each kind followed by a
// good one: a bad input is reported by name with the reason and fails the
// run, the good input's facts still come out.
func TestExtractInputs(t *testing.T) {
	srv := newInputServer(t)
	good := fixturePage("dump_ic24_majilis2023.txt")
	code, out, errOut := runCLI(t, "extract", good)
	if code != 0 {
		t.Fatalf("good input alone: exit %d\n%s", code, errOut)
	}
	_, rows := csvRows(t, out)
	wantGood := factIDs(rows, good)
	if len(wantGood) == 0 {
		t.Fatalf("%s yields no facts", good)
	}

	file := func(name string, data []byte) func(t *testing.T) string {
		return func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	url := func(path string) func(t *testing.T) string {
		return func(*testing.T) string { return srv.URL + path }
	}
	tests := []struct {
		name  string
		flags []string
		input func(t *testing.T) string
		code  int
		msg   []string // the stderr line naming the input contains these
		count int      // a fact with this count comes from the input; 0: no facts
		title string   // the title of the input's rows contains this
	}{
		{
			name:  "missing file",
			input: func(t *testing.T) string { return filepath.Join(t.TempDir(), "nosuch.html") },
			code:  1, msg: []string{"no such file"},
		},
		{
			name:  "empty file",
			input: file("empty.html", nil),
			code:  1, msg: []string{"empty page"},
		},
		{
			name:  "blank file",
			input: file("blank.txt", []byte(" \n\t\r\n ")),
			code:  1, msg: []string{"empty page"},
		},
		{
			name:  "binary file",
			input: file("image.html", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 300)...)),
			code:  1, msg: []string{"binary"},
		},
		{
			name:  "directory",
			input: func(t *testing.T) string { return t.TempDir() },
			code:  1, msg: []string{"is a directory"},
		},
		{
			name: "50 MB file",
			input: func(t *testing.T) string {
				p := filepath.Join(t.TempDir(), "huge.html")
				f, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := f.Truncate(50 << 20); err != nil { // sparse: nothing is written
					t.Fatal(err)
				}
				return p
			},
			code: 1, msg: []string{"50.0 MB", "16.0 MB limit", "--max-size"},
		},
		{
			name:  "URL over --max-size",
			flags: []string{"--max-size", "4096"},
			input: url("/big"),
			code:  1, msg: []string{"larger than the 4.0 KB limit"},
		},
		{
			name:  "URL times out",
			flags: []string{"--timeout", "200ms"},
			input: url("/slow"),
			code:  1, msg: []string{"timed out after 200ms", "--timeout"},
		},
		{
			name:  "URL stalls mid-page",
			flags: []string{"--timeout", "200ms"},
			input: url("/stall"),
			code:  1, msg: []string{"timed out after 200ms while reading", "--timeout"},
		},
		{
			name:  "URL not found",
			input: url("/nosuch"),
			code:  1, msg: []string{"HTTP 404"},
		},
		{
			name:  "good URL",
			input: url("/good"),
			count: 1003,
			title: "foreign observers",
		},
		{
			name:  "windows-1251 file with meta charset",
			input: file("ru.html", windows1251(t, ruPage("windows-1251"))),
			count: 120,
			title: "ЦИК аккредитовал 120 иностранных наблюдателей",
		},
		{
			name:  "windows-1251 URL with Content-Type charset",
			input: url("/ru"),
			count: 120,
			title: "ЦИК аккредитовал 120 иностранных наблюдателей",
		},
		{
			// Decoding replaces the bad bytes with U+FFFD: a warning, not a
			// failure; the page's facts still count.
			name:  "invalid UTF-8 file",
			input: file("bad-utf8.txt", []byte(invalidUTF8Page)),
			msg:   []string{"WARN", "invalid UTF-8", "U+FFFD"},
			count: 120,
			title: "Observers arriv\uFFFD in",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input(t)
			args := append(append([]string{"extract"}, tt.flags...), in, good)
			code, out, errOut := runCLI(t, args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, tt.code, errOut)
			}
			header, rows := csvRows(t, out)
			if !slices.Equal(header, export.Columns) {
				t.Errorf("header %q, want %q", header, export.Columns)
			}
			if got := factIDs(rows, good); !slices.Equal(got, wantGood) {
				t.Errorf("facts of the good input: got %q, want %q", got, wantGood)
			}
			if !utf8.ValidString(out) {
				t.Errorf("output is not valid UTF-8")
			}

			var line string
			for l := range strings.Lines(errOut) {
				if strings.Contains(l, in) {
					line = l
					break
				}
			}
			switch {
			case len(tt.msg) > 0 && line == "":
				t.Errorf("no message names %s; stderr:\n%s", in, errOut)
			case len(tt.msg) == 0 && line != "":
				t.Errorf("unexpected message: %s", line)
			}
			for _, m := range tt.msg {
				if line != "" && !strings.Contains(line, m) {
					t.Errorf("message %q does not say %q", line, m)
				}
			}
			if failed := strings.Contains(errOut, "1 of 2 inputs failed"); failed != (tt.code != 0) {
				t.Errorf("summary of failures: %v, want %v; stderr:\n%s", failed, tt.code != 0, errOut)
			}

			var counts []string
			for _, r := range rows {
				if r["source"] != in {
					continue
				}
				counts = append(counts, r["observers"])
				if !strings.Contains(r["title"], tt.title) {
					t.Errorf("title %q, want it to contain %q", r["title"], tt.title)
				}
			}
			if tt.count == 0 && len(counts) > 0 {
				t.Errorf("facts from a failed input: counts %q", counts)
			}
			if tt.count != 0 && !slices.Contains(counts, strconv.Itoa(tt.count)) {
				t.Errorf("no fact with count %d from %s; counts %q\nstderr:\n%s", tt.count, in, counts, errOut)
			}
		})
	}
}

// TestExtractStore runs extract --db over good and bad inputs twice: the
// store holds the good inputs' pages and facts only, the same facts stdout
// shows, and a second run replaces rather than adds.
func TestExtractStore(t *testing.T) {
	srv := newInputServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "obsfacts.db")
	ru := filepath.Join(dir, "ru.html")
	if err := os.WriteFile(ru, windows1251(t, ruPage("windows-1251")), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(binary, []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := []string{fixturePage("dump_ic24_majilis2023.txt"), srv.URL + "/good", ru}
	bad := []string{filepath.Join(dir, "nosuch.txt"), binary, empty, srv.URL + "/nosuch", srv.URL + "/slow"}
	args := []string{"extract", "--db", db, "--timeout", "2s",
		good[0], bad[0], bad[1], good[1], bad[2], bad[3], bad[4], good[2]}

	var first []string
	for i := range 2 {
		code, out, errOut := runCLI(t, args...)
		if code != 1 {
			t.Fatalf("run %d: exit %d, want 1\n%s", i+1, code, errOut)
		}
		for _, in := range bad {
			if !strings.Contains(errOut, "obsfacts extract: "+in+": ") {
				t.Errorf("run %d: no message for %s\n%s", i+1, in, errOut)
			}
		}
		if !strings.Contains(errOut, "5 of 8 inputs failed") {
			t.Errorf("run %d: no summary of failures\n%s", i+1, errOut)
		}
		_, rows := csvRows(t, out)
		var ids []string
		for _, in := range good {
			got := factIDs(rows, in)
			if len(got) == 0 {
				t.Errorf("run %d: no facts from %s", i+1, in)
			}
			ids = append(ids, got...)
		}
		if len(ids) != len(rows) {
			t.Errorf("run %d: %d rows, %d from good inputs", i+1, len(rows), len(ids))
		}
		if i == 0 {
			first = ids
		} else if !slices.Equal(ids, first) {
			t.Errorf("second run wrote facts %q, first %q", ids, first)
		}

		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		n, err := st.FactCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(first) {
			t.Errorf("run %d: store holds %d facts, want %d", i+1, n, len(first))
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Totals.Pages != len(good) || stats.Totals.Articles != len(good) {
			t.Errorf("run %d: store holds %d pages, %d articles, want %d each", i+1, stats.Totals.Pages, stats.Totals.Articles, len(good))
		}
		var stored []string
		if err := st.Rows(ctx, store.Filter{}, func(r export.Row) error {
			stored = append(stored, r.FactID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(slices.Sorted(slices.Values(stored)), slices.Sorted(slices.Values(first))) {
			t.Errorf("run %d: stored facts %q, printed %q", i+1, stored, first)
		}
		if len(stats.Runs) == 0 || stats.Runs[0].Outcome != "completed" || stats.Runs[0].Note != "some inputs failed" {
			t.Errorf("run %d: runs %+v, want the last one completed with failed inputs", i+1, stats.Runs)
		}
		st.Close()
	}
}

func TestExtractUsage(t *testing.T) {
	good := fixturePage("dump_ic24_majilis2023.txt")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no input", nil, "no input given"},
		{"bad flag", []string{"--nosuch", good}, "unknown flag --nosuch"},
		{"bad flag value", []string{"--timeout", "soon", good}, `--timeout "soon": want a duration`},
		{"unknown format", []string{"--format", "xml", good}, `--format "xml": unknown format; use csv, tsv, jsonl`},
		{"unknown -o extension", []string{"-o", "facts.xlsx", good}, "-o facts.xlsx: cannot tell the format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "obsfacts.db")
			args := append([]string{"extract", "--db", db}, tt.args...)
			code, out, errOut := runCLI(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			if !strings.Contains(errOut, tt.msg) {
				t.Errorf("stderr does not say %q:\n%s", tt.msg, errOut)
			}
			if !strings.Contains(errOut, "Run 'obsfacts extract --help' for usage.") {
				t.Errorf("no pointer to the help:\n%s", errOut)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a usage error created the database (%v)", err)
			}
		})
	}
}
