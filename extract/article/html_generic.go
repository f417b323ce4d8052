package article

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The generic reader handles any other site. It looks for the article text
// along several paths, in order, and records the one it took in
// Article.Layout ("generic-<path>"):
//
//	container   an article container that CMSs name (itemprop=articleBody,
//	            .entry-content, ...), every part of it when the text is
//	            split over several
//	scored      the block that holds the most paragraph text
//	            (readability-style scoring), with the sibling blocks that
//	            continue it
//	jsonld      the JSON-LD articleBody, when the page's markup yields much
//	            less than it states (an <article> holding only a teaser)
//	readability readeck's go-readability (Firefox's Reader View), when the
//	            path taken holds less than 85% of the page's running text
//	            and readability finds much more (a text in sections the
//	            paths above do not join)
//	paragraphs  every prose paragraph of the page outside boilerplate, when
//	            all else comes back empty
//
// Navigation, headers, footers, asides and blocks named as boilerplate are
// left out (see boilerplate), and the paragraphs are cleaned of link lists,
// "Read also" blocks, promos and credits as in the site parsers.

// contentSelectors name article containers common to CMSs (WordPress,
// Bitrix, schema.org markup); a match with enough text is taken as is.
var contentSelectors = []string{
	`[itemprop="articleBody"]`, ".entry-content", ".post-content", ".article-body", ".article__text",
	".article-text", ".news-text", ".text-content", ".story-body", ".content-text", ".single-content",
	".news-body", ".article-content",
}

func parseGeneric(h *htmlPage) Article {
	doc := h.doc
	a := Article{}
	a.Title = firstSet(h.meta.headline, h.meta.cleanTitle(h.meta.ogTitle),
		firstText(doc.Selection, "article h1", "main h1", ".entry-title", "h1"), h.meta.cleanTitle(h.meta.docTitle))
	// A machine-readable date carries the time; the printed one often not.
	a.PublishedAt = h.meta.publishedTime(h.zone, time.Time{})
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
	ps, path := genericText(h, a.Title)
	a.Layout = "generic-" + path
	ps, credited := creditFooter(ps)
	if a.Author == "" {
		a.Author = credited
	}
	a.Body = joinParagraphs(ps)
	return a
}

// genericText finds the article's paragraphs on a page of unknown layout
// and names the path that found them.
func genericText(h *htmlPage, title string) ([]textBlock, string) {
	b := newBoilerplate()
	ps, path := containerText(h, b), "container"
	if ps == nil {
		ps, path = scoredText(h, b), "scored"
	}
	ps = trimLeadingMeta(cleanParagraphs(ps), title)
	got := textRunes(ps)
	if ld := ldBodyParagraphs(h.meta.articleBody); textRunes(ld) > 0 && got*10 < textRunes(ld)*6 {
		// The markup yields much less than the page states it holds.
		return ld, "jsonld"
	}
	// A path that found less than most of the page's running text may have
	// missed part of the article: readability, which scores the page
	// differently, gets a say, and wins when it finds much more.
	if got*100 < pageTextRunes(h, b)*85 {
		if lib := trimLeadingMeta(readabilityText(h, b), title); got*10 < textRunes(lib)*6 {
			return lib, "readability"
		}
	}
	if got == 0 {
		return trimLeadingMeta(cleanParagraphs(proseParagraphs(h, b)), title), "paragraphs"
	}
	return ps, path
}

// pageTextRunes counts the runes of the page's text outside links and
// boilerplate: what an article on the page can at most hold.
func pageTextRunes(h *htmlPage, b *boilerplate) int {
	total := 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			if !inLink {
				total += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Nav, atom.Footer, atom.Header, atom.Aside:
				return
			}
			if b.skip(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || n.DataAtom == atom.A)
		}
	}
	for _, n := range h.doc.Find("body").Nodes {
		walk(n, false)
	}
	return total
}

// textRunes counts the runes of paragraphs.
func textRunes(ps []textBlock) int {
	n := 0
	for _, p := range ps {
		n += p.runes
	}
	return n
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

// containerText reads the first named article container that holds enough
// text, with the other elements of the same name: some sites split the
// article into several sections of one class. nil when none does.
func containerText(h *htmlPage, b *boilerplate) []textBlock {
	for _, s := range contentSelectors {
		if strings.HasPrefix(s, ".") && !h.hasClass(s[1:]) {
			continue
		}
		var nodes []*html.Node
		for _, n := range h.doc.Find(s).Nodes {
			if len(nodes) > 0 && isAncestor(nodes[len(nodes)-1], n) {
				continue
			}
			if b.inside(n) {
				continue
			}
			nodes = append(nodes, n)
		}
		if len(nodes) == 0 {
			continue
		}
		ps := collectParts(nodes, b)
		n := 0
		for _, p := range ps {
			if p.links*2 < p.runes {
				n += p.runes - p.links
			}
		}
		if n >= 150 {
			return ps
		}
	}
	return nil
}

// collectParts reads the parts of a text split over several containers,
// leaving out a part that repeats one read before: some pages carry the
// text twice (a microdata copy for search engines, a print version).
func collectParts(nodes []*html.Node, b *boilerplate) []textBlock {
	var out []textBlock
	seen := map[string]bool{}
	for _, n := range nodes {
		ps := collectNodes([]*html.Node{n}, nil, b.skip)
		key := joinParagraphs(ps)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, ps...)
	}
	return out
}

// isAncestor reports whether a contains n.
func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// scoredText reads the block that holds the most paragraph text, and the
// sibling blocks that continue it; nil when the page has no paragraph text.
func scoredText(h *htmlPage, b *boilerplate) []textBlock {
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
	h.doc.Find("p, pre, div").Each(func(_ int, s *goquery.Selection) {
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
		if l < 25 || b.inside(n) {
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
		return nil
	}
	return collectParts(withSiblingParts(best, b), b)
}

// withSiblingParts returns best and its siblings of the same tag and class,
// in page order: templates that cut an article into sections repeat the
// section's markup, and scoring picks only the section with the most text.
func withSiblingParts(best *html.Node, b *boilerplate) []*html.Node {
	class := nodeAttr(best, "class")
	if best.Parent == nil || class == "" {
		return []*html.Node{best}
	}
	var parts []*html.Node
	for s := best.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == best || s.Type == html.ElementNode && s.DataAtom == best.DataAtom && nodeAttr(s, "class") == class && !b.skip(s) {
			parts = append(parts, s)
		}
	}
	return parts
}

// proseParagraphs collects every paragraph of the page that is not
// boilerplate: the last resort for pages whose text has no container.
func proseParagraphs(h *htmlPage, b *boilerplate) []textBlock {
	var nodes []*html.Node
	h.doc.Find("p").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if len(nodes) > 0 && isAncestor(nodes[len(nodes)-1], n) || b.inside(n) {
			return
		}
		nodes = append(nodes, n)
	})
	return collectNodes(nodes, nil, b.skip)
}

// ldBodyParagraphs splits a JSON-LD articleBody into paragraphs: on blank
// lines, else on line breaks.
func ldBodyParagraphs(body string) []textBlock {
	body = strings.TrimSpace(body)
	if body == "" {
		return nil
	}
	var out []textBlock
	for _, l := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if l = squashSpaces(l); l != "" {
			out = append(out, textBlock{text: l, runes: utf8.RuneCountInString(l)})
		}
	}
	return out
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
