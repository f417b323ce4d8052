package facts

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/article"
)

// TestLongSentenceIsReadInPieces: a sentence longer than the cap is read in
// pieces; each fact's evidence is its piece, marked where it was cut, and
// its offsets hold exactly the piece.
func TestLongSentenceIsReadInPieces(t *testing.T) {
	x := NewExtractorWithLimits(Limits{MaxSentence: 200, MaxFacts: 100})
	body := "The commission accredited " + strings.Repeat("many more guests and ", 30) +
		"the CIS sent 40 observers and " + strings.Repeat("still more guests and ", 30) + "nobody else."
	a := &article.Article{Body: body, Language: "en"}
	facts, _ := x.Extract(a)
	if len(facts) != 1 || facts[0].SubjectCode != "CIS" || facts[0].Count != 40 {
		t.Fatalf("facts %+v, want CIS 40", facts)
	}
	f := facts[0]
	if !strings.HasPrefix(f.Evidence, CutMark+" ") || !strings.HasSuffix(f.Evidence, " "+CutMark) {
		t.Errorf("evidence %q is not marked as cut on both sides", f.Evidence)
	}
	kept := string([]rune(body)[f.CharStart:f.CharEnd])
	if want := strings.TrimSuffix(strings.TrimPrefix(f.Evidence, CutMark+" "), " "+CutMark); kept != want {
		t.Errorf("offsets %d:%d hold %q, evidence %q", f.CharStart, f.CharEnd, kept, want)
	}
	if n := len(kept); n > 200 {
		t.Errorf("piece of %d bytes, cap 200", n)
	}
}

// TestFactsPerPageCapped: an article stating more facts than the cap keeps
// the first ones and says so.
func TestFactsPerPageCapped(t *testing.T) {
	x := NewExtractorWithLimits(Limits{MaxSentence: 3000, MaxFacts: 5})
	var b strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "The CEC accredited %d foreign observers.\n\n", 100+i)
	}
	facts, warnings := x.Extract(&article.Article{Body: b.String(), Language: "en"})
	if len(facts) != 5 {
		t.Errorf("%d facts, want the cap of 5", len(facts))
	}
	if len(warnings) == 0 || !strings.Contains(warnings[0], "only the first 5 kept") {
		t.Errorf("warnings %q, want one about the cap", warnings)
	}
}

// TestExtractionTimeLimit: past the time limit ExtractWithin stops with
// ErrTimeout and no facts.
func TestExtractionTimeLimit(t *testing.T) {
	x := NewExtractorWithLimits(Limits{MaxSentence: 3000, MaxFacts: 500, TimeLimit: time.Nanosecond})
	facts, _, err := x.ExtractWithin(&article.Article{Body: "The CIS will send 40 observers.", Language: "en"})
	if !errors.Is(err, ErrTimeout) || facts != nil {
		t.Errorf("facts %v err %v, want no facts and ErrTimeout", facts, err)
	}
}

// BenchmarkExtractScaling measures the time per KB of fact extraction on the
// two shapes that used to take time growing with the square of their size:
// one endless sentence of counts, and tens of thousands of short list items.
// Flat ns/KB from 10 KB to 10 MB means linear time.
func BenchmarkExtractScaling(b *testing.B) {
	shapes := []struct {
		name string
		unit string
	}{
		{"one-sentence", "5 observers "},
		{"list-items", "Observers of the CIS – 5;\n\n"},
	}
	x := NewExtractor()
	for _, sh := range shapes {
		for _, kb := range []int{10, 100, 1000, 10000} {
			body := strings.Repeat(sh.unit, kb*1024/len(sh.unit))
			if !utf8.ValidString(body) {
				b.Fatal("invalid body")
			}
			a := &article.Article{Body: body, Language: "en"}
			b.Run(fmt.Sprintf("%s/%dKB", sh.name, kb), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					x.Extract(a)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(kb), "ns/KB")
			})
		}
	}
}
