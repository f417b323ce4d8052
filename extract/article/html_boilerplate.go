package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerplate tells the generic reader which elements are not the article.
// Site parsers know their markup and leave out every block whose name looks
// like boilerplate; on unknown sites such names also mark the wrappers of the
// text: WordPress page builders put the article in "elementor-widget"
// blocks, HubSpot in a "meta_field", Drupal in "content-with-sidebar", and
// ASP.NET pages sit whole inside a <form>. So a block that is only softly
// marked is kept when it holds prose.
type boilerplate struct {
	prose map[*html.Node]bool // memo of holdsProse
}

func newBoilerplate() *boilerplate {
	return &boilerplate{prose: map[*html.Node]bool{}}
}

// skip reports whether the text collector leaves n out.
func (b *boilerplate) skip(n *html.Node) bool {
	if n.DataAtom == atom.Form {
		return !b.holdsProse(n)
	}
	if skipTags[n.DataAtom] || strings.HasPrefix(n.Data, "amp-") {
		return true
	}
	switch junkKindOf(n) {
	case hardJunk:
		return true
	case softJunk:
		return !b.holdsProse(n)
	}
	return false
}

// inside reports whether n sits in navigation, a header, footer, aside or
// a block marked as boilerplate.
func (b *boilerplate) inside(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Noscript, atom.Template:
			return true
		case atom.Form:
			if !b.holdsProse(p) {
				return true
			}
		}
		if p != n && b.skip(p) && p.DataAtom != atom.Form {
			return true
		}
	}
	return false
}

// proseRunes is how much running text makes a block article text rather
// than a box of links, labels and teasers: a few sentences.
const proseRunes = 400

// holdsProse reports whether n holds a few sentences of running text: text
// runs of at least 60 runes outside links, 400 runes in all.
func (b *boilerplate) holdsProse(n *html.Node) bool {
	if v, ok := b.prose[n]; ok {
		return v
	}
	total := 0
	var walk func(c *html.Node, inLink bool) bool
	walk = func(c *html.Node, inLink bool) bool {
		switch c.Type {
		case html.TextNode:
			if !inLink {
				if l := utf8.RuneCountInString(strings.TrimSpace(c.Data)); l >= 60 {
					total += l
				}
			}
			return total >= proseRunes
		case html.ElementNode:
			if c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Template {
				return false
			}
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			if walk(ch, inLink || c.DataAtom == atom.A) {
				return true
			}
		}
		return false
	}
	v := walk(n, false)
	b.prose[n] = v
	return v
}
