package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
)

// What another store backend (store/pgstore, PostgreSQL) shares with this
// one: the rows it writes, the body encoding, the outcome words, the
// filters' conditions and the time format. Their SQL is written with "?"
// placeholders in the dialect both databases read.

// TimeFormat is how times are stored: RFC 3339 in UTC at second precision.
// In UTC it has a fixed width, so stored times compare correctly as text.
const TimeFormat = time.RFC3339

// FormatTime formats t in UTC for storage.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// PageRow is a page as the pages table stores it.
type PageRow struct {
	Source, URL, FinalURL, Site, ContentType string
	Status                                   int // 0 = unknown (local file)
	Headers, RequestHeaders                  map[string]string
	Body                                     []byte
	FetchedAt                                time.Time
	Kind, ArticleKey                         string
}

// Location is where the page came from: its final URL, or its source for a
// local file. A page is stored once per location and body.
func (p PageRow) Location() string {
	if p.FinalURL != "" {
		return p.FinalURL
	}
	return p.Source
}

// ResultPage is the row of a page given to extract (a file or a URL), with
// the defaults SaveResult documents for kind and articleKey.
func ResultPage(page extract.Page, kind, articleKey string, res *extract.Result) PageRow {
	if kind == "" {
		kind = "article"
		if page.URL == "" && !isHTTP(page.Source) {
			kind = KindFile
		}
	}
	if res != nil && articleKey == "" {
		articleKey = DeriveArticleKey(page, res.Article)
	}
	pr := PageRow{
		Source: page.Source, FinalURL: page.URL, ContentType: page.ContentType,
		Body: page.Body, FetchedAt: page.FetchedAt, Kind: kind, ArticleKey: articleKey,
	}
	if isHTTP(page.Source) {
		pr.URL = page.Source
	}
	if res != nil {
		pr.Site = res.Article.Site
	}
	if page.ContentType != "" {
		pr.Headers = map[string]string{"Content-Type": page.ContentType}
	}
	return pr
}

// ResponsePage is the row of a crawled response.
func ResponsePage(resp crawler.Response, result *extract.Result) PageRow {
	pr := PageRow{
		Source: resp.Item.URL, URL: resp.Item.URL, FinalURL: resp.FinalURL, Site: resp.Item.Site,
		Status: resp.Status, Headers: resp.Header, RequestHeaders: resp.RequestHeader, Body: resp.Body, FetchedAt: resp.FetchedAt,
		Kind: resp.Item.Kind, ArticleKey: resp.ArticleKey,
	}
	for k, v := range resp.Header {
		if strings.EqualFold(k, "Content-Type") {
			pr.ContentType = v
		}
	}
	if pr.Kind == "" {
		pr.Kind = crawler.KindArticle
	}
	if result != nil && pr.ArticleKey == "" {
		pr.ArticleKey = DeriveArticleKey(extract.Page{Source: resp.Item.URL, URL: resp.FinalURL}, result.Article)
	}
	return pr
}

