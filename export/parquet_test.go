package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// TestParquet writes two rows and reads them back: the columns of Columns
// in order, dates as DATE, published_utc as a UTC timestamp, missing values
// null, and a date that does not parse is an error rather than a null.
func TestParquet(t *testing.T) {
	full := sampleRow()
	full.PublishedUTC, full.PublishedDate, full.AsOf, full.Spans = "2022-11-18T04:05:00Z", "2022-11-18", "2022-11-17", 10
	bare := sampleRow()
	bare.FactID, bare.ElectionDate, bare.FetchedAt = "f2", "", ""
	var buf bytes.Buffer
	w := NewParquetWriter(&buf)
	for _, r := range []Row{full, bare} {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	types := map[string]string{}
	for _, field := range f.Schema().Fields() {
		names = append(names, field.Name())
		types[field.Name()] = field.Type().String()
		if lt := field.Type().LogicalType(); lt != nil {
			types[field.Name()] = lt.String()
		}
	}
	if !slices.Equal(names, Columns) {
		t.Errorf("columns %q\nwant %q", names, Columns)
	}
	for col, want := range map[string]string{"published_utc": "TIMESTAMP", "election_date": "DATE", "as_of": "DATE",
		"observers": "INT(64", "spans": "INT(64", "subject": "STRING"} {
		if !strings.Contains(types[col], want) {
			t.Errorf("%s is %s, want %s", col, types[col], want)
		}
	}
	rows, err := parquet.Read[parquetRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	got := rows[0]
	if got.PublishedUTC == nil || !got.PublishedUTC.Equal(time.Date(2022, 11, 18, 4, 5, 0, 0, time.UTC)) {
		t.Errorf("published_utc %v", got.PublishedUTC)
	}
	if got.Spans == nil || *got.Spans != 10 || got.Observers != 34 || got.AsOf == nil || time.Unix(int64(*got.AsOf)*86400, 0).UTC().Format(time.DateOnly) != "2022-11-17" {
		t.Errorf("row 1: spans %v, observers %d, as_of %v", got.Spans, got.Observers, got.AsOf)
	}
	if b := rows[1]; b.ElectionDate != nil || b.FetchedAt != nil || b.Spans != nil || b.CheckNote != nil || b.PublishedUTC != nil {
		t.Errorf("row 2: missing values not null: %+v", b)
	}

	bad := sampleRow()
	bad.AsOf = "17 November"
	if err := NewParquetWriter(&bytes.Buffer{}).Write(bad); err == nil || !strings.Contains(err.Error(), `as_of "17 November"`) {
		t.Errorf("bad date: err %v, want one naming as_of", err)
	}
}
