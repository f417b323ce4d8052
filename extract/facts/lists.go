package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Lists: items whose noun the list head stated ("CIS – 48;", "21 from the
// OSCE/ODIHR"), counts paired with groups in order, groups counted together.

// clauseMentions lists the entity mentions between the start of the clause
// that holds token i (a semicolon, "while", or the sentence start) and i.
func (s *sentence) clauseMentions(i int) []int {
	from := i
	for from > 0 {
		if s.toks[from-1].Low == ";" || s.is(from-1, lang.ClauseBreak) || s.isNum(from-1) {
			break
		}
		from--
	}
	return s.mentionsIn(from, i)
}

// ellipsis handles counts whose noun is left out because the sentence or
// the list it belongs to stated it: "45 observers of the CIS Executive
// Committee, 21 from the OSCE/ODIHR", "Of them, 350 represent international
// organizations", "three from each country", "57 – the OSCE PA".
func (d *doc) ellipsis(si, i, qstart int) ([]group, Rule, bool) {
	s := &d.sents[si]
	if !d.listContext(si, i) || s.withdrawn(i, i) {
		return nil, RuleNone, false
	}
	if s.is(i+1, lang.PrepOf) && s.toks[i].Num == 1 {
		return nil, RuleNone, false // "one of the CIS countries"
	}
	for _, shape := range ellipsisShapes {
		if gs, rule, ok, done := shape(d, s, si, i, qstart); done {
			return gs, rule, ok
		}
	}
	return nil, RuleNone, false
}

// ellipsisShapes are the forms an elided count takes, tried in order; each
// says whether it settled the count (done) and what it found.
var ellipsisShapes = []func(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool){
	ellipsisDemonym, ellipsisRunOfStatuses, ellipsisOfThem, ellipsisEach, ellipsisAfterName,
	ellipsisSender, ellipsisGroupAfter, ellipsisDashGroup,
}

// ellipsisDemonym: "41 российский наблюдатель, 27 казахстанских и 22 узбекских".
func ellipsisDemonym(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	if i+1 >= len(s.toks) || !s.lex.Grammar(lang.DemonymAdjectives) || lang.IsCapitalized(s.toks[i+1].Text) {
		return nil, RuleNone, false, false
	}
	if m := s.mentAt[i+1]; m >= 0 {
		if e := s.ments[m].Entity; e.Kind == KindCountry && e.Code != d.hostCode() {
			return []group{d.groupFromMention(s, m)}, RuleNamed, true, true
		}
	}
	return nil, RuleNone, false, false
}

// ellipsisRunOfStatuses: "приглашены 310 международных наблюдателей,
// аккредитованы 243, прибыли 187": each count of the run is all observers.
func ellipsisRunOfStatuses(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	if !s.is(qstart-1, lang.RunStatus) || !s.endsCount(i+1) {
		return nil, RuleNone, false, false
	}
	for k := 0; k < qstart; k++ {
		if s.is(k, lang.ModAggregate) && s.is(k+1, lang.UnitObserver) {
			g := allObservers(collapseSpace(s.text[s.toks[k].Start:s.toks[k+1].End]))
			return []group{g}, RuleEllipsis, true, true
		}
	}
	return nil, RuleNone, false, false
}

// ellipsisOfThem: "The OSCE/ODIHR accounts for 41 of them".
func ellipsisOfThem(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	if !s.is(i+1, lang.PrepOf) || !s.is(i+2, lang.ThemPronoun) {
		return nil, RuleNone, false, false
	}
	gs, rule, ok := d.senderBefore(si, i, qstart, unitInfo{idx: i, entity: -1, aggAdj: -1})
	return gs, rule, ok, true
}

// ellipsisEach: "three from each country", "по два от каждой".
func ellipsisEach(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	if !s.is(i+1, lang.Each) && !(s.is(i+1, lang.Source) || s.is(i+1, lang.Origin)) || !(s.is(i+1, lang.Each) || s.is(i+2, lang.Each)) {
		return nil, RuleNone, false, false
	}
	if ms := s.mentionsIn(0, qstart); len(ms) > 1 {
		return d.mentionGroups(s, ms), RuleDistributive, true, true
	}
	return nil, RuleNone, false, true
}

// ellipsisAfterName: "and the International Republican Institute (IRI) 27".
func ellipsisAfterName(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	q := qstart - 1
	named := q > 0 && s.word(q) == ")" && s.mentAt[q-1] >= 0 || q >= 0 && s.mentAt[q] >= 0 && !s.isPunct(q+1, "–")
	if !named || !s.endsCount(i+1) && !s.is(i+1, lang.Conj) {
		return nil, RuleNone, false, false
	}
	if s.word(q) == ")" {
		q--
	}
	return []group{d.groupFromMention(s, s.mentAt[q])}, RuleEllipsis, true, true
}

// ellipsisSender: "while TurkPA sent nine", "The Kyrgyz CEC delegation of
// four", "Kazakhstan with 24", "represented by 35".
func ellipsisSender(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	// "a core team of 11 experts": another noun follows, not an elided one
	if !s.endsCount(i+1) && s.word(i+1) != ")" && !s.is(i+1, lang.Conj) && s.word(i+1) != "»" {
		return nil, RuleNone, false, false
	}
	prev := qstart - 1
	sender := s.is(prev, lang.SenderVerb) || s.is(prev, lang.ByAgent) && s.is(prev-1, lang.RepresentedBy) ||
		s.is(prev, lang.PrepOf) && s.is(prev-1, lang.MissionNoun)
	if !sender || s.is(prev, lang.Possession) || s.is(prev, lang.With) && s.mentAt[max(0, qstart-2)] < 0 {
		return nil, RuleNone, false, false
	}
	if gs, rule, ok := d.senderBefore(si, i, qstart, unitInfo{idx: i, entity: -1, aggAdj: -1}); ok {
		return gs, rule, true, true
	}
	return nil, RuleNone, false, false
}

// ellipsisGroupAfter: "21 from the OSCE/ODIHR", "84 were sent by 42 foreign states".
func ellipsisGroupAfter(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	next := i + 1
	// "84 were sent by 42 foreign states": groupAfter skips the verb;
	// "… прибыли из": a verb of arriving works as the preposition
	if !s.is(next, lang.ElidedPrep) && !s.is(next, lang.AuxVerb) && !s.is(next, lang.MotionVerb) {
		return nil, RuleNone, false, false
	}
	if s.is(next, lang.PrepOf) && s.is(next+1, lang.ThemPronoun) {
		return nil, RuleNone, false, true
	}
	after, rule, ok := d.groupAfter(si, unitInfo{idx: i, kind: unitObserver, entity: -1, aggAdj: -1})
	if !ok || after.domestic || len(after.groups) == 0 || rule == RuleMixed {
		return nil, RuleNone, false, false
	}
	if rule == RuleFrom || rule == RuleAggregate {
		rule = RuleEllipsis
	}
	return after.groups, rule, true, true
}

// ellipsisDashGroup: "57 – the OSCE Parliamentary Assembly", "115 – foreign states".
func ellipsisDashGroup(d *doc, s *sentence, si, i, qstart int) ([]group, Rule, bool, bool) {
	if !s.isPunct(i+1, "–") {
		return nil, RuleNone, false, false
	}
	// "по одному – от Королевства Швеции и Республики Узбекистан"
	if s.is(i+2, lang.Origin) || s.is(i+2, lang.Source) {
		end := s.listEnd(i + 3)
		ms := s.listMentions(i+3, end)
		switch {
		case len(ms) > 1 && s.is(qstart, lang.EachBefore):
			return d.mentionGroups(s, ms), RuleDistributive, true, true
		case len(ms) == 1:
			return []group{d.groupFromMention(s, ms[0])}, RuleEllipsis, true, true
		}
	}
	end := i + 2
	for end < len(s.toks) && s.toks[end].Low != ";" && s.toks[end].Low != "," && s.toks[end].Low != "." && !s.isNum(end) {
		end++
	}
	if ag, ok := d.aggregateAt(s, i+2); ok {
		return ag.groups, RuleEllipsis, true, true
	}
	if g, ok := d.groupFromRange(s, i+2, end); ok && (g.code != "" || len(s.mentionsIn(i+2, end)) > 0) {
		return []group{g}, RuleEllipsis, true, true
	}
	return nil, RuleNone, false, false
}

// endsCount reports the end of a bare count: a comma, a period, a semicolon
// or the end of the sentence.
func (s *sentence) endsCount(k int) bool {
	switch s.word(k) {
	case "", ",", ".", ";":
		return true
	}
	return false
}

// listContext reports whether a number without a noun may still count
// observers: the sentence named observers (or a mission) before it, or it is
// a short item of a list whose head, in the sentences just before, did.
func (d *doc) listContext(si, i int) bool {
	s := &d.sents[si]
	for k := 0; k < i; k++ {
		if s.is(k, lang.UnitObserver) || s.is(k, lang.ObserverWord) || s.is(k, lang.MissionStrict) || s.is(k, lang.PeopleNoun) {
			return true
		}
	}
	return d.observersBefore(si)
}

// corefLead reports a clause that opens on the group named before: "В ее
// составе", "The mission includes", "It comprises", "They number".
func (s *sentence) corefLead(qstart int) bool {
	from := qstart
	for from > 0 && s.toks[from-1].Low != ";" && s.toks[from-1].Low != "," {
		from--
	}
	if qstart-from > 6 {
		return false
	}
	// "в составе миссии 18 наблюдателей": the mission's own count
	if s.is(qstart-1, lang.MissionOnly) && s.lex.MatchEndingAt(lang.SenderPhrase, s.toks, qstart-1) > 0 {
		return true
	}
	for k := from; k < qstart; k++ {
		if s.is(k, lang.Pronoun) {
			return true
		}
		// "The mission …", "This delegation …"
		if s.is(k, lang.MissionStrict) && k == from+1 && s.is(k-1, lang.Demonstrative) {
			return s.mentAt[k] < 0
		}
	}
	return false
}

// mixedGroup is one count stated for several named groups together: an
// aggregate, ORGS when all are organisations, STATES when all are states.
func (d *doc) mixedGroup(s *sentence, ms []int) group {
	if distinctEntities(s, ms) == 1 {
		// "Ассоциация мировых избирательных органов (A-WEB)": one group, named twice
		return d.groupFromMention(s, ms[0])
	}
	first, last := s.ments[ms[0]], s.ments[ms[len(ms)-1]]
	text := collapseSpace(s.text[first.Start:last.End])
	g := group{subject: text, canon: text, kind: KindAggregate}
	orgs, states := true, true
	for _, m := range ms {
		switch s.ments[m].Entity.Kind {
		case KindOrganization:
			states = false
		case KindCountry:
			orgs = false
		}
	}
	switch {
	case orgs:
		g.code, g.canon, g.spans = CodeOrgs, canonOrgs, len(ms)
	case states:
		g.code, g.canon, g.spans = CodeStates, canonStates, len(ms)
	}
	return g
}

// observersBefore reports whether observers were named just before sentence
// si, or at the head of the list that si continues: the head may stand
// several items back.
func (d *doc) observersBefore(si int) bool {
	// the lead goes on from a title about observers ("… to monitor the election")
	if si < 3 && d.titleObservers {
		return true
	}
	for back := 1; si-back >= 0 && back <= 40; back++ {
		p := &d.sents[si-back]
		if p.observers {
			return true
		}
		if back > 3 && !p.candidate {
			return false
		}
	}
	return false
}

// distinctEntities counts the different entities among mentions: a name and
// its acronym in brackets are one.
func distinctEntities(s *sentence, ms []int) int {
	seen := map[string]bool{}
	for _, m := range ms {
		e := s.ments[m].Entity
		key := e.Code
		if key == "" {
			key = e.Canonical
		}
		seen[key] = true
	}
	return len(seen)
}

// respectively pairs a run of counts with a list of groups in order: "the
// CIS Executive Committee and the CIS IPA will send about 200 and 50
// observers respectively", "… направят 200 и 50 наблюдателей соответственно".
func (d *doc) respectively(si, i int) (group, bool) {
	s := &d.sents[si]
	resp := -1
	for k := i + 1; k < len(s.toks) && k < i+12; k++ {
		if s.is(k, lang.Respectively) {
			resp = k
			break
		}
	}
	if resp < 0 {
		return group{}, false
	}
	run := s.countRun(resp)
	pos := -1
	for p, k := range run {
		if k == i {
			pos = p
		}
	}
	if len(run) < 2 || pos < 0 {
		return group{}, false
	}
	// the list of groups before the counts, in order
	var ms []int
	for k := 0; k < run[0]; k++ {
		if m := s.mentAt[k]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) && !d.isHost(s.ments[m].Entity) {
			ms = append(ms, m)
		}
	}
	if len(ms) < len(run) {
		return group{}, false
	}
	ms = ms[len(ms)-len(run):] // the list just before the counts
	return d.groupFromMention(s, ms[pos]), true
}

// countRun returns the run of counts that ends before token end: numbers
// joined by commas, "and" and qualifiers, with the nouns after them.
func (s *sentence) countRun(end int) []int {
	var run []int
	for k := end - 1; k >= 0; k-- {
		t := &s.toks[k]
		if s.isNum(k) {
			run = append([]int{k}, run...)
			continue
		}
		if t.Low == "," || s.is(k, lang.RunJoiner) || t.Kind == lang.Word && len(run) == 0 {
			continue
		}
		break
	}
	return run
}
