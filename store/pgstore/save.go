package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

// The Store is a crawl's persistent state, shared by its workers.
var (
	_ crawler.Frontier    = (*Store)(nil)
	_ crawler.Archive     = (*Store)(nil)
	_ crawler.RunLog      = (*Store)(nil)
	_ crawler.HostGate    = (*Store)(nil)
	_ crawler.RobotsStore = (*Store)(nil)
)

// SaveResult stores page, and when res is non-nil its article and facts,
// in one transaction, as the SQLite store's SaveResult does.
func (s *Store) SaveResult(ctx context.Context, page extract.Page, kind, articleKey string, res *extract.Result) error {
	if err := s.save(ctx, store.ResultPage(page, kind, articleKey, res), res); err != nil {
		return fmt.Errorf("store: save page %s: %w", page.Source, err)
	}
	return nil
}

// SaveResponse archives resp (an identical body already stored for the
// same location is not stored again) and, when result is non-nil, its
// article and facts in the same transaction, replacing the article's facts.
func (s *Store) SaveResponse(ctx context.Context, resp crawler.Response, result *extract.Result) error {
	if err := s.save(ctx, store.ResponsePage(resp, result), result); err != nil {
		return fmt.Errorf("store: save response %s: %w", resp.Item.URL, err)
	}
	return nil
}

// save writes the page, and the article and facts of res if any, in one
// transaction.
func (s *Store) save(ctx context.Context, pr store.PageRow, res *extract.Result) error {
	body, encoding, err := s.bodies.Encode(pr.Body)
	if err != nil {
		return fmt.Errorf("compress body: %w", err)
	}
	return s.inTx(ctx, func(tx pgx.Tx) error {
		pageID, err := s.savePage(ctx, tx, pr, body, encoding)
		if err != nil {
			return err
		}
		if res == nil {
			return nil
		}
		return s.saveArticle(ctx, tx, pageID, pr.ArticleKey, res)
	})
}

// savePage inserts the page, or, when the same body was stored before for
// the same location, marks that row seen again and returns its id. Two
// workers saving a new page at once meet on the unique index: the second
// marks the first's row.
func (s *Store) savePage(ctx context.Context, tx pgx.Tx, pr store.PageRow, body []byte, encoding string) (int64, error) {
	sum := (&extract.Page{Body: pr.Body}).SHA256()
	headers := []byte("{}")
	var err error
	if len(pr.Headers) > 0 {
		if headers, err = json.Marshal(pr.Headers); err != nil {
			return 0, fmt.Errorf("encode headers: %w", err)
		}
	}
	var requestHeaders any
	if len(pr.RequestHeaders) > 0 {
		b, err := json.Marshal(pr.RequestHeaders)
		if err != nil {
			return 0, fmt.Errorf("encode request headers: %w", err)
		}
		requestHeaders = string(b)
	}
	t := now()
	var id int64
	// Seen before: the common case of a recrawl, found without taking a
	// new id (as SQLite does, so ids run on without gaps).
	err = tx.QueryRow(ctx, `
UPDATE pages SET last_seen = $1, article_key = coalesce(article_key, $2), run_id = coalesce($3, run_id)
WHERE coalesce(nullif(final_url, ''), source) = $4 AND sha256 = $5
RETURNING id`, t, nullText(pr.ArticleKey), s.runID(), text(pr.Location()), sum).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("find page: %w", err)
	}
	err = tx.QueryRow(ctx, `
INSERT INTO pages (source, url, final_url, site, status, content_type, headers, body, body_encoding,
	size, sha256, fetched_at, first_seen, last_seen, kind, article_key, run_id, request_headers)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17)
ON CONFLICT ((coalesce(nullif(final_url, ''), source)), sha256) DO UPDATE SET
	last_seen = excluded.last_seen, article_key = coalesce(pages.article_key, excluded.article_key),
	run_id = coalesce(excluded.run_id, pages.run_id)
RETURNING id`,
		text(pr.Source), text(pr.URL), text(pr.FinalURL), text(pr.Site), nullInt(pr.Status), text(pr.ContentType),
		string(headers), body, encoding, len(pr.Body), sum, nullTime(pr.FetchedAt), t, text(pr.Kind),
		nullText(pr.ArticleKey), s.runID(), requestHeaders,
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("save page: %w", err)
	}
	return id, nil
}

// saveArticle upserts the article of res, pointing it at pageID, and
// replaces its facts.
func (s *Store) saveArticle(ctx context.Context, tx pgx.Tx, pageID int64, key string, res *extract.Result) error {
	t := now()
	args, err := store.ArticleArgs(key, pageID, res.Article, t)
	if err != nil {
		return err
	}
	var articleID int64
	if err := tx.QueryRow(ctx, rebind(store.UpsertArticle, 1), texts(args)...).Scan(&articleID); err != nil {
		return fmt.Errorf("save article %s: %w", key, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM facts WHERE article_id = $1`, articleID); err != nil {
		return fmt.Errorf("delete facts of %s: %w", key, err)
	}
	if len(res.Facts) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	insert := rebind(store.InsertFact, 1)
	for _, f := range res.Facts {
		batch.Queue(insert, texts(store.FactArgs(articleID, pageID, f, t))...)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("insert facts of %s: %w", key, err)
	}
	return nil
}

// ReplaceFacts updates the article stored under articleKey from res (as
// re-extracted from the stored page pageID) and replaces its facts, in one
// transaction.
func (s *Store) ReplaceFacts(ctx context.Context, pageID int64, articleKey string, res *extract.Result) error {
	if res == nil {
		return fmt.Errorf("store: replace facts of %s: nil result", articleKey)
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		return s.saveArticle(ctx, tx, pageID, articleKey, res)
	})
	if err != nil {
		return fmt.Errorf("store: replace facts of %s: %w", articleKey, err)
	}
	return nil
}

// texts makes the strings among args storable as PostgreSQL text (text).
func texts(args []any) []any {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = text(s)
		}
	}
	return args
}

// HasArticle reports whether an article with this key is stored.
func (s *Store) HasArticle(ctx context.Context, articleKey string) (bool, error) {
	var found bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE article_key = $1)`, text(articleKey)).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("store: has article %s: %w", articleKey, err)
	}
	return found, nil
}
