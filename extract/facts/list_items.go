package facts

import (
	"strings"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// List items: "X – N", "X: N", "X (N)", dotted table rows, distributive
// lists ("A, B and C – two observers from each country") and joint missions.

// listMentions returns the mentions of [from,to) when the phrase is a
// coordinated list of entities ("Great Britain, Iraq, Italy and Finland").
func (s *sentence) listMentions(from, to int) []int {
	from, to = s.trimRange(from, to)
	var ms []int
	sep := true
	for k := from; k < to; k++ {
		if m := s.mentAt[k]; m >= 0 {
			switch {
			case len(ms) > 0 && ms[len(ms)-1] == m:
			case len(ms) > 0 && !sep:
				// "the OSCE's Office for Democratic Institutions": one group, the later name
				ms[len(ms)-1] = m
			default:
				ms = append(ms, m)
			}
			sep = false
			continue
		}
		if s.isListSep(k) {
			sep = true
			continue
		}
		if s.is(k, lang.FunctionWord) || s.is(k, lang.GroupSuffix) || s.is(k, lang.StateForm) {
			continue // "Королевства Таиланд", "the Republic of Korea"
		}
		return nil
	}
	return dropWholes(s, ms)
}

// dropWholes drops from a list of mentions an organisation whose part is
// named beside it: "the Office for Democratic Institutions and Human Rights
// (ODIHR) of the Organization for Security and Co-operation in Europe
// (OSCE)" names ODIHR.
func dropWholes(s *sentence, ms []int) []int {
	if len(ms) < 2 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		whole := false
		for _, o := range ms {
			if gaz := s.gaz; gaz != nil && gaz.PartOf(s.ments[o].Entity.Code, s.ments[m].Entity.Code) {
				whole = true
			}
		}
		if !whole {
			out = append(out, m)
		}
	}
	return out
}

// isListSep reports a separator of list members: a comma, a slash, "and".
func (s *sentence) isListSep(k int) bool {
	w := s.toks[k].Low
	return w == "," || w == "&" || w == "/" || s.is(k, lang.Conj)
}

// boundaryBack walks back from token i to the start of the phrase that
// names the group of a dash item.
func (s *sentence) boundaryBack(i int) int {
	k := i
	for k > 0 {
		if s.isNum(k - 1) {
			return s.afterItemUnit(k, i)
		}
		switch s.toks[k-1].Low {
		case ";", ":", "(", "«", "\"":
			return k
		}
		if s.is(k-1, lang.ListIntro) {
			return k
		}
		k--
	}
	return k
}

// afterItemUnit skips the unit of the item before ("… – 22 observers and
// the CSTO PA – 11"): it names no part of the next item's group.
func (s *sentence) afterItemUnit(k, end int) int {
	if k+1 < end && s.is(k, lang.UnitObserver) && (s.isListSep(k+1) || s.toks[k+1].Low == ";") {
		return k + 2
	}
	return k
}

// lastPart returns the last comma-separated part of [from,to).
func (s *sentence) lastPart(from, to int) int {
	for k := to - 1; k > from; k-- {
		if s.toks[k].Low == "," || s.toks[k].Low == ";" {
			return k + 1
		}
	}
	return from
}

// distributive reports whether the count is stated per member of a list:
// "two observers from each country", "one observer each", "по два".
func (s *sentence) distributive(i, unit int) bool {
	if s.is(i-1, lang.EachBefore) {
		return true
	}
	end := min(len(s.toks), unit+6)
	for k := unit + 1; k < end; k++ {
		if s.is(k, lang.Each) {
			return true
		}
		if w := s.toks[k].Low; w == ";" || w == "." || (w == "," && k > unit+1) {
			break
		}
	}
	return false
}

// dashGroup handles "X – N observers", "A, B and C – two observers from
// each country" and "X: N observers".
func (d *doc) dashGroup(si, i, qstart int, u unitInfo) ([]group, Rule, bool) {
	s := &d.sents[si]
	p := qstart - 1
	// "the CIS Executive Committee (142 observers)"
	paren := p >= 1 && s.toks[p].Low == "(" && u.idx >= 0 && s.word(u.idx+1) == ")"
	if p < 1 || (!s.isPunct(p, "–") && s.toks[p].Low != ":" && !paren) {
		return nil, RuleNone, false
	}
	from := s.boundaryBack(p)
	if paren {
		from = s.lastPart(from, p)
	}
	if s.distributive(i, max(u.idx, i)) {
		ms := s.listMentions(s.lastListStart(from, p), p)
		if len(ms) == 0 {
			ms = s.mentionsIn(from, p)
		}
		if len(ms) >= 1 {
			return d.mentionGroups(s, ms), RuleDistributive, true
		}
	}
	if s.isDateline(p) {
		return nil, RuleNone, false
	}
	part := s.lastPart(from, p)
	for k := part; k < p; k++ {
		if s.is(k, lang.Domestic) && s.mentAt[k] < 0 {
			return nil, RuleNone, false // "civil society organizations (2,100 persons)"
		}
	}
	g, ok := d.itemGroup(s, part, p)
	if !ok || s.toks[p].Low == ":" && (g.code == "" || g.code == d.hostCode() || s.hasIn(part, p, lang.Commission)) {
		// "CEC: 465 international observers accredited" names a source, not a group
		return nil, RuleNone, false
	}
	return []group{g}, RuleDashItem, true
}

