package facts

import "strings"

// List items: "X – N", "X: N", "X (N)", dotted table rows, distributive
// lists ("A, B and C – two observers from each country") and joint missions.

// listMentions returns the mentions of [from,to) when the phrase is a
// coordinated list of entities ("Great Britain, Iraq, Italy and Finland").
func (s *analysed) listMentions(from, to int) []int {
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
		if w := s.toks[k].low; w == "," || w == "and" || w == "и" || w == "&" || w == "/" {
			sep = true
		}
		w := s.toks[k].low
		if w == "," || w == "and" || w == "и" || w == "&" || functionWords[w] || groupSuffixes[w] || w == "/" {
			continue
		}
		return nil
	}
	return ms
}

// boundaryBack walks back from token i to the start of the phrase that
// names the group of a dash item.
func (s *analysed) boundaryBack(i int) int {
	k := i
	for k > 0 {
		t := s.toks[k-1]
		if t.kind == tNum && !s.inDate[k-1] {
			break
		}
		switch t.low {
		case ";", ":", "(", "«", "\"", "including", "includes", "include", "namely", "incl", "among",
			"while", "whereas", "включая", "числе", "а", "представлены", "are", "is", "were", "was":
			return k
		}
		k--
	}
	return k
}

// lastPart returns the last comma-separated part of [from,to).
func (s *analysed) lastPart(from, to int) int {
	for k := to - 1; k > from; k-- {
		if s.toks[k].low == "," || s.toks[k].low == ";" {
			return k + 1
		}
	}
	return from
}

// distributive reports whether the count is stated per member of a list:
// "two observers from each country", "one observer each", "по два".
func (s *analysed) distributive(i, unit int) bool {
	if s.word(i-1) == "по" {
		return true
	}
	end := min(len(s.toks), unit+6)
	for k := unit + 1; k < end; k++ {
		w := s.toks[k].low
		if w == "each" || w == "apiece" || strings.HasPrefix(w, "кажд") {
			return true
		}
		if w == ";" || w == "." || (w == "," && k > unit+1) {
			break
		}
	}
	return false
}

// dashGroup handles "X – N observers", "A, B and C – two observers from
// each country" and "X: N observers".
func (d *doc) dashGroup(si, i, qstart int, u unitInfo) ([]group, string, bool) {
	s := &d.sents[si]
	p := qstart - 1
	// "the CIS Executive Committee (142 observers)"
	paren := p >= 1 && s.toks[p].low == "(" && u.idx >= 0 && s.word(u.idx+1) == ")"
	if p < 1 || (s.toks[p].low != "–" && s.toks[p].low != ":" && !paren) {
		return nil, "", false
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
			return d.mentionGroups(s, ms), "distributive", true
		}
	}
	if s.isDateline(p) {
		return nil, "", false
	}
	for k := s.lastPart(from, p); k < p; k++ {
		if w := s.toks[k].low; (domesticEN[w] || hasStem(w, domesticStemRU)) && s.mentAt[k] < 0 {
			return nil, "", false // "civil society organizations (2,100 persons)"
		}
	}
	g, ok := d.itemGroup(s, s.lastPart(from, p), p)
	if !ok || s.toks[p].low == ":" && (g.code == "" || g.code == d.host || s.hasStemIn(s.lastPart(from, p), p, []string{"cec", "цик", "commission", "комисси"})) {
		// "CEC: 465 international observers accredited" names a source, not a group
		return nil, "", false
	}
	return []group{g}, "dash_item", true
}

