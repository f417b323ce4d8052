package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
)

// The Store is the crawler's persistent state.
var (
	_ crawler.Frontier = (*Store)(nil)
	_ crawler.Archive  = (*Store)(nil)
	_ crawler.RunLog   = (*Store)(nil)
)

// SaveResponse archives resp in pages (an identical body already stored for
// the same URL is not stored again) and, when result is non-nil, stores its
// article and facts in the same transaction, replacing the facts stored
// earlier for the article.
func (s *Store) SaveResponse(ctx context.Context, resp crawler.Response, result *extract.Result) error {
	if err := s.save(ctx, ResponsePage(resp, result), result); err != nil {
		return fmt.Errorf("store: save response %s: %w", resp.Item.URL, err)
	}
	return nil
}

// LastResponse returns the response last archived with a 2xx status for the
// requested URL u (the latest seen, when the same body came several times),
// with its headers and body.
func (s *Store) LastResponse(ctx context.Context, u string) (crawler.Response, bool, error) {
	var (
		r                                crawler.Response
		headers, encoding, fetched, kind string
		body                             []byte
		articleKey, site                 sql.NullString
	)
	err := s.rdb.QueryRowContext(ctx, `
SELECT final_url, status, headers, body, body_encoding, coalesce(fetched_at, ''), kind, article_key, site
FROM pages WHERE url = ? AND status BETWEEN 200 AND 299
ORDER BY last_seen DESC, id DESC LIMIT 1`, u).
		Scan(&r.FinalURL, &r.Status, &headers, &body, &encoding, &fetched, &kind, &articleKey, &site)
	if errors.Is(err, sql.ErrNoRows) {
		return crawler.Response{}, false, nil
	}
	if err != nil {
		return crawler.Response{}, false, fmt.Errorf("store: last response %s: %w", u, err)
	}
	if err := json.Unmarshal([]byte(headers), &r.Header); err != nil {
		return crawler.Response{}, false, fmt.Errorf("store: last response %s: headers: %w", u, err)
	}
	if r.Body, err = DecodeBody(body, encoding); err != nil {
		return crawler.Response{}, false, fmt.Errorf("store: last response %s: %w", u, err)
	}
	if fetched != "" {
		if r.FetchedAt, err = time.Parse(timeFormat, fetched); err != nil {
			return crawler.Response{}, false, fmt.Errorf("store: last response %s: %w", u, err)
		}
	}
	r.Item = crawler.Item{URL: u, Kind: kind, Site: site.String}
	r.ArticleKey = articleKey.String
	return r, true, nil
}

// ArchiveFilter selects archived responses. Zero fields select everything.
type ArchiveFilter struct {
	// Since and Until bound the fetch date (UTC), both inclusive.
	Since, Until time.Time
	// Site is a crawler profile name ("kazinform") or a host of the
	// requested URL ("qazinform.com"; its subdomains too).
	Site string
}

// EachResponse calls fn for every HTTP response the archive holds (pages
// fetched by a crawl or from a URL, not local files) selected by f, oldest
// fetch first, with its request and response headers and its body.
// Responses are read in batches: memory does not grow with the archive.
func (s *Store) EachResponse(ctx context.Context, f ArchiveFilter, fn func(crawler.Response) error) error {
	where, args := f.Where()
	var after int64
	for {
		batch, err := s.responseBatch(ctx, where, args, after)
		if err != nil {
			return fmt.Errorf("store: each response: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			if err := fn(r.resp); err != nil {
				return err
			}
			after = r.id
		}
	}
}

type archivedResponse struct {
	id   int64
	resp crawler.Response
}

// responseBatch reads the next eachPageBatch responses after row id after.
func (s *Store) responseBatch(ctx context.Context, where string, args []any, after int64) ([]archivedResponse, error) {
	rows, err := s.rdb.QueryContext(ctx, `
SELECT id, url, final_url, site, kind, status, headers, coalesce(request_headers, ''), body, body_encoding, fetched_at,
	coalesce(article_key, '')
FROM pages WHERE `+where+` AND id > ? ORDER BY id LIMIT ?`, append(args, after, eachPageBatch)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []archivedResponse
	for rows.Next() {
		var (
			a                                 archivedResponse
			headers, reqHeaders, enc, fetched string
			body                              []byte
		)
		r := &a.resp
		if err := rows.Scan(&a.id, &r.Item.URL, &r.FinalURL, &r.Item.Site, &r.Item.Kind, &r.Status, &headers, &reqHeaders,
			&body, &enc, &fetched, &r.ArticleKey); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(headers), &r.Header); err != nil {
			return nil, fmt.Errorf("page %d: headers: %w", a.id, err)
		}
		if reqHeaders != "" {
			if err := json.Unmarshal([]byte(reqHeaders), &r.RequestHeader); err != nil {
				return nil, fmt.Errorf("page %d: request headers: %w", a.id, err)
			}
		}
		if r.Body, err = DecodeBody(body, enc); err != nil {
			return nil, fmt.Errorf("page %d: %w", a.id, err)
		}
		if r.FetchedAt, err = time.Parse(timeFormat, fetched); err != nil {
			return nil, fmt.Errorf("page %d: %w", a.id, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
