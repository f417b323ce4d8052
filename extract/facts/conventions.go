package facts

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The per-article conventions of DESIGN.md, applied to the readings the
// scorer picked: one fact per group and count (the first body sentence that
// states it is the evidence), the headline only when it adds a number, and
// the status of list items inherited from the statement that heads them.

// group is who a count belongs to.
type group struct {
	subject      string
	code         string
	canon        string
	kind         string
	spans        int
	memberStates bool // the member states of an organisation: "45 OSCE participating States"
}

// pick is the winning reading of one count: a fact before the conventions.
type pick struct {
	sent   int
	tok    int
	count  int
	g      group
	qual   string
	rule   Rule
	status string
}

func (d *doc) toFacts(picks []pick, headline bool) []Fact {
	if !headline {
		statesAsTotal(picks)
	}
	var facts []Fact
	lastSent := -1 // sentence of the last fact kept: the head of a list its items inherit from
	seen := map[string]bool{}
	for _, c := range picks {
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
			Evidence:         s.evidence(),
			Rule:             c.rule.String(),
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
			f.CharStart = d.runeOffset(s.start)
			f.CharEnd = f.CharStart + utf8.RuneCountInString(s.text)
		}
		facts = append(facts, f)
		lastSent = c.sent
	}
	return facts
}

// runeOffset converts a byte offset of the body into a character offset,
// counting on from the last conversion so that an article costs one pass.
func (d *doc) runeOffset(byteOff int) int {
	if byteOff < d.runeAt.bytes {
		d.runeAt.bytes, d.runeAt.runes = 0, 0
	}
	d.runeAt.runes += utf8.RuneCountInString(d.body[d.runeAt.bytes:byteOff])
	d.runeAt.bytes = byteOff
	return d.runeAt.runes
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
	title := d.a.Title
	hd := &doc{x: d.x, a: d.a, body: title, lang: d.lang, pub: d.pub, host: d.hostCode(), hostKnown: true, accredits: d.accredits, foreignObs: d.foreignObs, membersUntil: -1, skel: d.skel}
	hd.sents = []sentence{*d.titleSentence()} // analysed once, shared with coreference and the host
	hd.sents[0].observers, hd.sents[0].candidate = true, true
	picks, _ := hd.sentenceFacts(0, false)
	hfacts := hd.toFacts(picks, true)
	have := map[string]bool{}
	aggregateCounts := map[int]bool{}
	for i := range facts {
		have[factKey(&facts[i])] = true
		if facts[i].SubjectKind == KindAggregate {
			aggregateCounts[facts[i].Count] = true
		}
	}
	for _, f := range hfacts {
		// a total restated under another name ("505 international
		// observers" over "505 observers from international organisations")
		if have[factKey(&f)] || f.SubjectKind == KindAggregate && aggregateCounts[f.Count] || d.restatesPart(facts, &f) {
			continue
		}
		facts = append(facts, f)
	}
	return facts
}

// restatesPart reports a headline count that the body states for a part
// of the headline's organisation: headlines shorten names ("OSCE to send
// 400 observers" over the body's "ODIHR … 400").
func (d *doc) restatesPart(facts []Fact, h *Fact) bool {
	for i := range facts {
		if facts[i].Count == h.Count && d.x.gaz.PartOf(facts[i].SubjectCode, h.SubjectCode) {
			return true
		}
	}
	return false
}

// inheritedStatus gives a count with no verb of its own the status of the
// statement that introduced it: the list head just before, else the
// article's first stated status, else what the article is about.
func (d *doc) inheritedStatus(facts []Fact, lastSent, sent int) string {
	if n := len(facts); n > 0 && facts[n-1].Status != "" && lastSent >= 0 && lastSent >= sent-3 {
		return facts[n-1].Status
	}
	if d.firstStatus == nil {
		st := ""
		for si := range d.sents {
			if d.sents[si].toks != nil && d.sents[si].observers {
				if st = d.sents[si].status(len(d.sents[si].toks) / 2); st != "" {
					break
				}
			}
		}
		d.firstStatus = &st
	}
	if *d.firstStatus != "" {
		return *d.firstStatus
	}
	if d.accredits {
		return StatusAccredited
	}
	return StatusArrived
}

// statesAsTotal reads "observers from K countries" as all observers when
// the article does not split its observers into organisations and states
// ("More than a thousand observers from 129 countries are watching …"):
// the countries then stand for everyone who came. Where the article also
// counts an organisations' total or states a total of its own, the states
// stay a part; so do the member states of an organisation ("45 OSCE
// participating States").
func statesAsTotal(picks []pick) {
	for _, p := range picks {
		if p.g.code == CodeOrgs || p.g.code == CodeAll {
			return
		}
	}
	for i := range picks {
		g := &picks[i].g
		if g.code == CodeStates && g.spans > 0 && !g.memberStates && picks[i].rule == RuleAggregate {
			g.code, g.canon = CodeAll, canonAll
		}
	}
}
