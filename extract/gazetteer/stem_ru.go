package gazetteer

import "strings"

// Russian inflection for the gazetteer.
//
// The gazetteer stores every Russian name in the nominative ("Российская
// Федерация", "Межпарламентская Ассамблея") and news text uses all six cases
// ("Российской Федерации", "от Межпарламентской Ассамблеи"). Rather than
// stemming text words, which merges names that must stay apart (Нигер and
// Нигерия share a stem), each nominative word is expanded into the endings of
// its declension class, and a text word is looked up among those forms. The
// classes are chosen by ending alone and deliberately generous (hard and soft
// variants together): a spurious form costs a map entry, a missing one costs
// a match.

var (
	// gzAdjEndings are the endings of a full adjective, all genders, cases
	// and numbers, hard and soft stems together.
	gzAdjEndings = []string{
		"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
		"ого", "его", "ому", "ему", "ым", "им", "ом", "ем",
		"ую", "юю", "ых", "их", "ыми", "ими", "ей",
	}
	gzIyaEndings  = []string{"ия", "ии", "ию", "ией", "иею", "иях", "иям"}
	gzIeEndings   = []string{"ие", "ия", "ию", "ием", "ии"}
	gzIyEndings   = []string{"ий", "ия", "ию", "ием", "ии"}
	gzEyaEndings  = []string{"ея", "еи", "ее", "ею", "еей"}
	gzYaEndings   = []string{"я", "и", "е", "ю", "ей", "ею", "ям", "ях"}
	gzAEndings    = []string{"а", "ы", "и", "е", "у", "ой", "ою", "ам", "ами", "ах", "ов"}
	gzOEndings    = []string{"о", "а", "у", "ом", "е"}
	gzYEndings    = []string{"ы", "ов", "ам", "ами", "ах", ""}
	gzYotEndings  = []string{"й", "я", "ю", "ем", "е"}
	gzSoftEndings = []string{"ь", "я", "ю", "ем", "е", "и", "ью"}
	gzConsEndings = []string{"", "а", "у", "ом", "е", "ы", "ов"}

	// gzStemEndings are stripped, longest first, by gzRuStem.
	gzStemEndings = []string{
		"иями", "ями", "ами", "ией", "иях", "ием", "ого", "его", "ому", "ему", "ыми", "ими",
		"ых", "их", "ым", "им", "ой", "ей", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие",
		"ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ия", "ии", "ию",
		"а", "я", "ы", "и", "е", "у", "ю", "о", "ь", "й",
	}
)

// gzRuForms returns the inflected forms of the lower-case nominative word w,
// w itself included. Words ending in и, у, ю, е or э that are not adjectives
// are foreign indeclinables (Мали, Перу, Зимбабве) and yield only w.
func gzRuForms(w string) []string {
	r := []rune(w)
	n := len(r)
	if n < 3 {
		return []string{w}
	}
	last2 := string(r[n-2:])
	stem2 := string(r[:n-2])
	stem1 := string(r[:n-1])
	with := func(stem string, endings ...[]string) []string {
		out := []string{w}
		for _, list := range endings {
			for _, e := range list {
				out = append(out, stem+e)
			}
		}
		return out
	}
	switch last2 {
	case "ий":
		return with(stem2, gzAdjEndings, gzIyEndings)
	case "ый", "ой", "ая", "яя", "ое", "ее", "ые":
		return with(stem2, gzAdjEndings)
	case "ие":
		return with(stem2, gzAdjEndings, gzIeEndings)
	case "ия":
		return with(stem2, gzIyaEndings)
	case "ея":
		return with(stem2, gzEyaEndings)
	}
	switch r[n-1] {
	case 'я':
		return with(stem1, gzYaEndings)
	case 'а':
		return with(stem1, gzAEndings)
	case 'о':
		return with(stem1, gzOEndings)
	case 'ы':
		return with(stem1, gzYEndings)
	case 'й':
		return with(stem1, gzYotEndings)
	case 'ь':
		return with(stem1, gzSoftEndings)
	case 'и', 'у', 'ю', 'е', 'э':
		return []string{w}
	}
	return with(w, gzConsEndings)
}

// gzRuStem strips one inflectional ending from a lower-case Russian word,
// keeping at least three letters. It is crude on purpose: it only serves to
// compare misspelt names in different cases, never to decide a match alone.
func gzRuStem(w string) string {
	n := len([]rune(w))
	for _, e := range gzStemEndings {
		if strings.HasSuffix(w, e) && n-len([]rune(e)) >= 3 {
			return w[:len(w)-len(e)]
		}
	}
	return w
}
