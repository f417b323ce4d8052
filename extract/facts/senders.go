package facts

import (
	"github.com/obsfacts/obsfacts/extract/lang"
)

// Senders: the group written before a verb of sending or comprising, "X
// will send N observers", "X's mission comprises N observers", "Armenia and
// Hungary will send one observer each".

// senderBefore finds the sender of the count at i whose phrase starts at qstart.
func (d *doc) senderBefore(si, i, qstart int, u unitInfo) ([]group, Rule, bool) {
	s := &d.sents[si]
	k := qstart - 1
	for k >= 0 && (s.is(k, lang.SenderSkip) || s.is(k, lang.PrepOf) && s.is(k-1, lang.SenderSkip)) {
		k--
	}
	if k < 0 {
		return nil, RuleNone, false
	}
	// "ODIHR's 30 long-term observers", "the CIS's 300"
	if s.is(k, lang.Possessive) && s.mentAt[k] >= 0 {
		return []group{d.groupFromMention(s, s.mentAt[k])}, RuleSender, true
	}
	verb := s.senderVerbAt(k)
	if verb < 0 {
		return nil, RuleNone, false
	}
	// "with" links only a group right before it: "Russia leads with 77", "the ODIHR, with 350"
	if s.is(k, lang.With) && !(s.mentAt[max(0, k-1)] >= 0 || s.mentAt[max(0, k-2)] >= 0 || s.mentAt[max(0, k-3)] >= 0) {
		return nil, RuleNone, false
	}
	// "the OSCE PA mission, which includes 60 members": the antecedent of "which"
	if g, ok := d.relativeAntecedent(s, verb); ok {
		return []group{g}, RuleSender, true
	}
	from := s.senderClauseStart(verb)
	if gs, rule, ok, done := d.sendersIn(s, from, verb, i, u); done {
		return gs, rule, ok
	}
	// "the joint mission of OSCE/ODIHR, the OSCE PA and PACE will deploy 530"
	if g, ok := s.jointMission(d, from, verb); ok {
		return []group{g}, RuleMixed, true
	}
	from = s.subjectSegment(from, verb)
	if gs, rule, ok := d.subjectOf(s, from, verb, i, u); ok {
		return gs, rule, true
	}
	// "international organizations are represented by 386 observers"
	for j := from; j < verb; j++ {
		if ag, ok := d.aggregateAt(s, j); ok && len(ag.groups) == 1 {
			return ag.groups, RuleAggregate, true
		}
	}
	// an organisation the gazetteer does not know: "The Asian Network for Free Elections (ANFREL) sent 10"
	if g, ok := d.groupFromRange(s, from, verb); ok && s.looksLikeName(s.trimRange(from, verb)) {
		return []group{g}, RuleSender, true
	}
	return nil, RuleNone, false
}

// senderVerbAt returns where the verb (or verb phrase) ending at k starts,
// or -1.
func (s *sentence) senderVerbAt(k int) int {
	if s.is(k, lang.SenderVerb) || s.is(k, lang.PossessiveMark) {
		return k
	}
	if n := s.lex.MatchEndingAt(lang.SenderPhrase, s.toks, k+1); n > 0 {
		return k + 1 - n
	}
	return -1
}

// senderClauseStart walks back from the verb to the start of its clause.
func (s *sentence) senderClauseStart(verb int) int {
	from := verb
	for from > 0 {
		w := s.toks[from-1].Low
		if w == ";" || w == ":" || w == "«" || w == "\"" || s.is(from-1, lang.ClauseBreak) || s.isNum(from-1) ||
			(s.is(from-1, lang.Conj) || s.is(from-1, lang.But)) && s.word(from-2) == "," {
			break
		}
		// "accredited 45 OSCE observers and the CSTO PA sent 12": the
		// observers before "and" are another count's object
		if s.is(from-1, lang.Conj) && s.is(from-2, lang.UnitObserver) && s.numberBefore(from-2) {
			break
		}
		from--
	}
	return from
}

