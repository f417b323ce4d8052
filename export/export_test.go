package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

func sampleRow() Row {
	return Row{
		FactID: "f1", Source: "https://en.example.kz/news/1", SourceURL: "https://en.example.kz/news/1",
		Site: "en.example.kz", Title: "Observers <arrive> & \"count\"", PublishedAt: "2022-11-18T10:05:00+06:00",
		ElectionDate: "2022-11-20", ElectionType: "presidential", Subject: "Assembly of the Commonwealth",
		SubjectCanonical: "Interparliamentary Assembly of the CIS", SubjectCode: "CIS-IPA",
		SubjectKind: extract.KindOrganization, Observers: 34, Qualifier: extract.QualExact,
		Status: extract.StatusAccredited, Evidence: "The Assembly –\n34 observers, so far.",
		CharStart: 10, CharEnd: 47, Rule: "dash-list", ExtractorVersion: "0.1.0",
		ContentSHA256: "abc", FetchedAt: "2022-11-19T08:00:00Z", Language: "en",
	}
}

func TestColumnsMatchRowTags(t *testing.T) {
	typ := reflect.TypeFor[Row]()
	if typ.NumField() != len(Columns) {
		t.Fatalf("Row has %d fields, Columns %d", typ.NumField(), len(Columns))
	}
	for i, col := range Columns {
		if tag := typ.Field(i).Tag.Get("json"); tag != col {
			t.Errorf("field %d (%s) tag %q, column %q", i, typ.Field(i).Name, tag, col)
		}
	}
	if got := len(sampleRow().Values()); got != len(Columns) {
		t.Errorf("Values has %d cells, want %d", got, len(Columns))
	}
}

