package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of a sentence.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, possibly with inner hyphens or apostrophes
	tNum                  // an integer written in digits or words; see token.num
	tPunct                // one punctuation character (dashes normalised in low)
	tOther                // digits mixed with letters, times, decimals we do not read
)

// token is a unit of a sentence. start and end are byte offsets into the
// sentence text, so text == sentence[start:end] for single tokens; merged
// number tokens span several source tokens.
type token struct {
	text       string
	low        string
	start, end int
	kind       tokKind
	num        int  // value for tNum
	numWord    bool // number written in words ("two", "двое")
	collective bool // Russian collective numeral ("двое", "трое")
	member     bool // "seven-member": counts the mission that follows
}

func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '‒', '−', '―':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// tokenize splits s into tokens. It is allocation-light: token texts are
// substrings of s. Digit groups separated by a comma or a (narrow/non-
// breaking) space ("1,024", "1 024") become one number.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r):
			i += w
		case unicode.IsDigit(r):
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			end := j
			kind := tNum
			// thousands groups: ",ddd" or " ddd" (also NBSP / narrow NBSP)
			for {
				k, ok := thousandsGroup(s, end)
				if !ok {
					break
				}
				end = k
			}
			// digits glued to letters ("1st", "5G") or to ':'/'.' digits (times, decimals)
			if end < len(s) {
				nr, nw := utf8.DecodeRuneInString(s[end:])
				if unicode.IsLetter(nr) {
					for end < len(s) {
						nr, nw = utf8.DecodeRuneInString(s[end:])
						if !unicode.IsLetter(nr) && !unicode.IsDigit(nr) {
							break
						}
						end += nw
					}
					kind = tOther
				} else if (nr == ':' || nr == '.' || nr == ',') && end+nw < len(s) && s[end+nw] >= '0' && s[end+nw] <= '9' {
					end += nw
					for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ':') {
						end++
					}
					kind = tOther
				}
			}
			t := token{text: s[i:end], start: i, end: end, kind: kind}
			t.low = t.text
			if kind == tNum {
				t.num = digitsValue(t.text)
			}
			toks = append(toks, t)
			i = end
		case unicode.IsLetter(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
					j += w2
					continue
				}
				// inner hyphen or apostrophe followed by a letter: same word
				if (r2 == '-' || r2 == '\'' || r2 == '’') && j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if unicode.IsLetter(r3) {
						j += w2
						continue
					}
				}
				break
			}
			t := token{text: s[i:j], start: i, end: j, kind: tWord}
			t.low = lower(t.text)
			toks = append(toks, t)
			i = j
		case (r == '.' || r == '…') && leaderDots(s, i) > i+w:
			// "OSCE/ODIHR ........ 312": a dotted leader works like a dash
			end := leaderDots(s, i)
			toks = append(toks, token{text: s[i:end], low: "–", start: i, end: end, kind: tPunct})
			i = end
		default:
			t := token{text: s[i : i+w], start: i, end: i + w, kind: tPunct}
			if isDash(r) {
				t.low = "–"
			} else {
				t.low = t.text
			}
			toks = append(toks, t)
			i += w
		}
	}
	return mergeNumberWords(s, toks)
}

// thousandsGroup reports whether s[i:] starts with a separator and exactly
// three digits that continue a number, and returns the end of the group.
func thousandsGroup(s string, i int) (int, bool) {
	if i >= len(s) {
		return 0, false
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r != ',' && r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\u2009' {
		return 0, false
	}
	j := i + w
	if j+3 > len(s) {
		return 0, false
	}
	for k := j; k < j+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0, false
		}
	}
	if j+3 < len(s) && s[j+3] >= '0' && s[j+3] <= '9' {
		return 0, false
	}
	return j + 3, true
}

func digitsValue(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n = n*10 + int(s[i]-'0')
			if n > 1<<40 {
				return -1
			}
		}
	}
	return n
}

// lower is strings.ToLower with a fast path for ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// isCapitalized reports whether the word starts with an upper-case letter.
func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// leaderDots returns the end of a run of dots (and spaces between them)
// starting at i, when it is a leader of at least three dots.
func leaderDots(s string, i int) int {
	j, dots := i, 0
	for j < len(s) {
		switch {
		case s[j] == '.':
			dots++
			j++
		case strings.HasPrefix(s[j:], "…"):
			dots += 3
			j += len("…")
		case s[j] == ' ' && dots > 0:
			j++
		default:
			if dots >= 3 {
				return j
			}
			return i
		}
	}
	if dots >= 3 {
		return j
	}
	return i
}
