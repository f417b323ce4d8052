package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzCSV writes rows whose text cells hold arbitrary strings, in CSV and
// TSV, neutralised or raw, and reads them back with encoding/csv: the file
// always parses to the header and one record of every column; raw cells come
// back as written, neutralised ones as Neutralize made them; integer cells
// are never touched. Seeds are in testdata/fuzz/FuzzCSV; .ci/run fuzzes it
// briefly:
//
//	go test -run '^$' -fuzz '^FuzzCSV$' -fuzztime 5s ./export
func FuzzCSV(f *testing.F) {
	f.Add("=HYPERLINK(\"http://x\")", -3, false, false, false)
	f.Fuzz(func(t *testing.T, text string, n int, raw, bom, tsv bool) {
		r := sampleRow()
		r.Subject, r.Evidence, r.Title, r.CheckNote = text, "«"+text+"»", text+"\n"+text, text
		r.Observers, r.CharStart = n, -n
		opts := CSVOptions{Raw: raw, BOM: bom}
		if tsv {
			opts.Comma = '\t'
		}
		var buf bytes.Buffer
		w := NewCSVWriter(&buf, opts)
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		if bom {
			if !bytes.HasPrefix(out, []byte("\uFEFF")) {
				t.Fatal("no byte order mark")
			}
			out = out[len("\uFEFF"):]
		}
		rd := csv.NewReader(bytes.NewReader(out))
		rd.Comma = cmpComma(opts.Comma)
		recs, err := rd.ReadAll()
		if err != nil {
			t.Fatalf("the file does not parse: %v\n%q", err, out)
		}
		if len(recs) != 2 || !slices.Equal(recs[0], Columns) || len(recs[1]) != len(Columns) {
			t.Fatalf("%d records, want the header and one row of %d cells:\n%q", len(recs), len(Columns), out)
		}
		for i, want := range r.Values() {
			if !numeric[Columns[i]] && !raw {
				want = Neutralize(want)
			}
			// encoding/csv reads a quoted "\r\n" as "\n", as most readers do.
			want = strings.ReplaceAll(want, "\r\n", "\n")
			if got := recs[1][i]; got != want {
				t.Errorf("%s: read back %q, wrote %q", Columns[i], got, want)
			}
		}
		if got := recs[1][slices.Index(Columns, "observers")]; got != strconv.Itoa(n) {
			t.Errorf("observers %q, want %d", got, n)
		}
	})
}

func cmpComma(c rune) rune {
	if c == 0 {
		return ','
	}
	return c
}
