package article

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// pageMeta is what a page states about itself in machine-readable form:
// <meta> tags, JSON-LD, itemprop, <link rel=canonical>, <html lang>.
// Layouts read the visible markup; pageMeta fills what they leave empty.
type pageMeta struct {
	lang        string
	canonical   string
	siteName    string
	publisher   string // JSON-LD publisher name
	amphtml     string // <link rel=amphtml>: the page's AMP twin, on the publisher's host
	docTitle    string // <title>
	ogTitle     string
	headline    string   // JSON-LD headline
	articleBody string   // JSON-LD articleBody: the text as the publisher states it
	published   []string // candidate publication times, best first
	author      string
	section     string
	tags        []string
}

var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BlogPosting": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true, "Report": true,
}

func readMeta(doc *goquery.Document, pageURL string) pageMeta {
	var m pageMeta
	m.lang = normalizeLang(doc.Find("html").AttrOr("lang", ""))

	canon := doc.Find(`link[rel="canonical"]`).AttrOr("href", "")
	m.amphtml = absURL(pageURL, doc.Find(`link[rel="amphtml"]`).AttrOr("href", ""))
	var ogURL string
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		key := strings.ToLower(firstSet(s.AttrOr("property", ""), s.AttrOr("name", ""), s.AttrOr("itemprop", "")))
		val := squashSpaces(s.AttrOr("content", ""))
		if key == "" || val == "" {
			return
		}
		switch key {
		case "og:url":
			ogURL = val
		case "og:title":
			m.ogTitle = val
		case "og:site_name":
			m.siteName = val
		case "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
			"dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "date":
			m.published = append(m.published, val)
		case "author", "article:author", "dc.creator", "byl":
			if m.author == "" && !strings.HasPrefix(val, "http") {
				m.author = strings.TrimSpace(strings.TrimPrefix(val, "By "))
			}
		case "article:section":
			if m.section == "" {
				m.section = val
			}
		case "article:tag":
			m.tags = append(m.tags, val)
		case "og:locale":
			if m.lang == "" {
				m.lang = normalizeLang(val)
			}
		}
	})
	doc.Find(`[itemprop="datePublished"]`).Each(func(_ int, s *goquery.Selection) {
		if v := firstSet(s.AttrOr("datetime", ""), s.AttrOr("content", "")); v != "" {
			m.published = append(m.published, v)
		}
	})
	if m.author == "" {
		m.author = firstText(doc.Selection, `[itemprop="author"] [itemprop="name"]`, `[itemprop="author"]`)
	}
	m.docTitle = squashSpaces(doc.Find("title").First().Text())

	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		obj := findLDArticle(v)
		if obj == nil {
			return
		}
		m.readLD(obj)
		if canon == "" {
			if u, ok := obj["url"].(string); ok {
				canon = u
			}
		}
	})
	m.canonical = absURL(pageURL, firstSet(canon, ogURL))
	return m
}

// readLD takes what a JSON-LD article object states and the other sources
// left unsaid; its date goes first, as the most deliberate statement.
func (m *pageMeta) readLD(obj map[string]any) {
	if h, ok := obj["headline"].(string); ok && m.headline == "" {
		m.headline = squashSpaces(h)
	}
	if b, ok := obj["articleBody"].(string); ok && len(b) > len(m.articleBody) {
		m.articleBody = b
	}
	if d, ok := obj["datePublished"].(string); ok {
		m.published = append([]string{d}, m.published...)
	}
	if p := ldName(obj["publisher"]); p != "" && m.publisher == "" {
		m.publisher = p
	}
	if a := ldName(obj["author"]); a != "" && m.author == "" {
		m.author = a
	}
	if sec := ldStrings(obj["articleSection"]); len(sec) > 0 && m.section == "" {
		m.section = sec[0]
	}
	if kw := ldStrings(obj["keywords"]); len(kw) > 0 && len(m.tags) == 0 {
		m.tags = kw
	}
}

