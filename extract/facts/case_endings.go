package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Groups marked by case endings, as Kazakh writes them: the group stands
// before the count and carries an ablative ("ТМД миссиясынан 400-дей
// бақылаушы", "8 халықаралық ұйымнан 410 бақылаушы") or a genitive ("ТМД
// миссиясының 27 бақылаушысы"), or a postposition follows it ("ТМД атынан
// 300 адам"). Languages whose data file does not state case_endings never
// reach these readings.

// recCaseEnding reads the group whose case ending marks it as the count's.
func recCaseEnding(c *count) []candidate {
	s := c.s
	if !s.lex.Grammar(lang.CaseEndings) || c.split && !c.named() {
		return nil
	}
	if c.u.idx < 0 && !s.observers {
		return nil // a bare count in a sentence that never names observers
	}
	end := c.qstart - 1
	if s.is(end, lang.OriginPost) {
		end-- // "ТМД уәкілдігі атынан 300 адам"
	} else if s.is(end, lang.FromParticiple) && s.is(end-1, lang.OriginSuffix) {
		// "Ресейден келген 12 бақылаушы"; but "37 мемлекеттен келген 258
		// бақылаушы" tells where a mission's observers come from
		if end--; s.mentAt[end] < 0 {
			return nil
		}
	} else if !s.is(end, lang.OriginSuffix) && !s.is(end, lang.GenitiveSuffix) && !c.eachOf() {
		// the noun's own ablative distributes over the names before the
		// count, whatever their case: "Ресей, Өзбекстан және Қырғызстан
		// төрт байқаушыдан жіберді"
		if cs := c.caseBetween(); cs != nil {
			return cs
		}
		return c.caseAfter()
	}
	if gs, rule, ok := c.d.caseGroup(s, end, c); ok {
		return many(gs, rule)
	}
	return nil
}

// named reports a count whose own phrase names its group: a split that
// names its group is a fact ("Олардың 29-ы … Ассамблеясынан").
func (c *count) named() bool {
	end := c.qstart - 1
	return end >= 0 && c.s.mentAt[end] >= 0
}

// caseGroup resolves the phrase that ends at token end with a case ending
// (or before a postposition) to the groups of count c.
func (d *doc) caseGroup(s *sentence, end int, c *count) ([]group, Rule, bool) {
	// "ТМД миссиясынан", "Нидерланды Корольдігінен": a name and a word of it
	m := end
	for m > 0 && (s.mentAt[m] < 0 && (s.is(m, lang.MissionNoun) || s.is(m, lang.GroupSuffix) || s.is(m, lang.StateForm) || s.is(m, lang.Institution)) || s.locatedAt(m)) {
		m--
	}
	// a mission is an organisation's: "Қазақстанда миссияның" is no Kazakh mission
	walked := m < end && s.mentAt[end] < 0 && (s.is(end, lang.MissionNoun) || s.is(end, lang.GroupSuffix))
	if s.mentAt[m] >= 0 && (!walked || s.ments[s.mentAt[m]].Entity.Kind == KindOrganization) && !d.isHost(s.ments[s.mentAt[m]].Entity) {
		if ms := s.caseList(m); len(ms) > 1 && c.eachOf() {
			return d.mentionGroups(s, ms), RuleDistributive, true
		}
		return []group{d.groupFromMention(s, s.partBefore(s.mentAt[m]))}, RuleSender, true
	}
	// "миссияның 42 бақылаушысы", "Ұйымның 200-дей бақылаушысы": the
	// mission or organisation named before
	if s.is(end, lang.MissionOnly) && !s.isNum(end-1) && !s.is(end-1, lang.ModAggregate) {
		if g, ok := d.missionAntecedent(c.si); ok {
			return []group{g}, RuleCoref, true
		}
	}
	// "10 халықаралық ұйымнан", "шетелдік мемлекеттердің": an aggregate
	if g, ok := s.aggregateBefore(end); ok {
		return []group{g}, RuleAggregate, true
	}
	return nil, RuleNone, false
}

// locatedAt reports a token of a name in the locative that places the
// group ("Қазақстандағы өкілдігінен": its office in Kazakhstan).
func (s *sentence) locatedAt(k int) bool {
	return s.mentAt[k] >= 0 && s.is(s.mentionEnd(k)-1, lang.LocativeSuffix)
}

// caseList returns the mentions of the list that ends with the mention at
// token k: "Қырғыз Республикасы, Мальдива Республикасы және Молдова мен
// Түркиядан".
func (s *sentence) caseList(k int) []int {
	from := s.mentionStart(k)
	for from > 0 {
		p := from - 1
		// "ШЫҰ хатшылығы мен …": an organisation's body stands for it
		organ := s.is(p, lang.MissionNoun) && p > 0 && s.mentAt[p-1] >= 0
		if s.toks[p].Low == "," || s.is(p, lang.Conj) || s.is(p, lang.StateForm) || s.mentAt[p] >= 0 || organ {
			from = p
			continue
		}
		break
	}
	return s.listMentions(from, k+1)
}

