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
	var out []sentence
	start := 0
	emit := func(a, b int) {
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
			out = append(out, sentence{start: a, end: b, text: body[a:b]})
		}
	}
	i := 0
	for i < len(body) {
		r, w := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + w
			// closing quotes and brackets stay with the sentence
			for j < len(body) {
				r2, w2 := utf8.DecodeRuneInString(body[j:])
				if r2 == '»' || r2 == '"' || r2 == '”' || r2 == ')' || r2 == '\'' || r2 == '’' {
					j += w2
					continue
				}
				break
			}
			if j < len(body) && r == '.' && isAbbreviation(body, i, abbreviations) {
				i = j
				continue
			}
			if r == '.' && (i > 0 && body[i-1] == '.' || j < len(body) && body[j] == '.') || r == '…' && lang.LeaderDots(body, i) > i {
				i = j // a dotted leader or an ellipsis inside a table row
				continue
			}
			k, sawSpace := skipSpaces(body, j)
			if k >= len(body) || (sawSpace && startsSentence(body[k:])) {
				emit(start, j)
				start = k
				i = k
				continue
			}
			i = j
		case r == '\n':
			k, _ := skipSpaces(body, i)
			if strings.Count(body[i:k], "\n") >= 2 && !continuesSentence(body[:i], body[k:]) || startsBullet(body[k:]) || endsTableRow(body[:i], body[k:]) {
				emit(start, i)
				start = k
			}
			i = k
		default:
			i += w
		}
	}
	emit(start, len(body))
	return out
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
