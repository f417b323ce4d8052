package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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
	pr := pageRow{
		source: resp.Item.URL, url: resp.Item.URL, finalURL: resp.FinalURL, site: resp.Item.Site,
		status: resp.Status, headers: resp.Header, body: resp.Body, fetchedAt: resp.FetchedAt,
		kind: resp.Item.Kind, articleKey: resp.ArticleKey,
	}
	for k, v := range resp.Header {
		if strings.EqualFold(k, "Content-Type") {
			pr.contentType = v
		}
	}
	if pr.kind == "" {
		pr.kind = crawler.KindArticle
	}
	if result != nil && pr.articleKey == "" {
		pr.articleKey = DeriveArticleKey(extract.Page{Source: resp.Item.URL, URL: resp.FinalURL}, result.Article)
	}
	if err := s.save(ctx, pr, result); err != nil {
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
	if r.Body, err = decompress(body, encoding); err != nil {
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
