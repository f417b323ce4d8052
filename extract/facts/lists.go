package facts

import "strings"

// Lists: items whose noun the list head stated ("CIS – 48;", "21 from the
// OSCE/ODIHR"), counts paired with groups in order, groups counted together.

// clauseMentions lists the entity mentions between the start of the clause
// that holds token i (a semicolon, "while", or the sentence start) and i.
func (s *analysed) clauseMentions(i int) []int {
	from := i
	for from > 0 {
		w := s.toks[from-1].low
		if w == ";" || w == "while" || w == "whereas" || w == "а" || (s.toks[from-1].kind == tNum && !s.inDate[from-1]) {
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
func (d *doc) ellipsis(si, i, qstart int) ([]group, string, bool) {
	s := &d.sents[si]
	if !d.listContext(si, i) || s.withdrawn(i, i) {
		return nil, "", false
	}
	next := s.word(i + 1)
	if next == "of" && s.toks[i].num == 1 {
		return nil, "", false // "one of the CIS countries"
	}
	// "41 российский наблюдатель, 27 казахстанских и 22 узбекских"
	if m := s.mentAt[min(i+1, len(s.toks)-1)]; m >= 0 && i+1 < len(s.toks) && isCyrillic(s.toks[i+1].text) && !isCapitalized(s.toks[i+1].text) {
		if e := s.ments[m].Entity; e.Kind == KindCountry && e.Code != d.host {
			return []group{d.groupFromMention(s, m)}, "named", true
		}
	}
	// "приглашены 310 международных наблюдателей, аккредитованы 243, прибыли 187"
	if prev := s.word(qstart - 1); hasStem(prev, []string{"аккредитован", "прибыл", "зарегистрирован"}) || prev == "accredited" || prev == "arrived" || prev == "registered" {
		if n := s.word(i + 1); n == "," || n == "." || n == "" || n == ";" {
			for k := 0; k < qstart; k++ {
				if aggregateAdjEN[s.toks[k].low] || hasStem(s.toks[k].low, aggregateAdjStemRU) {
					if k+1 < len(s.toks) && isObserverNoun(s.toks[k+1].low) {
						return []group{{subject: collapseSpace(s.text[s.toks[k].start:s.toks[k+1].end]), code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate}}, "ellipsis", true
					}
				}
			}
		}
	}
	// "The OSCE/ODIHR accounts for 41 of them"
	if next == "of" && (s.word(i+2) == "them" || s.word(i+2) == "those") {
		if gs, rule, ok := d.senderBefore(si, i, qstart, unitInfo{idx: i, entity: -1, aggAdj: -1}); ok {
			return gs, rule, true
		}
		return nil, "", false
	}
	// "three from each country", "по два от каждой"
	if (next == "from" || next == "each" || next == "от") && (s.word(i+2) == "each" || next == "each" || strings.HasPrefix(s.word(i+2), "кажд")) {
		if ms := s.mentionsIn(0, qstart); len(ms) > 1 {
			return d.mentionGroups(s, ms), "distributive", true
		}
		return nil, "", false
	}
	if hasStem(next, []string{"прибыл", "прибуд", "приех", "направ", "прислал"}) {
		next = "из"
	}
	// "and the International Republican Institute (IRI) 27"
	if q := qstart - 1; q > 0 && s.word(q) == ")" && s.mentAt[q-1] >= 0 || q >= 0 && s.mentAt[q] >= 0 && s.word(q+1) != "–" {
		if q > 0 && s.word(q) == ")" {
			q--
		}
		if n := s.word(i + 1); n == "," || n == "." || n == "" || n == ";" || n == "and" {
			return []group{d.groupFromMention(s, s.mentAt[q])}, "ellipsis", true
		}
	}
	// "while TurkPA sent nine", "The Kyrgyz CEC delegation of four", "Kazakhstan with 24", "represented by 35"
	if n := s.word(i + 1); n != "" && n != "," && n != "." && n != ";" && n != ")" && n != "and" && n != "и" && n != "»" {
		// "a core team of 11 experts": another noun follows, not an elided one
	} else if prev := s.word(qstart - 1); senderVerbsEN[prev] || prev == "by" && s.word(qstart-2) == "represented" ||
		prev == "of" && (s.word(qstart-2) == "delegation" || s.word(qstart-2) == "mission" || s.word(qstart-2) == "team" || s.word(qstart-2) == "group") {
		if prev != "has" && prev != "have" && prev != "had" && (prev != "with" || s.mentAt[max(0, qstart-2)] >= 0) {
			if gs, rule, ok := d.senderBefore(si, i, qstart, unitInfo{idx: i, entity: -1, aggAdj: -1}); ok {
				return gs, rule, true
			}
		}
	}
	if next == "were" || next == "was" || next == "have" || next == "has" {
		next = "from" // "84 were sent by 42 foreign states": groupAfter skips the verb
	}
	switch next {
	case "from", "by", "represent", "represents", "representing", "of", "от", "из", "представляют", "представляет":
		if next == "of" && (s.word(i+2) == "them" || s.word(i+2) == "whom" || s.word(i+2) == "those" || s.word(i+2) == "which") {
			return nil, "", false
		}
		after, rule, ok := d.groupAfter(si, unitInfo{idx: i, kind: unitObserver, entity: -1, aggAdj: -1})
		if ok && !after.domestic && len(after.groups) > 0 && (rule != "mixed") {
			if rule == "from" || rule == "aggregate" {
				rule = "ellipsis"
			}
			return after.groups, rule, true
		}
	case "–":
		// "57 – the OSCE Parliamentary Assembly", "115 – foreign states"
		end := i + 2
		for end < len(s.toks) && s.toks[end].low != ";" && s.toks[end].low != "," && s.toks[end].low != "." && !s.isNum(end) {
			end++
		}
		if ag, ok := d.aggregateAt(s, i+2); ok {
			return ag.groups, "ellipsis", true
		}
		if g, ok := d.groupFromRange(s, i+2, end); ok && (g.code != "" || s.hasMentionAt(i+2, end)) {
			return []group{g}, "ellipsis", true
		}
	}
	return nil, "", false
}

func (s *analysed) hasMentionAt(from, to int) bool { return len(s.mentionsIn(from, to)) > 0 }

// listContext reports whether a number without a noun may still count
// observers: the sentence named observers (or a mission) before it, or it is
// a short item of a list whose head, in the sentences just before, did.
func (d *doc) listContext(si, i int) bool {
	s := &d.sents[si]
	for k := 0; k < i; k++ {
		w := s.toks[k].low
		if isObserverNoun(w) || w == "observation" || w == "mission" || w == "delegation" || w == "people" ||
			hasStem(w, []string{"мисси", "делегац"}) {
			return true
		}
	}
	return d.observersBefore(si)
}

// corefLead reports a clause that opens on the group named before: "В ее
// составе", "The mission includes", "It comprises", "They number".
func (s *analysed) corefLead(qstart int) bool {
	from := qstart
	for from > 0 && s.toks[from-1].low != ";" && s.toks[from-1].low != "," {
		from--
	}
	if qstart-from > 6 {
		return false
	}
	for k := from; k < qstart; k++ {
		switch w := s.toks[k].low; w {
		case "ее", "её", "его", "их", "its", "their", "it", "they", "она", "они":
			return true
		case "mission", "delegation":
			if k > from && (s.toks[k-1].low == "the" || s.toks[k-1].low == "this") && k == from+1 {
				return s.mentAt[k] < 0
			}
		}
	}
	return false
}

// mixedGroup is one count stated for several named groups together: an
// aggregate, ORGS when all are organisations, STATES when all are states.
func (d *doc) mixedGroup(s *analysed, ms []int) group {
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
		g.code, g.canon, g.spans = CodeOrgs, "Observers of international organisations", len(ms)
	case states:
		g.code, g.canon, g.spans = CodeStates, "Observers of foreign states", len(ms)
	}
	return g
}

// observersBefore reports whether observers were named just before sentence
// si, or at the head of the list that si continues: the head may stand
// several items back.
func (d *doc) observersBefore(si int) bool {
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
func distinctEntities(s *analysed, ms []int) int {
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
		if w := s.toks[k].low; w == "respectively" || w == "соответственно" {
			resp = k
			break
		}
	}
	if resp < 0 {
		return group{}, false
	}
	// the run of counts: numbers joined by commas, "and"/"и" and qualifiers
	var run []int
	for k := resp - 1; k >= 0; k-- {
		t := s.toks[k]
		if s.isNum(k) {
			run = append([]int{k}, run...)
			continue
		}
		if t.low == "," || t.low == "and" || t.low == "и" || t.kind == tWord && len(run) == 0 ||
			t.low == "около" || t.low == "about" || t.low == "some" || t.low == "до" || t.low == "up" || t.low == "to" {
			if len(run) > 0 && t.kind == tWord && t.low != "and" && t.low != "и" && t.low != "около" && t.low != "about" &&
				t.low != "some" && t.low != "до" && t.low != "up" && t.low != "to" {
				break
			}
			continue
		}
		break
	}
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
		if m := s.mentAt[k]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) {
			e := s.ments[m].Entity
			if e.Kind == KindCountry && e.Code == d.host && e.Code != "" {
				continue
			}
			ms = append(ms, m)
		}
	}
	if len(ms) < len(run) {
		return group{}, false
	}
	ms = ms[len(ms)-len(run):] // the list just before the counts
	return d.groupFromMention(s, ms[pos]), true
}
