package facts

import (
	"strings"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Units: what a number counts. A count is a fact only when its noun is
// observers, or persons or candidacies in an observer context.

const (
	unitNone = iota
	unitObserver
	unitPerson
	unitCandidate
)

// unitInfo describes what a number counts.
type unitInfo struct {
	idx       int  // token of the counted noun, -1 when none
	kind      int  // unitObserver, unitPerson, unitCandidate
	entity    int  // mention standing between number and noun ("170 CIS observers"), -1
	aggAdj    int  // token of "foreign"/"international" between number and noun, -1
	domestic  bool // "domestic observers", "party observers"
	category  bool // "long-term observers"
	host      bool // the named entity is the host country ("Kazakh observers")
	strongSfx bool // "50-member", "50-strong"
}

var noUnit = unitInfo{idx: -1, entity: -1, aggAdj: -1}

// unitAfter finds the noun the number at i counts, skipping modifiers and a
// group name between them.
func (d *doc) unitAfter(si, i int) unitInfo {
	s := &d.sents[si]
	if u, ok := s.memberUnit(i); ok {
		return u
	}
	u := noUnit
	j := i + 1
	// "5 (пяти) человек", "five (5) observers"
	if s.word(j) == "(" && s.isNum(j+1) && s.word(j+2) == ")" {
		j += 3
	}
	for ; j < len(s.toks) && j < i+8; j++ {
		if m := s.mentAt[j]; m >= 0 {
			if u.entity >= 0 && u.entity != m {
				break
			}
			u.entity = m
			continue
		}
		if s.toks[j].Kind != lang.Word {
			if s.toks[j].Text == "/" || (s.toks[j].Text == "-" && u.entity >= 0) {
				continue
			}
			break
		}
		if !d.readUnitWord(si, j, &u) {
			break
		}
		if u.idx >= 0 {
			break
		}
	}
	if u.idx < 0 || s.is(u.idx+1, lang.NounOrg) {
		return noUnit // "48 observer organisations" counts organisations
	}
	if u.entity >= 0 && d.isHost(s.ments[u.entity].Entity) {
		u.host = true
	}
	return u
}

// readUnitWord reads word j after a number: the counted noun (sets u.idx),
// or a modifier that may stand before it. It reports whether reading goes on.
func (d *doc) readUnitWord(si, j int, u *unitInfo) bool {
	t := &d.sents[si].toks[j]
	switch {
	case t.Is(lang.UnitObserver):
		u.idx, u.kind = j, unitObserver
	case t.Is(lang.UnitForeigner) && d.observerContext(si):
		// "ЦИК аккредитовала 468 иностранцев": foreign observers
		u.idx, u.kind, u.aggAdj = j, unitObserver, j
	case t.Is(lang.UnitPerson):
		u.idx, u.kind = j, unitPerson
	case t.Is(lang.UnitCandidate):
		u.idx, u.kind = j, unitCandidate
	case t.Is(lang.Domestic):
		u.domestic = true
	case t.Is(lang.ModAggregate):
		if u.aggAdj < 0 {
			u.aggAdj = j
		}
	case t.Is(lang.ModCategory):
		u.category = true
	case t.Is(lang.Modifier):
	case t.Is(lang.MissionStrict) && d.sents[si].is(j+1, lang.UnitPerson):
		// "the 26 delegation members"
	case t.Is(lang.QualAboutAfter) || t.Is(lang.QualAtLeastAfter) || t.Is(lang.QualUpToAfter):
		// "250-ге жуық байқаушы", "1200-ден астам бақылаушы"
	case d.sents[si].lex.Grammar(lang.CaseEndings) && (t.Is(lang.OriginSuffix) || t.Is(lang.Conj)):
		// "1 мыңнан астам шетелдерден және халықаралық ұйымдардан байқаушылар":
		// the group between the count and its noun
	default:
		return false
	}
	return true
}

// memberUnit reads "50-member observer mission", "a 12-strong delegation",
// "seven-member": a count of the mission that follows.
func (s *sentence) memberUnit(i int) (unitInfo, bool) {
	j := i + 1
	member := s.toks[i].Member
	if !member && j+1 < len(s.toks) && s.toks[j].Text == "-" && s.toks[j].Start == s.toks[i].End && s.is(j+1, lang.MemberSuffix) {
		member = true
		j += 2
	}
	if !member {
		return unitInfo{}, false
	}
	u := noUnit
	for k := j; k < min(j+4, len(s.toks)); k++ {
		if m := s.mentAt[k]; m >= 0 && u.entity < 0 {
			u.entity = m
		}
		if s.is(k, lang.UnitObserver) || s.is(k, lang.MissionNoun) {
			u.idx, u.kind, u.strongSfx = k, unitObserver, true
			return u, true
		}
	}
	return noUnit, true
}

// observerContext reports whether persons counted in sentence si are
// observers: the sentence speaks of observers or of a mission, and a
// sentence before it, or one after it in the same paragraph, speaks of
// observers ("It numbers 57 people"; "More than 70 people have already been
// accredited. … a group of international observers from the CIS IPA").
func (d *doc) observerContext(si int) bool {
	s := &d.sents[si]
	mission := false
	for k := range s.toks {
		t := &s.toks[k]
		if t.Is(lang.UnitObserver) || t.Is(lang.ObserverWord) {
			return true
		}
		if t.Is(lang.MissionNoun) || t.Is(lang.SenderVerb) || t.Is(lang.LinkVerb) || t.Is(lang.Pronoun) || t.Is(lang.Accredit) || t.Is(lang.MotionVerb) {
			mission = true // "It numbers 57 people", "70 people have been accredited"
		}
	}
	if !mission {
		return false
	}
	return d.observersBefore(si) || d.observersLaterInParagraph(si)
}

// observersLaterInParagraph reports observers named in the next few
// sentences of the same paragraph.
func (d *doc) observersLaterInParagraph(si int) bool {
	for k := si + 1; k < len(d.sents) && k <= si+4; k++ {
		if strings.Contains(d.body[d.sents[k-1].end:d.sents[k].start], "\n\n") {
			return false
		}
		if d.sents[k].observers {
			return true
		}
	}
	return false
}

// categoryAfter reports a count followed by its category: "42 наблюдателя –
// долгосрочные", "20 of the observers are long-term".
func (s *sentence) categoryAfter(unit int) bool {
	k := unit + 1
	if s.isPunct(k, "–") || s.is(k, lang.Copula) {
		k++
	} else if s.lex.Grammar(lang.CaseEndings) {
		return false // "42 бақылаушысы ұзақ мерзімді негізде": an adverb, how they work
	}
	return s.is(k, lang.ModCategory)
}
