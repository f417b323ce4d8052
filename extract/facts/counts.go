package facts

import (
	"github.com/obsfacts/obsfacts/extract/lang"
)

// count is a number in a sentence that may count observers, with what the
// recognisers share about it. Costly readings (the group written after the
// noun) are computed once, on first use.
type count struct {
	d      *doc
	s      *sentence
	si, i  int    // sentence and token of the number
	n      int    // its value
	qual   string // qualifier written before it
	qstart int    // where the count phrase starts (the qualifier, or the number)
	u      unitInfo
	split  bool // a category-split phrase ("of them", "из них") stands before it
	more   bool // the count continues one stated before: "another 400", "in addition, 24"

	afterDone bool
	after     afterResult
	afterRule Rule
	afterOK   bool
}

// groupAfter returns, once computed, the group written after the count's
// noun ("observers of X", "наблюдателей от СНГ").
func (c *count) groupAfter() (afterResult, Rule, bool) {
	if !c.afterDone {
		c.after, c.afterRule, c.afterOK = c.d.groupAfter(c.si, c.u)
		c.afterDone = true
	}
	return c.after, c.afterRule, c.afterOK
}

// counts lists the numbers of sentence si that may count observers: not a
// date, a percentage, an end of a range, or a label ("No. 5").
func (d *doc) counts(si int) []count {
	s := &d.sents[si]
	var out []count
	for i := range s.toks {
		t := &s.toks[i]
		if t.Kind != lang.Num || s.inDate[i] || t.Num <= 0 || t.Num > 200000 {
			continue
		}
		if s.isPercent(i) || s.isRange(i) || s.isOrdinalOrLabel(i) {
			continue
		}
		c := count{d: d, s: s, si: si, i: i, n: t.Num}
		c.qual, c.qstart = s.qualifierBefore(i)
		if c.qual == QualExact {
			c.qual = s.qualifierAfter(i)
		}
		c.u = d.unitAfter(si, i)
		if c.u.idx >= 0 {
			c.split = s.splitBefore(c.qstart)
			c.more = s.continues(c.qstart, c.u.idx)
		}
		out = append(out, c)
	}
	return out
}

// sentenceFacts reads every count of sentence si and keeps the best reading
// of each; with explain set it also returns all the readings that competed.
func (d *doc) sentenceFacts(si int, explain bool) ([]pick, []Reading) {
	var picks []pick
	var readings []Reading
	cs := d.counts(si)
	for k := range cs {
		c := &cs[k]
		best, all := d.x.score(c, explain)
		if explain {
			readings = append(readings, c.readings(all, best)...)
		}
		if best == nil || best.reject != "" {
			continue
		}
		if d.nationalities(si, best) {
			continue
		}
		for _, g := range best.groups {
			picks = append(picks, pick{sent: si, tok: c.i, count: c.n, g: g, qual: c.qual, rule: best.rule,
				status: c.s.statusFor(c.i, best.rule)})
		}
		d.noteGroup(best.groups)
		if len(best.groups) == 1 && best.groups[0].kind == KindOrganization && c.fromCountries() {
			d.membersUntil = si + 1
		}
	}
	return picks, readings
}

// fromCountries reports a count of an organisation's observers that says
// where they come from: "40 наблюдателей из 19 стран", "60 members of
// parliament from 24 countries".
func (c *count) fromCountries() bool {
	if c.u.idx < 0 {
		return false
	}
	s := c.s
	for k := c.u.idx + 1; k < min(c.u.idx+4, len(s.toks)); k++ {
		if (s.is(k, lang.Source) || s.is(k, lang.Origin)) && s.isNum(k+1) && s.is(k+2, lang.NounState) {
			return true
		}
	}
	return false
}

// nationalities reports countries read right after an organisation's count
// that named the countries its observers come from: "аккредитовано 40
// наблюдателей из 19 стран. Больше всего – 6 – от Российской Федерации":
// the members' nationalities, not observers the countries sent.
func (d *doc) nationalities(si int, best *candidate) bool {
	if si > d.membersUntil {
		return false
	}
	for _, g := range best.groups {
		if g.kind != KindCountry {
			return false
		}
	}
	return true
}

