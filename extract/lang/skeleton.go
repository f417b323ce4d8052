package lang

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A language written in more than one script (Kazakh: Cyrillic, and the
// Latin alphabets of 2017, 2018 and 2021) lists in its data file a
// [transliteration] table that takes each of its scripts to one skeleton
// form: lower-case ASCII without diacritics ("сайлау", "saılaý" and "sailau"
// are all "sailau"). Every entry of the data file is registered in its
// skeleton too, and a Latin-script word of a sentence read with that lexicon
// is matched by its skeleton (Token.Low), so the data file lists each word
// once, in Cyrillic. The skeleton is for matching only: token offsets and
// texts stay those of the original.

// transliteration is a [transliteration] table.
type transliteration struct {
	letters map[rune]string   // one letter -> its skeleton ("қ" -> "q", "ъ" -> "")
	seqs    map[string]string // two letters -> their skeleton ("s'" -> "sh")
	seconds map[rune]bool     // the second letters of the sequences
	ascii   [utf8.RuneSelf]uint8
	// asciiChanges: the table changes some text of ASCII characters without
	// apostrophes (see plainASCII); Kazakh's does not
	asciiChanges bool
}

// flags of transliteration.ascii
const (
	asciiMapped   = 1 << iota // the letter is in the table
	asciiSeqStart             // a sequence of the table starts with it
)

func newTransliteration() *transliteration {
	return &transliteration{letters: map[rune]string{}, seqs: map[string]string{}, seconds: map[rune]bool{}}
}

// add reads one entry: "letter = skeleton" or "two letters = skeleton".
func (t *transliteration) add(entry string) error {
	from, to, ok := strings.Cut(entry, "=")
	if !ok {
		return fmt.Errorf("transliteration %q: want letter = skeleton", entry)
	}
	from, to = strings.ToLower(strings.TrimSpace(from)), strings.TrimSpace(to)
	for _, r := range to {
		if r < 'a' || r > 'z' {
			return fmt.Errorf("transliteration %q: a skeleton is lower-case ASCII letters", entry)
		}
	}
	switch n := utf8.RuneCountInString(from); n {
	case 1:
		r, _ := utf8.DecodeRuneInString(from)
		t.letters[r] = to
		if r < utf8.RuneSelf {
			t.ascii[r] |= asciiMapped
			t.asciiChanges = t.asciiChanges || r != '\''
		}
	case 2:
		t.seqs[from] = to
		r, size := utf8.DecodeRuneInString(from)
		if r < utf8.RuneSelf {
			t.ascii[r] |= asciiSeqStart
		}
		r2, _ := utf8.DecodeRuneInString(from[size:])
		t.seconds[r2] = true
		t.asciiChanges = t.asciiChanges || plainASCII(from)
	default:
		return fmt.Errorf("transliteration %q: one or two letters on the left", entry)
	}
	return nil
}

// apply returns the skeleton of a lower-case text; characters the table
// does not list are kept. A text the table leaves as it is (most Latin words
// are plain ASCII) is returned without allocating.
func (t *transliteration) apply(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if t.changes(s, i, r, size) {
			return t.rewrite(s, i)
		}
		i += size
	}
	return s
}

func (t *transliteration) changes(s string, i int, r rune, size int) bool {
	if r < utf8.RuneSelf {
		f := t.ascii[r]
		return f&asciiMapped != 0 || f&asciiSeqStart != 0 && t.seqAt(s, i, size) != ""
	}
	if _, ok := t.letters[r]; ok {
		return true
	}
	return len(t.seqs) > 0 && t.seqAt(s, i, size) != ""
}

// seqAt returns the two letters of a sequence of the table at s[i:], or "".
func (t *transliteration) seqAt(s string, i, size int) string {
	if i+size >= len(s) {
		return ""
	}
	r2, size2 := utf8.DecodeRuneInString(s[i+size:])
	if !t.seconds[r2] {
		return ""
	}
	if _, ok := t.seqs[s[i:i+size+size2]]; ok {
		return s[i : i+size+size2]
	}
	return ""
}

