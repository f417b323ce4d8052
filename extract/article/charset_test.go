package article

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func cp1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const ruArticle = "АСТАНА. Центральная избирательная комиссия аккредитовала 120 иностранных наблюдателей, сообщили в комиссии. Ещё ёлка."

func TestDecodeBody(t *testing.T) {
	page := func(head string) string {
		return "<html><head>" + head + "<title>Выборы</title></head><body><p>" + ruArticle + "</p></body></html>"
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string // substring of the decoded text
	}{
		{"meta charset", cp1251(t, page(`<meta charset="windows-1251">`)), "", ruArticle},
		{"meta http-equiv", cp1251(t, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`)), "", ruArticle},
		{"content type header", cp1251(t, page("")), "text/html; charset=Windows-1251", ruArticle},
		{"header wins over meta", cp1251(t, page(`<meta charset="utf-8">`)), "text/html; charset=cp1251", ruArticle},
		{"undeclared cp1251", cp1251(t, page("")), "", ruArticle},
		{"cp1251 labelled utf-8", cp1251(t, page(`<meta charset="utf-8">`)), "text/html; charset=utf-8", ruArticle},
		{"undeclared cp1251 text dump", cp1251(t, "Заголовок новости\n"+ruArticle), "", ruArticle},
		{"utf-8 mislabelled as cp1251", []byte(page(`<meta charset="windows-1251">`)), "", ruArticle},
		{"koi8-r", mustEncode(t, charmap.KOI8R, page(`<meta charset="koi8-r">`)), "", ruArticle},
		{"utf-8 BOM", append([]byte("\xEF\xBB\xBF"), page("")...), "", ruArticle},
		{"utf-16le BOM", utf16LE(page("")), "", ruArticle},
		{"invalid utf-8", []byte("Observers\xff\xfe arrived \xc3 today."), "", "Observers\ufffd\ufffd arrived \ufffd today."},
		{"latin-1 page", mustEncode(t, charmap.ISO8859_1, "<html><head><meta charset=iso-8859-1></head><body><p>Café déjà vu observers.</p></body></html>"), "", "Café déjà vu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := decodeBody(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("decoded text lacks %q:\n%.300s", tt.want, got)
			}
		})
	}
}

func mustEncode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		// BMP only, which is all the test needs.
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestParseWindows1251Fixture(t *testing.T) {
	p := readFixture(t, "cp1251_ru_president2011.html")
	if bytes.Contains(p.Body, []byte("аккредитовала")) {
		t.Fatal("fixture is not windows-1251 encoded")
	}
	a, err := Parse(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "аккредитовала 739 международных наблюдателей") {
		t.Errorf("body not decoded:\n%s", a.Body)
	}
}

func TestParseInvalidUTF8(t *testing.T) {
	body := []byte("<html><body><p>The CEC accredited 40 observers\xff from the CIS on Monday, its press service said.</p></body></html>")
	a, err := Parse(Page{Source: "x", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "observers\ufffd from") {
		t.Errorf("Body = %q", a.Body)
	}
}

// TestParseHugePage checks that a 50 MB page (and a 10 MB text dump) is
// read in linear time and memory; it asserts the result, not the time taken.
func TestParseHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB page")
	}
	const para = "<p>The commission accredited more observers from international organisations and foreign states, its press service said on Monday.</p>\n"
	var b bytes.Buffer
	b.Grow(50<<20 + 1024)
	b.WriteString("<!DOCTYPE html><html lang=\"en\"><head><title>Big page</title></head><body><h1>Big page</h1><div class=\"article-body\">")
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	b.WriteString("</div></body></html>")
	start := time.Now()
	a, err := Parse(Page{Source: "big.html", Body: b.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Big page" || len(a.Body) < 40<<20 {
		t.Errorf("Title %q, body %d bytes", a.Title, len(a.Body))
	}
	t.Logf("50 MB HTML page parsed in %v", time.Since(start))

	text := strings.Repeat("The commission accredited more observers from international organisations,\nits press service said.\n", 100000)
	start = time.Now()
	a, err = Parse(Page{Source: "big.txt", Body: []byte("Big dump title line here\n" + text)})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) < len(text)*9/10 {
		t.Errorf("dump body %d bytes of %d", len(a.Body), len(text))
	}
	t.Logf("%d MB text dump parsed in %v", len(text)>>20, time.Since(start))
}
