package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

// storedFixtures are the text dumps extractDB stores: three articles
// published on 2019-06-07, 2023-03-14 and 2023-03-17 (+06:00).
var storedFixtures = []string{
	"dump_kazinform_a_president2019.txt",
	"dump_ic24_majilis2023.txt",
	"dump_kazinform_amp_karaganda2023.txt",
}

// extractDB stores the facts of storedFixtures in a new database and
// returns its path and fact count.
func extractDB(t *testing.T) (string, int) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "obsfacts.db")
	args := []string{"extract", "--db", db}
	for _, name := range storedFixtures {
		args = append(args, fixturePage(name))
	}
	if code, _, errOut := runCLI(t, args...); code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, errOut)
	}
	return db, factCount(t, db)
}

func factCount(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.FactCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s holds no facts", db)
	}
	return n
}

// jsonlRows parses JSON Lines output, checking that every line has the keys
// of export.Columns in that order.
func jsonlRows(t *testing.T, out string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row map[string]any
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", len(rows)+1, err, sc.Text())
		}
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		var keys []string
		dec.Token() // {
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, k.(string))
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(keys, export.Columns) {
			t.Fatalf("line %d keys %q, want %q", len(rows)+1, keys, export.Columns)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestExportFormats checks that CSV and JSON Lines hold the same rows, one
// per stored fact, with the columns of the fact model, on stdout or written
// atomically to -o FILE.
func TestExportFormats(t *testing.T) {
	db, facts := extractDB(t)
	code, out, errOut := runCLI(t, "export", "--db", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("export csv: exit %d\n%s", code, errOut)
	}
	header, csvRecs := csvRows(t, out)
	if !slices.Equal(header, export.Columns) {
		t.Errorf("CSV header %q, want %q", header, export.Columns)
	}
	if len(csvRecs) != facts {
		t.Errorf("CSV has %d rows, store %d facts", len(csvRecs), facts)
	}
	var ids []string
	for _, r := range csvRecs {
		ids = append(ids, r["fact_id"])
	}

	tests := []struct {
		name   string
		args   []string // after --db; OUT stands for the -o file
		format string   // expected output format
	}{
		{"jsonl to stdout", []string{"--format", "jsonl"}, "jsonl"},
		{"csv to file", []string{"-o", "OUT.csv"}, "csv"},
		{"jsonl to file by extension", []string{"-o", "OUT.jsonl"}, "jsonl"},
		{"format flag beats extension", []string{"--format", "csv", "-o", "OUT.jsonl"}, "csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var path string
			args := []string{"export", "--db", db}
			for _, a := range tt.args {
				if strings.HasPrefix(a, "OUT") {
					path = filepath.Join(dir, "facts"+strings.TrimPrefix(a, "OUT"))
					a = path
				}
				args = append(args, a)
			}
			code, out, errOut := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			if path != "" {
				if out != "" {
					t.Errorf("stdout with -o: %q", out)
				}
				if want := strconv.Itoa(facts) + " facts written to " + path; !strings.Contains(errOut, want) {
					t.Errorf("stderr does not say %q:\n%s", want, errOut)
				}
				entries, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				if len(entries) != 1 || entries[0].Name() != filepath.Base(path) {
					var names []string
					for _, e := range entries {
						names = append(names, e.Name())
					}
					t.Errorf("directory holds %q, want only %s", names, filepath.Base(path))
				}
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				out = string(data)
			}
			var got []string
			switch tt.format {
			case "csv":
				header, recs := csvRows(t, out)
				if !slices.Equal(header, export.Columns) {
					t.Errorf("CSV header %q", header)
				}
				for _, r := range recs {
					got = append(got, r["fact_id"])
				}
			case "jsonl":
				for _, r := range jsonlRows(t, out) {
					got = append(got, r["fact_id"].(string))
				}
			}
			if !slices.Equal(got, ids) {
				t.Errorf("fact ids %q, want those of the CSV export %q", got, ids)
			}
		})
	}
}

