package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// splitSentences cuts body into sentences. Single line breaks inside a
// paragraph do not end a sentence unless the line ends like one, because
// page dumps break sentences across lines; a paragraph break does, unless the
// next paragraph visibly continues the sentence (starts in lower case, with a
// digit or a dash).
func splitSentences(body string, abbreviations map[string]bool) []sentence {
	sp := splitter{body: body, abbreviations: abbreviations}
	i := 0
	for i < len(body) {
		r, w := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			i = sp.afterStop(i, r, w)
		case r == '\n':
			i = sp.afterLineBreak(i)
		default:
			i += w
		}
	}
	sp.emit(sp.start, len(body))
	return sp.out
}

// splitter cuts a body into sentences.
type splitter struct {
	body          string
	abbreviations map[string]bool
	start         int // where the current sentence starts
	out           []sentence
}

// afterStop handles the stop mark r at i and returns where to read on.
func (sp *splitter) afterStop(i int, r rune, w int) int {
	body := sp.body
	j := i + w
	// closing quotes and brackets stay with the sentence
	for j < len(body) {
		r2, w2 := utf8.DecodeRuneInString(body[j:])
		if r2 != '»' && r2 != '"' && r2 != '”' && r2 != ')' && r2 != '\'' && r2 != '’' {
			break
		}
		j += w2
	}
	if j < len(body) && r == '.' && isAbbreviation(body, i, sp.abbreviations) {
		return j
	}
	if r == '.' && (i > 0 && body[i-1] == '.' || j < len(body) && body[j] == '.') || r == '…' && lang.LeaderDots(body, i) > i {
		return j // a dotted leader or an ellipsis inside a table row
	}
	k, sawSpace := skipSpaces(body, j)
	if k >= len(body) || (sawSpace && startsSentence(body[k:])) {
		sp.emit(sp.start, j)
		sp.start = k
		return k
	}
	return j
}

// afterLineBreak handles the line break at i and returns where to read on.
func (sp *splitter) afterLineBreak(i int) int {
	body := sp.body
	k, _ := skipSpaces(body, i)
	if strings.Count(body[i:k], "\n") >= 2 && !continuesSentence(body[:i], body[k:]) || startsBullet(body[k:]) || endsTableRow(body[:i], body[k:]) {
		sp.emit(sp.start, i)
		sp.start = k
	}
	return k
}

// emit adds body[a:b], without the spaces around it, as a sentence.
func (sp *splitter) emit(a, b int) {
	body := sp.body
	for a < b {
		r, w := utf8.DecodeRuneInString(body[a:])
		if !lang.IsSpace(r) {
			break
		}
		a += w
	}
	for b > a {
		r, w := utf8.DecodeLastRuneInString(body[:b])
		if !lang.IsSpace(r) {
			break
		}
		b -= w
	}
	if b > a {
		sp.out = append(sp.out, sentence{start: a, end: b, text: body[a:b]})
	}
}

func skipSpaces(s string, i int) (int, bool) {
	saw := false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !lang.IsSpace(r) {
			break
		}
		saw = true
		i += w
	}
	return i, saw
}

// startsSentence reports whether s begins like a new sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '«' || r == '"' || r == '“' || r == '(' || lang.IsDash(r) && r != '-' ||
		r == '•' || r == '▪' || r == '●' || r == '◦' || r == '·'
}

// continuesSentence reports whether a paragraph starting with next
// continues the text before it.
func continuesSentence(before, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) || lang.IsDash(r) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(before, lang.IsSpace))
	return unicode.IsDigit(r) && (last == ':' || last == ',')
}

// isAbbreviation reports whether the period at body[dot] ends an
// abbreviation or an initial rather than a sentence.
func isAbbreviation(body string, dot int, abbreviations map[string]bool) bool {
	j := dot
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(body[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= w
	}
	word := strings.ToLower(body[j:dot])
	if word == "" {
		return false
	}
	if abbreviations[word] {
		return true
	}
	// single capital letter: an initial ("N. Nazarbayev")
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(body[j:])
		return unicode.IsUpper(r)
	}
	return false
}

// startsBullet reports a bulleted list item, which is a sentence of its own
// even when the dump kept the list in one paragraph.
func startsBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '•' || r == '▪' || r == '●' || r == '◦' || r == '·'
}

// endsTableRow reports a line break after a table row ("OSCE/ODIHR ..... 312",
// "Türkiye: 46") followed by the next row: each row is its own item.
func endsTableRow(before, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(before, lang.IsSpace))
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsDigit(last) && (unicode.IsUpper(first) || startsBullet(next))
}
