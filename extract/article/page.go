// Package article reads a fetched page into an Article: title, date, author,
// section, tags, language and body text with the boilerplate removed ("Read
// also", "Popular", menus, rates). It decodes any charset, recognises the
// layouts of the sites it knows by their markup, reads other sites with a
// generic scorer, and reads plain-text dumps line by line.
//
// It knows nothing of HTTP, SQLite or facts: callers hand it bytes.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

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
	// DateOnly says PublishedAt is a calendar date alone (midnight UTC, a
	// clock that means nothing): the page printed no UTC offset and the
	// publisher's time zone is not known, so no time of day is claimed.
	DateOnly bool
	Body     string // article text; paragraphs separated by "\n\n", line breaks inside paragraphs kept
	Layout   string // which parser read the page, e.g. "kazinform-a", "textdump", "generic"
	// Warnings say what was repaired or guessed to read an odd page (NUL
	// bytes dropped, a charset label that cannot be right, nesting too deep
	// for the HTML parser); the text is still the page's.
	Warnings []string
}
