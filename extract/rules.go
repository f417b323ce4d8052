package extract

import "strings"

// The rules read one sentence at a time. For every number that counts
// observers they find the group it belongs to, trying the sentence shapes
// news writes counts in, most specific first:
//
//	dash item      "the CIS – 55 observers", "CIS IPA – 48;" (unit stated once)
//	distributive   "A, B and C – two observers from each country", "D and E will send one observer each"
//	named          "170 CIS observers", "two Chinese observers"
//	from           "29 observers of the X", "139 observers from international organizations"
//	sender         "X will send 40 observers", "X's mission comprises 40 observers"
//	aggregate      "97 international observers", "76 observers from 31 foreign states"
//	coreference    "The mission will include 40 observers" after a sentence naming it
//	total          "In total, 398 observers were accredited"

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

func (d *doc) sentenceFacts(si int) []cand {
	s := &d.sents[si]
	var out []cand
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind != tNum || s.inDate[i] || t.num <= 0 || t.num > 200000 {
			continue
		}
		if s.isPercent(i) || s.isRange(i) || s.isOrdinalOrLabel(i) {
			continue
		}
		out = append(out, d.numberFacts(si, i)...)
	}
	return out
}

// numberFacts applies the rules to the number at token i of sentence si.
func (d *doc) numberFacts(si, i int) []cand {
	s := &d.sents[si]
	n := s.toks[i].num
	qual, qstart := s.qualifierBefore(i)
	mk := func(g group, rule string) cand {
		return cand{sent: si, tok: i, count: n, g: g, qual: qual, rule: rule, status: s.statusFor(i, rule)}
	}

	// "X and Y will send 200 and 50 observers respectively"
	if g, ok := d.respectively(si, i); ok {
		return []cand{mk(g, "respectively")}
	}
	// "44 of them represent ODIHR": a subset named by its organisation.
	if g, ok := d.subset(si, i); ok {
		return []cand{mk(g, "subset")}
	}

	u := d.unitAfter(si, i)
	if u.idx < 0 {
		// "21 from the OSCE/ODIHR", "Of them, 350 represent international
		// organizations", "three from each country", "57 – the OSCE PA"
		if gs, rule, ok := d.ellipsis(si, i, qstart); ok {
			return cands(gs, mk, rule)
		}
		// "CIS Interparliamentary Assembly – 48;" in a list whose unit was stated once.
		if gs, rule, ok := d.listItem(si, i, qstart); ok {
			return cands(gs, mk, rule)
		}
		// "the number of foreign observers reached 500"
		if g, ok := d.numberOf(si, i, qstart); ok {
			return []cand{mk(g, "number_of")}
		}
		return nil
	}
	switch u.kind {
	case unitPerson:
		if !d.observerContext(si) {
			return nil
		}
	case unitCandidate:
		if !s.observers {
			return nil
		}
	}
	if s.categoryAfter(u.idx) {
		return nil // "42 наблюдателя – долгосрочные", "20 observers are long-term"
	}
	if u.domestic || s.withdrawn(i, u.idx) {
		return nil
	}
	// "the number of accredited observers is 258 people"
	if u.kind == unitPerson && s.hasNumberOfWord(qstart) {
		if g, ok := d.numberOf(si, i, qstart); ok {
			return []cand{mk(g, "number_of")}
		}
	}
	split := s.splitBefore(qstart)

	// dash item or distributive list before the number
	if gs, rule, ok := d.dashGroup(si, i, qstart, u); ok {
		return cands(gs, mk, rule)
	}
	// "The embassies of the US, Britain and Germany received accreditation for two observers each"
	if s.distributive(i, u.idx) && u.entity < 0 {
		if ms := s.clauseMentions(qstart); len(ms) > 1 {
			return cands(d.mentionGroups(s, ms), mk, "distributive")
		}
	}
	// "170 CIS observers"
	if u.entity >= 0 {
		if u.host {
			return nil // "Kazakh observers" at a Kazakh election are domestic
		}
		return []cand{mk(d.groupFromMention(s, u.entity), "named")}
	}
	after, rule, ok := d.groupAfter(si, u)
	if ok && after.domestic {
		return nil
	}
	if ok && len(after.groups) > 0 && !after.aggregate && rule != "from_name" {
		return cands(after.groups, mk, rule)
	}
	// "the SCO mission arrived with 21 members from China, India, Kazakhstan …":
	// the countries are where the mission's members come from
	if ok && rule == "mixed" && u.kind == unitPerson {
		for k := 0; k < qstart; k++ {
			if m := s.mentAt[k]; m >= 0 && s.ments[m].Entity.Kind == KindOrganization {
				return []cand{mk(d.groupFromMention(s, m), "sender")}
			}
		}
	}
	// "В ее составе – 62 парламентария из восьми стран", "The mission
	// consists of 58 observers from eight countries": the count is the
	// mission's; the states are where its members come from.
	if !split && s.corefLead(qstart) {
		if g, ok := d.coref(si, i, u); ok {
			return []cand{mk(g, "coref")}
		}
	}
	if split {
		return nil // "of them, 10 are long-term observers": a category split
	}
	if gs, rule, ok := d.senderBefore(si, i, qstart, u); ok {
		return cands(gs, mk, rule)
	}
	if gs, rule, ok := d.groupBeforeRU(si, i, qstart, u); ok {
		return cands(gs, mk, rule)
	}
	if ok && rule == "from_name" {
		return cands(after.groups, mk, "from")
	}
	// "monitor the election with a 27-member mission": the sentence's subject
	if u.strongSfx {
		for k := 0; k < len(s.toks); k++ {
			if m := s.mentAt[k]; m >= 0 {
				if e := s.ments[m].Entity; !(e.Kind == KindCountry && e.Code == d.host && e.Code != "") {
					return []cand{mk(d.groupFromMention(s, m), "sender")}
				}
			}
		}
	}
	if u.aggAdj >= 0 && u.kind == unitObserver {
		return []cand{mk(group{subject: collapseSpace(s.text[s.toks[u.aggAdj].start:s.toks[u.idx].end]), code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate, spans: 0}, "aggregate")}
	}
	if ok && after.aggregate {
		return []cand{mk(after.groups[0], rule)}
	}
	if g, ok := d.coref(si, i, u); ok {
		return []cand{mk(g, "coref")}
	}
	if u.category {
		return nil
	}
	if g, ok := d.total(si, i, u); ok {
		return []cand{mk(g, "total")}
	}
	return nil
}

