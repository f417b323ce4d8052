package lang

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Lexicon is what obsfacts knows of one language: the words of each Class,
// number words and month names. It is read from a data file (data/<code>.lex)
// and is immutable once built, so it is safe for concurrent use.
type Lexicon struct {
	Code Code

	words    map[string]wordClasses // whole words, lower-case, and the first words of phrases
	stems    *stemTrie              // "наблюдател*": any word that starts so
	suffixes *stemTrie              // "*ed": any word that ends so (stored reversed)
	// the first words of phrases are indexed in words and stems too: a
	// token whose word starts no phrase of a class is never tried for it
	phrases [numClasses][]phrase

	numbers     map[string]int  // number words, every form: "two", "двух", "екі"
	collective  map[string]bool // numbers that count people as a group: "двое", "трое"
	multipliers map[string]int  // "hundred", "thousand", "тысяч"
	months      map[string]int  // month names and abbreviations in every form
	monthStems  []monthStem     // month names matched by prefix ("nov", "novem")
	lists       map[string][]string
	sets        map[string]map[string]bool // the lists as sets, for lookups
	translit    *transliteration           // [transliteration]: the skeleton of Latin-script words, or nil
	skelCues    map[string]bool            // the detection cues in their skeleton
}

// phrase is a multi-word entry of a class: "more than", "на сегодняшний день".
type phrase []phraseWord

type phraseWord struct {
	text string
	stem bool // matches any word that starts with text
}

type monthStem struct {
	name  string
	month int
	min   int // shortest prefix accepted
}

// Is reports whether the single word w (lower-case) belongs to class c.
func (l *Lexicon) Is(c Class, w string) bool {
	return l.Classes(w).Has(c)
}

// Classes returns the classes a single lower-case word belongs to.
func (l *Lexicon) Classes(w string) ClassSet {
	cs, _ := l.classes(w)
	return cs
}

// classes returns the classes of a word and the classes with a phrase that
// may start with it, in one look-up of each index.
func (l *Lexicon) classes(w string) (word, phrase ClassSet) {
	wc := l.words[w]
	word, phrase = wc.word, wc.phrase
	if l.stems != nil {
		sw, sp := l.stems.match(w)
		word, phrase = word.Union(sw), phrase.Union(sp)
	}
	if l.suffixes != nil && l.suffixes.next != nil {
		word = word.Union(l.suffixes.matchReverse(w))
	}
	return word, phrase
}

// Number returns the value of a number word ("seven", "семи", "жеті").
func (l *Lexicon) Number(w string) (int, bool) {
	v, ok := l.numbers[w]
	return v, ok
}

// Collective reports a collective numeral ("двое", "трое"): a count of people.
func (l *Lexicon) Collective(w string) bool { return l.collective[w] }

// Multiplier returns the factor of "hundred", "thousand", "тысяч", "мың".
func (l *Lexicon) Multiplier(w string) (int, bool) {
	v, ok := l.multipliers[w]
	return v, ok
}

// Month returns the month (1–12) a lower-case word names, in any form the
// data file lists, or by a prefix of at least the stated length.
func (l *Lexicon) Month(w string) (int, bool) {
	w = strings.TrimRight(w, ".")
	if m, ok := l.months[w]; ok {
		return m, true
	}
	n := utf8.RuneCountInString(w)
	for _, s := range l.monthStems {
		if n >= s.min && strings.HasPrefix(s.name, w) {
			return s.month, true
		}
	}
	return 0, false
}

// List returns a free list of the data file, such as "abbreviation" or
// "page_filter". Lists hold strings the code matches as it needs (substrings,
// prefixes), not words of a class.
func (l *Lexicon) List(name string) []string { return l.lists[name] }