func (t *transliteration) rewrite(s string, from int) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	b.WriteString(s[:from])
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if seq := t.seqAt(s, i, size); seq != "" {
			b.WriteString(t.seqs[seq])
			i += len(seq)
			continue
		}
		if to, ok := t.letters[r]; ok {
			b.WriteString(to)
		} else {
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// latinWordEnd extends a word that ends in a letter and an apostrophe that
// the table reads together (the 2017 alphabet's final "y'" of "saı'lay'").
func (l *Lexicon) latinWordEnd(s string, j int) int {
	if l.translit == nil || j == 0 || j >= len(s) || s[j-1] >= utf8.RuneSelf {
		return j
	}
	if seq := l.translit.seqAt(s, j-1, 1); seq != "" {
		return j - 1 + len(seq)
	}
	return j
}

// HasSkeleton reports whether the language's data file has a
// [transliteration] table.
func (l *Lexicon) HasSkeleton() bool { return l.translit != nil }

// Skeleton returns the skeleton of a word or text of the language: lower
// case, each letter by the [transliteration] table ("Qańtar", "Qañtar" and
// "қаңтар" are "qantar"). It is the text lower-cased when the language has
// no table.
func (l *Lexicon) Skeleton(s string) string {
	s = Lower(s)
	if l.translit == nil {
		return s
	}
	return l.translit.apply(s)
}

// matchForm is the form a lower-case word is matched by: its skeleton when
// the language has a table and the word is in Latin script, else the word.
func (l *Lexicon) matchForm(low string) string {
	if l.translit == nil || !isLatinWord(low) {
		return low
	}
	return l.translit.apply(low)
}

// plainASCII reports a text of ASCII characters without apostrophes: most
// words of every language, which a table without asciiChanges keeps as
// they are.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\'' {
			return false
		}
	}
	return true
}

// isLatinWord reports a word with no Cyrillic letter and at least one
// Latin one ("saılaý", "TMD-ǵa"; not "ТМД-ға" nor "2021").
func isLatinWord(w string) bool {
	latin := false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			latin = latin || 'a' <= c|0x20 && c|0x20 <= 'z'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.Is(unicode.Cyrillic, r) {
			return false
		}
		latin = latin || unicode.Is(unicode.Latin, r)
		i += size
	}
	return latin
}

// skeletonLists are the free lists whose strings are word endings, matched
// against tokens: they are registered in their skeleton too.
var skeletonLists = map[string]bool{"number_suffix": true}

// addSkeletons registers the skeleton of every entry of the data file that
// the table changes, once the whole file is read (the table may follow the
// entries). Detection cues make a set of their own (skelCues); the free lists
// matched against raw text are left alone.
func (l *Lexicon) addSkeletons(entries []sectionEntry) error {
	l.skelCues = map[string]bool{}
	for _, e := range entries {
		name, isList := strings.CutPrefix(e.section, "list ")
		if name == "detect_cues" || name == "detect_cues_latin" {
			l.skelCues[l.translit.apply(strings.ToLower(e.entry))] = true
		}
		if isList && !skeletonLists[name] {
			continue
		}
		sk := l.translit.apply(strings.ToLower(e.entry))
		if sk == strings.ToLower(e.entry) || l.hasEntry(e.section, sk) {
			continue
		}
		if err := l.add(e.section, sk); err != nil {
			return fmt.Errorf("skeleton %q of %q: %w", sk, e.entry, err)
		}
	}
	return nil
}

// hasEntry reports a list entry already present, so that a skeleton equal
// to an entry of the list is not listed twice.
func (l *Lexicon) hasEntry(section, entry string) bool {
	name, ok := strings.CutPrefix(section, "list ")
	return ok && l.sets[name][entry]
}

// sectionEntry is one entry of the data file, as read.
type sectionEntry struct{ section, entry string }

// MatchText returns s lower-cased with each Latin-script word in its
// skeleton and every other word as it is: the text in which the skeletons
// of a data file's free lists are looked for ("Baıqaýshylar" and
// "baiqauşylar" both read "baiqaushylar"). It is s lower-cased when the
// language has no table.
func (l *Lexicon) MatchText(s string) string {
	low := Lower(s)
	if l.translit == nil {
		return low
	}
	var b strings.Builder
	done := 0 // low[:done] is written to b, once a word has changed
	for i := 0; i < len(low); {
		r, size := utf8.DecodeRuneInString(low[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := l.latinWordEnd(low, wordEnd(low, i+size))
		if w := low[i:j]; isLatinWord(w) {
			if sk := l.translit.apply(w); sk != w {
				if done == 0 {
					b.Grow(len(low) + 8)
				}
				b.WriteString(low[done:i])
				b.WriteString(sk)
				done = j
			}
		}
		i = j
	}
	if done == 0 {
		return low
	}
	b.WriteString(low[done:])
	return b.String()
}
