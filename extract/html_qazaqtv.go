package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Qazaq TV (qazaqtv.com/<lang>/news/<section>/<id>-<slug>) prints the date as
// "31.05.2022, 14:23" under the title and ends articles with "Translation
// by …" / "Editing by …" lines. Those lines are credits, not text: they are
// cut from the body and give the author only when the page has no byline.
// Its markup is known only from rendered text, so the reader keys on the
// news-detail blocks or the og:site_name and falls back to the generic
// content search for the body.

func matchQazaqTV(h *htmlPage) bool {
	if h.doc.Find(".news-detail__text, .news-detail").Length() > 0 {
		return true
	}
	site := strings.ToLower(strings.ReplaceAll(h.meta.siteName, " ", ""))
	return strings.Contains(site, "qazaqtv") || strings.Contains(site, "kazakhtv")
}

func parseQazaqTV(h *htmlPage) Article {
	doc := h.doc
	a := Article{Layout: "qazaqtv"}
	a.Title = firstText(doc.Selection, ".news-detail__title", "article h1", "h1")
	a.PublishedAt = h.dateIn(doc.Selection, ".news-detail__date", "time", `[class*="date"]`)
	a.Author = firstSet(firstText(doc.Selection, ".news-detail__author", `[rel="author"]`), h.meta.author)
	if tags := doc.Find(".news-detail__tags").First(); tags.Length() > 0 {
		a.Tags = splitTags(tags)
	}
	var container *goquery.Selection
	if c := doc.Find(".news-detail__text").First(); c.Length() > 0 {
		container = c
	} else {
		container = bestContainer(doc)
	}
	if container == nil {
		return a
	}
	ps, credited := creditFooter(cleanParagraphs(collectParagraphs(container, nil)))
	if a.Author == "" {
		a.Author = credited
	}
	a.Body = joinParagraphs(ps)
	return a
}
