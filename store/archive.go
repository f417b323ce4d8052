package store

import (
	"context"
	"fmt"
	"strings"

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
