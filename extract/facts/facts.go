package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/gazetteer"
)

// Extractor finds observer facts in articles. Build it once with
// NewExtractor (it loads the gazetteer and the elections calendar) and share
// it: it is safe for concurrent use.
type Extractor struct {
	gaz *gazetteer.Gazetteer
	cal *Calendar
}

// NewExtractor returns an extractor using the embedded gazetteer and
// elections calendar.
func NewExtractor() *Extractor {
	return &Extractor{gaz: gazetteer.DefaultGazetteer(), cal: DefaultCalendar()}
}

// Extract returns the facts the article states, after the per-article
// conventions (one fact per group and count, headline only when it adds a
// number) and the consistency checks. Warnings describe disagreements.
func (x *Extractor) Extract(a *article.Article) ([]Fact, []string) {
	if !mayStateObservers(a.Body) && !mayStateObservers(a.Title) {
		return nil, nil
	}
	d := x.newDoc(a)
	var cands []cand
	for si := range d.sents {
		if d.sents[si].candidate {
			cands = append(cands, d.sentenceFacts(si)...)
		}
	}
	facts := d.toFacts(cands, false)
	if a.Title != "" && mayStateObservers(a.Title) {
		facts = d.addHeadlineFacts(facts)
	}
	warnings := checkTotals(facts)
	d.fillElection(facts)
	for i := range facts {
		facts[i].ID = factID(a, &facts[i])
	}
	return facts, warnings
}

// mayStateObservers is the cheap page filter: most news pages never mention
// observers and must cost almost nothing.
func mayStateObservers(s string) bool {
	return containsFold(s, "observ") || strings.Contains(s, "наблюдат") || strings.Contains(s, "Наблюдат") ||
		containsFold(s, "monitor")
}

