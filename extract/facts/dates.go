package facts

import (
	"fmt"
	"time"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// dateSpan is a date written inside a sentence ("8 November 2022",
// "November 1 to 7", "с 1 по 7 ноября"), found on tokens.
type dateSpan struct {
	from, to int // token range [from, to)
	y, m, d  int // first date; y == 0 when the text gives no year
	d2, m2   int // end of a range ("1 to 7"), 0 when not a range
	y2       int
}

// findDates marks the tokens that belong to dates, so their numbers are
// never read as counts, and returns the dates.
func findDates(lex *lang.Lexicon, toks []lang.Token) (spans []dateSpan, inDate []bool) {
	inDate = make([]bool, len(toks))
	month := func(i int) int {
		if i < 0 || i >= len(toks) || toks[i].Kind != lang.Word {
			return 0
		}
		if m, ok := lex.Month(toks[i].Low); ok {
			return m
		}
		m, _ := lang.Month(toks[i].Low)
		return m
	}
	// afterMonth is where a month name's day stands: next, or after the
	// dot of an abbreviation ("Nov. 20").
	afterMonth := func(i int) int {
		if i+1 < len(toks) && toks[i+1].Low == "." {
			return i + 2
		}
		return i + 1
	}
	isDay := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Kind == lang.Num && !toks[i].NumWord && toks[i].Num >= 1 && toks[i].Num <= 31 && len(toks[i].Text) <= 2
	}
	isYear := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Kind == lang.Num && !toks[i].NumWord && toks[i].Num >= 1900 && toks[i].Num <= 2100 && len(toks[i].Text) == 4
	}
	isRangeWord := func(i int) bool {
		if i < 0 || i >= len(toks) {
			return false
		}
		return toks[i].Low == "–" || toks[i].Is(lang.DateRange)
	}
	mark := func(a, b int) {
		for k := a; k < b && k < len(toks); k++ {
			inDate[k] = true
		}
	}
	yearAfter := func(k int) (int, int) { // year value and the index after it
		if k < len(toks) && toks[k].Low == "," {
			if isYear(k + 1) {
				return toks[k+1].Num, k + 2
			}
			return 0, k
		}
		if isYear(k) {
			y, e := toks[k].Num, k+1
			if e < len(toks) && toks[e].Is(lang.YearWord) {
				e++
				if e < len(toks) && toks[e].Low == "." {
					e++
				}
			}
			return y, e
		}
		return 0, k
	}
	for i := 0; i < len(toks); i++ {
		if inDate[i] {
			continue
		}
		switch {
		case isDay(i) && isRangeWord(i+1) && isDay(i+2) && month(i+3) > 0:
			// "1–7 November", "с 1 по 7 ноября"
			y, e := yearAfter(i + 4)
			m := month(i + 3)
			spans = append(spans, dateSpan{from: i, to: e, y: y, m: m, d: toks[i].Num, d2: toks[i+2].Num, m2: m, y2: y})
			mark(i, e)
		case isDay(i) && month(i+1) > 0:
			// "8 November 2022", "22 сентября", optionally "to 7 December"
			y, e := yearAfter(i + 2)
			sp := dateSpan{from: i, to: e, y: y, m: month(i + 1), d: toks[i].Num}
			if isRangeWord(e) && isDay(e+1) && month(e+2) > 0 {
				y2, e2 := yearAfter(e + 3)
				sp.d2, sp.m2, sp.y2, sp.to = toks[e+1].Num, month(e+2), y2, e2
				if sp.y == 0 {
					sp.y = y2
				}
			}
			spans = append(spans, sp)
			mark(sp.from, sp.to)
		case month(i) > 0 && isDay(afterMonth(i)):
			// "November 8, 2022", "Nov. 20", "November 1 to 7"
			m := month(i)
			sp := dateSpan{from: i, y: 0, m: m, d: toks[afterMonth(i)].Num}
			e := afterMonth(i) + 1
			if isRangeWord(e) && isDay(e+1) {
				sp.d2, sp.m2 = toks[e+1].Num, m
				e += 2
			} else if isRangeWord(e) && month(e+1) > 0 && isDay(e+2) {
				sp.m2, sp.d2 = month(e+1), toks[e+2].Num
				e += 3
			}
			y, e2 := yearAfter(e)
			sp.y, sp.y2, sp.to = y, y, e2
			spans = append(spans, sp)
			mark(i, e2)
		case month(i) > 0 && isYear(i+1):
			_, e := yearAfter(i + 1)
			spans = append(spans, dateSpan{from: i, to: e, y: toks[i+1].Num, m: month(i)})
			mark(i, e)
		case isYear(i):
			// a bare year is never a count
			inDate[i] = true
		}
	}
	return spans, inDate
}

// resolve fills a missing year from the publication date: a date without a
// year is the nearest such date not far after publication.
func (d dateSpan) resolve(pub time.Time) (start, end string) {
	y := d.y
	if y == 0 {
		if pub.IsZero() {
			return "", ""
		}
		y = pub.Year()
		if time.Date(y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).After(pub.AddDate(0, 3, 0)) {
			y--
		}
	}
	if d.d == 0 {
		return "", ""
	}
	start = ymd(y, d.m, d.d)
	if d.d2 > 0 {
		y2 := d.y2
		if y2 == 0 {
			y2 = y
		}
		end = ymd(y2, d.m2, d.d2)
	}
	return start, end
}

func ymd(y, m, d int) string {
	if _, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%02d-%02d", y, m, d)); err != nil {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
