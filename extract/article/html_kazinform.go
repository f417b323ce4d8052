package article

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Kazinform has had three page generations (see research/sites.md §3):
//
//   - Gen A (www.inform.kz/<lang>/<slug>_a<id>, to 2023): div.article_title,
//     div.date_public_art, div.article_news_body, div.keyword_art, p.name_p;
//     its AMP variant (…/amp) keeps the class names in AMP markup.
//   - Gen B (en.inform.kz/news/…, 2023-2026): BEM classes, h1.article__title,
//     .article__description (the lead), div.article__body-text, and
//     meta[name="article:published_time"], meta[name=author].
//   - Gen C (2026 redesign): .article__title, <time>, .article__content,
//     .article__tags.

// isAMP reports an AMP document (<html amp> or <html ⚡>).
func isAMP(doc *goquery.Document) bool {
	for _, n := range doc.Find("html").Nodes {
		for _, at := range n.Attr {
			if at.Key == "amp" || at.Key == "⚡" {
				return true
			}
		}
	}
	return false
}

func withAMP(name string, doc *goquery.Document) string {
	if isAMP(doc) {
		return name + "-amp"
	}
	return name
}

// isKazinform reports a page that names itself as Kazinform's (inform.kz,
// kazinform.kz, qazinform.com): the generations' class names are common
// BEM words that other sites use too.
func isKazinform(h *htmlPage) bool {
	return h.namesItself([]string{"inform.kz", "kazinform.kz", "qazinform.com"}, []string{"kazinform", "qazinform"})
}

func matchKazinformA(h *htmlPage) bool {
	return h.hasClass("article_news_body", "date_public_art") && isKazinform(h)
}

var reAuthorPrefix = regexp.MustCompile(`(?i)^\s*(?:автор|author)\s*:\s*`)

func parseKazinformA(h *htmlPage) Article {
	doc := h.doc
	a := Article{Layout: withAMP("kazinform-a", doc)}
	a.Title = firstText(doc.Selection, ".article_title h1", "h1.article_title", ".article_title")
	a.PublishedAt = h.dateIn(doc.Selection, ".date_public_art")
	a.Author = firstText(doc.Selection, ".name_p")
	if a.Author == "" {
		// AMP pages print "Author:" and the name in one block.
		doc.Find(".author_art, .article_author, .author").EachWithBreak(func(_ int, s *goquery.Selection) bool {
			a.Author = strings.TrimSpace(reAuthorPrefix.ReplaceAllString(selText(s), ""))
			return a.Author == ""
		})
	}
	if tags := doc.Find(".keyword_art").First(); tags.Length() > 0 {
		a.Tags = splitTags(tags)
	}
	body := doc.Find(".article_news_body").First()
	drop := func(n *html.Node) bool {
		return nodeHasClass(n, "frame_news_article") || nodeHasClass(n, "instagram-media")
	}
	a.Body = joinParagraphs(cleanParagraphs(collectParagraphs(body, drop)))
	return a
}

func matchKazinformB(h *htmlPage) bool {
	return (h.hasClass("article__body-text") ||
		(h.hasClass("article__title") && !h.hasClass("article__content") && h.doc.Find("h1.article__title").Length() > 0)) &&
		isKazinform(h)
}

func parseKazinformB(h *htmlPage) Article {
	doc := h.doc
	a := Article{Layout: withAMP("kazinform-b", doc)}
	a.Title = firstText(doc.Selection, "h1.article__title", ".article__title")
	a.PublishedAt = h.dateIn(doc.Selection, `meta[name="article:published_time"]`, ".article__time", ".article__date", "time")
	a.Author = firstSet(doc.Find(`meta[name="author"]`).AttrOr("content", ""), firstText(doc.Selection, ".article__author"))
	if tags := doc.Find(".article__tags").First(); tags.Length() > 0 {
		a.Tags = splitTags(tags)
	}
	drop := func(n *html.Node) bool {
		return nodeHasClass(n, "adfox") || strings.Contains(nodeAttr(n, "id"), "adfox")
	}
	// The lead sits outside the body container but is part of the text.
	sel := doc.Find(".article__description").First().AddSelection(doc.Find(".article__body-text").First())
	a.Body = joinParagraphs(cleanParagraphs(collectParagraphs(sel, drop)))
	return a
}

func matchKazinformC(h *htmlPage) bool {
	return h.hasClass("article__content") && isKazinform(h)
}

func parseKazinformC(h *htmlPage) Article {
	doc := h.doc
	a := Article{Layout: withAMP("kazinform-c", doc)}
	a.Title = firstText(doc.Selection, "h1.article__title", ".article__title", "h1")
	root := doc.Find(".article__title").First().Closest("article, .article")
	if root.Length() == 0 {
		root = doc.Selection
	}
	a.PublishedAt = h.dateIn(root, "time")
	if a.PublishedAt.IsZero() {
		a.PublishedAt = h.dateIn(doc.Selection, "time")
	}
	a.Author = firstText(root, ".article__author", `[rel="author"]`)
	if tags := doc.Find(".article__tags").First(); tags.Length() > 0 {
		a.Tags = splitTags(tags)
	}
	drop := func(n *html.Node) bool {
		return nodeHasClass(n, "article__tags") || nodeHasClass(n, "adfox") || strings.Contains(nodeAttr(n, "id"), "adfox")
	}
	a.Body = joinParagraphs(cleanParagraphs(collectParagraphs(doc.Find(".article__content").First(), drop)))
	return a
}

// nodeHasClass reports whether n's class attribute lists class.
func nodeHasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(nodeAttr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
