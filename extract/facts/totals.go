package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Totals and named subsets: "In total, 398 observers were accredited", "the
// number of foreign observers reached 500", "44 of them represent ODIHR".

// maxForeignTotal bounds a bare total: foreign and international observers
// number hundreds, at most a few thousand; "45,000 observers" are the
// country's own.
const maxForeignTotal = 5000

// total handles bare totals: "In total, 398 observers were accredited",
// "the CEC has accredited 271 observers as of 8 November".
func (d *doc) total(si, i int, u unitInfo) (group, bool) {
	s := &d.sents[si]
	// persons count in an observer context: "More than 70 people have
	// already been accredited"
	persons := u.kind == unitPerson && d.observerContext(si) && s.endsNounPhrase(u.idx)
	if u.kind != unitObserver && !persons || s.toks[i].Num > maxForeignTotal || s.hasIn(0, len(s.toks), lang.Domestic) {
		return group{}, false
	}
	_, to := s.clause(i)
	anchored := s.hasIn(0, i, lang.Total) || s.hasIn(0, min(len(s.toks), to+4), lang.Accredit)
	if !anchored || !(d.foreignObs || d.accredits) {
		return group{}, false
	}
	if s.is(u.idx, lang.UnitDiplomat) {
		// "64 diplomats have been accredited": the states' observers
		return group{subject: s.toks[u.idx].Text, code: CodeStates, canon: canonStates, kind: KindAggregate}, true
	}
	return allObservers(s.toks[u.idx].Text), true
}

// endsNounPhrase reports a noun that nothing qualifies after it: no
// preposition, genitive, name or mission ("70 people have been accredited",
// not "137 representatives of foreign media", "187 членов Миссии").
func (s *sentence) endsNounPhrase(k int) bool {
	n := k + 1
	if n >= len(s.toks) || s.toks[n].Kind != lang.Word {
		return true
	}
	return !s.is(n, lang.GroupPrep) && s.mentAt[n] < 0 && !s.is(n, lang.MissionNoun) && !s.is(n, lang.Institution) &&
		!lang.IsCapitalized(s.toks[n].Text) && !s.is(n, lang.Domestic)
}

// numberOf handles "the number of foreign observers reached 500" and "число
// иностранных наблюдателей составило 500".
func (d *doc) numberOf(si, i, qstart int) (group, bool) {
	s := &d.sents[si]
	k := s.numberVerbBefore(i, qstart)
	if k < 0 || s.hasIn(max(0, k-6), k, lang.Largest) {
		return group{}, false // "the largest number of observers – 188 – came from …"
	}
	// "их число превысит 600", "their number has reached 430": the observers
	// of the sentence before, when it counted them as a whole
	if g, ok := d.theirNumber(s, si, k); ok {
		return g, true
	}
	// an observer noun shortly before, after "number of"/"число"
	for j := k - 1; j >= max(0, k-numberOfReach); j-- {
		if s.is(j, lang.UnitObserver) {
			return d.numberOfObservers(s, si, j, k)
		}
	}
	return group{}, false
}

// numberOfReach is how far before its verb "the number of … observers"
// may name the observers: relative clauses stand between ("the total
// number of foreign observers who will observe the elections to the House
// of Representatives due on 11 September is 243").
const numberOfReach = 20

// numberVerbBefore returns the verb that states the number ("reached",
// "составило", a dash) before the count, or -1.
func (s *sentence) numberVerbBefore(i, qstart int) int {
	k := qstart - 1
	if qstart < i && s.is(qstart, lang.NumberExceed) {
		k = qstart // "превысило 500", "exceeded 500": the qualifier is the verb
	}
	for k >= 0 && s.is(k, lang.NumberVerbFill) && !s.is(k, lang.NumberVerb) {
		k-- // "stands at", "has risen to"; but "is 243" is the verb itself
	}
	if s.is(k, lang.AccountFor) && s.is(k-1, lang.AccountVerb) {
		k-- // "account(s) for" counts like "number"
	}
	if k < 0 || !(s.is(k, lang.NumberVerb) || s.isPunct(k, "–")) {
		return -1
	}
	return k
}

// theirNumber reads "их число превысит 600", "their total number has
// reached 430": the observers counted in the sentence before.
func (d *doc) theirNumber(s *sentence, si, k int) (group, bool) {
	if s.observers || !d.observersBefore(si) {
		return group{}, false
	}
	for j := max(0, k-4); j < k; j++ {
		n := j + 1
		if s.is(n, lang.TotalAdjective) {
			n++ // "их общее число", "their total number"
		}
		if (s.is(j, lang.Pronoun) || s.is(j, lang.Demonstrative)) && s.is(n, lang.NumberOf) {
			return allObservers(collapseSpace(s.text[s.toks[j].Start:s.toks[j+1].End])), true
		}
	}
	return group{}, false
}

// numberOfObservers reads the group of "the number of (foreign) observers
// (from X)" whose noun is at j and verb at k.
func (d *doc) numberOfObservers(s *sentence, si, j, k int) (group, bool) {
	if !s.hasIn(max(0, j-5), j, lang.NumberOf) && !s.is(k, lang.NumberNoun) {
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
		if s.is(b, lang.Domestic) {
			return group{}, false
		}
	}
	return allObservers(collapseSpace(s.text[s.toks[max(0, j-1)].Start:s.toks[j].End])), true
}

// subset handles "44 of them represent ODIHR", "из них 44 представляют БДИПЧ".
func (d *doc) subset(si, i int) (group, bool) {
	s := &d.sents[si]
	k := i + 1
	switch {
	case s.lex.MatchAt(lang.OfThem, s.toks, k) > 0:
		k += s.lex.MatchAt(lang.OfThem, s.toks, k)
	case s.lex.MatchEndingAt(lang.OfThem, s.toks, i) > 0:
	default:
		return group{}, false
	}
	for steps := 0; steps < 4 && k < len(s.toks) && s.is(k, lang.SubsetFill); steps++ {
		k++
	}
	if k < len(s.toks) && s.mentAt[k] >= 0 {
		return d.groupFromMention(s, s.mentAt[k]), true
	}
	if ag, ok := d.aggregateAt(s, k); ok && len(ag.groups) == 1 {
		return ag.groups[0], true
	}
	return group{}, false
}

// reached handles a total whose verb follows the count, as Kazakh writes
// it: "халықаралық бақылаушылар қатары 62-ге жетті" (the ranks of
// international observers reached 62).
func (d *doc) reached(si, i int) (group, bool) {
	s := &d.sents[si]
	if !s.is(i, lang.DativeSuffix) || !s.is(i+1, lang.NumberVerb) {
		return group{}, false
	}
	for j := i - 1; j >= max(0, i-5); j-- {
		if !s.is(j, lang.UnitObserver) {
			continue
		}
		b := max(0, j-1)
		if s.is(b, lang.FromParticiple) && s.is(b-1, lang.OriginSuffix) {
			b-- // "Қазақстаннан барған бақылаушылар саны 48-ге жетті"
		}
		if m := s.mentAt[b]; m >= 0 && !d.isHost(s.ments[m].Entity) {
			return d.groupFromMention(s, m), true
		}
		from := j
		for from > 0 && s.is(from-1, lang.ModAggregate) {
			from--
		}
		return allObservers(collapseSpace(s.text[s.toks[from].Start:s.toks[j].End])), true
	}
	return group{}, false
}
