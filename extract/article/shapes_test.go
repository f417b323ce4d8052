package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArticleShapes reads the small pages of testdata/articles, one per
// markup shape on which the generic reader once failed, and compares each
// body with the page's .body.txt. The pages are written for the test, in
// the image of real sites' markup.
func TestArticleShapes(t *testing.T) {
	tests := []struct {
		file, layout string
	}{
		{"cms_widget_wrapper.html", "generic-scored"},        // text in page-builder "widget" blocks
		{"aspnet_form_wrapper.html", "generic-scored"},       // whole page inside a <form>
		{"wrapper_named_sidebar.html", "generic-scored"},     // "content-with-sidebar" wrapper
		{"consent_box_first.html", "generic-scored"},         // cookie and newsletter boxes before the text
		{"split_containers.html", "generic-container"},       // one article in several .article__text
		{"microdata_copy.html", "generic-container"},         // the text twice, as hidden microdata
		{"jsonld_teaser.html", "generic-jsonld"},             // <article> holds only a teaser
		{"data_table.html", "generic-container"},             // table rows named "player"
		{"foreign_kazinform_classes.html", "generic-scored"}, // Kazinform's class names on another site
		{"sibling_sections.html", "generic-scored"},          // sections between figures and pull quotes
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".html"), func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "articles", tt.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(path, ".html") + ".body.txt")
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(Page{Source: path, Body: b})
			if err != nil {
				t.Fatal(err)
			}
			if a.Layout != tt.layout {
				t.Errorf("Layout = %q, want %q", a.Layout, tt.layout)
			}
			if a.Body != strings.TrimSpace(string(want)) {
				t.Errorf("Body =\n%s\n\nwant\n%s", a.Body, want)
			}
		})
	}
}
