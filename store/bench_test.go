package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func BenchmarkSaveResult(b *testing.B) {
	ctx := context.Background()
	s := backends[0].fresh(b)
	sentences := make([]string, 8)
	for i := range sentences {
		sentences[i] = fmt.Sprintf("Group %d has accredited %d observers so far, the commission said.", i, 10+i)
	}
	res := testResult("https://en.example.kz/bench", "en.example.kz", time.Date(2023, 3, 1, 12, 0, 0, 0, almaty), sentences...)
	filler := strings.Repeat("<p>Some page text around the article, menus and blocks.</p>\n", 400) // ~25 KB
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// A new body each time, so every iteration stores a page.
		page := testPage(fmt.Sprintf("https://en.example.kz/bench/%d", i), filler+fmt.Sprint(i))
		if err := s.SaveResult(ctx, page, "", "", res); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
