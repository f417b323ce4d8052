package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word  Kind = iota // letters, possibly with inner hyphens or apostrophes
	Num               // an integer written in digits or words; see Token.Num
	Punct             // one punctuation character (every dash reads "–" in Low)
	Other             // digits mixed with letters, times, decimals: not read as numbers
)

// Token is a unit of a sentence. Start and End are byte offsets into the
// text given to Tokenize, so Text == text[Start:End]; a number written in
// several words is one token spanning them.
type Token struct {
	Text       string
	Low        string // lower case; dashes and dotted leaders read "–"; a Latin word of a language with a [transliteration] table is its skeleton
	Start, End int
	Kind       Kind
	Num        int      // value of a Num token
	NumWord    bool     // a number written in words ("two", "двое")
	Collective bool     // a collective numeral ("двое", "трое")
	Member     bool     // "seven-member": counts the mission that follows
	Cls        ClassSet // the classes of the word in the lexicon it was read with
	PCls       ClassSet // the classes with a phrase that may start at this word
}

// Is reports whether the token's word belongs to class c.
func (t *Token) Is(c Class) bool { return t.Cls.Has(c) }

// IsDash reports any of the dashes news text uses.
func IsDash(r rune) bool {
	switch r {
	case '-', '–', '—', '‒', '−', '―':
		return true
	}
	return false
}

// IsSpace reports white space, no-break spaces included.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// Tokenize splits s into tokens and reads numbers in digits ("1,024",
// "1 024") and in the lexicon's words ("twenty-five", "сто двадцать"). It is
// allocation-light: token texts are substrings of s.
func (l *Lexicon) Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsSpace(r):
			i += w
		case unicode.IsDigit(r):
			t := l.suffixedNumber(s, digitToken(s, i))
			toks = append(toks, t)
			i = t.End
		case unicode.IsLetter(r):
			j := l.latinWordEnd(s, wordEnd(s, i+w))
			t := Token{Text: s[i:j], Start: i, End: j, Kind: Word, Low: l.matchForm(Lower(s[i:j]))}
			toks = append(toks, t)
			i = j
		case (r == '.' || r == '…') && LeaderDots(s, i) > i+w:
			// "OSCE/ODIHR ........ 312": a dotted leader works like a dash
			end := LeaderDots(s, i)
			toks = append(toks, Token{Text: s[i:end], Low: "–", Start: i, End: end, Kind: Punct})
			i = end
		default:
			t := Token{Text: s[i : i+w], Start: i, End: i + w, Kind: Punct, Low: s[i : i+w]}
			if IsDash(r) {
				t.Low = "–"
			}
			toks = append(toks, t)
			i += w
		}
	}
	return l.mergeNumberWords(s, toks)
}

// digitToken reads the number starting at s[i]: digits with thousands
// groups, or digits glued to letters, times and decimals (Other).
func digitToken(s string, i int) Token {
	end := i
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	kind := Num
	for {
		k, ok := thousandsGroup(s, end)
		if !ok {
			break
		}
		end = k
	}
	if end < len(s) {
		nr, nw := utf8.DecodeRuneInString(s[end:])
		switch {
		case unicode.IsLetter(nr):
			// "1st", "5G"
			for end < len(s) {
				nr, nw = utf8.DecodeRuneInString(s[end:])
				if !unicode.IsLetter(nr) && !unicode.IsDigit(nr) {
					break
				}
				end += nw
			}
			kind = Other
		case (nr == ':' || nr == '.' || nr == ',') && end+nw < len(s) && s[end+nw] >= '0' && s[end+nw] <= '9':
			// times and decimals
			end += nw
			for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ':') {
				end++
			}
			kind = Other
		}
	}
	t := Token{Text: s[i:end], Low: s[i:end], Start: i, End: end, Kind: kind}
	if kind == Num {
		t.Num = digitsValue(t.Text)
	}
	return t
}

// suffixedNumber joins a case ending written after digits with a hyphen
// ("62-ге", "400-дей", "29-ы") to the number, where the language writes
// them: the token keeps the ending's classes.
func (l *Lexicon) suffixedNumber(s string, t Token) Token {
	if t.Kind != Num || len(l.lists["number_suffix"]) == 0 || t.End+1 >= len(s) || s[t.End] != '-' {
		return t
	}
	end := wordEnd(s, t.End+1)
	if end == t.End+1 || !l.sets["number_suffix"][l.matchForm(Lower(s[t.End+1:end]))] {
		return t
	}
	t.End = end
	t.Text = s[t.Start:end]
	t.Low = l.matchForm(Lower(t.Text))
	t.Cls = l.suffixClasses(t.Low)
	return t
}

// wordEnd returns the end of the word whose rest starts at j: letters,
// digits and marks, and inner hyphens or apostrophes followed by a letter.
func wordEnd(s string, j int) int {
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			j += w
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && j+w < len(s) {
			if r3, _ := utf8.DecodeRuneInString(s[j+w:]); unicode.IsLetter(r3) {
				j += w
				continue
			}
		}
		break
	}
	return j
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

// Lower is strings.ToLower with a fast path for ASCII.
func Lower(s string) string {
	// Words are mostly lower case already; finding that out is cheaper
	// than building the same string again.
	for _, r := range s {
		if 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
	}
	return s
}

// IsCapitalized reports whether the word starts with an upper-case letter.
func IsCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// LeaderDots returns the end of a run of dots (and spaces between them)
// starting at i, when it is a leader of at least three dots; else i.
func LeaderDots(s string, i int) int {
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
