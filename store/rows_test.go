package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

// saved is one saved page with what NewRow should make of its facts.
type saved struct {
	page extract.Page
	res  *extract.Result
}

func seed(t *testing.T, s testStore) []saved {
	t.Helper()
	astana6 := time.FixedZone("+06", 6*3600)
	var out []saved
	add := func(url, site string, published time.Time, sentences ...string) {
		page := testPage(url, url)
		res := testResult(url, site, published, sentences...)
		if err := s.SaveResult(context.Background(), page, "", "", res); err != nil {
			t.Fatal(err)
		}
		out = append(out, saved{page, res})
	}
	// Saved out of order; the +06:00 article is earlier in time than the
	// +05:00 one although its local clock reads later.
	add("https://en.example.kz/b", "en.example.kz", time.Date(2023, 3, 10, 12, 0, 0, 0, almaty), sent1, sent2)
	add("https://ru.example.kz/a", "ru.example.kz", time.Date(2023, 3, 10, 12, 30, 0, 0, astana6), sent2)
	add("https://other.example.kg/c", "other.example.kg", time.Date(2022, 11, 20, 23, 30, 0, 0, almaty), sent1)
	add("https://en.example.kz/undated", "en.example.kz", time.Time{}, sent1)
	return out
}

func collect(t *testing.T, s testStore, f store.Filter) []export.Row {
	t.Helper()
	var rows []export.Row
	if err := s.Rows(context.Background(), f, func(r export.Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

func testRowsRoundTrip(t *testing.T, b *backend) {
	s := b.fresh(t)
	pages := seed(t, s)
	var want []export.Row
	for _, i := range []int{2, 1, 0, 3} { // publication order, undated last
		for _, f := range pages[i].res.Facts {
			want = append(want, export.NewRow(pages[i].page, pages[i].res.Article, f))
		}
	}
	got := collect(t, s, store.Filter{})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("rows differ from export.NewRow:\n got %+v\nwant %+v", got, want)
	}
	// The stored offsets still point at the evidence in the stored body.
	var body string
	if err := b.sql(t, s).QueryRow(`SELECT body FROM articles WHERE article_key = $1`, "https://en.example.kz/b").Scan(&body); err != nil {
		t.Fatal(err)
	}
	for _, r := range got[2:4] {
		if ev := string([]rune(body)[r.CharStart:r.CharEnd]); ev != r.Evidence {
			t.Errorf("body[%d:%d] = %q, evidence %q", r.CharStart, r.CharEnd, ev, r.Evidence)
		}
	}
}

func testRowsFilter(t *testing.T, b *backend) {
	s := b.fresh(t)
	seed(t, s)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name string
		f    store.Filter
		want []string // source of each row
	}{
		{"all", store.Filter{}, []string{"c", "a", "b", "b", "undated"}},
		{"since inclusive", store.Filter{Since: day("2023-03-10")}, []string{"a", "b", "b"}},
		{"until inclusive, local date", store.Filter{Until: day("2022-11-20")}, []string{"c"}},
		{"window", store.Filter{Since: day("2022-01-01"), Until: day("2022-12-31")}, []string{"c"}},
		{"host", store.Filter{Hosts: []string{"en.example.kz"}}, []string{"b", "b", "undated"}},
		{"parent domain", store.Filter{Hosts: []string{"example.kz"}}, []string{"a", "b", "b", "undated"}},
		{"several hosts", store.Filter{Hosts: []string{"ru.example.kz", "example.kg"}}, []string{"c", "a"}},
		{"no wildcard", store.Filter{Hosts: []string{"%"}}, nil},
		{"unknown", store.Filter{Hosts: []string{"example.uz"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, s, tt.f) {
				got = append(got, r.Source[strings.LastIndex(r.Source, "/")+1:])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func testRowsStopsOnError(t *testing.T, b *backend) {
	s := b.fresh(t)
	seed(t, s)
	stop := errors.New("stop")
	calls := 0
	err := s.Rows(context.Background(), store.Filter{}, func(export.Row) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("Rows returned %v after %d calls", err, calls)
	}
}

// The fact_rows view has the export columns and the same values, NULL where
// a value is missing, then the legacy names of renamed columns.
func testFactRowsView(t *testing.T, b *backend) {
	s := b.fresh(t)
	seed(t, s)
	rows, err := b.sql(t, s).Query(`SELECT * FROM fact_rows WHERE published_at <> '' ORDER BY unixepoch(published_at), char_start`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	n := len(export.Columns)
	if len(cols) != n+len(export.LegacyColumns) || !reflect.DeepEqual(cols[:n], export.Columns) {
		t.Fatalf("view columns %v\nwant %v, then %v", cols, export.Columns, export.LegacyColumns)
	}
	for _, old := range cols[n:] {
		if _, ok := export.LegacyColumns[old]; !ok {
			t.Errorf("view column %s after the export columns is no legacy name", old)
		}
	}
	want := collect(t, s, store.Filter{Since: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)})
	i := 0
	for ; rows.Next(); i++ {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for j := range vals {
			ptrs[j] = &vals[j]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		cells := want[i].Values()
		for _, old := range cols[n:] {
			cells = append(cells, cells[slices.Index(export.Columns, export.LegacyColumns[old])])
		}
		for j, v := range vals {
			got := ""
			switch v := v.(type) {
			case nil:
			case []byte:
				if len(v) == 0 {
					t.Errorf("row %d %s: empty text, want NULL", i, cols[j])
				}
				got = string(v)
			case string:
				if v == "" {
					t.Errorf("row %d %s: empty text, want NULL", i, cols[j])
				}
				got = v
			case int64:
				got = strconv.FormatInt(v, 10)
			}
			if got != cells[j] {
				t.Errorf("row %d %s: view %q, Rows %q", i, cols[j], got, cells[j])
			}
		}
	}
	if i != len(want) {
		t.Errorf("view has %d dated rows, Rows %d", i, len(want))
	}
}

// TestRowsDateOnly: an article dated without a time of day is stored and
// exported as a bare date, like a fresh row, and sorts by that date.
func testRowsDateOnly(t *testing.T, b *backend) {
	s := b.fresh(t)
	page := testPage("https://news.example.com/d", "https://news.example.com/d")
	res := testResult("https://news.example.com/d", "news.example.com", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), sent1)
	res.Article.DateOnly = true
	if err := s.SaveResult(context.Background(), page, "", "", res); err != nil {
		t.Fatal(err)
	}
	got := collect(t, s, store.Filter{})
	if len(got) == 0 {
		t.Fatal("no rows")
	}
	want := export.NewRow(page, res.Article, res.Facts[0])
	if got[0] != want || got[0].PublishedAt != "2019-11-19" || got[0].PublishedUTC != "" {
		t.Errorf("got %+v\nwant %+v", got[0], want)
	}
}
