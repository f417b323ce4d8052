package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Coreference: "The mission will include 40 observers" after a sentence
// naming the mission; "They", "the delegation", "В ее составе".

// coref resolves "The mission will include 40 observers", "They sent 12
// observers" and "a group of observers … 50 people" to the group named
// before, in this sentence or the two before it.
func (d *doc) coref(si, i, through int) (group, bool) {
	s := &d.sents[si]
	if !s.corefTrigger(i, through) {
		return group{}, false
	}
	if s.hasIn(0, through+1, lang.Domestic) {
		return group{}, false // "национальные наблюдатели …, более 30 тысяч человек": not a mission's
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
	// "the mission", "the delegation" stand for an organisation's mission;
	// a country named in passing ("led by an ambassador of Slovakia") is
	// not its antecedent
	orgOnly := s.theMission(i)
	if g, ok := d.nearestMentionBefore(s, i, orgOnly); ok {
		return g, true
	}
	for back := 1; back <= 2 && si-back >= 0; back++ {
		d.analyse(si - back)
		if g, ok := d.antecedent(&d.sents[si-back], orgOnly); ok {
			return g, true
		}
	}
	if orgOnly {
		return d.missionAntecedent(si)
	}
	// "our 350 observers …" said before the speaker is named: the
	// speaker's organisation in the next sentences, or in the title
	if s.hasIn(0, through+1, lang.FirstPerson) {
		return d.speakerAfter(si)
	}
	return group{}, false
}

// speakerAfter finds the organisation named with a mission word in the two
// sentences after si, else in the title: whose "our observers" they are.
func (d *doc) speakerAfter(si int) (group, bool) {
	for k := si + 1; k < len(d.sents) && k <= si+2; k++ {
		d.analyse(k)
		p := &d.sents[k]
		if !p.hasIn(0, len(p.toks), lang.MissionStrict) {
			continue
		}
		if g, ok := d.antecedent(p, true); ok {
			return g, true
		}
	}
	if d.a.Title != "" {
		return d.antecedent(d.titleSentence(), true)
	}
	return group{}, false
}

// theMission reports "the mission" or "this mission" as a subject before
// token i: a mission stands for an organisation ("Led by an ambassador of
// Slovakia, the mission comprised 36 observers"). A delegation may be a
// country's, and "represented in the mission" names a member, not the mission.
func (s *sentence) theMission(i int) bool {
	if s.hasIn(0, i, lang.Pronoun) {
		return false
	}
	for k := 0; k < i; k++ {
		if !s.is(k, lang.MissionOnly) {
			continue
		}
		if k == 0 || s.is(k-1, lang.Demonstrative) || s.is(k-1, lang.Article) || s.lex.MatchEndingAt(lang.SenderPhrase, s.toks, k) > 0 {
			return true // "The mission …", "в составе миссии"
		}
		if !s.lex.Grammar(lang.Articles) && !s.is(k-1, lang.Destination) {
			return true // "Миссия …" where the language has no articles; not "в миссии"
		}
	}
	return false
}

// missionAntecedent finds the organisation whose mission the article is
// about, for "the mission" whose name the sentences just before do not
// give: the latest organisation named with a mission word before sentence
// si, else the latest organisation named, else the one the title names.
func (d *doc) missionAntecedent(si int) (group, bool) {
	var latest *group
	for k := si - 1; k >= 0 && k >= si-maxAntecedentDistance; k-- {
		d.analyse(k)
		p := &d.sents[k]
		if g, ok := d.antecedent(p, true); ok {
			if p.hasIn(0, len(p.toks), lang.MissionStrict) {
				return g, true
			}
			if latest == nil {
				latest = &g
			}
		}
	}
	if latest != nil {
		return *latest, true
	}
	if d.a.Title != "" {
		return d.antecedent(d.titleSentence(), true)
	}
	return group{}, false
}

// maxAntecedentDistance bounds how many sentences back a mission's name is
// looked for: articles about one mission name it in the lead.
const maxAntecedentDistance = 30

// corefTrigger reports a word before the count, or inside the count
// phrase up to token through, that refers back: "mission", "they", "its",
// "состав", "the 26 delegation members" (but not "a group of 50").
func (s *sentence) corefTrigger(i, through int) bool {
	if s.lex.Grammar(lang.CaseEndings) {
		// "300-дей адамнан тұратын негізгі топ": the group follows the
		// count that says what it consists of
		for n := 0; n < 3 && through+1 < len(s.toks) && s.toks[through+1].Kind != lang.Punct; n++ {
			through++ // within its clause: "95 байқаушыны тіркеді, олардың көбі" is no reference back
		}
	}
	for k := 0; k <= through; k++ {
		if k == i {
			continue
		}
		if s.is(k, lang.CorefTrigger) && !(k >= i-3 && k < i && s.is(k+1, lang.PrepOf)) {
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
// neither the host country nor an organisation's member states; with
// orgOnly, an organisation.
func (d *doc) nearestMentionBefore(s *sentence, before int, orgOnly bool) (group, bool) {
	for k := before - 1; k >= 0; k-- {
		m := s.mentAt[k]
		if m < 0 || s.is(k+1, lang.Participants) || d.isHost(s.ments[m].Entity) {
			continue // "OSCE member states": the states, not the organisation
		}
		if orgOnly && s.ments[m].Entity.Kind != KindOrganization || s.is(s.mentionStart(k)-1, lang.Comitative) {
			continue // "мы взаимодействуем с ПА ОБСЕ": a partner is no antecedent
		}
		return d.groupFromMention(s, s.partBefore(m)), true
	}
	return group{}, false
}

// partBefore returns the mention just before m when it names a part of the
// organisation m names ("ODIHR (…) of the OSCE" is ODIHR), else m.
func (s *sentence) partBefore(m int) int {
	code := s.ments[m].Entity.Code
	for j := m - 1; j >= 0 && s.ments[j+1].Start-s.ments[j].End < 40; j-- {
		switch c := s.ments[j].Entity.Code; {
		case c == code:
			continue // "Организации … в Европе (ОБСЕ)": the whole named twice
		case s.gaz.PartOf(c, code):
			return j
		}
		break
	}
	return m
}

// antecedent picks the group a later "the mission" or "it" refers to in
// sentence p: the entity named with a mission or delegation word ("the
// mission of the CIS IPA", "the PACE delegation"), else the first entity
// named, the usual subject; with orgOnly, organisations only.
func (d *doc) antecedent(p *sentence, orgOnly bool) (group, bool) {
	first := -1
	for k := range p.toks {
		m := p.mentAt[k]
		if m < 0 || d.isHost(p.ments[m].Entity) || orgOnly && p.ments[m].Entity.Kind != KindOrganization {
			continue
		}
		if first < 0 {
			first = m
		}
		for j := max(0, k-3); j < min(len(p.toks), k+4); j++ {
			if p.is(j, lang.MissionStrict) {
				return d.groupFromMention(p, p.partAfter(m)), true
			}
		}
	}
	if first >= 0 {
		return d.groupFromMention(p, p.partAfter(first)), true
	}
	return group{}, false
}

// partAfter returns the mention just after m when it names a part of the
// organisation m names ("ЕҚЫҰ Демократиялық институттар … бюросы", the
// OSCE's ODIHR), else m.
func (s *sentence) partAfter(m int) int {
	if m+1 < len(s.ments) && s.ments[m+1].Start-s.ments[m].End < 40 && s.gaz.PartOf(s.ments[m+1].Entity.Code, s.ments[m].Entity.Code) {
		return m + 1
	}
	return m
}
