// Package extract turns a fetched page into an Article (title, date, body
// without boilerplate) and an Article into observer Facts.
//
// It knows nothing of HTTP or SQLite: callers hand it bytes and get values.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Version identifies the extraction logic. Bump it whenever a change may alter
// the facts produced from the same page, so stored rows can be told apart and
// re-extracted.
const Version = "0.1.0"

// Page is a document as it was fetched or read, before any interpretation.
type Page struct {
	Source      string    // the input as given: a URL, or a local file path
	URL         string    // final URL after redirects; empty for local files
	ContentType string    // Content-Type header when known
	Body        []byte    // raw bytes exactly as received
	FetchedAt   time.Time // zero for local files
}

// SHA256 returns the hex sha256 of the raw body.
func (p *Page) SHA256() string {
	sum := sha256.Sum256(p.Body)
	return hex.EncodeToString(sum[:])
}

// Article is the editorial content of a page with boilerplate removed.
type Article struct {
	URL         string    // canonical URL: the page's canonical link, else Page.URL, else Page.Source
	Site        string    // publisher host, e.g. en.inform.kz; empty when unknown
	Title       string    // headline of this article (never of a "Read also" item)
	Author      string    // byline when stated
	Section     string    // last breadcrumb or rubric, e.g. "Elections"
	Tags        []string  // article tags
	Language    string    // "en", "ru", "kk" ... or "" when unknown
	PublishedAt time.Time // zero when unknown; carries the site's UTC offset
	Body        string    // article text; paragraphs separated by "\n\n", line breaks inside paragraphs kept
	Layout      string    // which parser read the page, e.g. "kazinform-a", "textdump", "generic"
}

// Result is what the pipeline makes of one page.
type Result struct {
	Article  Article
	Facts    []Fact
	Warnings []string // non-fatal problems, e.g. parts that do not add up to a total
}
