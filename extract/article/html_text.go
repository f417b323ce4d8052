package article

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Reading the text of an HTML container: paragraphs from block elements,
// <br> kept as a line break, white space collapsed, media, navigation and
// boilerplate blocks left out; then link lists, "Read also" blocks, credits
// and banners dropped from the paragraphs.

// blockTags start a new paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Pre: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Center: true, atom.Tbody: true, atom.Thead: true,
}

var headingTags = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Svg: true,
	atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Source: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Template: true, atom.Button: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Form: true, atom.Figure: true,
	atom.Figcaption: true, atom.Head: true, atom.Link: true, atom.Meta: true, atom.Title: true,
	atom.Nav: true, atom.Aside: true, atom.Math: true,
}

// junkWords are class/id words of blocks that are not article text. Class
// and id values are split on white space, '-' and '_' and compared whole,
// so "navigation" matches but "canvas" does not.
var junkWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "submenu": true, "footer": true,
	"header": true, "sidebar": true, "aside": true, "widget": true, "widgets": true, "share": true,
	"sharing": true, "social": true, "socials": true, "related": true, "popular": true, "subscribe": true,
	"subscription": true, "newsletter": true, "banner": true, "ad": true, "ads": true, "adfox": true,
	"advert": true, "advertisement": true, "adv": true, "cookie": true, "cookies": true, "comments": true,
	"comment": true, "breadcrumb": true, "breadcrumbs": true, "currency": true, "currencies": true,
	"weather": true, "promo": true, "lang": true, "langs": true, "language": true, "languages": true,
	"switcher": true, "tags": true, "tag": true, "keyword": true, "readalso": true, "mostread": true,
	"trending": true, "trends": true, "rates": true, "pagination": true, "pager": true, "modal": true,
	"popup": true, "frame": true, "instagram": true, "twitter": true, "telegram": true, "embed": true,
	"caption": true, "author": true, "byline": true, "date": true, "time": true, "meta": true,
	"partner": true, "partners": true, "recommended": true, "more": true, "latest": true,
	"print": true, "gallery": true, "photo": true, "video": true, "player": true, "title": true,
	"infobar": true, "toolbar": true, "logo": true, "search": true, "login": true, "counter": true,
	"views": true, "rating": true, "credit": true, "credits": true,
}

// junkPairs are two-word class names split by the tokenizer.
var junkPairs = [][2]string{{"read", "also"}, {"most", "read"}, {"see", "also"}, {"more", "news"}, {"news", "partner"}}