// TestExportFilter checks --since and --until against the publication date
// at the site's offset, both ends included; a year or month stands for its
// first day after --since and its last day after --until.
func TestExportFilter(t *testing.T) {
	db, facts := extractDB(t)
	code, out, errOut := runCLI(t, "export", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	_, all := csvRows(t, out)
	if len(all) != facts {
		t.Fatalf("export has %d rows, store %d facts", len(all), facts)
	}
	tests := []struct {
		since, until string
		first, last  string // the days they stand for, when not the same
		empty        bool   // no article falls in the range
	}{
		{since: "2023-03-15"},
		{until: "2023-03-14"}, // 2023-03-14T00:00+06:00 is still 13 March in UTC
		{since: "2023-03-14", until: "2023-03-14"},
		{since: "2019-06-07", until: "2023-03-13"},
		{since: "2024-01-01", empty: true},
		{since: "2023-03", until: "2023-03", first: "2023-03-01", last: "2023-03-31"},
		{since: "2019", until: "2019", first: "2019-01-01", last: "2019-12-31"},
		{since: "2019-07", until: "2022", first: "2019-07-01", last: "2022-12-31", empty: true},
	}
	for _, tt := range tests {
		t.Run(tt.since+"_"+tt.until, func(t *testing.T) {
			first, last := cmp.Or(tt.first, tt.since), cmp.Or(tt.last, tt.until)
			var want []string
			for _, r := range all {
				day := r["published_at"][:10]
				if (first == "" || day >= first) && (last == "" || day <= last) {
					want = append(want, r["fact_id"])
				}
			}
			if (len(want) == 0) != tt.empty {
				t.Fatalf("fixture: %d facts in range", len(want))
			}
			args := []string{"export", "--db", db}
			if tt.since != "" {
				args = append(args, "--since", tt.since)
			}
			if tt.until != "" {
				args = append(args, "--until", tt.until)
			}
			code, out, errOut := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			_, rows := csvRows(t, out)
			var got []string
			for _, r := range rows {
				got = append(got, r["fact_id"])
			}
			if !slices.Equal(got, want) {
				t.Errorf("fact ids %q, want %q", got, want)
			}
		})
	}
}

// TestExportErrors checks that bad flags and a missing database fail with a
// message and leave no file behind.
func TestExportErrors(t *testing.T) {
	db, _ := extractDB(t)
	tests := []struct {
		name string
		args []string // DB stands for the database, OUT for the -o file
		code int
		msg  string
	}{
		{"bad since", []string{"--db", "DB", "--since", "2023-3-14", "-o", "OUT"}, 2, `--since "2023-3-14": want a date: 2022, 2022-11 or 2022-11-20`},
		{"bad until", []string{"--db", "DB", "--until", "2023-02-30"}, 2, `--until "2023-02-30"`},
		{"since after until", []string{"--db", "DB", "--since", "2023-04", "--until", "2023-03-31", "-o", "OUT"}, 2, "--since 2023-04 is after --until 2023-03-31"},
		{"unknown format", []string{"--db", "DB", "--format", "xml", "-o", "OUT"}, 2, `--format "xml": unknown format`},
		{"unknown extension", []string{"--db", "DB", "-o", "OUT.xlsx"}, 2, "-o OUT.xlsx: cannot tell the format from the file name"},
		{"missing directory", []string{"--db", "DB", "-o", "OUT/no/such.csv"}, 1, "-o OUT/no/such.csv: no such directory\n"},
		{"unknown flag", []string{"--db", "DB", "--nosuch"}, 2, "unknown flag --nosuch"},
		{"stray argument", []string{"--db", "DB", "facts.csv"}, 2, `unexpected argument "facts.csv"`},
		{"missing database", []string{"--db", "MISSING", "-o", "OUT"}, 1, "no database at MISSING"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			missing := filepath.Join(dir, "nosuch.db")
			repl := strings.NewReplacer("DB", db, "OUT", filepath.Join(dir, "facts.csv"), "MISSING", missing)
			args := []string{"export"}
			for _, a := range tt.args {
				args = append(args, repl.Replace(a))
			}
			code, out, errOut := runCLI(t, args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			if msg := repl.Replace(tt.msg); !strings.Contains(errOut, msg) {
				t.Errorf("stderr does not say %q:\n%s", msg, errOut)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				t.Errorf("left %s behind", e.Name())
			}
		})
	}
}

// TestElections checks one row per election and observer group, every one
// with its election date, accounting for every stored fact.
func TestElections(t *testing.T) {
	db, facts := extractDB(t)
	_, out, _ := runCLI(t, "export", "--db", db)
	_, all := csvRows(t, out)
	groups := map[string]bool{}
	for _, r := range all {
		if r["election_date"] == "" {
			t.Fatalf("fixture fact %s has no election date", r["fact_id"])
		}
		groups[r["election_date"]+"|"+r["election_type"]+"|"+r["subject_code"]] = true
	}

	code, out, errOut := runCLI(t, "elections", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	header, rows := csvRows(t, out)
	if !slices.Equal(header, export.ElectionColumns) {
		t.Errorf("header %q, want %q", header, export.ElectionColumns)
	}
	if len(rows) != len(groups) {
		t.Errorf("%d rows, want %d (one per election and group)", len(rows), len(groups))
	}
	seen := map[string]bool{}
	sum := 0
	for _, r := range rows {
		key := r["election_date"] + "|" + r["election_type"] + "|" + r["subject_code"]
		if !groups[key] || seen[key] {
			t.Errorf("row %s: unknown or repeated", key)
		}
		seen[key] = true
		n, err := strconv.Atoi(r["facts"])
		if err != nil {
			t.Errorf("row %s: facts %q", key, r["facts"])
		}
		if got := len(strings.Fields(r["fact_ids"])); got != n {
			t.Errorf("row %s: %d fact ids for %d facts", key, got, n)
		}
		sum += n
	}
	if sum != facts {
		t.Errorf("rows account for %d facts, store holds %d", sum, facts)
	}

	if code, _, errOut := runCLI(t, "elections", "--db", filepath.Join(t.TempDir(), "nosuch.db")); code != 1 || !strings.Contains(errOut, "no database at") {
		t.Errorf("missing database: exit %d\n%s", code, errOut)
	}
}

// TestStats checks the totals stats prints.
func TestStats(t *testing.T) {
	db, facts := extractDB(t)
	code, out, errOut := runCLI(t, "stats", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	n := strconv.Itoa(len(storedFixtures))
	for _, re := range []string{
		`(?m)^  pages +` + n + ` `,
		`(?m)^  articles +` + n + `$`,
		`(?m)^  facts +` + strconv.Itoa(facts) + `$`,
		`(?m)^  runs +1$`,
		`(?m)^  1 +extract +\d{4}-\d\d-\d\d \d\d:\d\d +\S+ +completed +inputs ` + n + `, facts ` + strconv.Itoa(facts) + ` +` + n + ` inputs$`,
		`(?m)^  \(none\) +2019-06 +1 +0$`, // text dumps: no host, published in June 2019, fetched now
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("stats do not match %s:\n%s", re, out)
		}
	}
}

// TestReextract checks that re-extracting the stored pages with the same
// extractor keeps the same facts.
func TestReextract(t *testing.T) {
	db, before := extractDB(t)
	_, want, _ := runCLI(t, "export", "--db", db)
	code, _, errOut := runCLI(t, "reextract", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	summary := strconv.Itoa(len(storedFixtures)) + " articles, " + strconv.Itoa(before) + " facts, 0 failed"
	if !strings.Contains(errOut, summary) {
		t.Errorf("stderr does not say %q:\n%s", summary, errOut)
	}
	if after := factCount(t, db); after != before {
		t.Errorf("%d facts after reextract, %d before", after, before)
	}
	_, got, _ := runCLI(t, "export", "--db", db)
	if got != want {
		t.Errorf("export changed after reextract:\n got %s\nwant %s", got, want)
	}
}

// TestExportSite checks that --site takes a crawler profile (every host it
// covers, also in a database filled by extract) or a host with its
// subdomains, and that a value matching nothing is an error.
func TestExportSite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sites.db")
	pages := map[string]string{ // fixture -> its publisher host
		"kazinform_a_majilis2021.html":    "www.inform.kz",
		"kazinform_c_kyrgyzstan2026.html": "qazinform.com",
		"qazaqtv_president2022.html":      "qazaqtv.com",
		"generic_tass_russia2024.html":    "tass.com",
	}
	args := []string{"extract", "--db", db, "-o", filepath.Join(t.TempDir(), "all.csv")}
	for name := range pages {
		args = append(args, fixturePage(name))
	}
	if code, _, errOut := runCLI(t, args...); code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, errOut)
	}
	tests := []struct {
		site  string
		hosts []string // hosts of the rows wanted; nil: a usage error
	}{
		{"kazinform", []string{"qazinform.com", "www.inform.kz"}},
		{"inform.kz", []string{"www.inform.kz"}},
		{"www.inform.kz", []string{"www.inform.kz"}},
		{"qazaqtv", []string{"qazaqtv.com"}},
		{"TASS.com", []string{"tass.com"}},
		{"en.inform.kz", []string{}}, // a host of a profile: known, though none stored
		{"example.org", nil},
	}
	for _, tt := range tests {
		t.Run(tt.site, func(t *testing.T) {
			code, out, errOut := runCLI(t, "export", "--db", db, "--site", tt.site)
			if tt.hosts == nil {
				if code != 2 || !strings.Contains(errOut, `--site "example.org": no such profile or host`) || !strings.Contains(errOut, "tass.com") {
					t.Errorf("exit %d, want 2 with the hosts stored\n%s", code, errOut)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			_, rows := csvRows(t, out)
			got := map[string]bool{}
			for _, r := range rows {
				got[r["site"]] = true
			}
			gotHosts := slices.Sorted(maps.Keys(got))
			if !slices.Equal(gotHosts, tt.hosts) && !(len(gotHosts) == 0 && len(tt.hosts) == 0) {
				t.Errorf("rows from %v, want %v", gotHosts, tt.hosts)
			}
		})
	}
}

// TestElectionsReconcile stores testdata/elections: seven articles about
// Kazakhstan's 2022-11-20 presidential election (interim totals, the final
// total, a later article restating an interim total, one restating the
// final total, one with no date of its own, an organisation's "about 300"),
// and two articles whose election is unknown. The all-observers row gives
// the final total; the unknown ones get a row each.
func TestElectionsReconcile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "elections.db")
	pages, err := filepath.Glob(filepath.Join("..", "..", "testdata", "elections", "*.html"))
	if err != nil || len(pages) != 9 {
		t.Fatalf("fixtures: %d pages (%v)", len(pages), err)
	}
	if code, _, errOut := runCLI(t, append([]string{"extract", "--db", db, "-o", filepath.Join(t.TempDir(), "f.csv")}, pages...)...); code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, errOut)
	}
	code, out, errOut := runCLI(t, "elections", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	_, rows := csvRows(t, out)
	byKey := map[string]map[string]string{}
	var unknown []map[string]string
	for _, r := range rows {
		if r["election_unknown"] == "true" {
			unknown = append(unknown, r)
			continue
		}
		byKey[r["election_country"]+" "+r["election_date"]+" "+r["election_type"]+" "+r["subject_code"]] = r
	}
	all := byKey["KZ 2022-11-20 presidential ALL"]
	if all == nil {
		t.Fatalf("no all-observers row of KZ 2022-11-20:\n%s", out)
	}
	for col, want := range map[string]string{"latest_accredited": "295", "latest_as_of": "2022-11-16", "articles": "6",
		"largest": "295", "largest_qualifier": "exact", "election_unknown": "false"} {
		if all[col] != want {
			t.Errorf("all-observers row: %s = %q, want %q", col, all[col], want)
		}
	}
	odihr := byKey["KZ 2022-11-20 presidential OSCE-ODIHR"]
	if odihr == nil || odihr["largest"] != "300" || odihr["largest_qualifier"] != "about" || odihr["largest_status"] != "expected" || odihr["latest_accredited"] != "" {
		t.Errorf("ODIHR row %v: want largest 300, about, expected, no accredited count", odihr)
	}
	if len(unknown) != 2 {
		t.Fatalf("%d rows with an unknown election, want one per article (2):\n%s", len(unknown), out)
	}
	for _, r := range unknown {
		if r["articles"] != "1" || r["election_date"] != "" || r["subject_code"] != "CIS" {
			t.Errorf("unknown-election row %v: want one article, no date", r)
		}
	}
	if unknown[0]["fact_ids"] == unknown[1]["fact_ids"] {
		t.Errorf("the two unknown-election rows hold the same facts")
	}

	code, out, _ = runCLI(t, "elections", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatal("jsonl: exit", code)
	}
	first, _, _ := strings.Cut(out, "\n")
	var row map[string]any
	if err := json.Unmarshal([]byte(first), &row); err != nil {
		t.Fatal(err)
	}
	if row["election_unknown"] != true || row["election_date"] != nil || row["latest_accredited"] != nil {
		t.Errorf("jsonl: unknown election as %v, date %v, latest %v; want true, null, null", row["election_unknown"], row["election_date"], row["latest_accredited"])
	}
}
