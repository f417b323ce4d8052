package facts

import "strings"

// Totals and named subsets: "In total, 398 observers were accredited", "the
// number of foreign observers reached 500", "44 of them represent ODIHR".

// total handles bare totals: "In total, 398 observers were accredited",
// "the CEC has accredited 271 observers as of 8 November".
func (d *doc) total(si, i int, u unitInfo) (group, bool) {
	s := &d.sents[si]
	if u.kind != unitObserver {
		return group{}, false
	}
	// Foreign and international observers number hundreds, at most a few
	// thousand; a bare "45,000 observers" counts the country's own.
	if s.toks[i].num > 5000 {
		return group{}, false
	}
	for _, t := range s.toks {
		if t.kind == tWord && (domesticEN[t.low] || hasStem(t.low, domesticStemRU)) {
			return group{}, false
		}
	}
	anchored := false
	for _, p := range totalPhrases {
		if s.hasPhrase(0, i, p) {
			anchored = true
			break
		}
	}
	_, to := s.clause(i)
	for k := 0; k < min(len(s.toks), to+4); k++ {
		if hasStem(s.toks[k].low, []string{"accredit", "аккредит", "registered", "зарегистрир"}) {
			anchored = true
		}
	}
	if !anchored || !(d.foreignObs || d.accredits) {
		return group{}, false
	}
	subj := s.toks[u.idx].text
	return group{subject: subj, code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate}, true
}

// numberOf handles "the number of foreign observers reached 500" and "число
// иностранных наблюдателей составило 500".
func (d *doc) numberOf(si, i, qstart int) (group, bool) {
	s := &d.sents[si]
	k := qstart - 1
	if qstart < i && numberOfVerbs[s.toks[qstart].low] {
		k = qstart // "превысило 500", "exceeded 500": the qualifier is the verb
	}
	for k >= 0 && (s.toks[k].low == "at" || s.toks[k].low == "to" || s.toks[k].low == "is" || s.toks[k].low == "has" || s.toks[k].low == "have" ||
		s.toks[k].low == "for" && (s.word(k-1) == "account" || s.word(k-1) == "accounts" || s.word(k-1) == "accounted")) {
		if s.toks[k].low == "for" {
			k-- // "account(s) for" counts like "number"
			break
		}
		k--
	}
	if k < 0 {
		return group{}, false
	}
	switch s.toks[k].low {
	case "risen", "grown", "climbed", "выросло", "вырос", "увеличилось", "составит", "достигнет", "превысит",
		"number", "numbers", "numbered", "total", "насчитывает", "насчитывают", "account", "accounts", "accounted", "reached", "reaches", "stands", "stood", "totals", "totalled", "totaled", "amounted", "amounts",
		"exceeded", "exceeds", "rose", "grew", "increased", "hit", "is", "was", "составило", "составляет",
		"составил", "достигло", "достиг", "достигает", "превысило", "превышает", "—", "–":
	default:
		return group{}, false
	}
	for j := max(0, k-6); j < k; j++ {
		if w := s.toks[j].low; strings.HasPrefix(w, "наибольш") || w == "largest" || w == "most" || w == "biggest" {
			return group{}, false // "the largest number of observers – 188 – came from …"
		}
	}
	// "их число превысит 600", "their number has reached 430": the observers
	// of the sentence before, when it counted them as a whole
	for j := max(0, k-4); j < k; j++ {
		w := s.toks[j].low
		nw := s.word(j + 1)
		if nw == "общее" || nw == "total" || nw == "overall" {
			nw = s.word(j + 2) // "их общее число", "their total number"
		}
		if (w == "их" || w == "their" || w == "the" || w == "this" || w == "это" || w == "эта") && (strings.HasPrefix(nw, "числ") || nw == "number") && !s.observers && d.observersBefore(si) {
			return group{subject: collapseSpace(s.text[s.toks[j].start:s.toks[j+1].end]), code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate}, true
		}
	}
	// an observer noun shortly before, after "number of"/"число"
	for j := k - 1; j >= max(0, k-14); j-- {
		if !isObserverNoun(s.toks[j].low) {
			continue
		}
		hasNumberWord := false
		for b := max(0, j-5); b < j; b++ {
			if w := s.toks[b].low; w == "number" || w == "total" || strings.HasPrefix(w, "числ") || strings.HasPrefix(w, "количеств") {
				hasNumberWord = true
			}
		}
		switch s.toks[k].low {
		case "number", "numbers", "numbered", "totals", "totalled", "totaled", "total", "насчитывает", "насчитывают", "account", "accounts", "accounted":
			hasNumberWord = true
		}
		if !hasNumberWord {
			return group{}, false
		}
		u := unitInfo{idx: j, kind: unitObserver, entity: -1, aggAdj: -1}
		if after, _, ok := d.groupAfter(si, u); ok && !after.domestic && len(after.groups) == 1 {
			return after.groups[0], true
		}
		for b := max(0, j-3); b < j; b++ {
			if m := s.mentAt[b]; m >= 0 {
				return d.groupFromMention(s, m), true
			}
			if w := s.toks[b].low; domesticEN[w] || hasStem(w, domesticStemRU) {
				return group{}, false
			}
		}
		return group{subject: collapseSpace(s.text[s.toks[max(0, j-1)].start:s.toks[j].end]), code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate}, true
	}
	return group{}, false
}

// subset handles "44 of them represent ODIHR", "из них 44 представляют БДИПЧ".
func (d *doc) subset(si, i int) (group, bool) {
	s := &d.sents[si]
	k := i + 1
	if s.word(k) == "of" && (s.word(k+1) == "them" || s.word(k+1) == "whom" || s.word(k+1) == "those") {
		k += 2
	} else if s.word(k) == "из" && s.word(k+1) == "них" {
		k += 2
	} else if !(s.word(i-2) == "из" && s.word(i-1) == "них") {
		return group{}, false
	}
	for steps := 0; steps < 4 && k < len(s.toks); steps++ {
		w := s.toks[k].low
		if w == "represent" || w == "are" || w == "come" || w == "came" || w == "from" || w == "were" || w == "the" ||
			strings.HasPrefix(w, "представля") || w == "от" || w == "из" {
			k++
			continue
		}
		break
	}
	if k < len(s.toks) && s.mentAt[k] >= 0 {
		return d.groupFromMention(s, s.mentAt[k]), true
	}
	if ag, ok := d.aggregateAt(s, k); ok && len(ag.groups) == 1 {
		return ag.groups[0], true
	}
	return group{}, false
}

var numberOfVerbs = set("exceeded", "exceeds", "превысило", "превысил", "превышает", "превысит")
