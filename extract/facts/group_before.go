package facts

import (
	"github.com/obsfacts/obsfacts/extract/gazetteer"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// The group written before the count, as Russian and Kazakh word order puts
// it: "От МПА СНГ аккредитован 31 наблюдатель", "ПА ОБСЕ направила 35
// парламентариев", "Россию представляют 22 наблюдателя".
//
// Verbs of accrediting, recommending or registering in the active voice name
// the accreditor ("ЦИК аккредитовала 790 наблюдателей"), so they link a group
// only after a preposition of origin ("От МПА СНГ аккредитован 31
// наблюдатель"); verbs of sending, representing and comprising
// ([link_verb]) link the clause's subject.

// groupBefore reads the group written before the count: a mention after a
// preposition of origin, or the subject of a linking verb.
func (d *doc) groupBefore(si, i, qstart int, u unitInfo) ([]group, Rule, bool) {
	s := &d.sents[si]
	from := s.ownClauseStart(qstart)
	verb := s.hasIn(from, qstart, lang.LinkVerb) || s.linkVerbAfter(max(u.idx, i))
	cands := dropWholes(s, d.linkedMentions(s, from, qstart, verb))
	if len(cands) == 0 {
		return d.unnamedBefore(s, from, qstart, verb)
	}
	if len(cands) > 1 && s.distributive(i, max(u.idx, i)) {
		return d.mentionGroups(s, cands), RuleDistributive, true
	}
	if len(cands) > 1 {
		return []group{d.mixedGroup(s, cands)}, RuleMixed, true
	}
	// "от Межпарламентской Ассамблеи государств – участников СНГ": the whole
	// name, not the "СНГ" inside it
	if g, ok := d.wholeNameAfterOrigin(s, from, qstart, cands[0]); ok {
		return []group{g}, RuleSender, true
	}
	return []group{d.groupFromMention(s, cands[0])}, RuleSender, true
}

// linkedMentions lists the mentions of [from,qstart) that a preposition of
// origin or a linking verb ties to the count, skipping destinations
// ("направит в Россию") and the host country.
func (d *doc) linkedMentions(s *sentence, from, qstart int, verb bool) []int {
	var cands []int
	for k := from; k < qstart; k++ {
		m := s.mentAt[k]
		if m < 0 || (len(cands) > 0 && cands[len(cands)-1] == m) || s.is(s.mentionStart(k)-1, lang.Comitative) {
			continue // "вместе с ПА ОБСЕ": a partner
		}
		origin := s.is(k-1, lang.Origin) || s.is(k-1, lang.OriginLine) && s.is(k-2, lang.EachBefore)
		if !origin && (s.is(k-1, lang.Destination) || s.is(s.mentionEnd(k)-1, lang.DativeSuffix)) {
			continue // a destination: "направит в Россию", "Ташкентке жіберді"
		}
		// "От посольства США", "из ЦИК Казахстана": the preposition governs the institution
		for b := k - 2; b >= max(from, k-4); b-- {
			if s.is(b, lang.Origin) {
				if s.institutionRun(b+1, k) {
					origin = true
				}
				break
			}
		}
		if d.isHost(s.ments[m].Entity) && !origin {
			continue
		}
		if origin || verb {
			cands = append(cands, m)
		}
	}
	return cands
}

// unnamedBefore reads a group before the count that is no mention: an
// aggregate after a preposition of origin ("От международных организаций
// аккредитованы 410 наблюдателей"), a name the gazetteer does not know ("От
// Европейской сети организаций по наблюдению за выборами (ENEMO)
// аккредитованы 12"), or one it knows only by a misspelling.
func (d *doc) unnamedBefore(s *sentence, from, qstart int, verb bool) ([]group, Rule, bool) {
	if s.is(from, lang.Origin) {
		if ag, ok := d.aggregateAt(s, from+1); ok && len(ag.groups) == 1 {
			return ag.groups, RuleAggregate, true
		}
		end := from + 1
		for end < qstart && !s.is(end, lang.PassiveStatus) {
			end++
		}
		if end < qstart && end-from >= 2 && lang.IsCapitalized(s.toks[from+1].Text) {
			g, ok := d.groupFromRange(s, from+1, end)
			if ok || end-from <= 12 {
				if !ok {
					text := s.rangeText(from+1, end)
					g = group{subject: text, canon: text, kind: KindOrganization}
				}
				if g.code != d.hostCode() || g.code == "" {
					return []group{g}, RuleSender, true
				}
			}
		}
	}
	// "Шанхайская органзация сотрудничества направила 25"
	if verb {
		end := from
		for end < qstart && !s.is(end, lang.LinkVerb) {
			end++
		}
		if g, ok := d.groupFromRange(s, from, end); ok && g.code != "" && g.code != d.hostCode() {
			return []group{g}, RuleSender, true
		}
	}
	return nil, RuleNone, false
}

// wholeNameAfterOrigin reads the whole name after a preposition of origin
// when the gazetteer knows it as another entity than the mention inside it.
func (d *doc) wholeNameAfterOrigin(s *sentence, from, qstart, last int) (group, bool) {
	for k := from; k < qstart; k++ {
		if !s.is(k, lang.Origin) || k+1 >= qstart || s.mentAt[k+1] >= 0 {
			continue
		}
		end := k + 1
		for end < qstart && (s.mentAt[end] < 0 || s.mentAt[end] == last) && !s.is(end, lang.LinkVerb) && !s.is(end, lang.RunStatus) {
			end++
		}
		text := s.rangeText(k+1, end)
		if e, q := d.lookup(s, text); q >= gazetteer.MatchFuzzy && e.Code != "" && e.Code != s.ments[last].Entity.Code {
			return group{subject: text, code: e.Code, canon: e.Canonical, kind: e.Kind}, true
		}
	}
	return group{}, false
}

// ownClauseStart walks back from the count phrase at qstart to the start
// of the clause that is the count's own: a punctuation mark, another count,
// or a conjunction after another count ("15 наблюдателей от миссии СНГ и 6
// представителей …": what stands before "и" belongs to the count before it).
func (s *sentence) ownClauseStart(qstart int) int {
	from := qstart
	for from > 0 {
		w := s.toks[from-1].Low
		if w == "," || w == ";" || w == ":" || w == "«" || s.isNum(from-1) {
			break
		}
		if s.is(from-1, lang.Conj) && s.numberBefore(from-1) {
			break
		}
		from--
	}
	return from
}

// linkVerbAfter reports, in a language whose verb ends the clause, a
// linking verb after the count's noun at k and before the clause ends.
func (s *sentence) linkVerbAfter(k int) bool {
	if !s.lex.Grammar(lang.VerbFinal) {
		return false
	}
	for j := k + 1; j < len(s.toks); j++ {
		if w := s.toks[j].Low; w == "," || w == ";" || w == ":" || w == "." || s.isNum(j) {
			return false
		}
		if s.is(j, lang.LinkVerb) {
			return true
		}
	}
	return false
}

// numberBefore reports a count in the clause before token k.
func (s *sentence) numberBefore(k int) bool {
	for j := k - 1; j >= 0; j-- {
		if w := s.toks[j].Low; w == "," || w == ";" || w == ":" {
			return false
		}
		if s.isNum(j) {
			return true
		}
	}
	return false
}
