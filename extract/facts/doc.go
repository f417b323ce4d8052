package facts

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/gazetteer"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// doc is an article prepared for the recognisers: its sentences, each
// tokenized with the lexicon of its own language, with entity mentions and
// dates.
type doc struct {
	x              *Extractor
	a              *article.Article
	body           string
	lang           lang.Code // the article's language
	sents          []sentence
	pub            time.Time
	low            string                     // the body lower-cased
	skel           *skeletonCues              // the free lists in the skeleton of the article's language
	match          string                     // the body's match text in that language, when it has Latin letters
	host           string                     // ISO code of the country holding the election, when told
	hostKnown      bool                       // host has been worked out (see hostCode)
	accredits      bool                       // the article speaks of accreditation
	foreignObs     bool                       // the article speaks of foreign/international observers
	runeAt         struct{ bytes, runes int } // last byte -> character offset conversion
	lastGroup      *group                     // the named group of the last fact read, for "another 400 observers"
	membersUntil   int                        // sentences up to this one list an organisation's members by country
	titleObservers bool                       // the title speaks of observers
	title          *sentence                  // the title analysed, once asked for
	lookups        map[lookupKey]lookup       // the gazetteer's answers for phrases of this article
	firstStatus    *string                    // the status first stated in the article, once looked for
}

// sentence is a span of the body with what the rules read in it.
type sentence struct {
	start, end int // byte offsets into the body
	text       string
	lex        *lang.Lexicon
	gaz        *gazetteer.Gazetteer // for the relations between the entities it names
	toks       []lang.Token
	present    lang.ClassSet // every class a token of the sentence has, or a phrase of it may start with
	ments      []gazetteer.Mention
	mentAt     []int // token -> index in ments, or -1
	dates      []dateSpan
	inDate     []bool
	observers  bool // an observer noun occurs
	candidate  bool // worth running the recognisers on
	cutBefore  bool // a piece of a longer sentence, cut before it (see capSentences)
	cutAfter   bool // … and after it
}

func (x *Extractor) newDoc(a *article.Article) *doc {
	d := &doc{x: x, a: a, body: a.Body, pub: a.PublishedAt, lang: lang.Code(a.Language), membersUntil: -1}
	if d.lang == "" {
		d.lang = lang.DetectArticle(a.Title, a.Body)
	}
	d.sents = capSentences(a.Body, splitSentences(a.Body, x.lists.abbreviations), x.limits.MaxSentence)
	d.skel = x.skeletonCues(d.lang)
	d.low = strings.ToLower(a.Body)
	d.match = d.skel.matchText(a.Body)
	d.accredits = containsAny(d.low, x.lists.accreditationCues) || containsAny(d.match, d.skel.accreditation)
	d.foreignObs = containsAny(d.low, x.lists.foreignCues) || containsAny(d.match, d.skel.foreign)
	d.titleObservers = d.skel.mayStateObservers(x, a.Title)
	for i := range d.sents {
		d.sents[i].observers = d.skel.mayStateObservers(x, d.sents[i].text)
	}
	// Recognisers look a few sentences back for the group a pronoun or "the
	// mission" stands for, so neighbours of observer sentences are analysed too.
	for i := range d.sents {
		// a sentence that does not name observers may continue one that does,
		// and list items continue each other ("CIS – 48;" "SCO – 9;")
		// a sentence that accredits may count observers without naming them
		// ("More than 70 people have already been accredited")
		lead := i < 3 && d.titleObservers // the lead of an article whose title speaks of observers
		named := d.sents[i].observers || lead
		// only an article that accredits has sentences that do
		accredits := !named && d.accredits && (containsAny(strings.ToLower(d.sents[i].text), x.lists.accreditationCues) ||
			d.skel.has(d.sents[i].text, d.skel.accreditation))
		if !named && !accredits && !(i > 0 && d.sents[i-1].candidate && d.continuesObservers(i)) {
			continue
		}
		if d.isInlineLink(i) {
			continue
		}
		for k := max(0, i-3); k <= i; k++ {
			d.analyse(k)
		}
		d.sents[i].candidate = true
	}
	return d
}