// itemGroup resolves the name before a dash or parenthesis of a list item.
// A clean name resolves whole ("EU Delegation to Kazakhstan"); otherwise the
// entity written right before the dash is the group ("followed by
// Kazakhstan – 23", "most come from Russia (14)").
func (d *doc) itemGroup(s *analysed, from, p int) (group, bool) {
	if g, ok := d.groupFromRange(s, from, p); ok {
		return g, true
	}
	q := p - 1
	if q > 0 && s.toks[q].low == ")" {
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
func (s *analysed) isDateline(p int) bool {
	if p > 12 {
		return false
	}
	marker := false
	for k := 0; k < p; k++ {
		t := s.toks[k]
		if s.inDate[k] || t.low == "(" || t.low == ")" {
			marker = true
			continue
		}
		if t.kind != tWord {
			continue
		}
		if !isCapitalized(t.text) {
			return false
		}
		if s.mentAt[k] < 0 && len(t.text) >= 4 && t.text == strings.ToUpper(t.text) {
			marker = true
		}
	}
	return marker
}

func (d *doc) mentionGroups(s *analysed, ms []int) []group {
	gs := make([]group, 0, len(ms))
	for _, m := range ms {
		gs = append(gs, d.groupFromMention(s, m))
	}
	return gs
}

// listItem handles an item of a list whose unit was stated once before it:
// "322 observers from 10 international organisations: CIS IPA – 48; CIS
// Executive Committee – 179; …" and "the CIS mission (300)".
func (d *doc) listItem(si, i, qstart int) ([]group, string, bool) {
	s := &d.sents[si]
	p := qstart - 1
	if p < 1 {
		return nil, "", false
	}
	// "the CIS — by 151", "the OIC by eleven": the verb of the first item is left out
	if s.toks[p].low == "by" && s.hasStemBefore(p, []string{"represented", "представлен"}) {
		if p > 1 && s.toks[p-1].low == "–" {
			p--
		} else {
			g, ok := d.itemGroup(s, s.lastPart(s.boundaryBack(p), p), p)
			if !ok {
				return nil, "", false
			}
			return []group{g}, "list_item", true
		}
	}
	open := s.toks[p].low
	if open != "–" && open != ":" && open != "(" {
		return nil, "", false
	}
	if s.isDateline(p) {
		return nil, "", false
	}
	// "Венгрия, Германия, Польша – по 3"
	if s.word(i-1) == "по" {
		if ms := s.listMentions(s.lastListStart(0, p), p); len(ms) > 1 {
			return d.mentionGroups(s, ms), "distributive", true
		}
	}
	next := s.word(i + 1)
	if open == "(" && next != ")" {
		return nil, "", false
	}
	if open != "(" && !(next == "" || next == ";" || next == "," || next == "." || next == "and" || next == "и" || next == ")" || next == "(" ||
		next == "»" || next == "\"" || next == "”") {
		return nil, "", false
	}
	// the unit must have been stated earlier in the sentence or the list head
	if !d.listContext(si, p) {
		return nil, "", false
	}
	from := s.boundaryBack(p)
	if open == "(" {
		from = s.lastPart(from, p)
	}
	g, ok := d.itemGroup(s, s.lastPart(from, p), p)
	if ok && open == ":" && g.code == "" {
		return nil, "", false // "Просмотров: 1 930", "Views: 412"
	}
	if !ok {
		// "X has the largest number of accredited observers — 217"
		if ms := s.mentionsIn(from, p); len(ms) == 1 {
			return []group{d.groupFromMention(s, ms[0])}, "list_item", true
		}
		return nil, "", false
	}
	return []group{g}, "list_item", true
}

// mentionsIn lists the distinct mentions within [from,to).
func (s *analysed) mentionsIn(from, to int) []int {
	var ms []int
	for k := from; k < to; k++ {
		if m := s.mentAt[k]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) {
			ms = append(ms, m)
		}
	}
	return ms
}

func (s *analysed) hasStemBefore(i int, stems []string) bool {
	for k := 0; k < i; k++ {
		if hasStem(s.toks[k].low, stems) {
			return true
		}
	}
	return false
}

// lastListStart finds where the list ending at j starts.
func (s *analysed) lastListStart(from, j int) int {
	k := j
	for k > from {
		w := s.toks[k-1].low
		if s.mentAt[k-1] >= 0 || w == "," || w == "and" || w == "и" || w == "the" {
			k--
			continue
		}
		break
	}
	return k
}

// endsClause reports a verb that starts a new clause after a list.
func endsClause(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "will", "sent", "delegated", "also", "would":
		return true
	}
	return false
}

// lastConjunct returns where the last ", and X" / "and X" of [from,to) starts.
func (s *analysed) lastConjunct(from, to int) int {
	for k := to - 1; k > from; k-- {
		if s.toks[k].low == "and" || s.toks[k].low == "и" {
			if s.toks[k-1].low == "," {
				return k - 1
			}
			return k
		}
	}
	return to
}

// jointMission reads "the joint mission of A, B and C" in [from,to): one
// count for several organisations together, an ORGS aggregate.
func (s *analysed) jointMission(d *doc, from, to int) (group, bool) {
	for k := from; k+1 < to; k++ {
		if (s.toks[k].low == "joint" || strings.HasPrefix(s.toks[k].low, "совместн")) &&
			(s.toks[k+1].low == "mission" || strings.HasPrefix(s.toks[k+1].low, "мисси")) {
			var ms []int
			for j := k + 2; j < to; j++ {
				if m := s.mentAt[j]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) {
					ms = append(ms, m)
				}
			}
			if distinctEntities(s, ms) >= 2 {
				return d.mixedGroup(s, ms), true
			}
		}
	}
	return group{}, false
}

// hasStemIn reports a word with one of the stems in [from,to).
func (s *analysed) hasStemIn(from, to int, stems []string) bool {
	for k := from; k < to; k++ {
		if hasStem(s.toks[k].low, stems) {
			return true
		}
	}
	return false
}
