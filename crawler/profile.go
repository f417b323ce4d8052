package crawler

import (
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A Profile describes one news site: where a crawl of it starts, which URLs
// are articles, listings, feeds and sitemaps, how URLs of the site map onto
// one identity, and how its listings are read. Adding a site is one file
// that declares a Profile and registers it in an init function.
type Profile struct {
	// Name identifies the site in flags and in the frontier, e.g. "kazinform".
	Name string
	// Hosts lists the hosts the site serves, as canonicalHost writes them
	// (lowercase, without "www." or "m.").
	Hosts []string
	// Starts returns where a crawl of the site begins.
	Starts func(q StartQuery) []Start
	// Articles, Listings, Feeds and Sitemaps classify a URL by its path
	// (after Normalize); the first kind that matches wins, in this order:
	// Feeds, Sitemaps, Articles, Listings.
	Articles, Listings, Feeds, Sitemaps []*regexp.Regexp
	// Normalize applies site rules to an already generic-canonical URL:
	// host aliases, AMP path variants. It may be nil.
	Normalize func(u *url.URL)
	// ArticleID returns a stable identity for article URLs that carry an id
	// (e.g. "kazinform:a3721112"), or "". It sees the normalized URL and may be nil.
	ArticleID func(u *url.URL) string
	// ListingFormats are the listing markups of the site's generations, tried
	// in order; the first that finds items wins.
	ListingFormats []ListingFormat
	// NextPage returns the URL of the listing page after u, which is page
	// number page, or "" when the listing has no pages. Nil means "?page=N".
	NextPage func(u *url.URL, page int) string
	// PreviousDay returns, for a page of a daily archive, the first page
	// of the day before, or "" when that day is before since or u is no
	// daily archive. May be nil.
	PreviousDay func(u *url.URL, since time.Time) string
	// Language returns the language of a page of the site from its URL
	// ("en", "ru", "kk"), or "" when the URL does not tell. May be nil.
	Language func(u *url.URL) string
}

// StartQuery is what a profile's start pages depend on.
type StartQuery struct {
	Range Range
	All   bool      // --all-articles; otherwise the crawl follows election coverage
	Now   time.Time // listings reach back a limited time from now
}

// How a start page or URL pattern is known, from the research notes.
const (
	EvidenceSeen   = "seen"   // a real URL of this form is known
	EvidenceConfig = "config" // listed in other people's scraper configs, never checked
	EvidenceGuess  = "guess"  // inferred from other editions or sites; may not exist
)

// Start is a URL a crawl begins from, with its kind (KindListing, KindFeed,
// KindSitemap or KindArticle).
type Start struct {
	URL  string
	Kind string
	// Once marks a page that never changes (a past day's archive): it is
	// not read again by later runs.
	Once bool
	// Lang is the edition's language ("en", "ru", "kk"); "" for pages of
	// every language (sitemaps).
	Lang string
	// Evidence says how the URL is known (EvidenceSeen, ...); Note says
	// more for --help.
	Evidence, Note string
}

// ListingFormat says how to read the items of one listing markup. Selectors
// are goquery selectors relative to the item.
type ListingFormat struct {
	Name  string // e.g. "kazinform-b-lenta", for logs
	Item  string // selects one entry
	Link  string // the entry's link; "" = the entry itself if it is an <a>, else its first a[href]
	Title string // the entry's title; "" = the link text
	Date  string // the entry's date text; "" = no per-item date
	// DateAttr, when set, reads the date from this attribute of the Date
	// element (e.g. "datetime") instead of its text.
	DateAttr string
	// DateParam names a query parameter of the listing URL that dates every
	// item of the page (a daily archive), with its layout.
	DateParam, DateParamLayout string
}

// registry holds the site profiles, filled by init functions of the profile
// files and read-only afterwards.
var registry = map[string]*Profile{}

// hostIndex maps each canonical host to its profile.
var hostIndex = map[string]*Profile{}

func register(p *Profile) {
	registry[p.Name] = p
	for _, h := range p.Hosts {
		hostIndex[h] = p
	}
}

// Profiles returns the known site profiles sorted by name.
func Profiles() []*Profile {
	out := make([]*Profile, 0, len(registry))
	for _, p := range registry {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ProfileByName returns the profile called name, or nil.
func ProfileByName(name string) *Profile { return registry[name] }

// ProfileFor returns the profile of the site serving u, or nil.
func ProfileFor(u *url.URL) *Profile { return profileForHost(canonicalHost(u.Host)) }

// profileForHost looks a canonical host up, falling back to its parent
// domains so subdomains of a site (qz.inform.kz) find its profile.
func profileForHost(host string) *Profile {
	host, _, _ = strings.Cut(host, ":")
	for h := host; h != ""; {
		if p, ok := hostIndex[h]; ok {
			return p
		}
		_, rest, found := strings.Cut(h, ".")
		if !found || !strings.Contains(rest, ".") {
			break
		}
		h = rest
	}
	return nil
}

// normalized returns the canonical form of u under the profile's rules.
func (p *Profile) normalized(u *url.URL) *url.URL {
	v := canonicalURL(u)
	if p.Normalize != nil {
		p.Normalize(v)
	}
	return v
}

// Classify returns the kind of page u is on this site: KindArticle,
// KindListing, KindFeed, KindSitemap, or "" when the URL is none of them
// (images, static pages, other sites' links).
func (p *Profile) Classify(u *url.URL) string {
	path := p.normalized(u).EscapedPath()
	if path == "" {
		path = "/"
	}
	for _, c := range []struct {
		kind string
		res  []*regexp.Regexp
	}{{KindFeed, p.Feeds}, {KindSitemap, p.Sitemaps}, {KindArticle, p.Articles}, {KindListing, p.Listings}} {
		for _, re := range c.res {
			if re.MatchString(path) {
				return c.kind
			}
		}
	}
	return ""
}

// IsArticle reports whether u is an article page of this site.
func (p *Profile) IsArticle(u *url.URL) bool { return p.Classify(u) == KindArticle }

// IsListing reports whether u is a listing (section, tag, news feed page,
// daily archive) of this site.
func (p *Profile) IsListing(u *url.URL) bool { return p.Classify(u) == KindListing }

// ArticleKey returns the identity of the article at u: the site's id key
// when the URL carries one, else the canonical URL.
func (p *Profile) ArticleKey(u *url.URL) string {
	v := p.normalized(u)
	if p.ArticleID != nil {
		if id := p.ArticleID(v); id != "" {
			return id
		}
	}
	return v.String()
}

// nextPage returns the listing page after u (page number page).
func (p *Profile) nextPage(u *url.URL, page int) string {
	if p.NextPage != nil {
		return p.NextPage(u, page)
	}
	return withQueryPage(u, page+1)
}

// withQueryPage returns u with its "page" query parameter set to n.
func withQueryPage(u *url.URL, n int) string {
	v := *u
	q := v.Query()
	q.Set("page", strconv.Itoa(n))
	v.RawQuery = q.Encode()
	v.Fragment = ""
	return v.String()
}

// mustRes compiles regular expressions for profile tables.
func mustRes(exprs ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(exprs))
	for i, e := range exprs {
		out[i] = regexp.MustCompile(e)
	}
	return out
}

// Lang returns the language of a page of the site from its URL, or "".
func (p *Profile) Lang(u *url.URL) string {
	if p.Language == nil {
		return ""
	}
	return p.Language(u)
}

// StartPages lists the start pages of the profile for --help: those of an
// open-ended crawl and those added for days of the old sites.
func (p *Profile) StartPages(now time.Time) []Start {
	old := time.Date(2020, 11, 20, 0, 0, 0, 0, time.UTC)
	var out []Start
	seen := map[string]bool{}
	for _, q := range []StartQuery{{Now: now}, {Range: Range{Since: old, Until: old}, Now: now}} {
		for _, s := range p.Starts(q) {
			if !seen[s.URL] {
				seen[s.URL] = true
				out = append(out, s)
			}
		}
	}
	return out
}