// lexFor returns the lexicon of a sentence: its own language when its
// letters tell, else the article's.
func (d *doc) lexFor(text string) *lang.Lexicon {
	if c, sure := lang.DetectWithin(text, d.lang); sure {
		return lang.For(c)
	}
	if d.lang != "" {
		return lang.For(d.lang)
	}
	c, _ := lang.Detect(text)
	return lang.For(c)
}

// lookup is a gazetteer answer.
type lookup struct {
	e gazetteer.Entity
	q gazetteer.MatchQuality
}

// lookupKey is a phrase and the language of the sentence it was read in
// (a Latin Kazakh phrase matches Kazakh names by its skeleton).
type lookupKey struct {
	lang   lang.Code
	phrase string
}

// lookup asks the gazetteer about a phrase of sentence s once per article:
// recognisers competing for a count ask about the same phrases, and a
// phrase the gazetteer does not know costs a fuzzy search each time.
func (d *doc) lookup(s *sentence, phrase string) (gazetteer.Entity, gazetteer.MatchQuality) {
	key := lookupKey{s.lex.Code, phrase}
	if r, ok := d.lookups[key]; ok {
		return r.e, r.q
	}
	e, q := d.x.gaz.LookupIn(phrase, string(s.lex.Code))
	if d.lookups == nil {
		d.lookups = map[lookupKey]lookup{}
	}
	d.lookups[key] = lookup{e, q}
	return e, q
}

// titleSentence is the title, analysed like a sentence of the body.
func (d *doc) titleSentence() *sentence {
	if d.title == nil {
		d.title = &sentence{text: d.a.Title, end: len(d.a.Title)}
		d.analyseText(d.title)
	}
	return d.title
}

func (d *doc) analyse(i int) {
	s := &d.sents[i]
	if s.toks != nil {
		return
	}
	d.analyseText(s)
}

// analyseText tokenizes a sentence and finds its mentions and dates.
func (d *doc) analyseText(s *sentence) {
	if s.lex == nil {
		s.lex = d.lexFor(s.text)
	}
	s.gaz = d.x.gaz
	s.toks = s.lex.Tokenize(s.text)
	s.present = lang.ClassSet{}
	for k := range s.toks {
		s.present = s.present.Union(s.toks[k].Cls).Union(s.toks[k].PCls)
	}
	s.dates, s.inDate = findDates(s.lex, s.toks)
	s.ments = d.x.dropModifierMentions(s.text, d.x.gaz.FindIn(s.text, string(s.lex.Code)))
	s.mentAt = make([]int, len(s.toks))
	defer s.bareNames()
	m := 0
	for ti := range s.toks {
		s.mentAt[ti] = -1
		for m < len(s.ments) && s.ments[m].End <= s.toks[ti].Start {
			m++
		}
		// a token belongs to the mention it starts in ("Uzbekistan's" to "Uzbekistan")
		if m < len(s.ments) && s.toks[ti].Start >= s.ments[m].Start && s.toks[ti].Start < s.ments[m].End {
			s.mentAt[ti] = m
		}
	}
}

// bareNames takes the case endings off the last word of a name that is
// the name's own form: "Үндістан" ends like an ablative but is not one.
func (s *sentence) bareNames() {
	if !s.lex.Grammar(lang.CaseEndings) {
		return
	}
	for ti := range s.toks {
		last := s.mentAt[ti] >= 0 && (ti+1 == len(s.toks) || s.mentAt[ti+1] != s.mentAt[ti])
		if last && s.gaz.Bare(s.toks[ti].Low) {
			for _, c := range caseEndingClasses {
				s.toks[ti].Cls.Remove(c)
			}
		}
	}
}

// caseEndingClasses are the classes a word has by its case ending alone.
var caseEndingClasses = []lang.Class{lang.OriginSuffix, lang.GenitiveSuffix, lang.DativeSuffix}