// containsFold is an ASCII case-insensitive strings.Contains for a lower-case needle.
func containsFold(s, needle string) bool {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		c := s[i] | 0x20
		if c != needle[0] {
			continue
		}
		j := 1
		for ; j < n; j++ {
			if s[i+j]|0x20 != needle[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// doc is an article prepared for the rules.
type doc struct {
	x          *Extractor
	a          *article.Article
	body       string
	sents      []analysed
	pub        time.Time
	host       string // ISO code of the country holding the election, when told
	accredits  bool   // the article speaks of accreditation
	foreignObs bool   // the article speaks of foreign/international observers
}

// analysed is a sentence with its tokens, entity mentions and dates.
type analysed struct {
	sentence
	toks      []token
	ments     []gazetteer.Mention
	mentAt    []int // token -> index in ments, or -1
	dates     []dateSpan
	inDate    []bool
	observers bool // an observer noun occurs
	candidate bool // worth running the rules on
}

func (x *Extractor) newDoc(a *article.Article) *doc {
	d := &doc{x: x, a: a, body: a.Body, pub: a.PublishedAt}
	raw := splitSentences(a.Body)
	d.sents = make([]analysed, len(raw))
	for i, s := range raw {
		d.sents[i].sentence = s
		d.sents[i].observers = mayStateObservers(s.text)
	}
	// Rules look one or two sentences back for the group a pronoun or "the
	// mission" stands for, so neighbours of observer sentences are analysed too.
	for i := range d.sents {
		// a sentence that does not name observers may continue one that does,
		// and list items continue each other ("CIS – 48;" "SCO – 9;")
		if !d.sents[i].observers && !(i > 0 && d.sents[i-1].candidate && continuesObservers(d.sents[i].text)) {
			continue
		}
		if isInlineLink(d.sents[i].text) {
			continue
		}
		for k := max(0, i-3); k <= i; k++ {
			d.analyse(k)
		}
		d.sents[i].candidate = true
	}
	low := strings.ToLower(a.Body)
	d.accredits = strings.Contains(low, "accredit") || strings.Contains(low, "аккредит")
	d.foreignObs = strings.Contains(low, "foreign") || strings.Contains(low, "international") ||
		strings.Contains(low, "иностран") || strings.Contains(low, "международн") || strings.Contains(low, "зарубежн")
	d.host = d.hostCountry(low)
	return d
}

func (d *doc) analyse(i int) {
	s := &d.sents[i]
	if s.toks != nil {
		return
	}
	s.toks = tokenize(s.text)
	s.dates, s.inDate = findDates(s.toks)
	s.ments = dropModifierMentions(s.text, d.x.gaz.Find(s.text))
	s.mentAt = make([]int, len(s.toks))
	m := 0
	for ti := range s.toks {
		s.mentAt[ti] = -1
		for m < len(s.ments) && s.ments[m].End <= s.toks[ti].start {
			m++
		}
		// a token belongs to the mention it starts in ("Uzbekistan's" to "Uzbekistan")
		if m < len(s.ments) && s.toks[ti].start >= s.ments[m].Start && s.toks[ti].start < s.ments[m].End {
			s.mentAt[ti] = m
		}
	}
}

// group is who a count belongs to.
type group struct {
	subject string
	code    string
	canon   string
	kind    string
	spans   int
}

// cand is a fact found in one sentence, before the per-article conventions.
type cand struct {
	sent   int
	tok    int
	count  int
	g      group
	qual   string
	rule   string
	status string
}

func (d *doc) toFacts(cands []cand, headline bool) []Fact {
	var facts []Fact
	lastSent := -1 // sentence of the last fact kept: the head of a list its items inherit from
	seen := map[string]bool{}
	for _, c := range cands {
		key := groupKey(c.g) + "|" + strconv.Itoa(c.count)
		if seen[key] {
			continue // a restatement: the first sentence that states it is the evidence
		}
		seen[key] = true
		s := &d.sents[c.sent]
		f := Fact{
			Subject:          c.g.subject,
			SubjectCanonical: c.g.canon,
			SubjectCode:      c.g.code,
			SubjectKind:      c.g.kind,
			Count:            c.count,
			Qualifier:        c.qual,
			Status:           c.status,
			Evidence:         s.text,
			Rule:             c.rule,
			Spans:            c.g.spans,
		}
		if f.SubjectCanonical == "" {
			f.SubjectCanonical = f.Subject
		}
		if f.Status == "" {
			f.Status = d.inheritedStatus(facts, lastSent, c.sent)
		}
		f.AsOf, f.PeriodStart, f.PeriodEnd = d.timeAnchors(s, c.tok)
		if headline {
			f.Evidence = collapseSpace(s.text)
			f.CharStart, f.CharEnd = -1, -1
			f.Rule = "headline_" + f.Rule
		} else {
			f.CharStart = utf8.RuneCountInString(d.body[:s.start])
			f.CharEnd = f.CharStart + utf8.RuneCountInString(s.text)
		}
		facts = append(facts, f)
		lastSent = c.sent
	}
	return facts
}

// groupKey identifies a group within one article: its code when known, else
// its name.
func groupKey(g group) string {
	if g.code != "" {
		return g.code
	}
	return strings.ToLower(collapseSpace(g.canon + "/" + g.subject))
}

func factKey(f *Fact) string {
	return groupKey(group{code: f.SubjectCode, canon: f.SubjectCanonical, subject: f.Subject}) + "|" + strconv.Itoa(f.Count)
}

// addHeadlineFacts adds facts the title states with a number the body does
// not give for the same group ("Over 130 …" over a body saying 134).
func (d *doc) addHeadlineFacts(facts []Fact) []Fact {
	hd := &doc{x: d.x, a: d.a, body: d.a.Title, pub: d.pub, host: d.host, accredits: d.accredits, foreignObs: d.foreignObs}
	hd.sents = []analysed{{sentence: sentence{start: 0, end: len(d.a.Title), text: d.a.Title}, observers: true, candidate: true}}
	hd.analyse(0)
	hfacts := hd.toFacts(hd.sentenceFacts(0), true)
	have := map[string]bool{}
	for i := range facts {
		have[factKey(&facts[i])] = true
	}
	for _, f := range hfacts {
		if !have[factKey(&f)] {
			facts = append(facts, f)
		}
	}
	return facts
}

// inheritedStatus gives a count with no verb of its own the status of the
// statement that introduced it: the list head just before, else the
// article's first stated status, else what the article is about.
func (d *doc) inheritedStatus(facts []Fact, lastSent, sent int) string {
	if n := len(facts); n > 0 && facts[n-1].Status != "" && lastSent >= 0 && lastSent >= sent-3 {
		return facts[n-1].Status
	}
	for si := range d.sents {
		if d.sents[si].toks != nil && d.sents[si].observers {
			if st := d.sents[si].status(len(d.sents[si].toks) / 2); st != "" {
				return st
			}
		}
	}
	if d.accredits {
		return StatusAccredited
	}
	return StatusArrived
}

// factID is stable across runs: the article's identity, the group and the count.
func factID(a *article.Article, f *Fact) string {
	src := a.URL
	if !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://") {
		if i := strings.LastIndexAny(src, `/\`); i >= 0 {
			src = src[i+1:]
		}
	}
	h := sha256.Sum256([]byte(src + "\x00" + factKey(f)))
	return hex.EncodeToString(h[:8])
}

// collapseSpace turns runs of white space (line breaks included) into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// continuesObservers reports whether a sentence without the word observer
// may still count them, after a sentence that has it: "It numbers 57
// people", "The delegation comprises twelve members", list items "CIS – 48".
func continuesObservers(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"mission", "delegation", "group", "team", "it ", "they ", "its ", "their ",
		"мисси", "делегац", "групп", "она ", "они ", "ее ", "её ", "их ", " – ", " — ", " - ", "people", "members", "человек", "член"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	if strings.ContainsAny(s, "•▪●") || strings.Contains(s, "....") || strings.Contains(s, "…") ||
		strings.HasSuffix(strings.TrimSpace(s), ":") && len(s) < 160 {
		return true // table rows, bullets, and the short heading of a list
	}
	return len(s) < 120 && strings.ContainsAny(s, "0123456789")
}

// isInlineLink reports a "Read also: <headline>" line inside the body: the
// headline of another article, never a fact of this one.
func isInlineLink(s string) bool {
	low := strings.ToLower(s)
	for _, p := range []string{"read also", "see also", "read more", "also read", "related:", "читайте также", "смотрите также", "читайте по теме", "по теме:", "подробнее:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// dropModifierMentions removes names used as modifiers: "the US-based
// National Democratic Institute", "Russia-led", which do not name a group.
func dropModifierMentions(text string, ms []gazetteer.Mention) []gazetteer.Mention {
	out := ms[:0]
	for _, m := range ms {
		rest := strings.ToLower(text[m.End:])
		if strings.HasPrefix(rest, "-based") || strings.HasPrefix(rest, "-led") || strings.HasPrefix(rest, "-backed") ||
			strings.HasPrefix(rest, "-funded") || strings.HasPrefix(rest, "-born") {
			continue
		}
		out = append(out, m)
	}
	return out
}
