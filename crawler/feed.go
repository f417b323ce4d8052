package crawler

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
)

// ParseFeed reads an RSS 2.0 or Atom feed, or a sitemap (urlset, Google News
// sitemap, or sitemap index), into links. Entries of a sitemap index come
// back as KindSitemap links; the others are classified by their site's
// profile. The parser is lenient: feeds in the wild are often not
// well-formed XML.
func ParseFeed(base *url.URL, body []byte) (Listing, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel

	var (
		out   Listing
		entry *feedEntry // the item being read, or nil
		field string     // the entry field whose text is being read
		text  strings.Builder
		root  string
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if root == "" {
				return Listing{}, fmt.Errorf("crawler: parse feed %s: %w", base, err)
			}
			break // keep what was read before the damage
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
			}
			switch name {
			case "item", "entry", "url":
				entry = &feedEntry{}
			case "sitemap":
				entry = &feedEntry{index: true}
			case "link":
				if entry != nil {
					// Atom: <link rel="alternate" href="…"/>
					for _, a := range t.Attr {
						if a.Name.Local == "href" && entry.link == "" {
							entry.link = a.Value
						}
					}
				}
			}
			if entry != nil {
				switch name {
				case "link", "loc", "guid", "id", "title", "pubdate", "published", "updated", "date", "lastmod", "publication_date":
					field = name
					text.Reset()
				}
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if entry != nil && name == field {
				entry.set(field, strings.TrimSpace(text.String()))
				field = ""
			}
			switch name {
			case "item", "entry", "url", "sitemap":
				if entry != nil {
					if l, ok := entry.toLink(base); ok {
						out.Links = append(out.Links, l)
						if !l.Date.IsZero() || !l.Updated.IsZero() {
							out.Dated = true
						}
					}
				}
				entry = nil
			}
		}
	}
	switch root {
	case "rss", "feed", "rdf":
		out.Format = "rss"
	case "urlset", "sitemapindex":
		out.Format = "sitemap"
	default:
		return Listing{}, fmt.Errorf("crawler: parse feed %s: not a feed or sitemap (root <%s>)", base, root)
	}
	return out, nil
}

type feedEntry struct {
	index              bool // a sitemap index entry
	link, guid, title  string
	published, updated string
}

func (e *feedEntry) set(field, v string) {
	switch field {
	case "link", "loc":
		if e.link == "" {
			e.link = v
		}
	case "guid", "id":
		e.guid = v
	case "title":
		// news:title of a Google News sitemap and the feed item title alike
		if e.title == "" {
			e.title = v
		}
	case "pubdate", "published", "date", "publication_date":
		if e.published == "" {
			e.published = v
		}
	case "updated", "lastmod":
		e.updated = v
	}
}

func (e *feedEntry) toLink(base *url.URL) (Link, bool) {
	href := e.link
	if href == "" && strings.HasPrefix(e.guid, "http") {
		href = e.guid
	}
	u, err := resolve(base, href)
	if err != nil {
		return Link{}, false
	}
	l := Link{URL: u, Title: collapseSpace(e.title), Kind: kindOf(u)}
	if l.Kind == "" && ProfileFor(u) == nil {
		l.Kind = KindArticle // an item of a site without a profile
	}
	if e.index {
		l.Kind = KindSitemap
	}
	if t, ok := parseItemDate(e.published); ok {
		l.Date = t
	}
	if t, ok := parseItemDate(e.updated); ok {
		l.Updated = t
	}
	return l, true
}