func cands(gs []group, mk func(group, string) cand, rule string) []cand {
	out := make([]cand, 0, len(gs))
	for _, g := range gs {
		out = append(out, mk(g, rule))
	}
	return out
}

// ---- token predicates ------------------------------------------------------

func (s *analysed) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].low
}

func (s *analysed) isNum(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tNum && !s.inDate[i]
}

func (s *analysed) isPercent(i int) bool {
	w := s.word(i + 1)
	return w == "%" || w == "percent" || w == "per" || strings.HasPrefix(w, "процент") || w == "pct"
}

// isRange reports whether the number is an end of a range ("50–60
// observers", "from 300 to 400", "от 300 до 400"): ranges are not counts.
func (s *analysed) isRange(i int) bool {
	rangeWord := func(w string) bool {
		return w == "–" || w == "to" || w == "or" || w == "до" || w == "или" || w == "and" || w == "-"
	}
	if rangeWord(s.word(i+1)) && s.isNum(i+2) {
		if s.word(i+1) == "and" && s.word(i-1) != "between" && s.word(i-2) != "between" {
			return false
		}
		return true
	}
	if rangeWord(s.word(i-1)) && s.isNum(i-2) {
		if s.word(i-1) == "and" && s.word(i-3) != "between" && s.word(i-4) != "between" {
			return false
		}
		return true
	}
	return false
}

// isOrdinalOrLabel skips numbers that name rather than count: "No. 5",
// "Article 12", "polling station 123", "#3".
func (s *analysed) isOrdinalOrLabel(i int) bool {
	switch s.word(i - 1) {
	case "no", "№", "#", "article", "paragraph", "station", "district", "constituency", "room", "статья", "статьи", "участок", "участка", "округ", "округа", "пункт":
		return true
	}
	return s.word(i-1) == "." && s.word(i-2) == "no"
}

