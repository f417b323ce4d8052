package facts

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
//
// numberFacts below tries them in that order. Where each lives:
// units.go (what a number counts), list_items.go and lists.go (items,
// distributive lists, elided nouns, "respectively"), groups.go (names,
// "from X", senders, aggregates), russian.go (group before the count),
// coref.go, totals.go, status.go; context.go reads as_of, periods and the
// election, checks.go compares parts with totals.

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
	if ok && rule == "from_name" && !s.hasDomestic() {
		// an organisation the gazetteer does not know; in a sentence about
		// domestic monitoring it is a local NGO ("3,000 observers of the Taza Shailoo association")
		return cands(after.groups, mk, "from")
	}
	// "monitor the election with a 27-member mission": the sentence's subject
	if u.strongSfx {
		// "and the European Parliament a three-member delegation": the clause's own group
		for k := qstart - 1; k >= 0 && s.toks[k].low != "," && s.toks[k].low != ";"; k-- {
			if m := s.mentAt[k]; m >= 0 {
				return []cand{mk(d.groupFromMention(s, m), "sender")}
			}
		}
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
	countsStates := func(k int) bool { // "двадцать два иностранных государства": the second number counts states
		for j := k + 1; j < min(k+4, len(s.toks)); j++ {
			if w := s.toks[j].low; stateNounsEN[w] || orgNounsEN[w] || hasStem(w, stateStemRU) || hasStem(w, orgStemRU) {
				return true
			}
		}
		return false
	}
	if rangeWord(s.word(i+1)) && s.isNum(i+2) && !countsStates(i+2) {
		if s.word(i+1) == "and" && s.word(i-1) != "between" && s.word(i-2) != "between" {
			return false
		}
		return true
	}
	if rangeWord(s.word(i-1)) && s.isNum(i-2) && !countsStates(i) {
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
	// the verb may follow the noun: "Аккредитация 3 (трех) наблюдателей аннулирована"
	to = max(to, min(unit+4, len(s.toks)))
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

// hasDomestic reports a sentence that speaks of domestic observers.
func (s *analysed) hasDomestic() bool {
	for _, t := range s.toks {
		if t.kind == tWord && (t.low == "domestic" || t.low == "local" || t.low == "national" || t.low == "citizen" ||
			hasStem(t.low, []string{"отечествен", "местн", "национальн"})) {
			return true
		}
	}
	return false
}
