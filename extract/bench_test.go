package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/obsfacts/obsfacts/extract/article"
)

// benchPages loads the development corpus and fixture pages, split into
// pages that state observer facts and pages that state none (election news
// with turnout, candidates, invitations, domestic observers: the costly kind
// of page without facts, since the cheap filter lets them through).
func benchPages(b *testing.B) (withFacts, without []Page) {
	b.Helper()
	for _, dir := range []string{"../testdata/corpus/en", "../testdata/corpus/ru", "../testdata/pages"} {
		stating := map[string]bool{}
		f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var g struct{ File string }
			if json.Unmarshal(sc.Bytes(), &g) == nil {
				stating[g.File] = true
			}
		}
		f.Close()
		entries, err := os.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".txt") && !strings.HasSuffix(e.Name(), ".html") {
				continue
			}
			body, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			p := Page{Source: e.Name(), Body: body}
			if stating[e.Name()] {
				withFacts = append(withFacts, p)
			} else {
				without = append(without, p)
			}
		}
	}
	return withFacts, without
}

func benchmarkPipeline(b *testing.B, pages []Page) {
	x := NewExtractor() // gazetteer and calendar load once, outside the timing
	var size int64
	for _, p := range pages {
		size += int64(len(p.Body))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Process(pages[i%len(pages)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPipelineNoFacts is article plus fact extraction of pages that
// state no observer counts. Target: 300 pages/s on one core.
func BenchmarkPipelineNoFacts(b *testing.B) {
	_, without := benchPages(b)
	benchmarkPipeline(b, without)
}

// BenchmarkPipelineWithFacts is the same over pages that state observer
// counts. Target: 50 pages/s on one core.
func BenchmarkPipelineWithFacts(b *testing.B) {
	with, _ := benchPages(b)
	benchmarkPipeline(b, with)
}

// BenchmarkExtractFacts is fact extraction alone, on articles already parsed.
func BenchmarkExtractFacts(b *testing.B) {
	with, _ := benchPages(b)
	var arts []article.Article
	for _, p := range with {
		a, err := article.Parse(p)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	x := NewExtractor()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(&arts[i%len(arts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
