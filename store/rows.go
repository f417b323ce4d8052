package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
)

// Filter selects the rows of an export. Zero fields select everything.
type Filter struct {
	// Since and Until bound the article's publication date (at the site's
	// offset), both inclusive; only their calendar date counts. Articles
	// with no known date are left out when either is set.
	Since, Until time.Time
	// Hosts selects articles published on any of these hosts or their
	// subdomains: "inform.kz" selects www.inform.kz and en.inform.kz. The
	// caller turns a crawler profile name into its hosts.
	Hosts []string
}

// Where returns the SQL condition and arguments for f over articles a and
// pages p.
func (f Filter) Where() (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	if !f.Since.IsZero() {
		conds = append(conds, "a.published_date >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "a.published_date <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	if len(f.Hosts) > 0 {
		var hosts []string
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
		for _, h := range f.Hosts {
			hosts = append(hosts, "a.site = ? OR a.site LIKE '%.' || ? ESCAPE '\\'")
			args = append(args, h, esc.Replace(h))
		}
		conds = append(conds, "("+strings.Join(hosts, " OR ")+")")
	}
	return strings.Join(conds, " AND "), args
}

// Rows calls fn for every stored fact selected by f, as an export row,
// ordered by publication time, article and char_start. Rows are streamed:
// memory does not grow with the database. An error from fn stops the
// iteration and is returned as is.
func (s *Store) Rows(ctx context.Context, f Filter, fn func(export.Row) error) error {
	where, args := f.Where()
	rows, err := s.rdb.QueryContext(ctx, RowsSelect+` WHERE `+where+` ORDER BY `+RowsOrder, args...)
	if err != nil {
		return fmt.Errorf("store: rows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := ScanRow(rows.Scan)
		if err != nil {
			return fmt.Errorf("store: rows: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: rows: %w", err)
	}
	return nil
}

// RowsSelect reads export rows (ScanRow) from facts f, articles a and
// pages p, in SQL both stores read (PostgreSQL has strftime for this
// format).
const RowsSelect = `
SELECT f.fact_id, p.source, a.url, coalesce(a.site, ''), coalesce(a.title, ''), coalesce(a.published_at, ''),
	-- a bare date (no time of day known) names no instant
	CASE WHEN length(a.published_at) > 10 THEN strftime('%Y-%m-%dT%H:%M:%SZ', a.published_at) ELSE '' END,
	coalesce(a.published_date, ''),
	coalesce(f.election_date, ''), coalesce(f.election_type, ''), f.subject, coalesce(f.subject_canonical, ''),
	coalesce(f.subject_code, ''), coalesce(f.subject_kind, ''), f.observers, coalesce(f.qualifier, ''),
	coalesce(f.status, ''), coalesce(f.as_of, ''), coalesce(f.period_start, ''), coalesce(f.period_end, ''),
	f.evidence, f.char_start, f.char_end, coalesce(f.rule, ''), f.extractor_version, p.sha256,
	coalesce(p.fetched_at, ''), coalesce(f.spans, 0), coalesce(f.check_note, ''), coalesce(a.author, ''),
	coalesce(a.section, ''), coalesce(a.language, ''), coalesce(f.election_country, '')
FROM facts f
JOIN articles a ON a.id = f.article_id
JOIN pages p ON p.id = f.page_id`

// RowsOrder orders export rows: published_at has the site's offset, so by
// the instant it names; undated articles last. (SQLite puts NULLs first;
// PostgreSQL says NULLS FIRST after unixepoch.)
const RowsOrder = `a.published_at IS NULL, unixepoch(a.published_at), a.id, f.char_start, f.id`

// ScanRow reads a row of RowsSelect with scan.
func ScanRow(scan func(dest ...any) error) (export.Row, error) {
	var r export.Row
	err := scan(&r.FactID, &r.Source, &r.SourceURL, &r.Site, &r.Title, &r.PublishedAt,
		&r.PublishedUTC, &r.PublishedDate, &r.ElectionDate, &r.ElectionType, &r.Subject, &r.SubjectCanonical, &r.SubjectCode, &r.SubjectKind,
		&r.Observers, &r.Qualifier, &r.Status, &r.AsOf, &r.PeriodStart, &r.PeriodEnd, &r.Evidence,
		&r.CharStart, &r.CharEnd, &r.Rule, &r.ExtractorVersion, &r.ContentSHA256, &r.FetchedAt,
		&r.Spans, &r.CheckNote, &r.Author, &r.Section, &r.Language, &r.ElectionCountry)
	return r, err
}

// Sites returns the distinct publisher hosts of the stored articles.
func (s *Store) Sites(ctx context.Context) ([]string, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site`)
	if err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	defer rows.Close()
	var sites []string
	for rows.Next() {
		var site string
		if err := rows.Scan(&site); err != nil {
			return nil, fmt.Errorf("store: sites: %w", err)
		}
		sites = append(sites, site)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	return sites, nil
}

// FactCount returns the number of stored facts.
func (s *Store) FactCount(ctx context.Context) (int, error) {
	var n int
	if err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM facts`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count facts: %w", err)
	}
	return n, nil
}

// eachPageBatch bounds how many pages EachPage holds in memory at once.
const eachPageBatch = 16

// EachPage calls fn for the latest page of every stored article, with its
// body decompressed, in article order, for offline re-extraction. Pages are
// read in small batches and no query is open while fn runs, so fn may write
// to the Store (e.g. ReplaceFacts). An error from fn stops the iteration
// and is returned as is.
func (s *Store) EachPage(ctx context.Context, fn func(pageID int64, p extract.Page, kind, articleKey string) error) error {
	type item struct {
		pageID    int64
		page      extract.Page
		kind, key string
	}
	var after int64
	for {
		var batch []item
		rows, err := s.rdb.QueryContext(ctx, `
SELECT a.id, a.article_key, p.id, p.source, p.final_url, p.content_type, p.body, p.body_encoding,
	coalesce(p.fetched_at, ''), p.kind
FROM articles a JOIN pages p ON p.id = a.page_id
WHERE a.id > ? ORDER BY a.id LIMIT ?`, after, eachPageBatch)
		if err != nil {
			return fmt.Errorf("store: each page: %w", err)
		}
		for rows.Next() {
			var it item
			var body []byte
			var encoding, fetched string
			if err := rows.Scan(&after, &it.key, &it.pageID, &it.page.Source, &it.page.URL, &it.page.ContentType,
				&body, &encoding, &fetched, &it.kind); err != nil {
				rows.Close()
				return fmt.Errorf("store: each page: %w", err)
			}
			if it.page.Body, err = DecodeBody(body, encoding); err != nil {
				rows.Close()
				return fmt.Errorf("store: each page: page %d: %w", it.pageID, err)
			}
			if fetched != "" {
				if it.page.FetchedAt, err = time.Parse(timeFormat, fetched); err != nil {
					rows.Close()
					return fmt.Errorf("store: each page: page %d: %w", it.pageID, err)
				}
			}
			batch = append(batch, it)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("store: each page: %w", err)
		}
		for _, it := range batch {
			if err := fn(it.pageID, it.page, it.kind, it.key); err != nil {
				return err
			}
		}
		if len(batch) < eachPageBatch {
			return nil
		}
	}
}
