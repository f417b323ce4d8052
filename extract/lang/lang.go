// Package lang holds what obsfacts knows of each language it reads, as data:
// the words that play each role for the fact rules (units, verbs of sending,
// qualifiers, status cues, not-fact cues), number words, month names, and
// cues for telling languages apart. Each language is one data file,
// data/<code>.lex; the rules ask for word classes and never name a word.
//
// Adding a language is adding its data file (and gazetteer aliases for its
// names of countries and organisations): see README.md, "Adding a language".
package lang

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Code is an ISO 639-1 language code.
type Code string

// The languages obsfacts reads.
const (
	English Code = "en"
	Russian Code = "ru"
	Kazakh  Code = "kk"
)

//go:embed data/*.lex
var dataFS embed.FS

var loaded = sync.OnceValues(func() (map[Code]*Lexicon, error) {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("lang: read data: %w", err)
	}
	out := map[Code]*Lexicon{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".lex") {
			continue
		}
		f, err := dataFS.Open("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("lang: %w", err)
		}
		code := Code(strings.TrimSuffix(name, ".lex"))
		l, err := parseLexicon(code, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		out[code] = l
	}
	return out, nil
})

func lexicons() map[Code]*Lexicon {
	m, err := loaded()
	if err != nil {
		panic(err) // the embedded data is checked by the tests
	}
	return m
}

// For returns the lexicon of a language, or English's when obsfacts has no
// data file for it.
func For(c Code) *Lexicon {
	m := lexicons()
	if l, ok := m[c]; ok {
		return l
	}
	return m[English]
}

// Supported lists the languages with a data file, sorted.
func Supported() []Code {
	return append([]Code(nil), supported()...)
}

var supported = sync.OnceValue(func() []Code {
	var out []Code
	for c := range lexicons() {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
})

// allMonths is every language's month table in one, for words whose
// language is not known.
var allMonths = sync.OnceValue(func() *Lexicon {
	all := &Lexicon{months: map[string]int{}}
	for _, c := range supported() {
		l := For(c)
		for w, m := range l.months {
			all.months[w] = m
		}
		all.monthStems = append(all.monthStems, l.monthStems...)
	}
	return all
})

// skeletonLexicons are the lexicons with a [transliteration] table.
var skeletonLexicons = sync.OnceValue(func() []*Lexicon {
	var out []*Lexicon
	for _, c := range supported() {
		if l := For(c); l.HasSkeleton() {
			out = append(out, l)
		}
	}
	return out
})

// Month returns the month (1–12) a word names in any supported language,
// in any form the data files list ("November", "nov", "ноября", "қараша"),
// a Latin word also by its skeleton in the languages that have one
// ("Qañtar", "qańtarda").
func Month(word string) (int, bool) {
	w := Lower(strings.TrimSpace(word))
	if m, ok := allMonths().Month(w); ok {
		return m, true
	}
	ascii := plainASCII(w)
	for _, l := range skeletonLexicons() {
		if ascii && !l.translit.asciiChanges {
			continue // its skeleton is itself: most words, in every language
		}
		if sk := l.matchForm(w); sk != w {
			if m, ok := allMonths().Month(sk); ok {
				return m, true
			}
		}
	}
	return 0, false
}