// qualifierBefore returns the qualifier written before token i and the
// index where the count phrase starts.
func (s *analysed) qualifierBefore(i int) (string, int) {
	// "ТюркПА — из девяти": the item's count, "of nine"
	if i >= 2 && s.toks[i-1].low == "из" && s.toks[i-2].low == "–" {
		return QualExact, i - 1
	}
	// "выросло до 430", "rose to 430": the count the number reached
	if i >= 2 && s.toks[i-1].low == "до" && hasStem(s.toks[i-2].low, []string{"вырос", "увеличил", "сократил", "снизил"}) {
		return QualExact, i - 1
	}
	for _, q := range qualifierPhrases {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		ok := true
		for k, w := range q.words {
			if s.toks[i-n+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return q.qual, i - n
		}
	}
	// "по два наблюдателя" distributes; "a total of" is not a qualifier
	if s.word(i-1) == "по" {
		return QualExact, i - 1
	}
	return QualExact, i
}

// splitBefore reports whether a category-split phrase ("of them",
// "including", "из них") stands just before the count phrase.
func (s *analysed) splitBefore(qstart int) bool {
	for _, phrases := range [][][]string{splitPhrasesEN, splitPhrasesRU} {
		for _, p := range phrases {
			for back := 0; back <= 2; back++ { // allow a comma or an adjective between
				end := qstart - back
				if back >= 1 && s.word(end) != "," && !hasStem(s.word(end), []string{"аккредитованн", "accredited", "зарегистрированн"}) {
					continue
				}
				if end-len(p) < 0 {
					continue
				}
				ok := true
				for k, w := range p {
					if s.toks[end-len(p)+k].low != w {
						ok = false
						break
					}
				}
				if ok {
					return true
				}
			}
		}
	}
	return false
}

// withdrawn reports whether the clause of the count speaks of withdrawn or
// revoked observers.
func (s *analysed) withdrawn(i, unit int) bool {
	from, to := s.clause(i)
	if unit+1 > to {
		to = min(unit+1, len(s.toks))
	}
	for k := from; k < to; k++ {
		if s.toks[k].kind != tWord {
			continue
		}
		if hasStem(s.toks[k].low, withdrawEN) || hasStem(s.toks[k].low, withdrawRU) {
			return true
		}
	}
	return false
}

// clause returns the token range of the clause around token i, between
// commas, semicolons and sentence ends.
func (s *analysed) clause(i int) (int, int) {
	from := i
	for from > 0 {
		w := s.toks[from-1].low
		if w == "," || w == ";" || w == "(" || w == ":" {
			break
		}
		from--
	}
	to := i + 1
	for to < len(s.toks) {
		w := s.toks[to].low
		if w == "," || w == ";" || w == ")" || w == "(" || w == "." {
			break
		}
		to++
	}
	return from, to
}

// status reads the status cue nearest to the count: the verb of its own
// clause first ("Nine observers will come from the SCO", "accredited 29"),
// else the nearest in the sentence. Counts whose clause has no verb of
// status ("the CIS – 55", "X is represented by 26") return "" and take the
// status of the statement that introduced them (see doc.toFacts).
func (s *analysed) status(i int) string {
	from, to := s.clause(i)
	best, bestDist := "", 1<<30
	futureInClause := false
	for k := from; k < to; k++ {
		if hasStem(s.toks[k].low, statusCues[len(statusCues)-2].stems) {
			futureInClause = true
		}
	}
	for k, t := range s.toks {
		if t.kind != tWord {
			continue
		}
		// "accreditation" names the procedure ("recommended for
		// accreditation"); only "received/passed accreditation" states it
		if (strings.HasPrefix(t.low, "accreditation") || strings.HasPrefix(t.low, "аккредитаци")) &&
			!hasStem(s.word(k-1), []string{"received", "passed", "got", "получил", "прошл", "прошел"}) {
			continue
		}
		// "to monitor", "to watch": a headline's future
		if t.low == "to" && (s.word(k+1) == "monitor" || s.word(k+1) == "watch" || s.word(k+1) == "observe" || s.word(k+1) == "arrive") {
			if d := abs(k - i); d < bestDist {
				best, bestDist = StatusExpected, d
			}
			continue
		}
		for _, c := range statusCues {
			if !hasStem(t.low, c.stems) {
				continue
			}
			dist := k - i
			if dist < 0 {
				dist = -dist
			}
			if k < from || k >= to {
				dist += 100 // another clause's verb counts only when the own clause has none
			}
			if dist < bestDist {
				best, bestDist = c.status, dist
			}
			break
		}
	}
	if best == StatusArrived && futureInClause {
		return StatusExpected // "will arrive", "будут работать"
	}
	return best
}

// statusFor refines status by the fact's shape: members of a list take the
// status of the statement that heads it ("24 candidates were nominated from
// 14 states including A, B – two observers from each country, while C will
// send one each"), and a proposal "which has been accredited" is accredited.
func (s *analysed) statusFor(i int, rule string) string {
	st := s.status(i)
	procedural := func(k int) string {
		t := s.toks[k]
		if strings.HasPrefix(t.low, "accreditation") || strings.HasPrefix(t.low, "аккредитаци") {
			return ""
		}
		for _, c := range statusCues[:5] {
			if hasStem(t.low, c.stems) {
				return c.status
			}
		}
		return ""
	}
	switch rule {
	case "distributive", "dash_item", "list_item", "ellipsis":
		for k := 0; k < i; k++ {
			if p := procedural(k); p != "" {
				return p
			}
		}
	}
	if st == StatusNominated || st == StatusRecommended {
		for k := i + 1; k < len(s.toks); k++ {
			if p := procedural(k); p == StatusAccredited {
				return p
			}
		}
	}
	return st
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (s *analysed) hasPhrase(from, to int, p []string) bool {
	for k := from; k+len(p) <= to; k++ {
		ok := true
		for j, w := range p {
			if s.toks[k+j].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// ---- units -------------------------------------------------------------------

func isObserverNoun(w string) bool {
	return observerNounsEN[w] || hasStem(w, observerStemsRU)
}

// unitAfter finds the noun the number at i counts, skipping modifiers and a
// group name between them.
func (d *doc) unitAfter(si, i int) unitInfo {
	s := &d.sents[si]
	u := unitInfo{idx: -1, entity: -1, aggAdj: -1}
	j := i + 1
	// "50-member observer mission", "a 12-strong delegation", "seven-member"
	member := s.toks[i].member
	if !member && j+1 < len(s.toks) && s.toks[j].text == "-" && s.toks[j].start == s.toks[i].end {
		switch s.toks[j+1].low {
		case "member", "strong", "person", "people", "man":
			member = true
			j += 2
		}
	}
	if member {
		for k := j; k < min(j+4, len(s.toks)); k++ {
			w := s.toks[k].low
			if m := s.mentAt[k]; m >= 0 && u.entity < 0 {
				u.entity = m
			}
			if isObserverNoun(w) || w == "mission" || w == "delegation" || w == "team" || w == "observation" || w == "group" {
				u.idx, u.kind, u.strongSfx = k, unitObserver, true
				return u
			}
		}
		return unitInfo{idx: -1, entity: -1, aggAdj: -1}
	}
	// "5 (пяти) человек", "five (5) observers"
	if s.word(j) == "(" && j+2 < len(s.toks) && s.toks[j+1].kind == tNum && s.word(j+2) == ")" {
		j += 3
	}
	for ; j < len(s.toks) && j < i+8; j++ {
		t := s.toks[j]
		if m := s.mentAt[j]; m >= 0 {
			if u.entity >= 0 && u.entity != m {
				break
			}
			u.entity = m
			continue
		}
		if t.kind != tWord {
			if t.text == "/" || (t.text == "-" && u.entity >= 0) {
				continue
			}
			break
		}
		w := t.low
		switch {
		case isObserverNoun(w):
			u.idx, u.kind = j, unitObserver
		case (strings.HasPrefix(w, "иностранц") || w == "foreigners") && d.observerContext(si):
			// "ЦИК аккредитовала 468 иностранцев": foreign observers
			u.idx, u.kind, u.aggAdj = j, unitObserver, j
		case personNounsEN[w] || hasStem(w, personStemsRU):
			u.idx, u.kind = j, unitPerson
		case candidateNounsEN[w] || hasStem(w, candidateStemsRU):
			u.idx, u.kind = j, unitCandidate
		case domesticEN[w] || hasStem(w, domesticStemRU):
			u.domestic = true
			continue
		case aggregateAdjEN[w] || hasStem(w, aggregateAdjStemRU):
			if u.aggAdj < 0 {
				u.aggAdj = j
			}
			continue
		case categoryEN[w] || hasStem(w, categoryStemRU):
			u.category = true
			continue
		case modifiersEN[w] || hasStem(w, modifierStemsRU):
			continue
		}
		break
	}
	if u.idx < 0 {
		return unitInfo{idx: -1, entity: -1, aggAdj: -1}
	}
	if u.entity >= 0 {
		e := s.ments[u.entity].Entity
		if e.Kind == KindCountry && e.Code != "" && e.Code == d.host {
			u.host = true
		}
	}
	return u
}

// observerContext reports whether persons counted in sentence si are
// observers: the sentence speaks of observers or of a mission, or follows
// one that does ("It numbers 57 people").
func (d *doc) observerContext(si int) bool {
	s := &d.sents[si]
	mission := false
	for _, t := range s.toks {
		if isObserverNoun(t.low) || t.low == "observation" || hasStem(t.low, []string{"наблюдат"}) {
			return true
		}
		if t.low == "mission" || t.low == "delegation" || t.low == "group" || t.low == "team" || senderVerbsEN[t.low] || hasStem(t.low, ruVerbsBefore) ||
			hasStem(t.low, []string{"мисси", "делегац", "групп", "состав"}) || t.low == "it" || t.low == "they" {
			mission = true
		}
	}
	if !mission {
		return false
	}
	return d.observersBefore(si)
}

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
	if prev := s.word(qstart - 1); senderVerbsEN[prev] || prev == "by" && s.word(qstart-2) == "represented" ||
		prev == "of" && (s.word(qstart-2) == "delegation" || s.word(qstart-2) == "mission" || s.word(qstart-2) == "team") {
		if prev != "has" && prev != "have" && prev != "had" && (prev != "with" || s.mentAt[max(0, qstart-2)] >= 0) {
			if gs, rule, ok := d.senderBefore(si, i, qstart, unitInfo{idx: i, entity: -1, aggAdj: -1}); ok {
				return gs, rule, true
			}
		}
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

// categoryAfter reports a count followed by its category: "42 наблюдателя –
// долгосрочные", "20 of the observers are long-term".
func (s *analysed) categoryAfter(unit int) bool {
	for k := unit + 1; k < min(unit+3, len(s.toks)); k++ {
		w := s.toks[k].low
		if categoryEN[w] || hasStem(w, categoryStemRU) {
			return true
		}
		if w != "–" && w != "are" && w != "were" && w != "—" {
			return false
		}
	}
	return false
}

// ruVerbsBefore link a group written before the count in Russian word order:
// "От МПА СНГ аккредитован 31 наблюдатель", "ПА ОБСЕ направила 35
// парламентариев", "Россию представляют 22 наблюдателя".
//
// Verbs of accrediting, recommending or registering in the active voice name
// the accreditor ("ЦИК аккредитовала 790 наблюдателей"), so they link a group
// only after "от"/"из" ("От МПА СНГ аккредитован 31 наблюдатель").
var ruVerbsBefore = []string{"направ", "отправ", "делегирова", "прислал", "присыла", "пришл", "представля", "представлена", "представлены", "представлено",
	"прибыл", "прибуд", "приех", "приед", "делегир", "выдвину", "намерен", "планиру", "будет", "будут",
	"включ", "насчитыва", "состоит", "состав"}

// groupBeforeRU reads the group written before the count, as Russian word
// order puts it: a mention after "от"/"из", or the subject of a verb of
// sending, accrediting or representing.
func (d *doc) groupBeforeRU(si, i, qstart int, u unitInfo) ([]group, string, bool) {
	s := &d.sents[si]
	from := qstart
	for from > 0 {
		w := s.toks[from-1].low
		if w == "," || w == ";" || w == ":" || w == "«" || (s.toks[from-1].kind == tNum && !s.inDate[from-1]) {
			break
		}
		from--
	}
	verb := false
	for k := from; k < qstart; k++ {
		if hasStem(s.toks[k].low, ruVerbsBefore) {
			verb = true
		}
	}
	var cands []int
	for k := from; k < qstart; k++ {
		m := s.mentAt[k]
		if m < 0 || (len(cands) > 0 && cands[len(cands)-1] == m) {
			continue
		}
		prev := s.word(k - 1)
		if prev == "линии" && s.word(k-2) == "по" {
			prev = "от" // "по линии БДИПЧ работали 319 наблюдателей"
		}
		if prev == "в" || prev == "во" || prev == "на" || prev == "к" || prev == "по" {
			continue // a destination: "направит в Россию"
		}
		// "От посольства США", "из ЦИК Казахстана": the preposition governs the institution
		for b := k - 2; b >= max(from, k-4); b-- {
			if w := s.word(b); w == "от" || w == "из" {
				if institutionWords(s, b+1, k) {
					prev = w
				}
				break
			}
		}
		e := s.ments[m].Entity
		if e.Kind == KindCountry && e.Code != "" && e.Code == d.host && prev != "из" && prev != "от" {
			continue
		}
		if prev == "от" || prev == "из" || verb {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 {
		// "От Европейской сети организаций по наблюдению за выборами (ENEMO) аккредитованы 12"
		if s.word(from) == "от" || s.word(from) == "из" {
			end := from + 1
			for end < qstart && !hasStem(s.toks[end].low, []string{"аккредитован", "прибыл", "прибуд", "зарегистрирован", "направлен", "представлена", "представлены", "представлено"}) {
				end++
			}
			if end < qstart && end-from >= 2 && isCapitalized(s.toks[from+1].text) {
				if g, ok := d.groupFromRange(s, from+1, end); ok || end-from <= 12 {
					if !ok {
						text := s.rangeText(from+1, end)
						g = group{subject: text, canon: text, kind: KindOrganization}
					}
					if g.code != d.host || g.code == "" {
						return []group{g}, "sender", true
					}
				}
			}
		}
		// a name the gazetteer knows only by a misspelling: "Шанхайская органзация сотрудничества направила 25"
		if verb {
			end := from
			for end < qstart && !hasStem(s.toks[end].low, ruVerbsBefore) {
				end++
			}
			if g, ok := d.groupFromRange(s, from, end); ok && g.code != "" && g.code != d.host {
				return []group{g}, "sender", true
			}
		}
		return nil, "", false
	}
	if len(cands) > 1 && s.distributive(i, max(u.idx, i)) {
		return d.mentionGroups(s, cands), "distributive", true
	}
	if len(cands) > 1 {
		return []group{d.mixedGroup(s, cands)}, "mixed", true
	}
	return []group{d.groupFromMention(s, cands[len(cands)-1])}, "sender", true // the nearest to the count
}

// institutionWords reports whether [from,to) holds only words naming an
// institution of the entity that follows ("посольства", "ЦИК", "избирательных органов").
func institutionWords(s *analysed, from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].low
		if !hasStem(w, []string{"посольств", "цик", "центризбирком", "избирком", "избирательн", "орган", "комисси", "центральн", "миссии", "делегац", "парламент", "мид"}) {
			return false
		}
	}
	return true
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

// hasNumberOfWord reports "number of", "total", "число", "количество"
// before token i.
func (s *analysed) hasNumberOfWord(i int) bool {
	for k := 0; k < i; k++ {
		w := s.toks[k].low
		if w == "number" && s.word(k+1) == "of" || w == "total" || strings.HasPrefix(w, "числ") || strings.HasPrefix(w, "количеств") {
			return true
		}
	}
	return false
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
	ms = ms[:len(run)] // the subject list comes first in the sentence
	return d.groupFromMention(s, ms[pos]), true
}
