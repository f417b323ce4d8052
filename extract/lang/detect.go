package lang

import (
	"strings"
	"unicode"
)

// Detect tells the language of a text by its letters and by cue words
// listed in the data files ([list detect_cues]): Kazakh from Russian in
// Cyrillic by the letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) and its common
// words; Kazakh in Latin script ("saılaý", "Aqpan") from English by its cue
// words. sure is false when the text gives too little to go on (a short
// list item, a name); callers then keep the language of what surrounds it.
func Detect(text string) (c Code, sure bool) {
	var latin, cyr, kazakhLetters int
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
	// ǵ, ş, ğ, ü, ö); only then are its cue words worth counting.
	if strings.ContainsAny(text, kazakhLatinLetters) && cueWords(Kazakh, text, true) >= 2 {
		return Kazakh, true
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
// as detection cues, in Latin or Cyrillic script.
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
