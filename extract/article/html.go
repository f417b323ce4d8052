package article

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// htmlPage is a parsed HTML page with what every layout needs.
type htmlPage struct {
	doc     *goquery.Document
	page    Page
	meta    pageMeta
	zone    zoneFunc        // offset rule for dates printed without one
	classes map[string]bool // every class name on the page, for cheap layout tests
}

// hasClass reports whether any element of the page has one of the classes.
func (h *htmlPage) hasClass(names ...string) bool {
	for _, n := range names {
		if h.classes[n] {
			return true
		}
	}
	return false
}

// classIndex collects the class names used on the page in one pass, so
// that trying each layout does not walk a big DOM again and again.
func classIndex(root *html.Node) map[string]bool {
	set := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "class" {
					for _, c := range strings.Fields(a.Val) {
						set[c] = true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return set
}

// namesItself reports whether the page's own markup says it is a page of
// the site: the host of its canonical link, og:url or AMP link ends with one
// of hosts, or its og:site_name or JSON-LD publisher contains one of names
// (lower case). Site parsers use it so that a layout's class names, which
// other sites' templates share, never make them claim a foreign page.
func (h *htmlPage) namesItself(hosts, names []string) bool {
	for _, u := range []string{h.meta.canonical, h.meta.amphtml} {
		host := urlHost(u)
		for _, s := range hosts {
			if host == s || strings.HasSuffix(host, "."+s) {
				return true
			}
		}
	}
	for _, n := range []string{h.meta.siteName, h.meta.publisher} {
		n = strings.ToLower(n)
		for _, s := range names {
			if n != "" && strings.Contains(n, s) {
				return true
			}
		}
	}
	return false
}

// htmlLayout reads one family of page markup.
type htmlLayout struct {
	match func(h *htmlPage) bool
	parse func(h *htmlPage) Article
}

// htmlLayouts are tried in order; the first whose markup matches and that
// finds a body wins. The generic reader is the fallback.
var htmlLayouts = []htmlLayout{
	{matchKazinformA, parseKazinformA},
	{matchKazinformB, parseKazinformB},
	{matchKazinformC, parseKazinformC},
	{matchQazaqTV, parseQazaqTV},
}

func parseHTML(text string, p Page) (Article, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "open stack of elements") {
		// x/net/html refuses pages nested deeper than 512 elements.
		return htmlAsText(text), nil
	}
	if err != nil {
		return Article{}, fmt.Errorf("read html: %w", err)
	}
	h := &htmlPage{doc: doc, page: p, classes: classIndex(doc.Nodes[0])}
	h.meta = readMeta(doc, p.URL)
	h.zone = zoneForHost(urlHost(firstSet(h.meta.canonical, p.URL)))
	if isKazinform(h) || matchQazaqTV(h) {
		// Kazakh publishers, whatever host the page was saved under.
		h.zone = KazakhstanOffset
	}

	var a Article
	for _, l := range htmlLayouts {
		if !l.match(h) {
			continue
		}
		a = l.parse(h)
		if a.Body != "" {
			break
		}
	}
	if a.Body == "" {
		a = parseGeneric(h)
	}
	h.meta.fill(&a, h)
	a.PublishedAt, a.DateOnly = dateOnly(a.PublishedAt)
	return a, nil
}

// selText returns the collapsed text of a selection ("" when empty).
func selText(sel *goquery.Selection) string {
	return squashSpaces(sel.Text())
}

// shortText returns the collapsed text of sel if it has at most max bytes
// of text; ok is false (and the walk stops early) for longer texts, so that
// probing big containers for a date stays cheap.
func shortText(sel *goquery.Selection, max int) (string, bool) {
	var b strings.Builder
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return b.Len() <= 4*max
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	for _, n := range sel.Nodes {
		if !walk(n) {
			return "", false
		}
	}
	t := squashSpaces(b.String())
	if len(t) > max*2 {
		return "", false
	}
	return t, true
}

// firstText returns the collapsed text of the first non-empty match of any
// selector.
func firstText(doc *goquery.Selection, selectors ...string) string {
	for _, s := range selectors {
		var out string
		doc.Find(s).EachWithBreak(func(_ int, sel *goquery.Selection) bool {
			out = selText(sel)
			return out == ""
		})
		if out != "" {
			return out
		}
	}
	return ""
}

// dateIn parses the first date found in the datetime/content attributes or
// the texts of the selectors' matches under root; zero if none.
func (h *htmlPage) dateIn(root *goquery.Selection, selectors ...string) time.Time {
	var t time.Time
	for _, s := range selectors {
		root.Find(s).EachWithBreak(func(_ int, sel *goquery.Selection) bool {
			short, _ := shortText(sel, 80)
			for _, v := range []string{sel.AttrOr("datetime", ""), sel.AttrOr("content", ""), short} {
				if v == "" || utf8.RuneCountInString(v) > 80 {
					continue
				}
				if tm, ok := h.meta.parseTime(v, h.zone); ok {
					t = tm
					return false
				}
			}
			return true
		})
		if !t.IsZero() {
			return t
		}
	}
	return t
}

// breadcrumbSection returns the last breadcrumb that is not the title.
func breadcrumbSection(doc *goquery.Document, title string) string {
	var crumbs []string
	doc.Find(`.breadcrumbs, .breadcrumb, .bread-crumbs, [itemtype*="BreadcrumbList"], nav[aria-label="breadcrumb"], .article__breadcrumbs, .path`).First().
		Find("a, li, span").Each(func(_ int, s *goquery.Selection) {
		if s.Children().Length() > 0 && goquery.NodeName(s) != "a" {
			return
		}
		t := strings.Trim(selText(s), " >/»›|")
		if t != "" && !strings.EqualFold(t, title) && (len(crumbs) == 0 || crumbs[len(crumbs)-1] != t) {
			crumbs = append(crumbs, t)
		}
	})
	if len(crumbs) < 2 {
		return ""
	}
	return crumbs[len(crumbs)-1]
}

var reTagsLabel = regexp.MustCompile(`(?i)^\s*(tags|теги)\s*:`)

// splitTags reads tags from a tag block: its links, or its text split on
// '#', commas or runs of spaces.
func splitTags(sel *goquery.Selection) []string {
	var tags []string
	seen := map[string]bool{}
	add := func(t string) {
		t = strings.TrimSpace(strings.Trim(squashSpaces(t), "#,;"))
		lower := strings.ToLower(strings.TrimSuffix(t, ":"))
		if t == "" || lower == "tags" || lower == "теги" || seen[t] {
			return
		}
		seen[t] = true
		tags = append(tags, t)
	}
	links := sel.Find("a")
	if links.Length() > 0 {
		links.Each(func(_ int, a *goquery.Selection) { add(a.Text()) })
		return tags
	}
	raw := strings.ReplaceAll(sel.Text(), "\u00a0", " ")
	raw = strings.TrimSpace(reTagsLabel.ReplaceAllString(raw, ""))
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '#' || r == ',' || r == '\n' }) {
		for _, t := range reSpaceRun.Split(strings.TrimSpace(part), -1) {
			add(t)
		}
	}
	return tags
}

// tagSelectors find tag links on pages without a layout-specific tag block.
var tagSelectors = []string{
	`a[rel~="tag"]`, ".tags a", ".tags-list a", ".tags-links a", ".newsTags a", ".news-tags a",
	".post-tags a", ".entry-tags a", ".article-tags a", ".article__tags a",
}

// markupTags returns the links of the first tag block found.
func markupTags(doc *goquery.Document) []string {
	for _, s := range tagSelectors {
		var tags []string
		doc.Find(s).Each(func(_ int, a *goquery.Selection) {
			if t := strings.Trim(selText(a), "#, "); t != "" {
				tags = append(tags, t)
			}
		})
		if len(tags) > 0 {
			return tags
		}
	}
	return nil
}

func firstSet(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}