// fill completes a from the page's metadata where the layout left gaps.
func (m pageMeta) fill(a *Article, h *htmlPage) {
	if a.Title == "" {
		a.Title = firstSet(m.headline, m.cleanTitle(m.ogTitle),
			firstText(h.doc.Selection, "article h1", "main h1", "h1"), m.cleanTitle(m.docTitle))
	}
	if a.PublishedAt.IsZero() || a.PublishedAt.Location() == dateOnlyZone {
		a.PublishedAt = m.publishedTime(h.zone, a.PublishedAt)
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = h.dateIn(h.doc.Selection, "article time[datetime]", "time[datetime]", "time",
			`[class*="date"]`, `[class*="time"]`, `[class*="publish"]`)
	}
	if a.Author == "" {
		a.Author = m.author
	}
	if a.Section == "" {
		a.Section = firstSet(breadcrumbSection(h.doc, a.Title), m.section)
	}
	if len(a.Tags) == 0 {
		a.Tags = m.tags
	}
	if len(a.Tags) == 0 {
		a.Tags = markupTags(h.doc)
	}
	if a.URL == "" {
		a.URL = m.canonical
	}
	if a.Language == "" {
		a.Language = m.lang
	}
}

// publishedTime returns the first machine-readable publication time that
// states or implies its offset, else the first date, else fallback.
func (m pageMeta) publishedTime(zone zoneFunc, fallback time.Time) time.Time {
	for _, v := range m.published {
		if t, ok := m.parseTime(v, zone); ok {
			if t.Location() != dateOnlyZone {
				return t
			}
			if fallback.IsZero() {
				fallback = t
			}
		}
	}
	return fallback
}

// parseTime reads a machine-readable time and shows it in the site's
// offset: a time stated in UTC is converted, so published_at carries the
// publisher's offset as the export promises.
func (m pageMeta) parseTime(v string, zone zoneFunc) (time.Time, bool) {
	t, stated, ok := parseDateZone(v, zone)
	if !ok || !stated {
		return t, ok
	}
	if _, off := t.Zone(); off == 0 && zone(t.Year(), t.Month(), t.Day(), 0, 0) != dateOnlyZone {
		u := t.UTC().Add(6 * time.Hour) // a first guess of the local wall clock
		loc := zone(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute())
		l := t.In(loc)
		t = t.In(zone(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute()))
	}
	return t, true
}

// cleanTitle cuts a site-name suffix ("Title | Kazinform", "Title - TASS").
func (m pageMeta) cleanTitle(t string) string {
	if t == "" {
		return ""
	}
	if i := strings.LastIndex(t, " | "); i > 0 && utf8.RuneCountInString(t[i+3:]) <= 40 && lineWords(t[i+3:]) <= 4 {
		t = strings.TrimSpace(t[:i])
	}
	site := strings.ToLower(m.siteName)
	host := strings.TrimPrefix(urlHost(m.canonical), "www.")
	for _, sep := range []string{" - ", " — ", " – "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		last := strings.ToLower(strings.TrimSpace(t[i+len(sep):]))
		if (site != "" && strings.Contains(last, site)) || (host != "" && (last == host || strings.HasPrefix(host, last+"."))) {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// findLDArticle finds the first article object in a JSON-LD value,
// looking through arrays and @graph.
func findLDArticle(v any) map[string]any {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findLDArticle(e); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range ldStrings(x["@type"]) {
			if articleTypes[t] {
				return x
			}
		}
		if g, ok := x["@graph"]; ok {
			return findLDArticle(g)
		}
	}
	return nil
}

// ldName reads a person's name from a JSON-LD author value: a string, an
// object with "name", or a list of either (names joined by ", ").
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return squashSpaces(x)
	case map[string]any:
		return ldName(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// ldStrings reads a JSON-LD value that is a string, a comma-separated
// string or a list of strings.
func ldStrings(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		for _, s := range strings.Split(x, ",") {
			if s = squashSpaces(s); s != "" {
				out = append(out, s)
			}
		}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && squashSpaces(s) != "" {
				out = append(out, squashSpaces(s))
			}
		}
	}
	return out
}

// absURL makes ref absolute against base; ref unchanged if it cannot.
func absURL(base, ref string) string {
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if r.IsAbs() {
		return r.String()
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return ref
	}
	return b.ResolveReference(r).String()
}
