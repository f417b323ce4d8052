package crawler

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// Link is a URL found on a page, with what the page says about it.
type Link struct {
	URL   *url.URL
	Title string    // anchor text, listing title or feed title
	Date  time.Time // publication date from a listing, feed or sitemap; zero when not given
	// Updated is a sitemap's lastmod: the page changed then, so it was
	// published no later; it bounds the date from above only.
	Updated time.Time
	Kind    string // KindArticle, KindListing, KindFeed, KindSitemap, or "" (not a page of a known site)
}

// Listing is what a listing, feed or sitemap page yields.
type Listing struct {
	Links  []Link
	Next   string // the next listing page named by the page itself (rel=next), or ""
	Format string // which ListingFormat (or "rss", "sitemap", "links") read it
	Dated  bool   // whether items carry dates (paging can stop on them)
}

// newDocument parses HTML, decoding it by its declared charset so titles
// match keywords whatever the page's encoding.
func newDocument(body []byte, contentType string) (*goquery.Document, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("crawler: decode html: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("crawler: parse html: %w", err)
	}
	return doc, nil
}

// ParseListing reads the items of an HTML listing page at base: with the
// first of the profile's ListingFormats that finds items, else every link on
// the page that the profile classifies as an article.
func (p *Profile) ParseListing(base *url.URL, body []byte, contentType string) (Listing, error) {
	doc, err := newDocument(body, contentType)
	if err != nil {
		return Listing{}, err
	}
	return p.parseListingDoc(base, doc), nil
}

func (p *Profile) parseListingDoc(base *url.URL, doc *goquery.Document) Listing {
	var out Listing
	for _, f := range p.ListingFormats {
		if links, dated, ok := f.read(base, doc); ok {
			out = Listing{Links: links, Format: f.Name, Dated: dated}
			break
		}
	}
	if out.Format == "" {
		out.Format = "links"
		for _, l := range pageLinks(base, doc) {
			if l.Kind == KindArticle && ProfileFor(l.URL) == p {
				out.Links = append(out.Links, l)
			}
		}
	}
	out.Next = relNext(base, doc)
	return out
}

// read applies the format to doc; ok is false when the format does not fit
// the page (no items, or a daily-archive format on a page without a date).
func (f ListingFormat) read(base *url.URL, doc *goquery.Document) (links []Link, dated, ok bool) {
	var pageDate time.Time
	if f.DateParam != "" {
		v := base.Query().Get(f.DateParam)
		t, err := time.Parse(f.DateParamLayout, v)
		if err != nil {
			return nil, false, false
		}
		pageDate = kzDate(t.Year(), t.Month(), t.Day())
	}
	doc.Find(f.Item).Each(func(_ int, item *goquery.Selection) {
		a := item
		if f.Link != "" {
			a = item.Find(f.Link).First()
		} else if goquery.NodeName(item) != "a" {
			a = item.Find("a[href]").First()
		}
		href, found := a.Attr("href")
		if !found {
			return
		}
		u, err := resolve(base, href)
		if err != nil {
			return
		}
		title := a.Text()
		if f.Title != "" {
			if t := item.Find(f.Title).First(); t.Length() > 0 {
				title = t.Text()
			}
		}
		l := Link{URL: u, Title: collapseSpace(title), Kind: kindOf(u), Date: pageDate}
		if f.Date != "" {
			d := item.Find(f.Date).First()
			text := d.Text()
			if f.DateAttr != "" {
				text, _ = d.Attr(f.DateAttr)
			}
			if t, ok := parseItemDate(text); ok {
				l.Date = t
			}
		}
		if !l.Date.IsZero() {
			dated = true
		}
		links = append(links, l)
	})
	return links, dated, len(links) > 0
}

// pageLinks returns every http(s) link of the page with its anchor text and
// kind, once per URL.
func pageLinks(base *url.URL, doc *goquery.Document) []Link {
	var out []Link
	seen := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := resolve(base, href)
		if err != nil {
			return
		}
		s := fetchURL(u)
		if seen[s] {
			return
		}
		seen[s] = true
		out = append(out, Link{URL: u, Title: collapseSpace(a.Text()), Kind: kindOf(u)})
	})
	return out
}

// relNext returns the page's own link to the next page, if any.
func relNext(base *url.URL, doc *goquery.Document) string {
	href, ok := doc.Find(`link[rel="next"], a[rel="next"]`).First().Attr("href")
	if !ok {
		return ""
	}
	u, err := resolve(base, href)
	if err != nil {
		return ""
	}
	return u.String()
}

// resolve turns href into an absolute http(s) URL relative to base.
func resolve(base *url.URL, href string) (*url.URL, error) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil, fmt.Errorf("crawler: empty link")
	}
	u, err := base.Parse(href)
	if err != nil {
		return nil, err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("crawler: not an http link: %s", href)
	}
	return u, nil
}

// kindOf classifies u by the profile of its site; "" for unknown sites.
func kindOf(u *url.URL) string {
	if p := ProfileFor(u); p != nil {
		return p.Classify(u)
	}
	return ""
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
