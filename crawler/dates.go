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
