package facts

// Coreference: "The mission will include 40 observers" after a sentence
// naming the mission; "They", "the delegation", "В ее составе".

// coref resolves "The mission will include 40 observers", "They sent 12
// observers" and "a group of observers … 50 people" to the group named
// before, in this sentence or the two before it.
func (d *doc) coref(si, i int, u unitInfo) (group, bool) {
	s := &d.sents[si]
	trigger := false
	for k := 0; k < i; k++ {
		w := s.toks[k].low
		if (corefWordsEN[w] || hasStem(w, corefStemRU)) && !(k >= i-3 && s.word(k+1) == "of") {
			trigger = true
			break
		}
	}
	if !trigger {
		return group{}, false
	}
	for _, t := range s.toks {
		if t.kind == tWord && (domesticEN[t.low] || hasStem(t.low, domesticStemRU)) && s.mentAt[0] < 1 {
			return group{}, false // "национальные наблюдатели": not a mission's
		}
	}
	pick := func(a *analysed, before int) (group, bool) {
		for k := before - 1; k >= 0; k-- {
			m := a.mentAt[k]
			if m < 0 {
				continue
			}
			if w := a.word(k + 1); w == "member" || w == "participating" {
				continue // "OSCE member states": the states, not the organisation
			}
			e := a.ments[m].Entity
			if e.Kind == KindCountry && e.Code != "" && e.Code == d.host {
				continue
			}
			return d.groupFromMention(a, m), true
		}
		return group{}, false
	}
	if s.hasPhrase(0, i, []string{"joint", "mission"}) || s.hasPhrase(0, i, []string{"совместная", "миссия"}) {
		for back := 0; back <= 6 && si-back >= 0; back++ {
			p := &d.sents[si-back]
			if p.toks == nil {
				d.analyse(si - back)
			}
			if g, ok := p.jointMission(d, 0, len(p.toks)); ok {
				return g, true
			}
		}
	}
	if g, ok := pick(s, i); ok {
		return g, true
	}
	for back := 1; back <= 2 && si-back >= 0; back++ {
		p := &d.sents[si-back]
		if p.toks == nil {
			d.analyse(si - back)
		}
		if g, ok := d.antecedent(p); ok {
			return g, true
		}
	}
	return group{}, false
}

// antecedent picks the group a later "the mission" or "it" refers to in
// sentence p: the entity named with a mission or delegation word ("the
// mission of the CIS IPA", "the PACE delegation"), else the first entity
// named, the usual subject.
func (d *doc) antecedent(p *analysed) (group, bool) {
	first := -1
	for k := range p.toks {
		m := p.mentAt[k]
		if m < 0 {
			continue
		}
		e := p.ments[m].Entity
		if e.Kind == KindCountry && e.Code != "" && e.Code == d.host {
			continue
		}
		if first < 0 {
			first = m
		}
		for j := max(0, k-3); j < min(len(p.toks), k+4); j++ {
			w := p.toks[j].low
			if w == "mission" || w == "delegation" || w == "missions" || hasStem(w, []string{"мисси", "делегац"}) {
				return d.groupFromMention(p, m), true
			}
		}
	}
	if first >= 0 {
		return d.groupFromMention(p, first), true
	}
	return group{}, false
}