// noteGroup remembers the group of the last fact, which a later "another 400
// observers" continues: one named group, not a list or a total.
func (d *doc) noteGroup(gs []group) {
	if len(gs) == 1 && gs[0].kind != KindAggregate {
		g := gs[0]
		d.lastGroup = &g
		return
	}
	d.lastGroup = nil
}

// ---- token predicates ------------------------------------------------------

func (s *sentence) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Low
}

// is reports whether token i exists and belongs to class c.
func (s *sentence) is(i int, c lang.Class) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Cls.Has(c)
}

// isPunct reports whether token i is the punctuation p ("–" for any dash).
func (s *sentence) isPunct(i int, p string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind == lang.Punct && s.toks[i].Low == p
}

func (s *sentence) isNum(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind == lang.Num && !s.inDate[i]
}

func (s *sentence) isPercent(i int) bool {
	return s.word(i+1) == "%" || s.is(i+1, lang.Percent)
}

// isRange reports whether the number is an end of a range ("50–60
// observers", "from 300 to 400", "от 300 до 400"): ranges are not counts.
func (s *sentence) isRange(i int) bool {
	rangeWord := func(k int) bool { return s.isPunct(k, "–") || s.isPunct(k, "-") || s.is(k, lang.RangeSep) }
	countsStates := func(k int) bool { // "двадцать два иностранных государства": the second number counts states
		for j := k + 1; j < min(k+4, len(s.toks)); j++ {
			if s.is(j, lang.NounState) || s.is(j, lang.NounOrg) {
				return true
			}
		}
		return false
	}
	if rangeWord(i+1) && s.isNum(i+2) && !countsStates(i+2) {
		return !s.is(i+1, lang.Conj) || s.is(i-1, lang.Between) || s.is(i-2, lang.Between)
	}
	if rangeWord(i-1) && s.isNum(i-2) && !countsStates(i) {
		return !s.is(i-1, lang.Conj) || s.is(i-3, lang.Between) || s.is(i-4, lang.Between)
	}
	return false
}

// isOrdinalOrLabel skips numbers that name rather than count: "No. 5",
// "Article 12", "polling station 123", "#3".
func (s *sentence) isOrdinalOrLabel(i int) bool {
	if s.word(i-1) == "№" || s.word(i-1) == "#" || s.is(i-1, lang.Label) || s.is(i-1, lang.LabelAfterArticle) && s.is(i-2, lang.Article) {
		return true
	}
	return s.word(i-1) == "." && s.is(i-2, lang.Label)
}

// qualifierBefore returns the qualifier written before token i and the
// index where the count phrase starts.
func (s *sentence) qualifierBefore(i int) (string, int) {
	// "ТюркПА — из девяти": the item's count, "of nine"
	if i >= 2 && s.is(i-1, lang.Source) && s.isPunct(i-2, "–") {
		return QualExact, i - 1
	}
	// "выросло до 430", "rose to 430": the count the number reached
	if i >= 2 && s.is(i-1, lang.RangeSep) && s.is(i-2, lang.RiseVerb) {
		return QualExact, i - 1
	}
	best, bestQual := 0, QualExact
	for _, q := range qualifierClasses {
		if n := s.lex.MatchEndingAt(q.class, s.toks, i); n > best {
			best, bestQual = n, q.qual
		}
	}
	if best > 0 {
		return bestQual, i - best
	}
	// "по два наблюдателя" distributes
	if s.is(i-1, lang.EachBefore) {
		return QualExact, i - 1
	}
	return QualExact, i
}

