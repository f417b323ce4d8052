package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

// batchSize bounds how many pages EachPage and EachResponse hold at once.
const batchSize = 16

// Rows calls fn for every stored fact selected by f, as an export row, in
// the SQLite store's order: publication instant (undated last), article,
// char_start. Rows are streamed. An error from fn stops the iteration and
// is returned as is.
func (s *Store) Rows(ctx context.Context, f store.Filter, fn func(export.Row) error) error {
	where, args := f.Where()
	// A read-only transaction at repeatable read: one snapshot from the
	// first row to the last, as SQLite's read gives.
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("store: rows: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	rows, err := tx.Query(ctx, store.RowsSelect+` WHERE `+rebind(where, 1)+` ORDER BY `+
		strings.Replace(store.RowsOrder, "unixepoch(a.published_at)", "unixepoch(a.published_at) NULLS FIRST", 1), args...)
	if err != nil {
		return fmt.Errorf("store: rows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := store.ScanRow(rows.Scan)
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

// Sites returns the distinct publisher hosts of the stored articles, in
// byte order (as SQLite sorts them).
func (s *Store) Sites(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT site COLLATE "C" AS site FROM articles WHERE site IS NOT NULL ORDER BY site`)
	if err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	sites, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	return sites, nil
}

// FactCount returns the number of stored facts.
func (s *Store) FactCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM facts`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count facts: %w", err)
	}
	return n, nil
}

// EachPage calls fn for the latest page of every stored article, with its
// body decompressed, in article order. Pages are read in small batches and
// no query is open while fn runs, so fn may write to the Store.
func (s *Store) EachPage(ctx context.Context, fn func(pageID int64, p extract.Page, kind, articleKey string) error) error {
	type item struct {
		pageID    int64
		page      extract.Page
		kind, key string
	}
	var after int64
	for {
		rows, err := s.pool.Query(ctx, `
SELECT a.id, a.article_key, p.id, p.source, p.final_url, p.content_type, p.body, p.body_encoding,
	coalesce(p.fetched_at, ''), p.kind
FROM articles a JOIN pages p ON p.id = a.page_id
WHERE a.id > $1 ORDER BY a.id LIMIT $2`, after, batchSize)
		if err != nil {
			return fmt.Errorf("store: each page: %w", err)
		}
		batch, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (item, error) {
			var it item
			var body []byte
			var encoding, fetched string
			if err := r.Scan(&after, &it.key, &it.pageID, &it.page.Source, &it.page.URL, &it.page.ContentType,
				&body, &encoding, &fetched, &it.kind); err != nil {
				return it, err
			}
			var err error
			if it.page.Body, err = store.DecodeBody(body, encoding); err != nil {
				return it, fmt.Errorf("page %d: %w", it.pageID, err)
			}
			if it.page.FetchedAt, err = parseTime(fetched); err != nil {
				return it, fmt.Errorf("page %d: %w", it.pageID, err)
			}
			return it, nil
		})
		if err != nil {
			return fmt.Errorf("store: each page: %w", err)
		}
		for _, it := range batch {
			if err := fn(it.pageID, it.page, it.kind, it.key); err != nil {
				return err
			}
		}
		if len(batch) < batchSize {
			return nil
		}
	}
}

// parseTime reads a stored time; "" is the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(store.TimeFormat, s)
}

// responseColumns are what LastResponse and EachResponse read of a page.
const responseColumns = `id, url, final_url, site, kind, coalesce(status, 0), headers, coalesce(request_headers, ''),
	body, body_encoding, coalesce(fetched_at, ''), coalesce(article_key, '')`

// scanResponse reads a row of responseColumns.
func scanResponse(r pgx.Row) (int64, crawler.Response, error) {
	var (
		id                                int64
		resp                              crawler.Response
		status                            int32
		headers, reqHeaders, enc, fetched string
		body                              []byte
	)
	if err := r.Scan(&id, &resp.Item.URL, &resp.FinalURL, &resp.Item.Site, &resp.Item.Kind, &status, &headers, &reqHeaders,
		&body, &enc, &fetched, &resp.ArticleKey); err != nil {
		return 0, resp, err
	}
	resp.Status = int(status)
	if err := json.Unmarshal([]byte(headers), &resp.Header); err != nil {
		return id, resp, fmt.Errorf("page %d: headers: %w", id, err)
	}
	if reqHeaders != "" {
		if err := json.Unmarshal([]byte(reqHeaders), &resp.RequestHeader); err != nil {
			return id, resp, fmt.Errorf("page %d: request headers: %w", id, err)
		}
	}
	var err error
	if resp.Body, err = store.DecodeBody(body, enc); err != nil {
		return id, resp, fmt.Errorf("page %d: %w", id, err)
	}
	if resp.FetchedAt, err = parseTime(fetched); err != nil {
		return id, resp, fmt.Errorf("page %d: %w", id, err)
	}
	return id, resp, nil
}

// LastResponse returns the response last archived with a 2xx status for the
// requested URL u, with its headers and body.
func (s *Store) LastResponse(ctx context.Context, u string) (crawler.Response, bool, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+responseColumns+` FROM pages
WHERE url = $1 AND status BETWEEN 200 AND 299 ORDER BY last_seen DESC, id DESC LIMIT 1`, text(u))
	_, r, err := scanResponse(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return crawler.Response{}, false, nil
	}
	if err != nil {
		return crawler.Response{}, false, fmt.Errorf("store: last response %s: %w", u, err)
	}
	r.Item.URL = u
	return r, true, nil
}

// EachResponse calls fn for every HTTP response the archive holds selected
// by f, oldest fetch first, in batches.
func (s *Store) EachResponse(ctx context.Context, f store.ArchiveFilter, fn func(crawler.Response) error) error {
	where, args := f.Where()
	n := len(args)
	query := `SELECT ` + responseColumns + ` FROM pages WHERE ` + rebind(where, 1) +
		fmt.Sprintf(` AND id > $%d ORDER BY id LIMIT $%d`, n+1, n+2)
	var after int64
	for {
		rows, err := s.pool.Query(ctx, query, append(args, after, batchSize)...)
		if err != nil {
			return fmt.Errorf("store: each response: %w", err)
		}
		type archived struct {
			id   int64
			resp crawler.Response
		}
		batch, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (archived, error) {
			id, resp, err := scanResponse(r)
			return archived{id, resp}, err
		})
		if err != nil {
			return fmt.Errorf("store: each response: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, a := range batch {
			if err := fn(a.resp); err != nil {
				return err
			}
			after = a.id
		}
	}
}
