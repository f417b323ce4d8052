// Package export turns facts into flat rows and writes them as CSV or JSON
// Lines for spreadsheets, R, pandas and Stata.
//
// It knows nothing of SQLite or HTTP: rows come from extract values (NewRow)
// or from the store, and go out through a Writer.
package export

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// Columns are the export columns in output order: the required columns of
// the fact model, then the extra article columns.
var Columns = []string{
	"fact_id", "source", "source_url", "site", "title", "published_at",
	"published_utc", "published_date", "election_date", "election_type",
	"subject", "subject_canonical", "subject_code", "subject_kind",
	"observers", "qualifier", "status", "as_of", "period_start", "period_end",
	"evidence", "char_start", "char_end", "rule", "extractor_version",
	"content_sha256", "fetched_at", "spans", "check_note", "author",
	"section", "language", "election_country",
}

// LegacyColumns maps the names that Columns replaced to their new names.
// The store's fact_rows view still offers the old names, after every
// column of Columns, for one release: "count" clashes with pandas'
// DataFrame.count and "check" is an SQL keyword.
var LegacyColumns = map[string]string{"count": "observers", "check": "check_note"}

// Row is one fact with its provenance, one field per column of Columns.
//
// Times are RFC 3339 text: PublishedAt keeps the site's UTC offset,
// PublishedUTC is the same instant in UTC, PublishedDate its calendar date
// at the site's offset; FetchedAt is in UTC. A missing value is "" (0 for
// Spans): an empty cell in CSV, null in JSON Lines and Parquet, NULL in the
// store.
type Row struct {
	FactID           string `json:"fact_id"`
	Source           string `json:"source"`
	SourceURL        string `json:"source_url"`
	Site             string `json:"site"`
	Title            string `json:"title"`
	PublishedAt      string `json:"published_at"`
	PublishedUTC     string `json:"published_utc"`
	PublishedDate    string `json:"published_date"`
	ElectionDate     string `json:"election_date"`
	ElectionType     string `json:"election_type"`
	Subject          string `json:"subject"`
	SubjectCanonical string `json:"subject_canonical"`
	SubjectCode      string `json:"subject_code"`
	SubjectKind      string `json:"subject_kind"`
	Observers        int    `json:"observers"`
	Qualifier        string `json:"qualifier"`
	Status           string `json:"status"`
	AsOf             string `json:"as_of"`
	PeriodStart      string `json:"period_start"`
	PeriodEnd        string `json:"period_end"`
	Evidence         string `json:"evidence"`
	CharStart        int    `json:"char_start"`
	CharEnd          int    `json:"char_end"`
	Rule             string `json:"rule"`
	ExtractorVersion string `json:"extractor_version"`
	ContentSHA256    string `json:"content_sha256"`
	FetchedAt        string `json:"fetched_at"`
	Spans            int    `json:"spans"`
	CheckNote        string `json:"check_note"`
	Author           string `json:"author"`
	Section          string `json:"section"`
	Language         string `json:"language"`
	ElectionCountry  string `json:"election_country"`
}

