package article

import (
	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// readabilityText reads the article with readeck's go-readability, a
// maintained port of Firefox's Reader View (Readability.js), on a copy of
// the page; its output goes through the same paragraph cleaning as the
// other paths. nil when it finds nothing.
func readabilityText(h *htmlPage, b *boilerplate) []textBlock {
	art, err := readability.FromDocument(h.doc.Nodes[0], nil)
	if err != nil || art.Node == nil {
		return nil
	}
	return cleanParagraphs(collectNodes([]*html.Node{art.Node}, nil, b.skip))
}
