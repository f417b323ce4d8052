package facts

import "strings"

// Units: what a number counts. A count is a fact only when its noun is
// observers, or persons or candidacies in an observer context.

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