// sendersIn reads a sender named by mentions alone in [from,verb): one
// group, a distributive list, or several groups together. The host country
// sends no observers to its own election: such a clause settles the count
// with no sender (done, not ok).
func (d *doc) sendersIn(s *sentence, from, verb, i int, u unitInfo) (gs []group, rule Rule, ok, done bool) {
	ms := s.listMentions(from, verb)
	switch {
	case len(ms) > 1 && s.distributive(i, max(u.idx, i)):
		return d.mentionGroups(s, ms), RuleDistributive, true, true
	case len(ms) > 1:
		return []group{d.mixedGroup(s, ms)}, RuleMixed, true, true
	case len(ms) == 1:
		g := d.groupFromMention(s, ms[0])
		if d.isHost(s.ments[ms[0]].Entity) {
			return nil, RuleNone, false, true
		}
		return []group{g}, RuleSender, true, true
	}
	return nil, RuleNone, false, false
}

// subjectSegment returns where the clause's subject stands: the
// comma-delimited part nearest the verb that names an entity, skipping
// appositions ("The CIS mission, headed by X of Russia, will include 300
// observers"; "In Kazakhstan's election in 2022, the OTS fielded two").
func (s *sentence) subjectSegment(from, verb int) int {
	segEnd := verb
	for k := verb - 1; k > from; k-- {
		if s.toks[k].Low != "," {
			continue
		}
		seg := k + 1
		if s.is(seg, lang.Apposition) {
			segEnd = k
			continue
		}
		if len(s.mentionsIn(seg, segEnd)) > 0 {
			return seg
		}
		segEnd = k
	}
	return from
}

// subjectOf reads the subject of the sender clause [from,verb): the first
// mention that is not the host country, or the list it opens ("The joint
// mission of OSCE/ODIHR, OSCE PA and PACE"), or the head of a possessive
// chain ("the OSCE's Office for Democratic Institutions").
func (d *doc) subjectOf(s *sentence, from, verb, i int, u unitInfo) ([]group, Rule, bool) {
	for j := from; j < verb; j++ {
		m := s.mentAt[j]
		if m < 0 || d.isHost(s.ments[m].Entity) || s.is(s.mentionStart(j)-1, lang.Comitative) {
			continue // "мы взаимодействуем с ПА ОБСЕ и направили 350": a partner, not the subject
		}
		end := j
		for end < verb && (s.mentAt[end] >= 0 || s.toks[end].Low == "," || s.is(end, lang.Conj) || s.is(end, lang.Article)) {
			end++
		}
		ms := s.listMentions(j, end)
		switch {
		case len(ms) > 1 && s.distributive(i, max(u.idx, i)):
			return d.mentionGroups(s, ms), RuleDistributive, true
		case len(ms) > 1:
			return []group{d.mixedGroup(s, ms)}, RuleMixed, true
		case len(ms) == 1:
			return []group{d.groupFromMention(s, ms[0])}, RuleSender, true
		}
		return []group{d.groupFromMention(s, m)}, RuleSender, true
	}
	return nil, RuleNone, false
}

// relativeAntecedent reads the group a relative pronoun before the verb
// stands for: the name just before it ("…, the OSCE PA mission, which
// includes 60 members"; "миссия СНГ, которая направила 300").
func (d *doc) relativeAntecedent(s *sentence, verb int) (group, bool) {
	rel := verb - 1
	if !s.is(rel, lang.Relative) {
		return group{}, false
	}
	for k := rel - 1; k >= max(0, rel-6); k-- {
		if s.toks[k].Low == ";" || s.isNum(k) {
			break
		}
		if m := s.mentAt[k]; m >= 0 && !d.isHost(s.ments[m].Entity) {
			return d.groupFromMention(s, s.partBefore(m)), true
		}
	}
	return group{}, false
}