// qualifierAfter reads a qualifier written after the number, as Kazakh
// writes it: "400-дей" (an ending), "250-ге жуық", "1200-ден астам".
func (s *sentence) qualifierAfter(i int) string {
	switch {
	case s.is(i, lang.QualAboutSuffix) || s.is(i+1, lang.QualAboutAfter):
		return QualAbout
	case s.is(i+1, lang.QualAtLeastAfter):
		return QualAtLeast
	case s.is(i+1, lang.QualUpToAfter):
		return QualUpTo
	}
	return QualExact
}

var qualifierClasses = []struct {
	class lang.Class
	qual  string
}{{lang.QualAtLeast, QualAtLeast}, {lang.QualAbout, QualAbout}, {lang.QualUpTo, QualUpTo}}

// splitBefore reports whether a category-split phrase ("of them",
// "including", "из них") stands just before the count phrase, perhaps with
// a comma or an adjective between.
func (s *sentence) splitBefore(qstart int) bool {
	for back := 0; back <= 2; back++ {
		end := qstart - back
		if back >= 1 && s.word(end) != "," && !s.is(end, lang.StatusAdjective) {
			continue
		}
		if s.lex.MatchEndingAt(lang.Split, s.toks, end) > 0 {
			return true
		}
	}
	// "Из наблюдателей миссии СНГ 10 человек …": the group between the
	// split phrase and the count
	end := qstart
	for end > 0 && (s.mentAt[end-1] >= 0 || s.is(end-1, lang.MissionNoun)) {
		end--
	}
	return end < qstart && s.lex.MatchEndingAt(lang.Split, s.toks, end) > 0
}

// withdrawn reports whether the clause of the count speaks of withdrawn or
// revoked observers.
func (s *sentence) withdrawn(i, unit int) bool {
	from, to := s.clause(i)
	// the verb may follow the noun: "Аккредитация 3 (трех) наблюдателей аннулирована"
	to = max(to, min(unit+4, len(s.toks)))
	return s.hasIn(from, to, lang.Withdraw)
}

// clause returns the token range of the clause around token i, between
// commas, semicolons and sentence ends.
func (s *sentence) clause(i int) (int, int) {
	from := i
	for from > 0 {
		w := s.toks[from-1].Low
		if w == "," || w == ";" || w == "(" || w == ":" {
			break
		}
		from--
	}
	to := i + 1
	for to < len(s.toks) {
		w := s.toks[to].Low
		if w == "," || w == ";" || w == ")" || w == "(" || w == "." {
			break
		}
		to++
	}
	return from, to
}

// hasIn reports a token of class c (a word, or the start of a phrase) in [from,to).
func (s *sentence) hasIn(from, to int, c lang.Class) bool {
	if !s.present.Has(c) {
		return false
	}
	hasPhrases := s.lex.HasPhrases(c)
	for k := max(from, 0); k < to && k < len(s.toks); k++ {
		if s.toks[k].Cls.Has(c) {
			return true
		}
		if hasPhrases && s.toks[k].PCls.Has(c) {
			if n := s.lex.MatchAt(c, s.toks, k); n > 0 && k+n <= to {
				return true
			}
		}
	}
	return false
}

// continues reports a count that adds to one stated before: "another 400
// observers", "400 more observers", "In addition, 24 observers".
func (s *sentence) continues(qstart, unit int) bool {
	if s.is(qstart-1, lang.Continuation) || s.hasIn(qstart+1, unit, lang.Continuation) {
		return true
	}
	// "In addition, …" opening the sentence, with no other count before this one
	n := s.lex.MatchAt(lang.Continuation, s.toks, 0)
	if n == 0 || n > qstart {
		return false
	}
	for k := n; k < qstart; k++ {
		if s.isNum(k) {
			return false
		}
	}
	return true
}

// hasNumberOfWord reports "number of", "total", "число" before token i.
func (s *sentence) hasNumberOfWord(i int) bool {
	return s.hasIn(0, i, lang.NumberOfPhrase)
}

// hasDomestic reports a sentence that speaks of domestic observers.
func (s *sentence) hasDomestic() bool {
	return s.hasIn(0, len(s.toks), lang.DomesticCue)
}
