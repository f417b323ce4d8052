package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// oddPage is a small article page; body is spliced into its story.
func oddPage(head, story string) []byte {
	return []byte(`<!DOCTYPE html><html><head>` + head + `<title>Monitors reach the capital</title></head><body>
<div class="story"><h1>Monitors reach the capital</h1><div class="story-text">` + story + `</div></div></body></html>`)
}

const oddParagraph = "Forty monitors from the regional assembly reached the capital on Tuesday, the commission said."

// nested returns the paragraph inside depth nested elements.
func nested(depth int) string {
	return strings.Repeat("<div><span>", depth/2) + "<p>" + oddParagraph + "</p>" + strings.Repeat("</span></div>", depth/2)
}

// TestParseOddPages covers pages that are odd but real: they must still
// give their text, with a warning where something was repaired or guessed.
func TestParseOddPages(t *testing.T) {
	utf8Story := "<p>" + oddParagraph + "</p><p>Сорок наблюдателей прибыли во вторник.</p>"
	tests := []struct {
		name        string
		contentType string
		body        []byte
		want        string // in the body
		warning     string // in a warning; "" means none
	}{
		{"one NUL in the first 8 KB", "", oddPage("", "<p>Forty monitors\x00 from the regional assembly reached the capital on Tuesday, the commission said.</p>"),
			oddParagraph, "NUL"},
		{"NULs in a few places", "", oddPage("", "<p>"+oddParagraph+"</p>\x00\x00\x00<p>A second\x00 paragraph follows here for the readers.</p>"),
			"A second paragraph follows here for the readers.", "NUL"},
		{"NULs in a text dump", "", []byte("Monitors reach the capital\n\n" + oddParagraph + "\x00\n\nA second paragraph\x00 follows here for the readers.\n"),
			oddParagraph, "NUL"},
		{"600 nested elements", "", oddPage("", nested(600)), oddParagraph, "nested"},
		{"5000 nested elements", "", oddPage("", nested(5000)), oddParagraph, "nested"},
		{"iso-2022-kr in Content-Type", "text/html; charset=iso-2022-kr", oddPage("", utf8Story),
			"Сорок наблюдателей прибыли во вторник.", "iso-2022-kr"},
		{"hz-gb-2312 in a meta tag", "", oddPage(`<meta charset="hz-gb-2312">`, utf8Story),
			"Сорок наблюдателей прибыли во вторник.", "hz-gb-2312"},
		{"replacement label, windows-1251 bytes", "text/html; charset=csiso2022kr",
			oddPage("", "<p>"+oddParagraph+"</p><p>"+string(cp1251(t, "Сорок наблюдателей прибыли во вторник."))+"</p>"),
			"Сорок наблюдателей прибыли во вторник.", "csiso2022kr"},
		{"ordinary page has no warning", "text/html; charset=utf-8", oddPage("", utf8Story), oddParagraph, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(Page{Source: "odd.html", ContentType: tt.contentType, Body: tt.body})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !strings.Contains(a.Body, tt.want) {
				t.Errorf("body lacks %q:\n%q", tt.want, a.Body)
			}
			if strings.ContainsRune(a.Body, 0) {
				t.Errorf("body keeps a NUL: %q", a.Body)
			}
			warnings := strings.Join(a.Warnings, "\n")
			switch {
			case tt.warning == "" && len(a.Warnings) > 0:
				t.Errorf("warnings %q, want none", a.Warnings)
			case tt.warning != "" && !strings.Contains(warnings, tt.warning):
				t.Errorf("warnings %q, want one about %q", a.Warnings, tt.warning)
			}
		})
	}
}

// TestParseBinaryStillRefused checks that files that really are binary
// are still refused after NULs became acceptable in text.
func TestParseBinaryStillRefused(t *testing.T) {
	for _, tt := range []struct {
		name string
		body []byte
	}{
		{"zero-filled file", make([]byte, 4096)},
		{"UTF-16 without a byte order mark", []byte(strings.Join(strings.Split("<html><body>text</body></html>", ""), "\x00"))},
		{"executable", append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0, 1, 2, 3}, 256)...)},
		{"NUL-heavy data", bytes.Repeat([]byte("ab\x00\x00\x00\x01\x02"), 500)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(Page{Source: "blob", Body: tt.body}); !errors.Is(err, ErrBinary) {
				t.Errorf("err %v, want ErrBinary", err)
			}
		})
	}
}