// DeriveArticleKey is the article identity used when the caller has none:
// the article's canonical URL, else the page's final URL, else its source.
func DeriveArticleKey(page extract.Page, a extract.Article) string {
	switch {
	case a.URL != "":
		return a.URL
	case page.URL != "":
		return page.URL
	}
	return page.Source
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

// BodyCodec compresses page bodies for storage. The zero value is ready;
// it is safe for concurrent use.
type BodyCodec struct {
	pool sync.Pool // *gzip.Writer: one costs ~800 KB to make
}

// Encode returns b gzipped, or b itself when that is not smaller, with the
// body_encoding naming which.
func (c *BodyCodec) Encode(b []byte) (data []byte, encoding string, err error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw, _ := c.pool.Get().(*gzip.Writer)
	if zw == nil {
		zw = gzip.NewWriter(&buf)
	} else {
		zw.Reset(&buf)
	}
	defer c.pool.Put(zw)
	if _, err := zw.Write(b); err != nil {
		return nil, "", err
	}
	if err := zw.Close(); err != nil {
		return nil, "", err
	}
	if buf.Len() >= len(b) { // tiny or incompressible: keep as is
		return b, "identity", nil
	}
	return buf.Bytes(), "gzip", nil
}

// DecodeBody reverses Encode for a body stored with the given encoding.
func DecodeBody(b []byte, encoding string) ([]byte, error) {
	switch encoding {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		return io.ReadAll(zr)
	case "identity", "":
		return b, nil
	}
	return nil, fmt.Errorf("unknown body encoding %q", encoding)
}

// OutcomeWord maps a caller's outcome to an Outcome word and a note:
// "ok" and "partial" (some inputs failed) are completed, "max-pages"
// completed at the limit, "error: …" failed with the error as the note.
func OutcomeWord(outcome string) (word, note string) {
	switch {
	case outcome == "ok", outcome == OutcomeCompleted:
		return OutcomeCompleted, ""
	case outcome == "partial":
		return OutcomeCompleted, "some inputs failed"
	case outcome == "max-pages":
		return OutcomeCompleted, "stopped at --max-pages"
	case outcome == OutcomeInterrupted:
		return OutcomeInterrupted, ""
	case strings.HasPrefix(outcome, "error: "):
		return OutcomeFailed, strings.TrimPrefix(outcome, "error: ")
	}
	return OutcomeFailed, outcome
}

// ReadRun completes a run read from the runs table: its times and counts
// as stored, and the outcome of one that recorded none (running while its
// process lives, else abandoned).
func ReadRun(run *Run, started, finished, counts string, live bool) error {
	if run.Outcome == "" {
		run.Outcome = OutcomeAbandoned
		if live {
			run.Outcome = OutcomeRunning
		}
	}
	var err error
	if run.StartedAt, err = time.Parse(TimeFormat, started); err != nil {
		return err
	}
	if finished != "" {
		if run.FinishedAt, err = time.Parse(TimeFormat, finished); err != nil {
			return err
		}
	}
	if err := json.Unmarshal([]byte(counts), &run.Counts); err != nil {
		return fmt.Errorf("run %d counts: %w", run.ID, err)
	}
	return nil
}

// Where returns the SQL condition selecting the archived responses of f
// from pages, and its arguments.
func (f ArchiveFilter) Where() (string, []any) {
	conds, args := []string{"url != ''", "status IS NOT NULL", "fetched_at IS NOT NULL"}, []any{}
	if !f.Since.IsZero() {
		conds = append(conds, "fetched_at >= ?")
		args = append(args, f.Since.UTC().Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "fetched_at < ?")
		args = append(args, f.Until.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	}
	if f.Site != "" {
		conds = append(conds, `(site = ? OR url LIKE 'http%://' || ? || '/%' OR url LIKE 'http%://%.' || ? || '/%')`)
		args = append(args, f.Site, f.Site, f.Site)
	}
	return strings.Join(conds, " AND "), args
}

// CopyTables are the tables obsfacts copy moves from one store to another,
// in an order that keeps every reference valid. schema_migrations is the
// target's own; host_slots and robots belong to a crawl while it runs.
var CopyTables = []string{"runs", "pages", "articles", "facts", "frontier", "seen_links", "workers"}

// Loader loads the rows of a copy into an empty store, in one transaction:
// a copy that fails leaves the store as it was.
type Loader interface {
	// Rows inserts rows of table, whose values are in the order of cols,
	// ids included.
	Rows(ctx context.Context, table string, cols []string, rows [][]any) error
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// ErrNotEmpty is returned (wrapped) by BeginCopy for a store that holds
// data already.
var ErrNotEmpty = errors.New("the store holds data already")

// IsCopyTable reports whether table is one of CopyTables, the only names
// EachRow and Loader.Rows take (they go into SQL as they are).
func IsCopyTable(table string) bool { return slices.Contains(CopyTables, table) }

// UpsertArticle saves an article (arguments: ArticleArgs) under its key,
// replacing what was stored, and returns its id.
const UpsertArticle = `
INSERT INTO articles (article_key, url, site, title, author, section, tags, language,
	published_at, published_date, body, layout, page_id, extractor_version, first_seen, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_key) DO UPDATE SET
	url = excluded.url, site = excluded.site, title = excluded.title, author = excluded.author,
	section = excluded.section, tags = excluded.tags, language = excluded.language,
	published_at = excluded.published_at, published_date = excluded.published_date,
	body = excluded.body, layout = excluded.layout, page_id = excluded.page_id,
	extractor_version = excluded.extractor_version, updated_at = excluded.updated_at
RETURNING id`

// ArticleArgs are the arguments of UpsertArticle for article a of page
// pageID stored under key at time now.
func ArticleArgs(key string, pageID int64, a extract.Article, now string) ([]any, error) {
	if key == "" {
		return nil, errors.New("article key is empty")
	}
	tags := []byte("[]")
	if len(a.Tags) > 0 {
		var err error
		if tags, err = json.Marshal(a.Tags); err != nil {
			return nil, fmt.Errorf("encode tags: %w", err)
		}
	}
	var published, publishedDate any
	if !a.PublishedAt.IsZero() {
		published = export.FormatPublished(a.PublishedAt, a.DateOnly)
		publishedDate = a.PublishedAt.Format(time.DateOnly)
	}
	articleURL := a.URL
	if articleURL == "" {
		articleURL = key
	}
	return []any{key, articleURL, nullString(a.Site), nullString(a.Title), nullString(a.Author), nullString(a.Section), string(tags),
		nullString(a.Language), published, publishedDate, a.Body, nullString(a.Layout), pageID, extract.Version, now, now}, nil
}

// InsertFact stores a fact (arguments: FactArgs).
const InsertFact = `
INSERT INTO facts (article_id, page_id, fact_id, subject, subject_canonical, subject_code, subject_kind,
	observers, qualifier, status, as_of, period_start, period_end, election_date, election_type,
	evidence, char_start, char_end, rule, spans, check_note, extractor_version, created_at, election_country)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// FactArgs are the arguments of InsertFact for fact f of an article.
func FactArgs(articleID, pageID int64, f extract.Fact, now string) []any {
	return []any{articleID, pageID, f.ID, f.Subject, nullString(f.SubjectCanonical),
		nullString(f.SubjectCode), nullString(f.SubjectKind), f.Count, nullString(f.Qualifier), nullString(f.Status),
		nullString(f.AsOf), nullString(f.PeriodStart), nullString(f.PeriodEnd), nullString(f.ElectionDate),
		nullString(f.ElectionType), f.Evidence, f.CharStart, f.CharEnd, nullString(f.Rule), nullInt(f.Spans),
		nullString(f.Check), extract.Version, now, nullString(f.ElectionCountry)}
}