// parseLexicon reads a data file. Its format:
//
//	# comment
//	[class_name]            a Class: entries are words, "stem*", "*suffix" or phrases
//	observer | observers | more than
//	[number]                word = value
//	two = 2 | двух = 2
//	[month]                 word = month; "name~3" also matches prefixes of 3+ letters
//	[list name]             free strings, one list per name; "quoted" keeps spaces
//	[transliteration]       letter = skeleton (see skeleton.go)
func parseLexicon(code Code, r io.Reader) (*Lexicon, error) {
	l := &Lexicon{
		Code:        code,
		words:       map[string]wordClasses{},
		stems:       newStemTrie(),
		suffixes:    newStemTrie(),
		numbers:     map[string]int{},
		collective:  map[string]bool{},
		multipliers: map[string]int{},
		months:      map[string]int{},
		lists:       map[string][]string{},
		sets:        map[string]map[string]bool{},
	}
	sc := bufio.NewScanner(r)
	section := ""
	var entries []sectionEntry
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
			section = strings.TrimSpace(text[1 : len(text)-1])
			if err := l.checkSection(section); err != nil {
				return nil, fmt.Errorf("lang: %s.lex line %d: %w", code, line, err)
			}
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("lang: %s.lex line %d: entry outside a [section]", code, line)
		}
		for _, entry := range strings.Split(text, "|") {
			entry = strings.TrimSpace(entry)
			if len(entry) >= 2 && entry[0] == '"' && entry[len(entry)-1] == '"' {
				entry = entry[1 : len(entry)-1] // quoted: spaces kept ("it ")
			}
			if entry == "" {
				continue
			}
			var err error
			if section == "transliteration" {
				if l.translit == nil {
					l.translit = newTransliteration()
				}
				err = l.translit.add(entry)
			} else {
				err = l.add(section, entry)
				entries = append(entries, sectionEntry{section, entry})
			}
			if err != nil {
				return nil, fmt.Errorf("lang: %s.lex line %d: %w", code, line, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lang: read %s.lex: %w", code, err)
	}
	if l.translit != nil {
		if err := l.addSkeletons(entries); err != nil {
			return nil, fmt.Errorf("lang: %s.lex: %w", code, err)
		}
	}
	return l, nil
}

func (l *Lexicon) checkSection(section string) error {
	switch {
	case section == "number", section == "number_collective", section == "number_multiplier", section == "month",
		section == "transliteration":
		return nil
	case strings.HasPrefix(section, "list "):
		return nil
	}
	if _, ok := classByName[section]; !ok {
		return fmt.Errorf("unknown section [%s]", section)
	}
	return nil
}

func (l *Lexicon) add(section, entry string) error {
	switch {
	case section == "number", section == "number_collective", section == "number_multiplier":
		return l.addNumber(section, entry)
	case section == "month":
		return l.addMonth(entry)
	case strings.HasPrefix(section, "list "):
		name := strings.TrimPrefix(section, "list ")
		l.lists[name] = append(l.lists[name], entry)
		if l.sets[name] == nil {
			l.sets[name] = map[string]bool{}
		}
		l.sets[name][entry] = true
		return nil
	}
	c := classByName[section]
	words := strings.Fields(strings.ToLower(entry))
	if len(words) > 1 {
		p := make(phrase, len(words))
		for i, w := range words {
			p[i] = phraseWord{text: strings.TrimSuffix(w, "*"), stem: strings.HasSuffix(w, "*") && len(w) > 1}
		}
		l.phrases[c] = append(l.phrases[c], p)
		if p[0].stem {
			l.stems.addPhrase(p[0].text, c)
		} else {
			wc := l.words[p[0].text]
			wc.phrase.Add(c)
			l.words[p[0].text] = wc
		}
		return nil
	}
	w := words[0]
	if strings.HasPrefix(w, "*") && len(w) > 1 {
		l.suffixes.add(reverse(w[1:]), c)
		return nil
	}
	if strings.HasSuffix(w, "*") && len(w) > 1 {
		l.stems.add(strings.TrimSuffix(w, "*"), c)
		return nil
	}
	wc := l.words[w]
	wc.word.Add(c)
	l.words[w] = wc
	return nil
}

// wordClasses are the classes of a word, and the classes with a phrase
// that starts with it.
type wordClasses struct{ word, phrase ClassSet }

func (l *Lexicon) addNumber(section, entry string) error {
	w, v, ok := strings.Cut(entry, "=")
	if !ok {
		return fmt.Errorf("number %q: want word = value", entry)
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return fmt.Errorf("number %q: %w", entry, err)
	}
	w = strings.ToLower(strings.TrimSpace(w))
	switch section {
	case "number_multiplier":
		l.multipliers[w] = n
	case "number_collective":
		l.numbers[w] = n
		l.collective[w] = true
	default:
		l.numbers[w] = n
	}
	return nil
}

func (l *Lexicon) addMonth(entry string) error {
	w, v, ok := strings.Cut(entry, "=")
	if !ok {
		return fmt.Errorf("month %q: want word = month", entry)
	}
	m, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || m < 1 || m > 12 {
		return fmt.Errorf("month %q: month must be 1-12", entry)
	}
	w = strings.ToLower(strings.TrimSpace(w))
	if name, min, ok := strings.Cut(w, "~"); ok {
		n, err := strconv.Atoi(min)
		if err != nil {
			return fmt.Errorf("month %q: %w", entry, err)
		}
		l.monthStems = append(l.monthStems, monthStem{name: name, month: m, min: n})
		l.months[name] = m
		return nil
	}
	l.months[w] = m
	return nil
}

// stemTrie finds every stem a word starts with, in one pass over the word.
type stemTrie struct {
	next map[rune]*stemTrie
	cls  ClassSet // classes of the stem ending here
	pcls ClassSet // classes of phrases whose first word is this stem
}

func newStemTrie() *stemTrie { return &stemTrie{} }

func (t *stemTrie) add(stem string, c Class) { t.node(stem).cls.Add(c) }

func (t *stemTrie) addPhrase(stem string, c Class) { t.node(stem).pcls.Add(c) }

func (t *stemTrie) node(stem string) *stemTrie {
	n := t
	for _, r := range stem {
		if n.next == nil {
			n.next = map[rune]*stemTrie{}
		}
		child := n.next[r]
		if child == nil {
			child = &stemTrie{}
			n.next[r] = child
		}
		n = child
	}
	return n
}

func (t *stemTrie) match(w string) (cls, pcls ClassSet) {
	n := t
	for _, r := range w {
		n = n.next[r]
		if n == nil {
			break
		}
		cls, pcls = cls.Union(n.cls), pcls.Union(n.pcls)
	}
	return cls, pcls
}

// MatchAt returns the length in tokens of the longest entry of class c
// (a word or a phrase) that starts at toks[k], or 0.
func (l *Lexicon) MatchAt(c Class, toks []Token, k int) int {
	if k < 0 || k >= len(toks) {
		return 0
	}
	best := 0
	if toks[k].Cls.Has(c) {
		best = 1
	}
	if !toks[k].PCls.Has(c) {
		return best
	}
	for _, p := range l.phrases[c] {
		if len(p) > best && p.matches(toks, k) {
			best = len(p)
		}
	}
	return best
}

// MatchEndingAt returns the length of the longest entry of class c that ends
// just before toks[end], or 0.
func (l *Lexicon) MatchEndingAt(c Class, toks []Token, end int) int {
	best := 0
	if end >= 1 && end <= len(toks) && toks[end-1].Cls.Has(c) {
		best = 1
	}
	for _, p := range l.phrases[c] {
		if len(p) > best && end-len(p) >= 0 && p.matches(toks, end-len(p)) {
			best = len(p)
		}
	}
	return best
}

// HasPhrases reports whether class c has multi-word entries.
func (l *Lexicon) HasPhrases(c Class) bool { return len(l.phrases[c]) > 0 }

func (p phrase) matches(toks []Token, k int) bool {
	if k+len(p) > len(toks) {
		return false
	}
	for j, w := range p {
		low := toks[k+j].Low
		if w.stem && !strings.HasPrefix(low, w.text) || !w.stem && low != w.text {
			return false
		}
	}
	return true
}

// ListNames returns the names of the data file's free lists, sorted.
func (l *Lexicon) ListNames() []string {
	names := make([]string, 0, len(l.lists))
	for n := range l.lists {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// matchReverse finds every suffix a word ends with, walking the word from
// its end through a trie of reversed suffixes.
func (t *stemTrie) matchReverse(w string) ClassSet {
	var cs ClassSet
	n := t
	for i := len(w); i > 0 && n != nil; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		n = n.next[r]
		if n == nil {
			break
		}
		if i > 0 { // a suffix is never the whole word
			cs = cs.Union(n.cls)
		}
	}
	return cs
}

func reverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// Grammar is a property of a language's word order or morphology that a
// recogniser depends on; a data file states those of its language in
// [list grammar].
type Grammar string

// The grammar properties the recognisers ask for.
const (
	// GenitiveAfterNoun: the group may follow the counted noun in the
	// genitive, with no preposition ("25 наблюдателей миссии СНГ").
	GenitiveAfterNoun Grammar = "genitive_after_noun"
	// DemonymAdjectives: a lower-case demonym adjective after a bare count
	// stands for observers of that country ("27 казахстанских").
	DemonymAdjectives Grammar = "demonym_adjectives"
	// GroupBeforeCount: the group usually stands before the count.
	GroupBeforeCount Grammar = "group_before_count"
	// Articles: the language has articles ("the mission"), so a noun
	// without one does not refer back.
	Articles Grammar = "articles"
	// CaseEndings: the language joins case endings to words, and an
	// ablative or genitive ending marks a count's group ("ТМД миссиясынан
	// 400 бақылаушы").
	CaseEndings Grammar = "case_endings"
	// AblativeDistributes: an ablative on the counted noun distributes the
	// count over a list ("екі бақылаушыдан", two observers from each).
	AblativeDistributes Grammar = "ablative_distributes"
	// VerbFinal: the verb ends the clause, after the count and its noun
	// ("Ресей бес байқаушы жіберді", Russia sent five observers), so a
	// linking verb there ties the clause's subject to the count.
	VerbFinal Grammar = "verb_final"
)

// Grammar reports whether the language has the property g.
func (l *Lexicon) Grammar(g Grammar) bool {
	for _, p := range l.lists["grammar"] {
		if p == string(g) {
			return true
		}
	}
	return false
}