// NewRow flattens fact f of article a, extracted from page, into a Row
// stamped with the running extractor version.
func NewRow(page extract.Page, a extract.Article, f extract.Fact) Row {
	sourceURL := a.URL
	if sourceURL == "" {
		sourceURL = page.Source
	}
	site := a.Site
	if site == "" {
		site = hostOf(sourceURL)
	}
	return Row{
		FactID:           f.ID,
		Source:           page.Source,
		SourceURL:        sourceURL,
		Site:             site,
		Title:            a.Title,
		PublishedAt:      FormatPublished(a.PublishedAt, a.DateOnly),
		PublishedUTC:     publishedUTC(a),
		PublishedDate:    publishedDate(a.PublishedAt),
		ElectionDate:     f.ElectionDate,
		ElectionType:     f.ElectionType,
		Subject:          f.Subject,
		SubjectCanonical: f.SubjectCanonical,
		SubjectCode:      f.SubjectCode,
		SubjectKind:      f.SubjectKind,
		Observers:        f.Count,
		Qualifier:        f.Qualifier,
		Status:           f.Status,
		AsOf:             f.AsOf,
		PeriodStart:      f.PeriodStart,
		PeriodEnd:        f.PeriodEnd,
		Evidence:         f.Evidence,
		CharStart:        f.CharStart,
		CharEnd:          f.CharEnd,
		Rule:             f.Rule,
		ExtractorVersion: extract.Version,
		ContentSHA256:    page.SHA256(),
		FetchedAt:        FormatFetched(page.FetchedAt),
		Spans:            f.Spans,
		CheckNote:        f.Check,
		Author:           a.Author,
		Section:          a.Section,
		Language:         a.Language,
		ElectionCountry:  f.ElectionCountry,
	}
}

// FormatPublished formats a publication time as RFC 3339 keeping its UTC
// offset, as a bare YYYY-MM-DD when only the date is known (the page gave no
// offset and the publisher's time zone is unknown: Article.DateOnly), or ""
// for the zero time. The store uses it too, so stored and fresh rows agree.
func FormatPublished(t time.Time, dateOnly bool) string {
	if t.IsZero() {
		return ""
	}
	if dateOnly {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// publishedUTC is the publication instant in UTC, or "" when it is not
// known: no date, or a date without a time of day.
func publishedUTC(a extract.Article) string {
	if a.DateOnly {
		return ""
	}
	return FormatFetched(a.PublishedAt)
}

// publishedDate is the calendar date of t at its own (the site's) offset,
// or "" for the zero time.
func publishedDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// FormatFetched formats a time as RFC 3339 in UTC, or "" for the zero
// time: fetch times (empty for local files) and published_utc.
func FormatFetched(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// hostOf returns the host of a URL, or "" for a file path.
func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.Hostname()
}

// MarshalJSON encodes the row as one JSON object with the keys of Columns,
// in order: integers as numbers, missing values (empty text, spans 0) as
// null, text unescaped for HTML.
func (r Row) MarshalJSON() ([]byte, error) {
	return appendJSON(nil, r), nil
}

// UnmarshalJSON decodes what MarshalJSON encodes; null is "" for text and 0
// for spans.
func (r *Row) UnmarshalJSON(b []byte) error {
	type plain Row // no methods: avoids recursion
	aux := struct {
		*plain
		Spans *int `json:"spans"` // shadows plain.Spans to accept null
	}{plain: (*plain)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return fmt.Errorf("export: decode row: %w", err)
	}
	r.Spans = 0
	if aux.Spans != nil {
		r.Spans = *aux.Spans
	}
	return nil
}

// Values returns the row's cells in the order of Columns, as text: integers
// in decimal, spans empty when 0.
func (r Row) Values() []string {
	spans := ""
	if r.Spans != 0 {
		spans = strconv.Itoa(r.Spans)
	}
	return []string{
		r.FactID, r.Source, r.SourceURL, r.Site, r.Title, r.PublishedAt,
		r.PublishedUTC, r.PublishedDate, r.ElectionDate, r.ElectionType, r.Subject, r.SubjectCanonical,
		r.SubjectCode, r.SubjectKind, strconv.Itoa(r.Observers), r.Qualifier, r.Status, r.AsOf,
		r.PeriodStart, r.PeriodEnd, r.Evidence, strconv.Itoa(r.CharStart), strconv.Itoa(r.CharEnd), r.Rule,
		r.ExtractorVersion, r.ContentSHA256, r.FetchedAt, spans, r.CheckNote,
		r.Author, r.Section, r.Language, r.ElectionCountry,
	}
}

// numeric reports which cells of Values hold integers; they are never
// neutralised against CSV injection.
var numeric = map[string]bool{"observers": true, "char_start": true, "char_end": true, "spans": true}
