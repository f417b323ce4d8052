package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Kazakhstan moved from UTC+6 to UTC+5 countrywide at 2024-03-01 00:00 local
// time. The rule is hard-coded so that results do not depend on the tzdata of
// the machine (tzdata before 2024a still says +06:00 for Asia/Almaty).
var (
	kzBefore = time.FixedZone("+06", 6*3600)
	kzAfter  = time.FixedZone("+05", 5*3600)
)

// KazakhstanOffset returns +06:00 for local times before 2024-03-01 00:00 and
// +05:00 from then on.
func KazakhstanOffset(year int, month time.Month, day, hour, min int) *time.Location {
	// Compare the wall clock as if it were UTC: only the ordering matters.
	wall := time.Date(year, month, day, hour, min, 0, 0, time.UTC)
	if wall.Before(time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		return kzBefore
	}
	return kzAfter
}

// zoneFunc picks the UTC offset of a local wall-clock time.
type zoneFunc func(year int, month time.Month, day, hour, min int) *time.Location

// fixedZone returns a zoneFunc that always answers loc.
func fixedZone(loc *time.Location) zoneFunc {
	return func(int, time.Month, int, int, int) *time.Location { return loc }
}

// ParseDate parses a date/time as news sites print it and returns it with
// Kazakhstan's offset unless the text states one ("GMT +6", an ISO 8601
// offset). It finds the date anywhere in s, so labels and trailing view counts
// do no harm. ok is false if no date is found. Dates without a time get 00:00.
func ParseDate(s string) (t time.Time, ok bool) {
	t, _, ok = parseDateZone(s, KazakhstanOffset)
	return t, ok
}

var (
	reISODate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`)
	reNumDate = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b`) // day first, as the region writes it
	// Day before month: "20 November 2020", "06 Января 2021", "15 march 2024 year".
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})\b`)
	// Month before day: "February 2, 2023", "Nov. 8 2022".
	reMonthDay = regexp.MustCompile(`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reClock    = regexp.MustCompile(`\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b`)
	reGMT      = regexp.MustCompile(`(?i)\b(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\b`)
)

// parseDateZone is ParseDate with the offset rule for unstated offsets made a
// parameter. stated reports whether the text gave its own offset.
func parseDateZone(s string, zone zoneFunc) (t time.Time, stated bool, ok bool) {
	if m := reISODate.FindStringSubmatch(s); m != nil {
		y, mo, d := dateAtoi(m[1]), dateAtoi(m[2]), dateAtoi(m[3])
		h, mi, sec := dateAtoi(m[4]), dateAtoi(m[5]), dateAtoi(m[6])
		if validYMD(y, mo, d) && h < 24 && mi < 60 && sec < 61 {
			if loc := isoOffset(m[7]); loc != nil {
				return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), true, true
			}
			if loc := gmtOffset(s); loc != nil {
				return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), true, true
			}
			return time.Date(y, time.Month(mo), d, h, mi, sec, 0, zone(y, time.Month(mo), d, h, mi)), false, true
		}
	}

	y, mo, d, span, found := findCalendarDate(s)
	if !found {
		return time.Time{}, false, false
	}
	h, mi := 0, 0
	// The time may stand before or after the date; take the one outside the
	// date itself, nearest to it.
	if c, ok := findClock(s, span); ok {
		h, mi = c[0], c[1]
	}
	if loc := gmtOffset(s); loc != nil {
		return time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), true, true
	}
	return time.Date(y, time.Month(mo), d, h, mi, 0, 0, zone(y, time.Month(mo), d, h, mi)), false, true
}

