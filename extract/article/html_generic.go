package article

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The generic reader handles any other site: it picks the block that holds
// the most paragraph text (readability-style scoring), leaving out
// navigation, headers, footers, asides, forms and link lists.

// contentSelectors name article containers common to CMSs (WordPress,
// Bitrix, schema.org markup); a match with enough text is taken as is.
var contentSelectors = []string{
	`[itemprop="articleBody"]`, ".entry-content", ".post-content", ".article-body", ".article__text",
	".article-text", ".news-text", ".text-content", ".story-body", ".content-text", ".single-content",
	".news-body", ".article-content",
}

func parseGeneric(h *htmlPage) Article {
	doc := h.doc
	a := Article{Layout: "generic"}
	a.Title = firstSet(h.meta.headline, h.meta.cleanTitle(h.meta.ogTitle),
		firstText(doc.Selection, "article h1", "main h1", ".entry-title", "h1"), h.meta.cleanTitle(h.meta.docTitle))
	// A machine-readable date carries the time; the printed one often not.
	for _, v := range h.meta.published {
		if t, ok := h.meta.parseTime(v, h.zone); ok {
			a.PublishedAt = t
			break
		}
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = h.dateNearTitle()
	}
	a.Author = h.meta.author
	if a.Author == "" {
		doc.Find(`[rel="author"], .author-name, .byline, .author`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			t := strings.TrimSpace(strings.TrimPrefix(selText(s), "By "))
			if t != "" && utf8.RuneCountInString(t) <= 60 {
				a.Author = t
			}
			return a.Author == ""
		})
	}
	container, ps := bestContainer(h)
	if container == nil {
		return a
	}
	if ps == nil {
		ps = collectParagraphs(container, nil)
	}
	ps, credited := creditFooter(cleanParagraphs(ps))
	if a.Author == "" {
		a.Author = credited
	}
	a.Body = joinParagraphs(trimLeadingMeta(ps, a.Title))
	return a
}

// trimLeadingMeta drops the title and date lines that a container found by
// scoring may start with: they are printed above the text, not part of it.
func trimLeadingMeta(ps []textBlock, title string) []textBlock {
	for len(ps) > 0 {
		t := ps[0].text
		if !strings.EqualFold(t, title) && !(ps[0].runes <= 45 && isDateLine(t)) {
			break
		}
		ps = ps[1:]
	}
	return ps
}

// dateNearTitle looks for a short date line among the elements that follow
// the title, as many sites print the date right under it.
func (h *htmlPage) dateNearTitle() (t time.Time) {
	title := h.doc.Find("article h1, main h1, h1").First()
	if title.Length() == 0 {
		return t
	}
	seen := 0
	for s := title; s.Length() > 0 && seen < 3; s = s.Parent() {
		for sib := s.Next(); sib.Length() > 0 && seen < 12; sib = sib.Next() {
			seen++
			v, _ := shortText(sib, 60)
			if v == "" || utf8.RuneCountInString(v) > 60 {
				if found := h.dateIn(sib, "time", `[class*="date"]`, `[class*="time"]`); !found.IsZero() {
					return found
				}
				continue
			}
			if tm, ok := h.meta.parseTime(v, h.zone); ok {
				return tm
			}
		}
		seen++
	}
	return t
}

// bestContainer returns the element that holds the article text, or nil,
// and its paragraphs when it had to collect them to decide.
func bestContainer(h *htmlPage) (*goquery.Selection, []textBlock) {
	doc := h.doc
	for _, s := range contentSelectors {
		if strings.HasPrefix(s, ".") && !h.hasClass(s[1:]) {
			continue
		}
		sel := doc.Find(s).First()
		if sel.Length() == 0 {
			continue
		}
		ps := collectParagraphs(sel, nil)
		n := 0
		for _, p := range ps {
			if p.links*2 < p.runes {
				n += p.runes - p.links
			}
		}
		if n >= 150 {
			return sel, ps
		}
	}

	scores := map[*html.Node]float64{}
	var order []*html.Node
	add := func(n *html.Node, v float64) {
		if n == nil || n.Type != html.ElementNode {
			return
		}
		if _, ok := scores[n]; !ok {
			order = append(order, n)
		}
		scores[n] += v
	}
	doc.Find("p, pre, div").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		var l int
		host := n.Parent
		if n.DataAtom == atom.Div {
			// A div counts only for its own text: sites that write
			// paragraphs as text and <br>.
			l = ownTextLen(n)
			host = n
		} else {
			l = utf8.RuneCountInString(strings.TrimSpace(s.Text()))
		}
		if l < 25 || insideBoilerplate(n) {
			return
		}
		v := 1 + min(float64(l)/100, 3) + float64(strings.Count(s.Text(), ","))*0.5
		add(host, v)
		if host != nil {
			add(host.Parent, v/2)
		}
	})
	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		sc := scores[n] * (1 - linkDensity(n))
		if sc > bestScore {
			best, bestScore = n, sc
		}
	}
	if best == nil {
		return nil, nil
	}
	return goquery.NewDocumentFromNode(best).Selection, nil
}

// ownTextLen counts the runes of n's direct text children.
func ownTextLen(n *html.Node) int {
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			l += utf8.RuneCountInString(strings.TrimSpace(c.Data))
		}
	}
	return l
}

// insideBoilerplate reports whether n sits in navigation, a header, footer,
// aside, form or a block whose class marks it as boilerplate.
func insideBoilerplate(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Form, atom.Noscript, atom.Template:
			return true
		}
		if p != n && isJunkElement(p) {
			return true
		}
	}
	return false
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	total, links := 0, 0
	var walk func(*html.Node, bool)
	walk = func(c *html.Node, inLink bool) {
		if c.Type == html.TextNode {
			l := utf8.RuneCountInString(strings.TrimSpace(c.Data))
			total += l
			if inLink {
				links += l
			}
			return
		}
		if c.Type == html.ElementNode && skipTags[c.DataAtom] {
			return
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, inLink || c.DataAtom == atom.A)
		}
	}
	walk(n, false)
	if total == 0 {
		return 1
	}
	return float64(links) / float64(total)
}
