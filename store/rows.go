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
	// Site is a publisher host ("en.inform.kz"), a parent domain of it
	// ("inform.kz"), or a crawler profile name ("kazinform").
	Site string
}

// where returns the SQL condition and arguments for f over articles a and
// pages p.
func (f Filter) where() (string, []any) {
	conds := []string{"1"}
	var args []any
	if !f.Since.IsZero() {
		conds = append(conds, "a.published_date >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "a.published_date <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	if f.Site != "" {
		conds = append(conds, "(a.site = ? OR a.site LIKE '%.' || ? ESCAPE '\\' OR p.site = ?)")
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Site)
		args = append(args, f.Site, esc, f.Site)
	}
	return strings.Join(conds, " AND "), args
}

// Rows calls fn for every stored fact selected by f, as an export row,
// ordered by publication time, article and char_start. Rows are streamed:
// memory does not grow with the database. An error from fn stops the
// iteration and is returned as is.
func (s *Store) Rows(ctx context.Context, f Filter, fn func(export.Row) error) error {
	where, args := f.where()
	// published_at has the site's offset, so order by the instant it names;
	// undated articles go last.
	rows, err := s.rdb.QueryContext(ctx, `
SELECT f.fact_id, p.source, a.url, a.site, a.title, coalesce(a.published_at, ''),
	f.election_date, f.election_type, f.subject, f.subject_canonical, f.subject_code, f.subject_kind,
	f.count, f.qualifier, f.status, f.as_of, f.period_start, f.period_end, f.evidence,
	f.char_start, f.char_end, f.rule, f.extractor_version, p.sha256, coalesce(p.fetched_at, ''),
	coalesce(f.spans, 0), f.check_note, a.author, a.section, a.language, f.election_country
FROM facts f
JOIN articles a ON a.id = f.article_id
JOIN pages p ON p.id = f.page_id
WHERE `+where+`
ORDER BY a.published_at IS NULL, unixepoch(a.published_at), a.id, f.char_start, f.id`, args...)
	if err != nil {
		return fmt.Errorf("store: rows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r export.Row
		err := rows.Scan(&r.FactID, &r.Source, &r.SourceURL, &r.Site, &r.Title, &r.PublishedAt,
			&r.ElectionDate, &r.ElectionType, &r.Subject, &r.SubjectCanonical, &r.SubjectCode, &r.SubjectKind,
			&r.Count, &r.Qualifier, &r.Status, &r.AsOf, &r.PeriodStart, &r.PeriodEnd, &r.Evidence,
			&r.CharStart, &r.CharEnd, &r.Rule, &r.ExtractorVersion, &r.ContentSHA256, &r.FetchedAt,
			&r.Spans, &r.Check, &r.Author, &r.Section, &r.Language, &r.ElectionCountry)
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
			if it.page.Body, err = decompress(body, encoding); err != nil {
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
