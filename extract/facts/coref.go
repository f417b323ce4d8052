package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Coreference: "The mission will include 40 observers" after a sentence
// naming the mission; "They", "the delegation", "В ее составе".

// coref resolves "The mission will include 40 observers", "They sent 12
// observers" and "a group of observers … 50 people" to the group named
// before, in this sentence or the two before it.
func (d *doc) coref(si, i int) (group, bool) {
	s := &d.sents[si]
	if !s.corefTrigger(i) {
		return group{}, false
	}
	if s.hasIn(0, len(s.toks), lang.Domestic) && s.mentAt[0] < 1 {
		return group{}, false // "национальные наблюдатели": not a mission's
	}
	if s.hasJointMission(i) {
		for back := 0; back <= 6 && si-back >= 0; back++ {
			d.analyse(si - back)
			p := &d.sents[si-back]
			if g, ok := p.jointMission(d, 0, len(p.toks)); ok {
				return g, true
			}
		}
	}
	if g, ok := d.nearestMentionBefore(s, i); ok {
		return g, true
	}
	for back := 1; back <= 2 && si-back >= 0; back++ {
		d.analyse(si - back)
		if g, ok := d.antecedent(&d.sents[si-back]); ok {
			return g, true
		}
	}
	return group{}, false
}

// corefTrigger reports a word before the count that refers back: "mission",
// "they", "its", "состав" (but not "a group of 50").
func (s *sentence) corefTrigger(i int) bool {
	for k := 0; k < i; k++ {
		if s.is(k, lang.CorefTrigger) && !(k >= i-3 && s.is(k+1, lang.PrepOf)) {
			return true
		}
	}
	return false
}

// hasJointMission reports "joint mission" before token i.
func (s *sentence) hasJointMission(i int) bool {
	for k := 0; k+1 < i; k++ {
		if s.is(k, lang.Joint) && s.is(k+1, lang.MissionNoun) {
			return true
		}
	}
	return false
}

// nearestMentionBefore picks the entity named last before token i that is
// neither the host country nor an organisation's member states.
func (d *doc) nearestMentionBefore(s *sentence, before int) (group, bool) {
	for k := before - 1; k >= 0; k-- {
		m := s.mentAt[k]
		if m < 0 || s.is(k+1, lang.Participants) || d.isHost(s.ments[m].Entity) {
			continue // "OSCE member states": the states, not the organisation
		}
		return d.groupFromMention(s, m), true
	}
	return group{}, false
}

// antecedent picks the group a later "the mission" or "it" refers to in
// sentence p: the entity named with a mission or delegation word ("the
// mission of the CIS IPA", "the PACE delegation"), else the first entity
// named, the usual subject.
func (d *doc) antecedent(p *sentence) (group, bool) {
	first := -1
	for k := range p.toks {
		m := p.mentAt[k]
		if m < 0 || d.isHost(p.ments[m].Entity) {
			continue
		}
		if first < 0 {
			first = m
		}
		for j := max(0, k-3); j < min(len(p.toks), k+4); j++ {
			if p.is(j, lang.MissionStrict) {
				return d.groupFromMention(p, m), true
			}
		}
	}
	if first >= 0 {
		return d.groupFromMention(p, first), true
	}
	return group{}, false
}
