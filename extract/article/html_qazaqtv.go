package article

import ()

// Qazaq TV (qazaqtv.com/<lang>/news/<section>/<id>-<slug>) prints the date as
// "31.05.2022, 14:23" under the title and ends articles with "Translation
// by …" / "Editing by …" lines. Those lines are credits, not text: they are
// cut from the body and give the author only when the page has no byline.
// Its markup is known only from rendered text, so the reader keys on the
// news-detail blocks or the og:site_name and falls back to the generic
// content search for the body.

// matchQazaqTV takes the pages that name themselves as Qazaq TV's (its host
// or site name); "news-detail" alone is a class many news templates use.
func matchQazaqTV(h *htmlPage) bool {
	return h.namesItself([]string{"qazaqtv.com", "kazakh-tv.kz"}, []string{"qazaq tv", "qazaqtv", "kazakh tv", "kazakhtv"})
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
	var ps []textBlock
	if container := doc.Find(".news-detail__text").First(); container.Length() > 0 {
		ps = trimLeadingMeta(cleanParagraphs(collectParagraphs(container, nil)), a.Title)
	} else {
		ps, _ = genericText(h, a.Title)
	}
	ps, credited := creditFooter(ps)
	if a.Author == "" {
		a.Author = credited
	}
	a.Body = joinParagraphs(ps)
	return a
}
