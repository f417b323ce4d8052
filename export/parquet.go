package export

import (
	"fmt"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"
)

// parquetRow is a Row with Parquet types, so that pandas, R arrow and
// DuckDB read dates as dates and times as UTC timestamps without parsing:
// pointers are optional columns (null for a missing value). Fields are in
// the order of Columns; published_at stays text, since its offset is data.
// Dates are days since 1970-01-01 (Parquet's DATE): parquet-go v0.32.1
// writes an optional time.Time DATE column as a truncated timestamp.
type parquetRow struct {
	FactID           string     `parquet:"fact_id"`
	Source           string     `parquet:"source"`
	SourceURL        string     `parquet:"source_url"`
	Site             *string    `parquet:"site,optional"`
	Title            *string    `parquet:"title,optional"`
	PublishedAt      *string    `parquet:"published_at,optional"`
	PublishedUTC     *time.Time `parquet:"published_utc,timestamp(millisecond)"`
	PublishedDate    *int32     `parquet:"published_date,date"`
	ElectionDate     *int32     `parquet:"election_date,date"`
	ElectionType     *string    `parquet:"election_type,optional"`
	Subject          string     `parquet:"subject"`
	SubjectCanonical *string    `parquet:"subject_canonical,optional"`
	SubjectCode      *string    `parquet:"subject_code,optional"`
	SubjectKind      *string    `parquet:"subject_kind,optional"`
	Observers        int64      `parquet:"observers"`
	Qualifier        *string    `parquet:"qualifier,optional"`
	Status           *string    `parquet:"status,optional"`
	AsOf             *int32     `parquet:"as_of,date"`
	PeriodStart      *int32     `parquet:"period_start,date"`
	PeriodEnd        *int32     `parquet:"period_end,date"`
	Evidence         string     `parquet:"evidence"`
	CharStart        int64      `parquet:"char_start"`
	CharEnd          int64      `parquet:"char_end"`
	Rule             *string    `parquet:"rule,optional"`
	ExtractorVersion string     `parquet:"extractor_version"`
	ContentSHA256    string     `parquet:"content_sha256"`
	FetchedAt        *time.Time `parquet:"fetched_at,timestamp(millisecond)"`
	Spans            *int64     `parquet:"spans,optional"`
	CheckNote        *string    `parquet:"check_note,optional"`
	Author           *string    `parquet:"author,optional"`
	Section          *string    `parquet:"section,optional"`
	Language         *string    `parquet:"language,optional"`
	ElectionCountry  *string    `parquet:"election_country,optional"`
}

// parquetWriter buffers rows into row groups and writes the file footer on
// Flush: a Parquet file is only readable once complete, which the atomic
// -o file of the commands guarantees.
type parquetWriter struct {
	w *parquet.GenericWriter[parquetRow]
}

// NewParquetWriter returns a Writer of one Parquet file with the columns of
// Columns: integers as INT64, dates as DATE, published_utc and fetched_at as
// UTC timestamps, missing values null. Call Flush once, at the end.
func NewParquetWriter(w io.Writer) Writer {
	return &parquetWriter{w: parquet.NewGenericWriter[parquetRow](w, parquet.Compression(&parquet.Zstd))}
}

func (p *parquetWriter) Write(r Row) error {
	pr, err := toParquet(r)
	if err != nil {
		return fmt.Errorf("export: parquet row %s: %w", r.FactID, err)
	}
	if _, err := p.w.Write([]parquetRow{pr}); err != nil {
		return fmt.Errorf("export: write parquet row %s: %w", r.FactID, err)
	}
	return nil
}

func (p *parquetWriter) Flush() error {
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("export: close parquet: %w", err)
	}
	return nil
}

// toParquet converts r; a date or time that does not parse is an error
// rather than a silent null.
func toParquet(r Row) (parquetRow, error) {
	var errs []error
	day := func(col, s string) *int32 {
		t := parseOptional(col, s, time.DateOnly, &errs)
		if t == nil {
			return nil
		}
		d := int32(t.Unix() / 86400)
		return &d
	}
	instant := func(col, s string) *time.Time {
		return parseOptional(col, s, time.RFC3339, &errs)
	}
	pr := parquetRow{
		FactID: r.FactID, Source: r.Source, SourceURL: r.SourceURL, Site: optional(r.Site), Title: optional(r.Title),
		PublishedAt: optional(r.PublishedAt), PublishedUTC: instant("published_utc", r.PublishedUTC),
		PublishedDate: day("published_date", r.PublishedDate), ElectionDate: day("election_date", r.ElectionDate),
		ElectionType: optional(r.ElectionType), Subject: r.Subject, SubjectCanonical: optional(r.SubjectCanonical),
		SubjectCode: optional(r.SubjectCode), SubjectKind: optional(r.SubjectKind), Observers: int64(r.Observers),
		Qualifier: optional(r.Qualifier), Status: optional(r.Status), AsOf: day("as_of", r.AsOf),
		PeriodStart: day("period_start", r.PeriodStart), PeriodEnd: day("period_end", r.PeriodEnd),
		Evidence: r.Evidence, CharStart: int64(r.CharStart), CharEnd: int64(r.CharEnd), Rule: optional(r.Rule),
		ExtractorVersion: r.ExtractorVersion, ContentSHA256: r.ContentSHA256,
		FetchedAt: instant("fetched_at", r.FetchedAt), CheckNote: optional(r.CheckNote), Author: optional(r.Author),
		Section: optional(r.Section), Language: optional(r.Language), ElectionCountry: optional(r.ElectionCountry),
	}
	if r.Spans != 0 {
		n := int64(r.Spans)
		pr.Spans = &n
	}
	if len(errs) > 0 {
		return pr, errs[0]
	}
	return pr, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// parseOptional parses s with layout, nil for "", recording a failure.
func parseOptional(col, s, layout string, errs *[]error) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s %q: %w", col, s, err))
		return nil
	}
	t = t.UTC()
	return &t
}