// isJunkElement reports an element whose class or id marks it as
// boilerplate, or whose role does.
func isJunkElement(n *html.Node) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return false
	}
	for _, at := range n.Attr {
		if at.Key == "itemprop" && at.Val == "articleBody" {
			return false
		}
	}
	for _, at := range n.Attr {
		switch at.Key {
		case "role":
			switch at.Val {
			case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog":
				return true
			}
		case "aria-hidden":
			if at.Val == "true" {
				return true
			}
		case "hidden":
			return true
		case "class", "id":
			words := strings.FieldsFunc(strings.ToLower(at.Val), func(r rune) bool {
				return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
			})
			for i, w := range words {
				if junkWords[w] {
					return true
				}
				if i > 0 {
					for _, p := range junkPairs {
						if words[i-1] == p[0] && w == p[1] {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// textBlock is one paragraph of extracted text.
type textBlock struct {
	text    string
	runes   int
	links   int // runes inside links
	heading bool
}

// textCollector walks a subtree and cuts its text into paragraphs.
type textCollector struct {
	drop   func(n *html.Node) bool // extra elements to leave out
	paras  []textBlock
	buf    strings.Builder
	links  int
	inLink int
	head   int
}

// collectParagraphs returns the paragraphs of the text under sel, leaving out
// script, media, navigation, boilerplate blocks and whatever drop selects.
func collectParagraphs(sel *goquery.Selection, drop func(n *html.Node) bool) []textBlock {
	c := &textCollector{drop: drop}
	for _, n := range sel.Nodes {
		c.walk(n, true)
		c.flush()
	}
	return c.paras
}

func (c *textCollector) walk(n *html.Node, root bool) {
	switch n.Type {
	case html.TextNode:
		c.appendText(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c.walk(ch, false)
		}
		return
	default:
		return
	}
	if n.DataAtom == atom.Br {
		c.buf.WriteByte('\n')
		return
	}
	if !root && (skipTags[n.DataAtom] || strings.HasPrefix(n.Data, "amp-") || isJunkElement(n) || (c.drop != nil && c.drop(n))) {
		return
	}
	block := blockTags[n.DataAtom]
	if block {
		c.flush()
	}
	isLink := n.DataAtom == atom.A
	if isLink {
		c.inLink++
	}
	isHead := headingTags[n.DataAtom]
	if isHead {
		c.head++
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(ch, false)
	}
	if block {
		c.flush()
	}
	if isHead {
		c.head--
	}
	if isLink {
		c.inLink--
	}
}

func (c *textCollector) appendText(s string) {
	start := c.buf.Len()
	space := false
	for _, r := range s {
		if htmlSpace(r) {
			space = true
			continue
		}
		if space && c.buf.Len() > 0 {
			c.buf.WriteByte(' ')
		}
		space = false
		c.buf.WriteRune(r)
	}
	if space && c.buf.Len() > 0 {
		c.buf.WriteByte(' ')
	}
	if c.inLink > 0 {
		c.links += utf8.RuneCountInString(c.buf.String()[start:])
	}
}

func htmlSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u3000':
		return true
	}
	return false
}

// flush closes the current paragraph. Line breaks from <br> are kept; an
// empty line (two <br>) splits the paragraph.
func (c *textCollector) flush() {
	raw := c.buf.String()
	c.buf.Reset()
	links := c.links
	c.links = 0
	if strings.TrimSpace(raw) == "" {
		return
	}
	var lines []string
	emit := func() {
		if len(lines) == 0 {
			return
		}
		t := strings.Join(lines, "\n")
		n := utf8.RuneCountInString(t)
		l := min(links, n)
		c.paras = append(c.paras, textBlock{text: t, runes: n, links: l, heading: c.head > 0})
		links -= l
		lines = lines[:0]
	}
	for _, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			emit()
			continue
		}
		lines = append(lines, l)
	}
	emit()
}

var reInlineReadAlso = regexp.MustCompile(`(?i)^(?:read also|also read|see also|read more|читайте также|читайте еще|смотрите также|см\. также)\s*[::–—-]`)

// promoPhrases mark subscription and follow-us banners written as
// paragraphs (lower case; plain substring search keeps this linear).
var promoPhrases = []string{
	"sent directly to you", "sign up for our newsletter", "subscribe to our", "follow us on",
	"news in our telegram", "join us on telegram", "подписывайтесь на наш", "подпишитесь на наш", "читайте нас в telegram",
}

func isPromo(lower string) bool {
	for _, p := range promoPhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// reCreditFooter matches the "Translation by …" / "Editing by …" footer
// lines of Qazaq TV and Silk Way TV.
var reCreditFooter = regexp.MustCompile(`^(?i:translation|translated|editing|edited|written|prepared)\s+by\s*:?\s*(.+)$`)

// cleanParagraphs drops what is not article text from paragraphs that
// came out of an article container: link lists, "Read also" blocks and
// their headlines, photo credits.
func cleanParagraphs(ps []textBlock) []textBlock {
	var out []textBlock
	skipping := false
	for _, p := range ps {
		lower := ""
		if p.runes < 250 {
			// Boilerplate is short; long paragraphs are text.
			lower = strings.ToLower(p.text)
		}
		if isStopLine(lower) {
			skipping = true
			continue
		}
		linky := p.links*10 > p.runes*6
		if skipping {
			if linky || !isProseLine(p.text) {
				continue
			}
			skipping = false
		}
		if linky || isPictureLine(lower) || reInlineReadAlso.MatchString(p.text) ||
			isPromo(lower) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// joinParagraphs renders paragraphs as the Article body.
func joinParagraphs(ps []textBlock) string {
	texts := make([]string, 0, len(ps))
	for _, p := range ps {
		texts = append(texts, p.text)
	}
	return strings.Join(texts, "\n\n")
}

// creditFooter removes trailing credit lines ("Translation by …") from ps
// and returns the first credited name.
func creditFooter(ps []textBlock) ([]textBlock, string) {
	name := ""
	for len(ps) > 0 {
		m := reCreditFooter.FindStringSubmatch(ps[len(ps)-1].text)
		if m == nil {
			break
		}
		name = strings.TrimSpace(m[1])
		ps = ps[:len(ps)-1]
	}
	return ps, strings.TrimRight(name, ".")
}
