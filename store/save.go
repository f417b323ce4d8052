package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// Page kinds stored in pages.kind besides the crawler's item kinds.
const KindFile = "file"

// SaveResult stores page, and when res is non-nil its article and facts, in
// one transaction: if anything fails nothing is written. Saving an article
// again replaces its facts. kind is the page kind (article, listing, feed,
// sitemap, file; "" means file for a local path, else article). articleKey
// is the article's identity; "" derives it from the article URL, else the
// page URL, else the page source.
func (s *Store) SaveResult(ctx context.Context, page extract.Page, kind, articleKey string, res *extract.Result) error {
	if err := s.save(ctx, ResultPage(page, kind, articleKey, res), res); err != nil {
		return fmt.Errorf("store: save page %s: %w", page.Source, err)
	}
	return nil
}

// save writes the page, and the article and facts of res if any, in one
// transaction.
func (s *Store) save(ctx context.Context, pr PageRow, res *extract.Result) error {
	// Compress before taking the write lock.
	body, encoding, err := s.bodies.Encode(pr.Body)
	if err != nil {
		return fmt.Errorf("compress body: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
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

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// ignoreDone drops the error of rolling back a transaction the context
// already ended.
func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// savePage inserts the page, or, when the same body was stored before for
// the same location, marks that row seen again and returns its id.
func (s *Store) savePage(ctx context.Context, tx *sql.Tx, pr PageRow, body []byte, encoding string) (int64, error) {
	sum := (&extract.Page{Body: pr.Body}).SHA256()
	now := formatTime(time.Now())
	location := pr.Location()
	var id int64
	err := tx.QueryRowContext(ctx, `
UPDATE pages SET last_seen = ?, article_key = coalesce(article_key, ?), run_id = coalesce(?, run_id)
WHERE coalesce(nullif(final_url, ''), source) = ? AND sha256 = ?
RETURNING id`, now, nullString(pr.ArticleKey), s.runID(), location, sum).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("find page: %w", err)
	}
	headers := []byte("{}")
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
	err = tx.QueryRowContext(ctx, `
INSERT INTO pages (source, url, final_url, site, status, content_type, headers, body, body_encoding,
	size, sha256, fetched_at, first_seen, last_seen, kind, article_key, run_id, request_headers)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id`,
		pr.Source, pr.URL, pr.FinalURL, pr.Site, nullInt(pr.Status), pr.ContentType, string(headers), body, encoding,
		len(pr.Body), sum, nullTime(pr.FetchedAt), now, now, pr.Kind, nullString(pr.ArticleKey), s.runID(), requestHeaders,
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert page: %w", err)
	}
	return id, nil
}

// saveArticle upserts the article of res, pointing it at pageID, and
// replaces its facts.
func (s *Store) saveArticle(ctx context.Context, tx *sql.Tx, pageID int64, key string, res *extract.Result) error {
	a := res.Article
	now := formatTime(time.Now())
	args, err := ArticleArgs(key, pageID, a, now)
	if err != nil {
		return err
	}
	var articleID int64
	if err := tx.QueryRowContext(ctx, UpsertArticle, args...).Scan(&articleID); err != nil {
		return fmt.Errorf("save article %s: %w", key, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM facts WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("delete facts of %s: %w", key, err)
	}
	if len(res.Facts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, InsertFact)
	if err != nil {
		return fmt.Errorf("prepare facts: %w", err)
	}
	defer stmt.Close()
	for _, f := range res.Facts {
		_, err := stmt.ExecContext(ctx, FactArgs(articleID, pageID, f, now)...)
		if err != nil {
			return fmt.Errorf("insert fact %s of %s: %w", f.ID, key, err)
		}
	}
	return nil
}

// ReplaceFacts updates the article stored under articleKey from res (as
// re-extracted from the stored page pageID) and replaces its facts, in one
// transaction, stamping them with the running extractor version.
func (s *Store) ReplaceFacts(ctx context.Context, pageID int64, articleKey string, res *extract.Result) error {
	if res == nil {
		return fmt.Errorf("store: replace facts of %s: nil result", articleKey)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return s.saveArticle(ctx, tx, pageID, articleKey, res)
	})
	if err != nil {
		return fmt.Errorf("store: replace facts of %s: %w", articleKey, err)
	}
	return nil
}

// HasArticle reports whether an article with this key is stored.
func (s *Store) HasArticle(ctx context.Context, articleKey string) (bool, error) {
	var one int
	err := s.rdb.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE article_key = ?`, articleKey).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("store: has article %s: %w", articleKey, err)
	}
	return true, nil
}
