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
// so "navigation" matches but "canvas" does not. A hard word marks a block
// that is never article text, whatever it holds; a soft one ("sidebar",
// "widget", "meta") also turns up in the names of CMS wrappers around the
// article ("content-with-sidebar", "elementor-widget-container",
// "hs_cos_wrapper_meta_field"), so the generic reader keeps such a block when
// it holds prose (see boilerplate).
var junkWords = map[string]junkKind{
	"nav": hardJunk, "navbar": hardJunk, "navigation": hardJunk, "menu": hardJunk, "submenu": hardJunk,
	"footer": hardJunk, "related": hardJunk, "popular": hardJunk, "subscribe": hardJunk,
	"subscription": hardJunk, "newsletter": hardJunk, "cookie": hardJunk, "cookies": hardJunk,
	"comments": hardJunk, "comment": hardJunk, "breadcrumb": hardJunk, "breadcrumbs": hardJunk,
	"readalso": hardJunk, "mostread": hardJunk, "trending": hardJunk, "recommended": hardJunk,
	"pagination": hardJunk, "pager": hardJunk, "modal": hardJunk, "popup": hardJunk,

	"header": softJunk, "sidebar": softJunk, "aside": softJunk, "widget": softJunk, "widgets": softJunk,
	"share": softJunk, "sharing": softJunk, "social": softJunk, "socials": softJunk, "banner": softJunk,
	"ad": softJunk, "ads": softJunk, "adfox": softJunk, "advert": softJunk, "advertisement": softJunk,
	"adv": softJunk, "currency": softJunk, "currencies": softJunk, "weather": softJunk, "promo": softJunk,
	"lang": softJunk, "langs": softJunk, "language": softJunk, "languages": softJunk, "switcher": softJunk,
	"tags": softJunk, "tag": softJunk, "keyword": softJunk, "trends": softJunk, "rates": softJunk,
	"frame": softJunk, "instagram": softJunk, "twitter": softJunk, "telegram": softJunk, "embed": softJunk,
	"caption": softJunk, "author": softJunk, "byline": softJunk, "date": softJunk, "time": softJunk,
	"meta": softJunk, "partner": softJunk, "partners": softJunk, "more": softJunk, "latest": softJunk,
	"print": softJunk, "gallery": softJunk, "photo": softJunk, "video": softJunk, "player": softJunk,
	"title": softJunk, "infobar": softJunk, "toolbar": softJunk, "logo": softJunk, "search": softJunk,
	"login": softJunk, "counter": softJunk, "views": softJunk, "rating": softJunk, "credit": softJunk,
	"credits": softJunk,
}

// junkKind grades how surely an element's markup marks it as boilerplate.
type junkKind uint8

const (
	notJunk  junkKind = iota
	softJunk          // usually boilerplate, but the name also fits wrappers of the text
	hardJunk          // never article text
)

// junkPairs are two-word class names split by the tokenizer.
var junkPairs = [][2]string{{"read", "also"}, {"most", "read"}, {"see", "also"}, {"more", "news"}, {"news", "partner"}}

// isJunkElement reports an element whose class or id marks it as
// boilerplate, or whose role does.
func isJunkElement(n *html.Node) bool {
	return junkKindOf(n) != notJunk
}

// junkKindOf grades an element by its role, hidden state, class and id.
func junkKindOf(n *html.Node) junkKind {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return notJunk
	}
	for _, at := range n.Attr {
		if at.Key == "itemprop" && at.Val == "articleBody" {
			return notJunk
		}
	}
	kind := notJunk
	for _, at := range n.Attr {
		switch at.Key {
		case "role":
			switch at.Val {
			case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog":
				return hardJunk
			}
		case "aria-hidden":
			if at.Val == "true" {
				return hardJunk
			}
		case "hidden":
			return hardJunk
		case "class", "id":
			kind = max(kind, classJunk(at.Val))
			if kind == hardJunk {
				return kind
			}
		}
	}
	if kind == softJunk && tableCells[n.DataAtom] {
		// Data tables name rows and columns after their content:
		// "player", "date", "time", "title".
		return notJunk
	}
	return kind
}

// tableCells are the elements inside a table.
var tableCells = map[atom.Atom]bool{
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// contentWords in a class or id name the text's own wrappers
// ("td-content-and-menu", "box article modal-enabled"): they make a hard
// boilerplate word soft.
var contentWords = map[string]bool{
	"content": true, "article": true, "body": true, "main": true, "story": true, "post": true, "entry": true,
}

// classJunk grades a class or id value by its words.
func classJunk(v string) junkKind {
	kind := notJunk
	content := false
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
	})
	for i, w := range words {
		kind = max(kind, junkWords[w])
		content = content || contentWords[w]
		if i > 0 {
			for _, p := range junkPairs {
				if words[i-1] == p[0] && w == p[1] {
					kind = hardJunk
				}
			}
		}
	}
	if content && kind == hardJunk {
		return softJunk
	}
	return kind
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
	skip   func(n *html.Node) bool // what counts as boilerplate; nil: skipTags and isJunkElement
	paras  []textBlock
	buf    strings.Builder
	links  int
	inLink int
	head   int
}

// collectParagraphs returns the paragraphs of the text under sel, leaving out
// script, media, navigation, boilerplate blocks and whatever drop selects.
func collectParagraphs(sel *goquery.Selection, drop func(n *html.Node) bool) []textBlock {
	return collectNodes(sel.Nodes, drop, nil)
}

// collectNodes is collectParagraphs over nodes, with the boilerplate test
// given by skip (nil: skipTags and isJunkElement).
func collectNodes(nodes []*html.Node, drop, skip func(n *html.Node) bool) []textBlock {
	c := &textCollector{drop: drop, skip: skip}
	for _, n := range nodes {
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
	if !root && (c.skips(n) || (c.drop != nil && c.drop(n))) {
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

// skips reports whether n is boilerplate to leave out.
func (c *textCollector) skips(n *html.Node) bool {
	if c.skip != nil {
		return c.skip(n)
	}
	return skipTags[n.DataAtom] || strings.HasPrefix(n.Data, "amp-") || isJunkElement(n)
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

// promoStarts open calls to subscribe or follow when they make up a short
// paragraph of their own ("Подписывайтесь на Sputnik Казахстан в Telegram").
var promoStarts = []string{
	"подписывайтесь на ", "подпишитесь на ", "follow us ", "subscribe to ", "sign up for ",
}

// isPromo reports a subscription or follow-us banner; lower is the
// paragraph in lower case, runes its length.
func isPromo(lower string, runes int) bool {
	for _, p := range promoPhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	if runes <= 100 {
		for _, p := range promoStarts {
			if strings.HasPrefix(lower, p) {
				return true
			}
		}
	}
	return false
}

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
			isPromo(lower, p.runes) {
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

// creditFooter removes trailing credit lines ("Translation by …",
// "Аударған …"; see credit.go) from ps and returns the first credited name.
func creditFooter(ps []textBlock) ([]textBlock, string) {
	name := ""
	for len(ps) > 0 {
		n, ok := creditLine(ps[len(ps)-1].text)
		if !ok {
			break
		}
		name = n
		ps = ps[:len(ps)-1]
	}
	return ps, name
}