func TestNewRow(t *testing.T) {
	almaty := time.FixedZone("", 6*3600)
	page := extract.Page{
		Source: "https://en.example.kz/a/1?utm=x", URL: "https://en.example.kz/a/1",
		Body: []byte("<html>x</html>"), FetchedAt: time.Date(2022, 11, 19, 14, 0, 0, 0, almaty),
	}
	art := extract.Article{URL: "https://en.example.kz/a/1", Site: "en.example.kz", Title: "T",
		PublishedAt: time.Date(2022, 11, 18, 10, 5, 0, 0, almaty), Author: "A", Section: "Elections", Language: "en"}
	fact := extract.Fact{ID: "f1", Subject: "CIS", Count: 55, CharStart: 3, CharEnd: 9, Spans: 4}
	tests := []struct {
		name string
		page extract.Page
		art  extract.Article
		want func(*Row)
	}{
		{"crawled", page, art, func(r *Row) {}},
		{"local file", extract.Page{Source: "dir/a.txt", Body: page.Body}, extract.Article{Title: "T"},
			func(r *Row) { r.SourceURL, r.Site, r.FetchedAt, r.PublishedAt = "dir/a.txt", "", "", "" }},
		{"site from url", page, extract.Article{URL: "https://ru.example.kz/x"},
			func(r *Row) { r.SourceURL, r.Site, r.PublishedAt = "https://ru.example.kz/x", "ru.example.kz", "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewRow(tt.page, tt.art, fact)
			if got.Source != tt.page.Source || got.ContentSHA256 != tt.page.SHA256() ||
				got.ExtractorVersion != extract.Version || got.Observers != 55 || got.Spans != 4 || got.CharEnd != 9 {
				t.Errorf("provenance/fact fields wrong: %+v", got)
			}
			want := Row{SourceURL: "https://en.example.kz/a/1", Site: "en.example.kz",
				PublishedAt: "2022-11-18T10:05:00+06:00", FetchedAt: "2022-11-19T08:00:00Z"}
			tt.want(&want)
			if got.SourceURL != want.SourceURL || got.Site != want.Site ||
				got.PublishedAt != want.PublishedAt || got.FetchedAt != want.FetchedAt {
				t.Errorf("got url=%q site=%q pub=%q fetched=%q, want %q %q %q %q",
					got.SourceURL, got.Site, got.PublishedAt, got.FetchedAt,
					want.SourceURL, want.Site, want.PublishedAt, want.FetchedAt)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	evil := sampleRow()
	evil.Subject = "=HYPERLINK(\"http://x\")"
	evil.Title = "+1 cmd"
	evil.Evidence = "- dash item\nnext line"
	evil.CheckNote = "@SUM(A1)"
	evil.Author = "\tx"
	evil.Section = "\rx"
	evil.Spans = 10
	tests := []struct {
		name string
		opts CSVOptions
		want map[string]string
	}{
		{"neutralised", CSVOptions{}, map[string]string{
			"subject": "'=HYPERLINK(\"http://x\")", "title": "'+1 cmd", "evidence": "'- dash item\nnext line",
			"check_note": "'@SUM(A1)", "author": "'\tx", "section": "'\rx", "observers": "34", "spans": "10", "site": "en.example.kz"}},
		{"raw", CSVOptions{Raw: true}, map[string]string{
			"subject": "=HYPERLINK(\"http://x\")", "title": "+1 cmd", "evidence": "- dash item\nnext line",
			"check_note": "@SUM(A1)", "author": "\tx", "section": "\rx", "observers": "34", "spans": "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewCSVWriter(&buf, tt.opts)
			if err := w.Write(evil); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(sampleRow()); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 3 || !reflect.DeepEqual(recs[0], Columns) {
				t.Fatalf("got %d records, header %q", len(recs), recs[0])
			}
			for i, col := range Columns {
				if want, ok := tt.want[col]; ok && recs[1][i] != want {
					t.Errorf("%s = %q, want %q", col, recs[1][i], want)
				}
			}
			if got := recs[2][slices.Index(Columns, "spans")]; got != "" {
				t.Errorf("zero spans = %q, want empty", got)
			}
		})
	}
}

func TestCSVHeaderOnlyAndBOM(t *testing.T) {
	tests := []struct {
		opts CSVOptions
		want string
	}{
		{CSVOptions{}, strings.Join(Columns, ",") + "\n"},
		{CSVOptions{BOM: true}, "\uFEFF" + strings.Join(Columns, ",") + "\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w := NewCSVWriter(&buf, tt.opts)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil { // a second Flush must not repeat the header
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("BOM=%v: got %q", tt.opts.BOM, buf.String())
		}
	}
}

func TestJSONL(t *testing.T) {
	r1 := sampleRow()
	r1.Subject = "=cmd" // never neutralised in JSON
	r2 := sampleRow()
	r2.Spans = 10
	r2.Evidence = "line\u2028sep \x01 bad\xff"
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	for _, r := range []Row{r1, r2} {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines: %q", len(lines), buf.String())
	}
	// Keys in column order, numbers as numbers, missing values null.
	dec := json.NewDecoder(strings.NewReader(lines[0]))
	var keys []string
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		switch k {
		case "observers", "char_start", "char_end":
			if _, ok := v.(float64); !ok {
				t.Errorf("%s is %T, want number", k, v)
			}
		case "spans", "as_of", "election_country", "check_note", "author", "published_date":
			if v != nil {
				t.Errorf("%s = %v, want null", k, v)
			}
		case "subject":
			if v != "=cmd" {
				t.Errorf("subject = %q, want raw", v)
			}
		}
	}
	if !reflect.DeepEqual(keys, Columns) {
		t.Errorf("keys %q\nwant %q", keys, Columns)
	}
	if !strings.Contains(lines[0], `<arrive> & \"count\"`) {
		t.Errorf("title escaped for HTML: %s", lines[0])
	}
	// Round trip through encoding/json.
	for i, want := range []Row{r1, r2} {
		var got Row
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if i == 1 {
			want.Evidence = "line\u2028sep \x01 bad\uFFFD"
		}
		if got != want {
			t.Errorf("line %d round trip:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

func TestNewWriter(t *testing.T) {
	tests := []struct {
		format  string
		wantErr bool
		prefix  string
	}{
		{"csv", false, "fact_id,source"},
		{"JSONL", false, `{"fact_id":"f1"`},
		{"tsv", false, "fact_id\tsource"},
		{"xlsx", true, ""},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, tt.format, CSVOptions{})
		if (err != nil) != tt.wantErr {
			t.Fatalf("%s: err = %v", tt.format, err)
		}
		if err != nil {
			if !strings.Contains(err.Error(), "xlsx") {
				t.Errorf("error does not name the format: %v", err)
			}
			continue
		}
		if err := w.Write(sampleRow()); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(buf.String(), tt.prefix) {
			t.Errorf("%s: output %q", tt.format, buf.String())
		}
	}
	for path, want := range map[string]string{"out.JSONL": "jsonl", "x.ndjson": "jsonl", "x.csv": "csv", "x.TSV": "tsv",
		"no extension": "", "x.xlsx": "", "x.json": ""} {
		if got, ok := FormatOf(path); got != want || ok != (want != "") {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}

// TestNewRowDateOnly: a publication date without a known time of day or
// offset is written as a bare date, and names no UTC instant.
func TestNewRowDateOnly(t *testing.T) {
	art := extract.Article{Title: "T", PublishedAt: time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), DateOnly: true}
	got := NewRow(extract.Page{Source: "a.html"}, art, extract.Fact{ID: "f1", Subject: "CIS", Count: 5})
	if got.PublishedAt != "2019-11-19" || got.PublishedUTC != "" || got.PublishedDate != "2019-11-19" {
		t.Errorf("published_at %q, published_utc %q, published_date %q; want 2019-11-19, empty, 2019-11-19",
			got.PublishedAt, got.PublishedUTC, got.PublishedDate)
	}
}
