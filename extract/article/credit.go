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

// creditCues are the opening words of credit lines in every language, lower
// case.
var creditCues = sync.OnceValue(func() []string {
	var out []string
	for _, c := range lang.Supported() {
		for _, w := range lang.For(c).List("credit") {
			out = append(out, strings.ToLower(w))
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
	for _, c := range creditCues() {
		if len(line) < len(c) || !strings.EqualFold(line[:len(c)], c) {
			continue
		}
		if name, ok := creditName(line[len(c):]); ok {
			return name, true
		}
	}
	return "", false
}

// creditName reads the name after the opening words: a colon may come
// first, then one to five words that start with a capital letter.
func creditName(rest string) (string, bool) {
	if rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(r) && r != ':' {
			return "", false // "Редактор" of "Редакторы": the cue is only the start of a word
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