// eachOf reports a distributive count: the noun itself takes the ablative
// ("екі бақылаушыдан", two observers from each).
func (c *count) eachOf() bool {
	return c.u.idx >= 0 && c.s.lex.Grammar(lang.AblativeDistributes) && c.s.is(c.u.idx, lang.OriginSuffix)
}

// aggregateBefore reads an aggregate that ends at token end: "(10)
// (халықаралық) ұйымнан", "(35) шет мемлекеттен", "шетелдік мемлекеттердің",
// and "12 халықаралық ұйым мен 41 мемлекеттен" (all observers).
func (s *sentence) aggregateBefore(end int) (group, bool) {
	code, from, spans := s.aggregateEndingAt(end)
	if code == "" {
		return group{}, false
	}
	subject := collapseSpace(s.text[s.toks[from].Start:s.toks[end].End])
	if from > 1 && (s.is(from-1, lang.Conj) || s.toks[from-1].Low == ",") {
		// "12 халықаралық ұйым мен 41 мемлекеттен", "1 шет мемлекеттен, 2
		// халықаралық ұйымнан": organisations and states, in the same case
		if code2, from2, _ := s.aggregateEndingAt(from - 2); code2 != "" && code2 != code && s.sameCase(from-2, end) {
			return allObservers(collapseSpace(s.text[s.toks[from2].Start:s.toks[end].End])), true
		}
	}
	g := group{subject: subject, code: code, kind: KindAggregate, spans: spans, canon: canonStates}
	if code == CodeOrgs {
		g.canon = canonOrgs
	}
	return g, true
}

// aggregateEndingAt reads "(K) (modifiers) noun" that ends at token end:
// the code, where the phrase starts, and K.
func (s *sentence) aggregateEndingAt(end int) (code string, from, spans int) {
	switch {
	case s.is(end, lang.NounOrg):
		code = CodeOrgs
	case s.is(end, lang.NounState):
		code = CodeStates
	default:
		return "", 0, 0
	}
	from = end
	for from > 0 && (s.is(from-1, lang.ModAggregate) || s.is(from-1, lang.AggregateMod)) {
		from--
	}
	if s.isNum(from - 1) {
		from--
		spans = s.toks[from].Num
	}
	return code, from, spans
}

// caseBetween reads a group written between the count and its noun
// ("1 мыңнан астам шетелдерден және халықаралық ұйымдардан байқаушылар").
func (c *count) caseBetween() []candidate {
	s := c.s
	if c.u.idx < 0 {
		return nil
	}
	for k := c.u.idx - 1; k > c.i; k-- {
		if !s.is(k, lang.OriginSuffix) {
			continue
		}
		if s.mentAt[k] >= 0 {
			return one(c.d.groupFromMention(s, s.mentAt[k]), RuleFrom)
		}
		if g, ok := s.aggregateBefore(k); ok {
			return one(g, RuleAggregate)
		}
		break
	}
	return nil
}

// caseAfter reads a group named after the count's noun, before the verb
// of coming: "81 байқаушы 27 шет мемлекеттің атынан келді", "12 бақылаушы
// Ресейден келді".
func (c *count) caseAfter() []candidate {
	s := c.s
	if c.u.idx < 0 {
		return nil
	}
	for k := c.u.idx + 1; k < len(s.toks); k++ {
		if w := s.toks[k].Low; w == "," || w == ";" || w == ":" || w == "." {
			return nil
		}
		end := -1
		switch {
		case s.is(k, lang.OriginPost):
			end = k - 1
		case s.is(k, lang.OriginSuffix) && (s.is(k+1, lang.MotionVerb) || s.is(k+1, lang.FromParticiple)):
			end = k
		}
		if end > c.u.idx {
			if gs, rule, ok := c.d.caseGroup(s, end, c); ok {
				return many(gs, rule)
			}
			return nil
		}
	}
	return nil
}

// sameCase reports whether the word at k is in the case of the word at end,
// or in its bare form before a conjunction ("ұйым мен … мемлекеттен").
func (s *sentence) sameCase(k, end int) bool {
	origin, genitive := s.is(k, lang.OriginSuffix), s.is(k, lang.GenitiveSuffix)
	if !origin && !genitive {
		return true
	}
	return origin && s.is(end, lang.OriginSuffix) || genitive && s.is(end, lang.GenitiveSuffix)
}
