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
	r := dateReader{lex: lex, toks: toks, inDate: make([]bool, len(toks))}
	for i := 0; i < len(toks); i++ {
		if r.inDate[i] {
			continue
		}
		for _, shape := range dateShapes {
			if sp, ok := shape(&r, i); ok {
				r.spans = append(r.spans, sp)
				r.mark(sp.from, sp.to)
				break
			}
		}
		if !r.inDate[i] && r.isYear(i) {
			r.inDate[i] = true // a bare year is never a count
		}
	}
	return r.spans, r.inDate
}

// dateShapes are the ways a date is written, tried in order at each token.
var dateShapes = []func(r *dateReader, i int) (dateSpan, bool){
	(*dateReader).dayRangeMonth, (*dateReader).dayMonth, (*dateReader).monthDay, (*dateReader).monthYear,
}

// dateReader reads the dates of one sentence's tokens.
type dateReader struct {
	lex    *lang.Lexicon
	toks   []lang.Token
	inDate []bool
	spans  []dateSpan
}

// dayRangeMonth reads "1–7 November", "с 1 по 7 ноября".
func (r *dateReader) dayRangeMonth(i int) (dateSpan, bool) {
	if !r.isDay(i) || !r.isRangeWord(i+1) || !r.isDay(i+2) || r.month(i+3) == 0 {
		return dateSpan{}, false
	}
	y, e := r.yearAfter(i + 4)
	m := r.month(i + 3)
	return dateSpan{from: i, to: e, y: y, m: m, d: r.toks[i].Num, d2: r.toks[i+2].Num, m2: m, y2: y}, true
}

// dayMonth reads "8 November 2022", "22 сентября", optionally "to 7 December".
func (r *dateReader) dayMonth(i int) (dateSpan, bool) {
	if !r.isDay(i) || r.month(i+1) == 0 {
		return dateSpan{}, false
	}
	y, e := r.yearAfter(i + 2)
	sp := dateSpan{from: i, to: e, y: y, m: r.month(i + 1), d: r.toks[i].Num}
	if r.isRangeWord(e) && r.isDay(e+1) && r.month(e+2) > 0 {
		y2, e2 := r.yearAfter(e + 3)
		sp.d2, sp.m2, sp.y2, sp.to = r.toks[e+1].Num, r.month(e+2), y2, e2
		if sp.y == 0 {
			sp.y = y2
		}
	}
	return sp, true
}

// monthDay reads "November 8, 2022", "Nov. 20", "November 1 to 7".
func (r *dateReader) monthDay(i int) (dateSpan, bool) {
	m := r.month(i)
	if m == 0 || !r.isDay(r.afterMonth(i)) {
		return dateSpan{}, false
	}
	sp := dateSpan{from: i, m: m, d: r.toks[r.afterMonth(i)].Num}
	e := r.afterMonth(i) + 1
	if r.isRangeWord(e) && r.isDay(e+1) {
		sp.d2, sp.m2 = r.toks[e+1].Num, m
		e += 2
	} else if r.isRangeWord(e) && r.month(e+1) > 0 && r.isDay(e+2) {
		sp.m2, sp.d2 = r.month(e+1), r.toks[e+2].Num
		e += 3
	}
	y, e2 := r.yearAfter(e)
	sp.y, sp.y2, sp.to = y, y, e2
	return sp, true
}

// monthYear reads "November 2022".
func (r *dateReader) monthYear(i int) (dateSpan, bool) {
	if r.month(i) == 0 || !r.isYear(i+1) {
		return dateSpan{}, false
	}
	_, e := r.yearAfter(i + 1)
	return dateSpan{from: i, to: e, y: r.toks[i+1].Num, m: r.month(i)}, true
}

// month returns the month token i names, in the sentence's language or any
// other, or 0.
func (r *dateReader) month(i int) int {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != lang.Word {
		return 0
	}
	if m, ok := r.lex.Month(r.toks[i].Low); ok {
		return m
	}
	m, _ := lang.Month(r.toks[i].Low)
	return m
}

// afterMonth is where a month name's day stands: next, or after the dot of
// an abbreviation ("Nov. 20").
func (r *dateReader) afterMonth(i int) int {
	if i+1 < len(r.toks) && r.toks[i+1].Low == "." {
		return i + 2
	}
	return i + 1
}

func (r *dateReader) isDay(i int) bool {
	t := r.tok(i)
	return t != nil && t.Kind == lang.Num && !t.NumWord && t.Num >= 1 && t.Num <= 31 && len(t.Text) <= 2
}

func (r *dateReader) isYear(i int) bool {
	t := r.tok(i)
	return t != nil && t.Kind == lang.Num && !t.NumWord && t.Num >= 1900 && t.Num <= 2100 && len(t.Text) == 4
}

func (r *dateReader) isRangeWord(i int) bool {
	t := r.tok(i)
	return t != nil && (t.Low == "–" || t.Is(lang.DateRange))
}

func (r *dateReader) tok(i int) *lang.Token {
	if i < 0 || i >= len(r.toks) {
		return nil
	}
	return &r.toks[i]
}

func (r *dateReader) mark(a, b int) {
	for k := a; k < b && k < len(r.toks); k++ {
		r.inDate[k] = true
	}
}

// yearAfter reads a year at k (", 2022", "2022 года") and returns its value
// and the index after it; 0 and k when there is none.
func (r *dateReader) yearAfter(k int) (int, int) {
	if k < len(r.toks) && r.toks[k].Low == "," {
		if r.isYear(k + 1) {
			return r.toks[k+1].Num, k + 2
		}
		return 0, k
	}
	if !r.isYear(k) {
		return 0, k
	}
	y, e := r.toks[k].Num, k+1
	if e < len(r.toks) && r.toks[e].Is(lang.YearWord) {
		e++
		if e < len(r.toks) && r.toks[e].Low == "." {
			e++
		}
	}
	return y, e
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
