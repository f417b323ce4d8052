package lang

import "strings"

// Numbers written in words: the lexicon lists each language's number words
// in every form; runs of them add up ("twenty five", "сто двадцать"), and
// multipliers ("hundred", "тысяч") multiply.

// numberValue returns the value of one number word, splitting hyphenated
// compounds ("twenty-five").
func (l *Lexicon) numberValue(low string) (int, bool) {
	if v, ok := l.numbers[low]; ok {
		return v, true
	}
	// a number word with an ending joined to it: "екіден", "мыңнан", "алтауы"
	for _, sfx := range l.lists["number_suffix"] {
		if stem, ok := strings.CutSuffix(low, sfx); ok && stem != "" {
			if v, ok := l.numbers[stem]; ok {
				return v, true
			}
			if v, ok := l.multipliers[stem]; ok {
				return v, true
			}
		}
	}
	if i := strings.IndexByte(low, '-'); i > 0 {
		a, ok1 := l.numbers[low[:i]]
		b, ok2 := l.numbers[low[i+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// mergeNumberWords turns runs of number words into single Num tokens and
// applies a multiplier written after digits ("5 thousand", "5 тыс.").
func (l *Lexicon) mergeNumberWords(s string, toks []Token) []Token {
	for k := range toks {
		if toks[k].Kind == Word {
			toks[k].Cls, toks[k].PCls = l.classes(toks[k].Low)
		}
	}
	// compacted in place: a merged token is written at or before the
	// position it was read from, and reading only looks ahead
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var n int
		switch {
		case t.Kind == Num:
			t, n = l.digitsTimesMultiplier(s, toks, i)
		case t.Kind == Word:
			t, n = l.wordNumber(s, toks, i)
		default:
			n = 1
		}
		out = append(out, t)
		i += n - 1
	}
	return out
}

// digitsTimesMultiplier reads "5 thousand" at i; it returns the token and
// how many source tokens it spans.
func (l *Lexicon) digitsTimesMultiplier(s string, toks []Token, i int) (Token, int) {
	t := toks[i]
	if i+1 < len(toks) && toks[i+1].Kind == Word {
		if m, ok := l.multiplier(toks[i+1].Low); ok && m == 1000 {
			t.Num *= 1000
			t.End = toks[i+1].End
			t.Text = s[t.Start:t.End]
			t.Low = l.matchForm(Lower(t.Text))
			t.Cls = toks[i+1].Cls // "1 мыңнан": the ending is the number's
			return t, 2
		}
	}
	return t, 1
}

// multiplier returns the factor of a multiplier word, with an ending joined
// to it or not ("тысяч", "мыңнан").
func (l *Lexicon) multiplier(w string) (int, bool) {
	if m, ok := l.multipliers[w]; ok {
		return m, true
	}
	for _, sfx := range l.lists["number_suffix"] {
		if stem, ok := strings.CutSuffix(w, sfx); ok && stem != "" {
			if m, ok := l.multipliers[stem]; ok {
				return m, true
			}
		}
	}
	return 0, false
}

// wordNumber reads a number written in words starting at toks[i], if any.
func (l *Lexicon) wordNumber(s string, toks []Token, i int) (Token, int) {
	t := toks[i]
	// "seven-member delegation", "12-strong": the count of a mission
	if h := strings.LastIndexByte(t.Low, '-'); h > 0 && l.Is(MemberSuffix, t.Low[h+1:]) {
		if v, ok := l.numberValue(t.Low[:h]); ok {
			t.Kind, t.Num, t.NumWord, t.Member, t.Cls = Num, v, true, true, ClassSet{}
			return t, 1
		}
	}
	if v, n, ok := l.standaloneMultiplier(toks, i); ok {
		t.Kind, t.Num, t.NumWord, t.Cls = Num, v, true, ClassSet{}
		t.End = toks[i+n-1].End
		t.Text = s[t.Start:t.End]
		return t, n
	}
	v, ok := l.numberValue(t.Low)
	if !ok {
		return t, 1
	}
	total, current := 0, v
	end, j := t.End, i+1
	for ; j < len(toks) && toks[j].Kind == Word; j++ {
		w := toks[j].Low
		if toks[j].Is(Conj) {
			// "one hundred and twenty"
			if nv, ok := l.numberValue(lowAt(toks, j+1)); ok && current >= 100 && nv < 100 {
				continue
			}
			break
		}
		if m, ok := l.multipliers[w]; ok {
			current *= m
			if m >= 1000 {
				total += current
				current = 0
			}
			end = toks[j].End
			continue
		}
		if nv, ok := l.numberValue(w); ok && (nv < current || current == 0) {
			current += nv
			end = toks[j].End
			continue
		}
		break
	}
	merged := t
	merged.Kind, merged.Num, merged.NumWord = Num, total+current, true
	merged.Cls = l.suffixClasses(toks[j-1].Low) // "екіден": the ending of the last word
	merged.Collective = l.collective[t.Low]
	merged.End = end
	merged.Text = s[merged.Start:end]
	return merged, j - i
}

// standaloneMultiplier reads a multiplier that stands for its own value:
// "about a hundred observers", "тысяча наблюдателей", "полторы тысячи".
func (l *Lexicon) standaloneMultiplier(toks []Token, i int) (value, words int, ok bool) {
	if i > 0 && toks[i-1].Kind == Num {
		return 0, 0, false
	}
	w := toks[i].Low
	if m, ok := l.multipliers[w]; ok && i > 0 && toks[i-1].Is(NumberArticle) {
		return m, 1, true
	}
	if l.Is(OneAndHalf, w) && i+1 < len(toks) {
		if m, ok := l.multipliers[toks[i+1].Low]; ok {
			return m * 3 / 2, 2, true
		}
	}
	return 0, 0, false
}

func lowAt(toks []Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Low
}

// suffixClasses returns the classes of the endings of w ("*нан", "*дей"),
// which a number keeps when its word or digits carry them.
func (l *Lexicon) suffixClasses(w string) ClassSet {
	if l.suffixes == nil || l.suffixes.next == nil {
		return ClassSet{}
	}
	return l.suffixes.matchReverse(w)
}
