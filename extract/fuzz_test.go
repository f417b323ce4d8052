package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/facts"
)

// Fuzz targets of the pipeline's two entry shapes, through its public entry
// point only: HTML pages (page parsing) and plain text (fact extraction).
// Seeds are in testdata/fuzz/<target> and the fixture pages; .ci/run fuzzes
// each briefly:
//
//	go test -run '^$' -fuzz '^FuzzParsePage$' -fuzztime 5s ./extract

// maxFuzzInput keeps fuzzing on the shapes of pages rather than their size
// (extraction time is benchmarked apart).
const maxFuzzInput = 64 << 10

// FuzzParsePage feeds the pipeline arbitrary pages with arbitrary
// Content-Types: it never panics, and what it returns holds together.
func FuzzParsePage(f *testing.F) {
	for _, name := range []string{"kazinform_a_majilis2021.html", "cp1251_ru_president2011.html", "qazaqtv_president2022.html"} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "pages", name)); err == nil {
			f.Add("text/html", b)
		}
	}
	x := NewExtractor()
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		if len(body) > maxFuzzInput {
			t.Skip("larger than the fuzzed size")
		}
		checkResult(t, x, Page{Source: "fuzz.html", URL: "https://www.inform.kz/en/fuzz_a1", ContentType: contentType, Body: body})
	})
}

// FuzzExtractFacts feeds fact extraction arbitrary text: it never panics,
// and every fact's offsets point at its evidence.
func FuzzExtractFacts(f *testing.F) {
	matches, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "en", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "ru", "*.txt"))
	for _, name := range append(matches[:min(len(matches), 3)], more[:min(len(more), 3)]...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	x := NewExtractor()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzInput {
			t.Skip("larger than the fuzzed size")
		}
		checkResult(t, x, Page{Source: "fuzz.txt", ContentType: "text/plain; charset=utf-8", Body: []byte(text)})
	})
}

// checkResult runs the pipeline on p and checks what any result must hold:
// text in UTF-8 without NULs, positive counts, evidence found at its offsets.
func checkResult(t *testing.T, x *Extractor, p Page) {
	t.Helper()
	res, err := x.Process(p)
	if err != nil {
		return
	}
	a := res.Article
	if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) || strings.ContainsRune(a.Body, 0) {
		t.Errorf("article text is not clean UTF-8: title %q body %q", a.Title, a.Body)
	}
	body := []rune(a.Body)
	for _, fc := range res.Facts {
		if fc.Count <= 0 {
			t.Errorf("count %d in %q", fc.Count, fc.Evidence)
		}
		if fc.CharStart == -1 {
			continue // the headline
		}
		if fc.CharStart < 0 || fc.CharEnd > len(body) || fc.CharStart >= fc.CharEnd {
			t.Errorf("offsets %d:%d outside a body of %d characters", fc.CharStart, fc.CharEnd, len(body))
			continue
		}
		// evidence cut from a longer sentence is marked where it was cut
		evidence := strings.TrimSuffix(strings.TrimPrefix(fc.Evidence, facts.CutMark+" "), " "+facts.CutMark)
		if got := string(body[fc.CharStart:fc.CharEnd]); got != evidence {
			t.Errorf("offsets %d:%d hold %q, evidence is %q", fc.CharStart, fc.CharEnd, got, fc.Evidence)
		}
	}
}
