package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Detect tells the language of a text by its letters and by cue words
// listed in the data files ([list detect_cues]): Kazakh from Russian in
// Cyrillic by the letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) and its common
// words; Kazakh in Latin script ("saılaý", "Aqpan") from English by its cue
// words. sure is false when the text gives too little to go on (a short
// list item, a name); callers then keep the language of what surrounds it.
func Detect(text string) (c Code, sure bool) {
	return detect(text, "")
}

// DetectWithin is Detect for a text inside an article of the given
// language. In a Kazakh article, a Latin text without the letters of the
// 2018 and 2021 alphabets (the apostrophes of 2017: "bai'qay's'y") is
// Kazakh when its cue words say so.
func DetectWithin(text string, article Code) (c Code, sure bool) {
	return detect(text, article)
}

func detect(text string, article Code) (c Code, sure bool) {
	var latin, cyr, kazakhLetters, kazakhLatin int
	for _, r := range text {
		switch {
		case r < 0x80: // ASCII, the bulk of any text: no table look-ups
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			if isKazakhOnlyLetter(r) {
				kazakhLetters++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
			if strings.ContainsRune(kazakhLatinLetters, r) {
				kazakhLatin++
			}
		}
	}
	if cyr+latin == 0 {
		return "", false
	}
	if cyr >= latin {
		// One Kazakh letter in fifty is far above what Kazakh names in a
		// Russian text give; cue words settle texts too short to have one.
		if kazakhLetters*50 >= cyr && kazakhLetters >= 1 || cyr < 24 && cueWords(Kazakh, text, false) >= 2 {
			return Kazakh, cyr >= 12 || kazakhLetters >= 2
		}
		return Russian, cyr >= 24
	}
	// Kazakh in Latin script has letters English lacks (ı, á, ú, ń, ó, ý,
	// ǵ, ş, ğ, ü, ö); only then are its cue words worth counting. Many of
	// them in a short text ("TMD baıqaýshylar mıssııasy – 196;") leave it to
	// the article when no cue word settles it: Turkish names in an English
	// sentence have them too.
	if kazakhLatin > 0 || article == Kazakh {
		cues := cueWords(Kazakh, text, true)
		dense := kazakhLatin >= 2 && kazakhLatin*25 >= latin
		switch {
		case cues >= 2 || dense && cues >= 1:
			return Kazakh, true
		case dense:
			return English, false
		case article == Kazakh && cues >= 1:
			return Kazakh, false
		}
	}
	return English, latin >= 24
}

// kazakhLatinLetters are letters of the Kazakh Latin alphabets (2018, 2021)
// that English text does not use.
const kazakhLatinLetters = "ıáúńóýǵşğüöäñūİÁÚŃÓÝǴŞĞÜÖÄÑŪ"

// kazakhOnlyLetters are the Cyrillic letters of Kazakh that Russian lacks.
const kazakhOnlyLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

// isKazakhOnlyLetter: the letters Russian has (А–я) are most of any
// Cyrillic text and need no look-up.
func isKazakhOnlyLetter(r rune) bool {
	return !('А' <= r && r <= 'я') && strings.ContainsRune(kazakhOnlyLetters, r)
}

// cueWords counts the words of text that the language's data file lists
// as detection cues, in Latin or Cyrillic script; a Latin word of a language
// with a skeleton is compared by its skeleton ("jäne", "jáne" are "және").
func cueWords(c Code, text string, latin bool) int {
	m := lexicons()
	l, ok := m[c]
	if !ok {
		return 0
	}
	name := "detect_cues"
	if latin {
		name = "detect_cues_latin"
	}
	cues := l.sets[name]
	if latin && l.translit != nil {
		// words keep their inner apostrophes (2017: "bai'qay's'y")
		n, low := 0, Lower(text)
		for i := 0; i < len(low); {
			r, size := utf8.DecodeRuneInString(low[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			j := l.latinWordEnd(low, apostropheWordEnd(low, i+size))
			if w := low[i:j]; cues[w] || l.skelCues[l.translit.apply(w)] {
				n++
			}
			i = j
		}
		return n
	}
	if len(cues) == 0 {
		return 0
	}
	n := 0
	for _, f := range strings.FieldsFunc(Lower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if cues[f] {
			n++
		}
	}
	return n
}

// DetectArticle tells the language of an article from its title and body;
// it is "" when the text has no letters.
func DetectArticle(title, body string) Code {
	c, _ := Detect(title + "\n" + body)
	return c
}

// apostropheWordEnd returns the end of the word whose rest starts at j:
// letters and marks, and inner apostrophes followed by a letter (hyphens
// part words, as in "ShYU-men").
func apostropheWordEnd(s string, j int) int {
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += w
			continue
		}
		if (r == '\'' || r == '’') && j+w < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[j+w:]); unicode.IsLetter(r2) {
				j += w
				continue
			}
		}
		break
	}
	return j
}