// mayStateObservers is the cheap filter: most news pages never mention
// observers and must cost almost nothing. The substrings are every supported
// language's [list page_filter].
func (x *Extractor) mayStateObservers(s string) bool {
	lower := "" // the text lower-cased once, for the first needle beyond ASCII
	for _, f := range x.lists.pageFilter {
		if f == "" || f[0] < 0x80 {
			if containsFold(s, f) {
				return true
			}
			continue
		}
		if strings.Contains(s, f) {
			return true
		}
		if lower == "" {
			lower = strings.ToLower(s)
		}
		if strings.Contains(lower, f) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of the substrings.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// containsFold is a case-insensitive strings.Contains for a lower-case
// needle that starts with an ASCII letter: ASCII letters fold by bit, the
// bytes of other letters ("baıqaý") match as they are. Needles beyond ASCII
// are mayStateObservers' to lower-case for.
func containsFold(s, needle string) bool {
	if needle == "" {
		return true
	}
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 != needle[0] {
			continue
		}
		j := 1
		for ; j < n; j++ {
			if foldASCII(s[i+j]) != needle[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// foldASCII lower-cases an ASCII capital; other bytes (those of a letter
// beyond ASCII: "baıqaý") are compared as they are.
func foldASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c | 0x20
	}
	return c
}

// continuesObservers reports whether sentence i, which does not name
// observers, may still count them after a sentence that does: "It numbers
// 57 people", "The delegation comprises twelve members", list items "CIS – 48".
func (d *doc) continuesObservers(i int) bool {
	s := &d.sents[i]
	low := strings.ToLower(s.text)
	lex := d.lexFor(s.text)
	for _, w := range lex.List("continues_observers") {
		if strings.Contains(low, w) {
			return true
		}
	}
	if sk := d.x.skeletonCues(lex.Code); sk.has(s.text, sk.continues) {
		return true
	}
	for _, dash := range []string{" – ", " — ", " - "} {
		if strings.Contains(low, dash) {
			return true
		}
	}
	// lengths in characters: a Cyrillic sentence takes twice the bytes
	chars := utf8.RuneCountInString(s.text)
	if strings.ContainsAny(s.text, "•▪●") || strings.Contains(s.text, "....") || strings.Contains(s.text, "…") ||
		strings.HasSuffix(strings.TrimSpace(s.text), ":") && chars < 160 {
		return true // table rows, bullets, and the short heading of a list
	}
	return chars < 120 && strings.ContainsAny(s.text, "0123456789")
}

// isInlineLink reports a "Read also: <headline>" line inside the body: the
// headline of another article, never a fact of this one.
func (d *doc) isInlineLink(i int) bool {
	s := &d.sents[i]
	low := strings.ToLower(s.text)
	lex := d.lexFor(s.text)
	for _, p := range lex.List("inline_link") {
		// at the start, or after a label glued to it ("Бөлісу: Тағы да оқыңыз …")
		if at := strings.Index(low, p); at >= 0 && at < inlineLinkWindow {
			return true
		}
	}
	sk := d.x.skeletonCues(lex.Code)
	m := sk.matchText(s.text)
	for _, p := range sk.inlineLink {
		if at := strings.Index(m, p); m != "" && at >= 0 && at < inlineLinkWindow {
			return true
		}
	}
	return false
}

// inlineLinkWindow is how far into a sentence, in bytes, a "Read also"
// cue still opens it: room for a short label such as "Share:".
const inlineLinkWindow = 40

// dropModifierMentions removes names used as modifiers: "the US-based
// National Democratic Institute", "Russia-led", which do not name a group.
func (x *Extractor) dropModifierMentions(text string, ms []gazetteer.Mention) []gazetteer.Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.End < len(text) && text[m.End] == '-' && x.modifierSuffix(text[m.End+1:]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// modifierSuffix reports "based", "led", … after a hyphen; the suffixes are
// every language's [list modifier_suffix].
func (x *Extractor) modifierSuffix(rest string) bool {
	for _, sfx := range x.lists.modifierSuffixes {
		if len(rest) >= len(sfx) && strings.EqualFold(rest[:len(sfx)], sfx) {
			return true
		}
	}
	return false
}
