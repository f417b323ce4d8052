package crawler

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
)

// Listing, feed and sitemap dates only decide which items to queue and when
// to stop paging (the article page has the last word). article.ParseDate
// reads the shapes news pages print; feeds add RFC 822/1123 with zone names,
// and cn.inform.kz cards write months as "8月".

var (
	zonedLayouts = []string{time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822}
	reCJKMonth   = regexp.MustCompile(`\b(\d{1,2})月`)
)

// kazakhMonths writes Kazakh month names, Cyrillic and the Latin of
// qz.inform.kz, in English, as listing cards print them ("10:20, 13 Tamyz
// 2025", "12:40, 15 Тамыз 2025").
var kazakhMonths = func() *strings.Replacer {
	var pairs []string
	for i, names := range [][]string{
		{"қаңтар", "Qańtar", "Qantar"}, {"ақпан", "Aqpan"}, {"наурыз", "Naýryz", "Nauryz"},
		{"сәуір", "Sáýir", "Sauir"}, {"мамыр", "Mamyr"}, {"маусым", "Maýsym", "Mausym"},
		{"шілде", "Shilde"}, {"тамыз", "Tamyz"}, {"қыркүйек", "Qyrkúıek", "Qyrkuiek"},
		{"қазан", "Qazan"}, {"қараша", "Qarasha"}, {"желтоқсан", "Jeltoqsan"},
	} {
		en := time.Month(i + 1).String()
		for _, n := range names {
			r := []rune(n)
			title := strings.ToUpper(string(r[0])) + string(r[1:])
			pairs = append(pairs, title, en, strings.ToLower(n), en)
		}
	}
	return strings.NewReplacer(pairs...)
}()

// parseItemDate reads a listing, feed or sitemap date. Times without a
// stated offset get Kazakhstan's.
func parseItemDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range zonedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	s = kazakhMonths.Replace(s)
	s = reCJKMonth.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimSuffix(m, "月"))
		if n < 1 || n > 12 {
			return m
		}
		return time.Month(n).String()
	})
	return article.ParseDate(s)
}

// kzDate is midnight of a day in Kazakhstan.
func kzDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, article.KazakhstanOffset(y, m, d, 0, 0))
}
