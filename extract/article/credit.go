package article

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Credit lines close the articles of some sites: "Translation by Dana
// Omarova", "Editing by …" (Qazaq TV, Silk Way TV), "Аударған Әлия
// Жүнісова", "Редакторы …" (Qazaq TV in Kazakh). They are credits, not
// text. The words that open them are data: each language's [list credit].

// creditCue is the opening words of a credit line in one language.
type creditCue struct {
	words string        // lower case: "translation by", "аударған"
	lex   *lang.Lexicon // the language, when it has a skeleton (a Latin line matches by it)
	skel  string        // the words in their skeleton
	n     int           // number of words
}

var creditCues = sync.OnceValue(func() []creditCue {
	var out []creditCue
	for _, c := range lang.Supported() {
		l := lang.For(c)
		for _, w := range l.List("credit") {
			cue := creditCue{words: strings.ToLower(w), n: len(strings.Fields(w))}
			if l.HasSkeleton() {
				cue.lex, cue.skel = l, l.Skeleton(w)
			}
			out = append(out, cue)
		}
	}
	return out
})

// creditLine returns the name a credit line gives ("Translation by Dana
// Omarova." -> "Dana Omarova"), or false when the line is not one: its
// opening words are a [list credit] entry, and the rest is a short name.
func creditLine(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 160 {
		return "", false
	}
	lower := strings.ToLower(line)
	for _, c := range creditCues() {
		rest, ok := "", false
		if strings.HasPrefix(lower, c.words) {
			rest, ok = line[len(c.words):], true
		} else if c.lex != nil {
			rest, ok = c.skeletonPrefix(line)
		}
		if !ok {
			continue
		}
		if name, ok := creditName(rest); ok {
			return name, true
		}
	}
	return "", false
}

// skeletonPrefix matches the cue against the first words of a line by their
// skeleton ("Aýdarǵan …" for "аударған") and returns the rest of the line.
func (c creditCue) skeletonPrefix(line string) (string, bool) {
	end, words := 0, 0
	for words < c.n {
		i := strings.IndexFunc(line[end:], unicode.IsLetter)
		if i < 0 {
			return "", false
		}
		j := strings.IndexFunc(line[end+i:], func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
		if j < 0 {
			j = len(line) - end - i
		}
		end += i + j
		words++
	}
	return line[end:], c.lex.Skeleton(line[:end]) == c.skel
}

// creditName reads the name after the opening words: a colon may come
// first, then one to five words that start with a capital letter.
func creditName(rest string) (string, bool) {
	if rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(r) && r != ':' {
			return "", false // "Translation byte…": the cue is only the start of a word
		}
	}
	name := strings.TrimRight(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(rest), ":")), ".")
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return "", false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return "", false
		}
	}
	return name, true
}