// findCalendarDate finds the first day-month-year in s in any of the printed
// forms and returns it with its byte span.
func findCalendarDate(s string) (y, mo, d int, span [2]int, ok bool) {
	best := -1
	try := func(start, end, yy, mm, dd int) {
		if !validYMD(yy, mm, dd) {
			return
		}
		if best < 0 || start < best {
			best = start
			y, mo, d, span = yy, mm, dd, [2]int{start, end}
		}
	}
	if m := reNumDate.FindStringSubmatchIndex(s); m != nil && strings.Count(s[m[0]:m[1]], s[m[4]:m[5]]) == 2 {
		try(m[0], m[1], dateAtoi(s[m[8]:m[9]]), dateAtoi(s[m[6]:m[7]]), dateAtoi(s[m[2]:m[3]]))
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(s, -1) {
		if month, ok := MonthNumber(s[m[4]:m[5]]); ok {
			try(m[0], m[1], dateAtoi(s[m[6]:m[7]]), int(month), dateAtoi(s[m[2]:m[3]]))
			break
		}
	}
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(s, -1) {
		if month, ok := MonthNumber(s[m[2]:m[3]]); ok {
			try(m[0], m[1], dateAtoi(s[m[6]:m[7]]), int(month), dateAtoi(s[m[4]:m[5]]))
			break
		}
	}
	return y, mo, d, span, best >= 0
}

// findClock returns the hour and minute of the clock time nearest to the
// date span, ignoring anything inside the span.
func findClock(s string, span [2]int) ([2]int, bool) {
	var best [2]int
	bestDist := -1
	for _, m := range reClock.FindAllStringSubmatchIndex(s, -1) {
		if m[0] < span[1] && m[1] > span[0] {
			continue
		}
		h, mi := dateAtoi(s[m[2]:m[3]]), dateAtoi(s[m[4]:m[5]])
		if h > 23 || mi > 59 {
			continue
		}
		dist := m[0] - span[1]
		if m[1] <= span[0] {
			dist = span[0] - m[1]
		}
		if bestDist < 0 || dist < bestDist {
			bestDist, best = dist, [2]int{h, mi}
		}
	}
	return best, bestDist >= 0
}

// isoOffset turns "Z", "+06:00", "+0600" or "+06" into a zone; nil if empty.
func isoOffset(z string) *time.Location {
	if z == "" {
		return nil
	}
	if z == "Z" {
		return time.UTC
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	h := dateAtoi(digits[:2])
	mi := 0
	if len(digits) >= 4 {
		mi = dateAtoi(digits[2:4])
	}
	return offsetZone(sign * (h*3600 + mi*60))
}

// gmtOffset finds "GMT +6" / "UTC+05:00" in s; nil if absent.
func gmtOffset(s string) *time.Location {
	m := reGMT.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	h, mi := dateAtoi(m[2]), dateAtoi(m[3])
	if h > 14 || mi > 59 {
		return nil
	}
	sign := 1
	if m[1] != "+" {
		sign = -1
	}
	return offsetZone(sign * (h*3600 + mi*60))
}

// offsetZone names fixed zones like tzdata does ("+06"), so that equal
// offsets compare and print alike.
func offsetZone(secs int) *time.Location {
	switch secs {
	case 0:
		return time.UTC
	case 6 * 3600:
		return kzBefore
	case 5 * 3600:
		return kzAfter
	}
	sign := '+'
	a := secs
	if a < 0 {
		sign, a = '-', -a
	}
	name := string(sign) + zoneDigits(a/3600)
	if a%3600 != 0 {
		name += zoneDigits(a % 3600 / 60)
	}
	return time.FixedZone(name, secs)
}

func zoneDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func dateAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func validYMD(y, m, d int) bool {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MonthNumber maps a month name in any supported language, in any
// case/inflection or abbreviation ("November", "nov", "Января", "январь",
// "янв.", "қараша") to 1..12. The names are the language data of package lang.
func MonthNumber(word string) (time.Month, bool) {
	m, ok := lang.Month(strings.TrimRight(strings.TrimSpace(word), "."))
	return time.Month(m), ok
}

// dateOnlyZone marks, inside this package, a time whose offset is unknown:
// the page printed none and its publisher's time zone is not known. Such a
// time keeps only its calendar date (Article.DateOnly); no offset is made up.
var dateOnlyZone = time.FixedZone("date-only", 0)

// unknownZone is the rule for a publisher whose time zone is not known.
var unknownZone = fixedZone(dateOnlyZone)

// hostZones are the offsets of publishers outside Kazakhstan, by host
// suffix, for dates they print without one: countries of one time zone
// without daylight saving time, and Moscow-based Russian publishers.
var hostZones = []struct {
	suffix string
	secs   int
}{
	{".kg", 6 * 3600},
	{".uz", 5 * 3600}, {".tj", 5 * 3600}, {".tm", 5 * 3600},
	{".az", 4 * 3600}, {".am", 4 * 3600}, {".ge", 4 * 3600},
	{".ru", 3 * 3600}, {".by", 3 * 3600}, {"tass.com", 3 * 3600},
	{"akipress.com", 6 * 3600}, {"dunyo.info", 5 * 3600},
}

// kazakhHosts are Kazakh publishers outside the .kz domain.
var kazakhHosts = []string{"qazinform.com", "qazaqtv.com", "astanatimes.com"}

// isKazakhHost reports a host of a Kazakh publisher.
func isKazakhHost(host string) bool {
	if host == "kz" || strings.HasSuffix(host, ".kz") {
		return true
	}
	for _, h := range kazakhHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// zoneForHost returns the offset rule for dates printed by host: the
// Kazakhstan rule for Kazakh publishers, a fixed offset for the publishers
// of hostZones, and unknownZone for everyone else (and for pages whose host
// is not known).
func zoneForHost(host string) zoneFunc {
	if isKazakhHost(host) {
		return KazakhstanOffset
	}
	for _, z := range hostZones {
		if host == strings.TrimPrefix(z.suffix, ".") || strings.HasSuffix(host, z.suffix) {
			return fixedZone(offsetZone(z.secs))
		}
	}
	return unknownZone
}

// dateOnly reports whether t's offset is unknown, and returns its calendar
// date at midnight UTC: the form Article.PublishedAt takes when
// Article.DateOnly is set.
func dateOnly(t time.Time) (time.Time, bool) {
	if t.Location() != dateOnlyZone {
		return t, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}