// itemGroup resolves the name before a dash or parenthesis of a list item.
// A clean name resolves whole ("EU Delegation to Kazakhstan"); otherwise the
// entity written right before the dash is the group ("followed by
// Kazakhstan – 23", "most come from Russia (14)").
func (d *doc) itemGroup(s *sentence, from, p int) (group, bool) {
	if g, ok := d.groupFromRange(s, from, p); ok {
		return g, true
	}
	q := p - 1
	if q > 0 && s.toks[q].Low == ")" {
		q-- // "Парламентская ассамблея тюркоязычных стран (ТюркПА) – 6"
	}
	if q >= 0 {
		if m := s.mentAt[q]; m >= 0 {
			return d.groupFromMention(s, m), true
		}
	}
	// "those of foreign states – 526", "international organisations – 386"
	for k := from; k < p; k++ {
		if ag, ok := d.aggregateAt(s, k); ok && len(ag.groups) == 1 {
			return ag.groups[0], true
		}
	}
	// "The CIS observer mission will be the largest: about 400 people"
	if ms := s.mentionsIn(from, p); len(ms) == 1 {
		return d.groupFromMention(s, ms[0]), true
	}
	return group{}, false
}

// isDateline reports whether the dash at p ends a dateline ("NUR-SULTAN –",
// "MINSK, 19 February (BelTA) –") rather than a list item's name.
func (s *sentence) isDateline(p int) bool {
	if p > 12 {
		return false
	}
	marker := false
	for k := 0; k < p; k++ {
		t := &s.toks[k]
		if s.inDate[k] || t.Low == "(" || t.Low == ")" {
			marker = true
			continue
		}
		if t.Kind != lang.Word {
			continue
		}
		if !lang.IsCapitalized(t.Text) {
			return false
		}
		if s.mentAt[k] < 0 && len(t.Text) >= 4 && t.Text == strings.ToUpper(t.Text) {
			marker = true
		}
	}
	return marker
}

// listItem handles an item of a list whose unit was stated once before it:
// "322 observers from 10 international organisations: CIS IPA – 48; CIS
// Executive Committee – 179; …" and "the CIS mission (300)".
func (d *doc) listItem(si, i, qstart int) ([]group, Rule, bool) {
	s := &d.sents[si]
	p := qstart - 1
	if p < 1 {
		return nil, RuleNone, false
	}
	// "the CIS — by 151", "the OIC by eleven": the verb of the first item is left out
	if s.is(p, lang.ByAgent) && s.hasIn(0, p, lang.RepresentedBy) {
		if p > 1 && s.isPunct(p-1, "–") {
			p--
		} else {
			g, ok := d.itemGroup(s, s.lastPart(s.boundaryBack(p), p), p)
			if !ok {
				return nil, RuleNone, false
			}
			return []group{g}, RuleListItem, true
		}
	}
	open := s.toks[p].Low
	if !s.isPunct(p, "–") && open != ":" && open != "(" {
		return nil, RuleNone, false
	}
	if s.isDateline(p) {
		return nil, RuleNone, false
	}
	// "Венгрия, Германия, Польша – по 3"
	if s.is(i-1, lang.EachBefore) {
		if ms := s.listMentions(s.lastListStart(0, p), p); len(ms) > 1 {
			return d.mentionGroups(s, ms), RuleDistributive, true
		}
	}
	if !s.closesItem(i+1, open == "(") {
		return nil, RuleNone, false
	}
	// the unit must have been stated earlier in the sentence or the list head
	if !d.listContext(si, p) {
		return nil, RuleNone, false
	}
	from := s.boundaryBack(p)
	if open == "(" {
		from = s.lastPart(from, p)
	}
	g, ok := d.itemGroup(s, s.lastPart(from, p), p)
	if ok && open == ":" && g.code == "" {
		return nil, RuleNone, false // "Просмотров: 1 930", "Views: 412"
	}
	if !ok {
		// "X has the largest number of accredited observers — 217"
		if ms := s.mentionsIn(from, p); len(ms) == 1 {
			return []group{d.groupFromMention(s, ms[0])}, RuleListItem, true
		}
		return nil, RuleNone, false
	}
	return []group{g}, RuleListItem, true
}

// closesItem reports whether token k ends a list item's count: the end of
// the sentence, a separator, a closing bracket or quote.
func (s *sentence) closesItem(k int, paren bool) bool {
	if paren {
		return s.word(k) == ")"
	}
	switch s.word(k) {
	case "", ";", ",", ".", ")", "(", "»", "\"", "”":
		return true
	}
	return s.is(k, lang.Conj)
}

// mentionsIn lists the distinct mentions within [from,to).
func (s *sentence) mentionsIn(from, to int) []int {
	var ms []int
	for k := from; k < to; k++ {
		if m := s.mentAt[k]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// lastListStart finds where the list ending at j starts.
func (s *sentence) lastListStart(from, j int) int {
	k := j
	for k > from {
		if s.mentAt[k-1] >= 0 || s.toks[k-1].Low == "," || s.is(k-1, lang.Conj) || s.is(k-1, lang.Article) || s.is(k-1, lang.StateForm) {
			k--
			continue
		}
		break
	}
	return k
}

// lastConjunct returns where the last ", and X" / "and X" of [from,to) starts.
func (s *sentence) lastConjunct(from, to int) int {
	for k := to - 1; k > from; k-- {
		if s.is(k, lang.Conj) {
			if s.toks[k-1].Low == "," {
				return k - 1
			}
			return k
		}
	}
	return to
}

// jointMission reads "the joint mission of A, B and C" in [from,to): one
// count for several organisations together, an ORGS aggregate.
func (s *sentence) jointMission(d *doc, from, to int) (group, bool) {
	for k := from; k+1 < to; k++ {
		if s.is(k, lang.Joint) && s.is(k+1, lang.MissionNoun) {
			ms := s.mentionsIn(k+2, to)
			if distinctEntities(s, ms) >= 2 {
				return d.mixedGroup(s, ms), true
			}
		}
	}
	return group{}, false
}
