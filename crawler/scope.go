package crawler

import (
	"strings"
	"time"
	"unicode"
)

// Range bounds article publication dates. Both ends are calendar dates,
// inclusive, compared with the date as the site printed it (its own UTC
// offset); a zero end is open.
type Range struct {
	Since, Until time.Time
}

const dateLayout = "2006-01-02"

// Contains reports whether t falls in the range. An unknown (zero) t is in
// every range: only the article page itself can tell.
func (r Range) Contains(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	d := t.Format(dateLayout)
	if !r.Since.IsZero() && d < r.Since.Format(dateLayout) {
		return false
	}
	if !r.Until.IsZero() && d > r.Until.Format(dateLayout) {
		return false
	}
	return true
}

// Older reports whether t is a known date before the range starts.
func (r Range) Older(t time.Time) bool {
	return !t.IsZero() && !r.Since.IsZero() && t.Format(dateLayout) < r.Since.Format(dateLayout)
}

// widen returns the range grown by d at both ends. Listing dates are read
// loosely (no time zone, sometimes only a day), so listings are filtered with
// slack and the article's own date decides.
func (r Range) widen(d time.Duration) Range {
	if !r.Since.IsZero() {
		r.Since = r.Since.Add(-d)
	}
	if !r.Until.IsZero() {
		r.Until = r.Until.Add(d)
	}
	return r
}

// String formats the range as "since..until" with open ends left empty.
func (r Range) String() string {
	var s, u string
	if !r.Since.IsZero() {
		s = r.Since.Format(dateLayout)
	}
	if !r.Until.IsZero() {
		u = r.Until.Format(dateLayout)
	}
	return s + ".." + u
}

// Words whose presence in a title or URL slug marks election coverage.
// electionPrefixes match the start of a word (so "выборы", "выборах",
// "observers" and transliterated slugs like "vyborov" all match);
// electionWords must match a whole word, since they are short.
var (
	electionPrefixes = []string{
		// English
		"election", "electoral", "elector", "voting", "voter", "observer",
		"referendum", "majilis", "mazhilis", "maslikhat", "maslihat", "ballot",
		"odihr", "plebiscite", "polling", "inaugurat",
		// Russian
		"выбор", "избират", "избирком", "наблюдател", "референдум", "голосован",
		"мажилис", "маслихат", "бюллетен", "плебисцит", "бдипч",
		// Kazakh, Cyrillic and the Latin of qz.inform.kz (2021 alphabet: ı, ý, ǵ)
		"сайлау", "байқаушы", "бақылаушы", "референдум",
		"saılaý", "saılau", "sailaý", "sailau", "saylau",
		"baıqaýshy", "baiqaýshy", "baqylaýshy", "baqylaushy", "referendým",
		// Russian and Kazakh slugs in transliteration, loose as the sites
		// write them (ы as i: "vibori", "viborah"; "nabludateli")
		"vybor", "vibor", "izbirat", "izbirkom", "nablyudatel", "nabljudatel", "nabludatel",
		"golosovan", "bdipch", "bayqaushy", "baiqaushy", "bakylaushy",
	}
	electionWords = []string{
		"vote", "votes", "voted", "cec", "cik", "tsik", "цик", "оик", "тик",
		"ock", "oik", "poll", "polls",
		// ОСК: Орталық сайлау комиссиясы, the Kazakh CEC
		"оск", "osk",
	}
)

// IsElectionRelated reports whether a URL or title is about elections,
// referendums, voting, observers or the election commissions, in English,
// Russian or Kazakh (transliterated slugs included).
func IsElectionRelated(rawURL, title string) bool {
	return hasElectionWord(rawURL) || hasElectionWord(title)
}

func hasElectionWord(s string) bool {
	if s == "" {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for _, w := range words {
		for _, p := range electionPrefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		for _, e := range electionWords {
			if w == e {
				return true
			}
		}
	}
	return false
}
