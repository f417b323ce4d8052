package facts

import (
	"strings"

	"github.com/obsfacts/obsfacts/extract/gazetteer"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// Group resolution: who a count belongs to, from a mention or a phrase.

type afterResult struct {
	groups    []group
	aggregate bool // an ORGS/STATES/ALL aggregate rather than named groups
	domestic  bool
}

type gazetteerEntity = gazetteer.Entity

func (d *doc) groupFromMention(s *sentence, m int) group {
	mt := s.ments[m]
	g := group{subject: collapseSpace(trimGroupText(s, mt.Text)), canon: mt.Entity.Canonical, kind: mt.Entity.Kind}
	if mt.Quality >= gazetteer.MatchFuzzy {
		g.code = mt.Entity.Code
	}
	if g.kind == "" {
		g.kind = KindOrganization
	}
	return g
}

// trimGroupText drops a leading article ("the CIS mission").
func trimGroupText(s *sentence, text string) string {
	text = strings.TrimSpace(text)
	if first, rest, ok := strings.Cut(text, " "); ok && s.lex.Is(lang.Article, lang.Lower(first)) {
		return rest
	}
	return text
}

func (d *doc) mentionGroups(s *sentence, ms []int) []group {
	gs := make([]group, 0, len(ms))
	for _, m := range ms {
		gs = append(gs, d.groupFromMention(s, m))
	}
	return gs
}

// trimRange drops function words and punctuation at both ends of [from,to).
func (s *sentence) trimRange(from, to int) (int, int) {
	edge := func(k int) bool {
		return (s.toks[k].Kind == lang.Punct || s.is(k, lang.FunctionWord)) && s.mentAt[k] < 0
	}
	for from < to && edge(from) {
		from++
	}
	for to > from && edge(to-1) {
		to--
	}
	return from, to
}

func (s *sentence) rangeText(from, to int) string {
	return collapseSpace(s.text[s.toks[from].Start:s.toks[to-1].End])
}

// groupFromRange resolves the phrase [from,to) to one group: an entity of
// the gazetteer, or a name that looks like an organisation's.
func (d *doc) groupFromRange(s *sentence, from, to int) (group, bool) {
	from, to = s.trimRange(from, to)
	if from >= to || s.genericGroup(from, to) {
		return group{}, false // "the Mission", "our group": a reference, resolved by coreference
	}
	for k := from; k < to; k++ {
		if s.is(k, lang.Domestic) && s.mentAt[k] < 0 {
			return group{}, false
		}
	}
	text := s.rangeText(from, to)
	m, single := s.singleMention(from, to)
	if single {
		g := d.groupFromMention(s, m)
		g.subject = text
		return g, true
	}
	if e, q := d.lookup(s, text); q >= gazetteer.MatchFuzzy || q == gazetteer.MatchWeak && s.looksLikeName(from, to) {
		g := group{subject: text, canon: e.Canonical, kind: e.Kind}
		if q >= gazetteer.MatchFuzzy {
			g.code = e.Code
		}
		if g.kind == "" {
			g.kind = KindOrganization
		}
		return g, true
	}
	if m == -2 || !s.looksLikeName(from, to) || s.hasIn(from, to, lang.UnitObserver) {
		// several names, not a name, or "Долгосрочные наблюдатели Миссии – 21 человек"
		return group{}, false
	}
	text = cleanName(s, text)
	return group{subject: text, canon: text, kind: KindOrganization}, true
}

// genericGroup reports a phrase made only of words that stand for a group
// named elsewhere: "Mission", "the Delegation", "our group".
func (s *sentence) genericGroup(from, to int) bool {
	for k := from; k < to; k++ {
		if s.mentAt[k] >= 0 || !(s.is(k, lang.MissionNoun) || s.is(k, lang.GroupSuffix) || s.is(k, lang.Pronoun) ||
			s.is(k, lang.FunctionWord) || s.is(k, lang.Modifier)) {
			return false
		}
	}
	return true
}

// singleMention reports whether one mention covers the phrase [from,to), up
// to suffixes like "Mission"; m is -2 when several mentions stand in it.
func (s *sentence) singleMention(from, to int) (m int, ok bool) {
	m, mentions, uncovered := -1, 0, 0
	for k := from; k < to; k++ {
		if mk := s.mentAt[k]; mk >= 0 {
			if mk != m {
				mentions++
			}
			m = mk
		} else if s.toks[k].Kind == lang.Word && !s.is(k, lang.GroupSuffix) && !s.is(k, lang.NameLower) && !s.is(k, lang.Institution) {
			uncovered++ // "Central Election Committee of Armenia" is Armenia's
		}
	}
	switch {
	case mentions > 1:
		return -2, false
	case mentions == 1 && uncovered == 0:
		return m, true
	}
	return -3, false
}

// cleanName drops what surrounds an organisation's name in a sentence: a
// leading "Bangkok-based" and a trailing "(ANFREL)".
func cleanName(s *sentence, text string) string {
	if f := strings.Fields(text); len(f) > 1 && hasModifierSuffix(s, f[0]) {
		text = strings.Join(f[1:], " ")
	}
	if i := strings.LastIndex(text, " ("); i > 0 {
		text = text[:i]
	}
	return strings.TrimRight(text, " (")
}

// hasModifierSuffix reports a word such as "Bangkok-based".
func hasModifierSuffix(s *sentence, w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && s.lex.Is(lang.ModifierSuffix, lang.Lower(w[i+1:]))
}

// looksLikeName accepts "Association of World Election Bodies" and rejects
// "In total" or "the number of accredited".
func (s *sentence) looksLikeName(from, to int) bool {
	if to-from > 12 || to <= from {
		return false
	}
	first := s.toks[from]
	if first.Kind == lang.Word && hasModifierSuffix(s, first.Text) && from+1 < to {
		first = s.toks[from+1]
	}
	if first.Kind != lang.Word || !lang.IsCapitalized(first.Text) || first.Is(lang.NameStop) {
		return false
	}
	for k := from; k < to; k++ {
		t := &s.toks[k]
		if t.Kind == lang.Num || t.Kind == lang.Other {
			return false
		}
		if t.Kind == lang.Word && !lang.IsCapitalized(t.Text) && !t.Is(lang.NameLower) && !t.Is(lang.GroupSuffix) && !hasModifierSuffix(s, t.Text) {
			return false
		}
	}
	return true
}

// ---- the group written after the counted noun -------------------------------

// groupAfter reads the group written after the counted noun: "observers of
// X", "observers from 10 international organizations", "наблюдателей от СНГ".
func (d *doc) groupAfter(si int, u unitInfo) (afterResult, Rule, bool) {
	s := &d.sents[si]
	k, prep := s.skipToGroup(u.idx)
	if prep < 0 && s.lex.Grammar(lang.GenitiveAfterNoun) {
		// "25 наблюдателей миссии СНГ", "шесть кандидатур представили иностранные государства"
		if r, rule, ok := d.genitiveGroup(s, k, u); ok {
			return r, rule, true
		}
	}
	if prep < 0 || k >= len(s.toks) || s.inDate[k] {
		return afterResult{}, RuleNone, false // "from November 1 to 7" is a period, not a group
	}
	// "each country": distributive over a list named before the count
	if (s.is(k, lang.NounState) || s.is(k, lang.ThemPronoun)) && s.is(k-1, lang.Each) {
		return afterResult{}, RuleNone, false
	}
	if r, ok := d.aggregateAfterPrep(s, k); ok {
		return r, RuleAggregate, true
	}
	k = s.skipMissionOf(s.skipInstitution(k))
	if r, rule, ok, done := d.mentionsAfter(s, k, u); done {
		return r, rule, ok
	}
	if r, rule, ok, done := d.unknownNameAfter(s, k, prep); done {
		return r, rule, ok
	}
	// "observers from political parties"
	if s.hasIn(k, min(k+4, len(s.toks)), lang.Domestic) {
		return afterResult{domestic: true}, RuleNone, true
	}
	return afterResult{}, RuleNone, false
}

// skipToGroup walks from the noun at idx over prepositions and fillers to
// where the group's name starts. prep is the token of the preposition that
// introduces the group, or -1.
func (s *sentence) skipToGroup(idx int) (k, prep int) {
	k, prep = idx+1, -1
	for steps := 0; k < len(s.toks) && steps < 8; steps++ {
		switch {
		case s.is(k, lang.GroupPrep) && !(s.is(k, lang.ByAgent) && !(k > idx+1 && s.is(k-1, lang.SenderVerb))):
			prep = k
		case prep >= 0 && (s.is(k, lang.PrepFiller) || s.is(k, lang.Each)):
		case s.word(k) == "\"" || s.word(k) == "”" || s.word(k) == "»":
			// "a delegation of around sixty parliamentarians" of the OSCE PA
		case prep < 0 && s.isFiller(k):
		case prep < 0 && s.is(k, lang.Conj) && s.is(k+1, lang.CoNoun):
			k++ // "30 long-term observers and experts from ODIHR"
		case prep < 0 && s.isPunct(k, "–") && (s.is(k+1, lang.Origin) || s.is(k+1, lang.Source)):
			// "6 наблюдателей – от Российской Федерации"
		case prep < 0 && s.is(k, lang.Destination) && k+1 < len(s.toks) && s.mentAt[k+1] >= 0 && s.is(k-1, lang.PassiveFill):
			k += s.mentionEnd(k+1) - (k + 1) // "направятся в Россию от ОИС": a destination, then the group
		case prep < 0 && s.lex.MatchAt(lang.GroupPrep, s.toks, k) > 1:
			n := s.lex.MatchAt(lang.GroupPrep, s.toks, k) // "в рамках Миссии", "on behalf of"
			prep = k + n - 1
			k += n - 1
		default:
			return k, prep
		}
		k++
	}
	return k, prep
}

// aggregateTail reports a list of names that goes on with an aggregate
// ("…, CIS, SCO, 24 foreign countries"): organisations and states together.
func (s *sentence) aggregateTail(end int) bool {
	if s.word(end) != "," && !s.is(end, lang.Conj) {
		return false
	}
	code, _, _, _ := s.readAggregate(end + 1)
	return code != ""
}

// opensItem reports a dash and a count at k: "Германия – 5".
func (s *sentence) opensItem(k int) bool {
	return s.isPunct(k, "–") && (s.isNum(k+1) || s.lex.MatchAt(lang.QualAbout, s.toks, k+1) > 0 && s.isNum(k+2))
}

// skipMissionOf moves k past "the mission of observers from" before a
// name: "Миссии наблюдателей от СНГ", "mission of observers of the SCO".
func (s *sentence) skipMissionOf(k int) int {
	if !s.is(k, lang.MissionNoun) || k+1 < len(s.toks) && s.mentAt[k] >= 0 {
		return k
	}
	j := k + 1
	if s.is(j, lang.UnitObserver) && (s.is(j+1, lang.Origin) || s.is(j+1, lang.Source) || s.is(j+1, lang.GroupPrep)) {
		return j + 2
	}
	if j < len(s.toks) && s.mentAt[j] >= 0 {
		return j // "миссии СНГ"
	}
	return k
}

// mentionStart returns the first token of the mention at token k.
func (s *sentence) mentionStart(k int) int {
	m := s.mentAt[k]
	for k > 0 && s.mentAt[k-1] == m {
		k--
	}
	return k
}

// mentionEnd returns the end of the mention at token k.
func (s *sentence) mentionEnd(k int) int {
	m := s.mentAt[k]
	for k < len(s.toks) && s.mentAt[k] == m {
		k++
	}
	return k
}

// isFiller reports a word between a noun and its group: "who were
// nominated", "412 observers, represent the CIS" (a comma before a verb, not
// before a new item: "14 наблюдателей, из Кыргызстана – семь").
func (s *sentence) isFiller(k int) bool {
	if (s.word(k) == "," || s.isPunct(k, "–")) && s.is(k+1, lang.CommaVerb) {
		return true
	}
	return s.is(k, lang.PassiveFill) && !lang.IsCapitalized(s.toks[k].Text)
}

// genitiveGroup reads a group in the genitive right after the noun, with no
// preposition, as Russian writes it.
func (d *doc) genitiveGroup(s *sentence, k int, u unitInfo) (afterResult, Rule, bool) {
	if k >= len(s.toks) || s.inDate[k] {
		return afterResult{}, RuleNone, false
	}
	j := s.skipMissionOf(k)
	if j == k && s.is(j, lang.GroupSuffix) {
		j++
	}
	for j < min(k+4, len(s.toks)) && s.mentAt[j] < 0 && s.is(j, lang.Institution) {
		j++ // "представителя избиркомов Грузии", "членов Центральной избирательной комиссии Беларуси"
	}
	if j < len(s.toks) && s.mentAt[j] >= 0 {
		end := j
		for end < len(s.toks) && (s.mentAt[end] >= 0 || s.toks[end].Low == "," || s.is(end, lang.Conj)) {
			end++
		}
		ms := s.listMentions(j, end)
		if len(ms) > 1 && (s.is(u.idx-2, lang.EachBefore) || s.distributive(u.idx-1, u.idx)) {
			return afterResult{groups: d.mentionGroups(s, ms)}, RuleDistributive, true
		}
		if len(ms) > 1 && distinctEntities(s, ms) > 1 {
			// "6 представителей Венгрии, Литвы и Украины": one count for them all
			return afterResult{groups: []group{d.mixedGroup(s, ms)}, aggregate: true}, RuleMixed, true
		}
		return afterResult{groups: []group{d.groupFromMention(s, s.mentAt[j])}}, RuleFrom, true
	}
	if ag, ok := d.aggregateAt(s, k); ok {
		return ag, RuleAggregate, true
	}
	return afterResult{}, RuleNone, false
}

// aggregateAfterPrep reads "(10) international organisations", "(31)
// foreign states", "11 countries and three international organizations",
// "the election commissions of foreign states" after a preposition.
func (d *doc) aggregateAfterPrep(s *sentence, k int) (afterResult, bool) {
	for j := k; j < min(k+5, len(s.toks)); j++ {
		if ag, ok := d.aggregateAt(s, j); ok {
			return ag, true
		}
		if !s.is(j, lang.Institution) && !s.is(j, lang.PrepFiller) {
			break
		}
	}
	return afterResult{}, false
}

// skipInstitution moves k past the institution that sent the entity that
// follows: "от избирательных органов Казахстана", "the embassies of".
func (s *sentence) skipInstitution(k int) int {
	for j := k; j < min(k+4, len(s.toks)); j++ {
		if s.mentAt[j] >= 0 {
			if j > k && s.institutionRun(k, j) {
				return j
			}
			return k
		}
	}
	return k
}

// institutionRun reports whether [from,to) holds only words naming an
// institution ("посольства", "ЦИК", "the election commissions of").
func (s *sentence) institutionRun(from, to int) bool {
	for k := from; k < to; k++ {
		if !s.is(k, lang.Institution) && !s.is(k, lang.PrepFiller) {
			return false
		}
	}
	return true
}

// mentionsAfter reads the entity, or the list of entities, at k. done is
// false when there is none, and the caller reads on.
func (d *doc) mentionsAfter(s *sentence, k int, u unitInfo) (r afterResult, rule Rule, ok, done bool) {
	end := s.listEnd(k)
	// "delegated by X, and Y is represented by …": the last conjunct opens a new clause
	if ms := s.listMentions(k, end); len(ms) > 1 && s.is(end, lang.ClauseVerb) {
		end = s.lastConjunct(k, end)
	}
	ms := s.listMentions(k, end)
	switch {
	case len(ms) > 1:
		// "по два наблюдателя от A и B", and with the noun left out "по одному от A и B"
		if s.distributive(u.idx-1, u.idx) || s.is(u.idx-2, lang.EachBefore) || s.is(u.idx-1, lang.EachBefore) {
			return afterResult{groups: d.mentionGroups(s, ms)}, RuleDistributive, true, true
		}
		g := d.mixedGroup(s, ms)
		if s.hasIn(0, u.idx, lang.AllTogether) || s.aggregateTail(end) {
			// "a total of 76 observers from the CIS, the SCO and the OTS",
			// "from the missions of PA OSCE, PACE, CIS, SCO, 24 foreign countries"
			g.code, g.canon, g.spans = CodeAll, canonAll, 0
		}
		return afterResult{groups: []group{g}, aggregate: true}, RuleMixed, true, true
	case len(ms) == 1 && s.demonymOfNoun(ms[0], end):
		return afterResult{}, RuleNone, false, true // "an observer of Tajik politics"
	case len(ms) == 1:
		// "observers from OSCE participating States" come from the states, not the organisation
		if s.is(end, lang.Participants) || s.is(end, lang.NounState) {
			return afterResult{}, RuleNone, false, true
		}
		return afterResult{groups: []group{d.groupFromMention(s, ms[0])}}, RuleFrom, true, true
	}
	return afterResult{}, RuleNone, false, false
}

// listEnd returns the end of the run of mentions, separators and group
// suffixes starting at k, without trailing separators.
func (s *sentence) listEnd(k int) int {
	sep := func(j int) bool { return s.toks[j].Low == "," || s.is(j, lang.Conj) || s.is(j, lang.Article) }
	end := k
	for end < len(s.toks) && (s.mentAt[end] >= 0 || sep(end) || s.toks[end].Low == "/" || s.is(end, lang.GroupSuffix) || s.is(end, lang.StateForm)) {
		if end > k && s.mentAt[end] >= 0 && s.mentAt[end-1] != s.mentAt[end] && s.opensItem(s.mentionEnd(end)) {
			break // "от Российской Федерации, Германия – 5": the next item of a list
		}
		end++
	}
	for end > k && sep(end-1) {
		end--
	}
	return end
}

// unknownNameAfter reads a name the gazetteer does not know, or knows only
// by a misspelling, at k.
func (d *doc) unknownNameAfter(s *sentence, k, prep int) (r afterResult, rule Rule, ok, done bool) {
	nameEnd := k
	for nameEnd < len(s.toks) && nameEnd < k+12 {
		t := &s.toks[nameEnd]
		if !s.inDate[nameEnd] && (t.Kind == lang.Word && (lang.IsCapitalized(t.Text) || t.Is(lang.NameLower)) || t.Text == "-" || t.Text == "/") {
			nameEnd++
			continue
		}
		break
	}
	for nameEnd > k && s.is(nameEnd-1, lang.NameLower) && !lang.IsCapitalized(s.toks[nameEnd-1].Text) {
		nameEnd--
	}
	if nameEnd <= k {
		return afterResult{}, RuleNone, false, false
	}
	if s.hasIn(k, nameEnd, lang.Domestic) {
		return afterResult{domestic: true}, RuleNone, true, true
	}
	g, found := d.groupFromRange(s, k, nameEnd)
	if !found {
		return afterResult{}, RuleNone, false, false
	}
	if g.kind == KindCountry && g.code != "" && g.code == d.hostCode() && !s.is(prep, lang.Source) {
		return afterResult{}, RuleNone, false, true
	}
	rule = RuleFrom
	if g.code == "" {
		rule = RuleFromName // an unknown name: a group named before the count wins
	}
	return afterResult{groups: []group{g}}, rule, true, true
}

// aggregateAt reads "(K) (international|foreign) organisations|states" at k.
func (d *doc) aggregateAt(s *sentence, k int) (afterResult, bool) {
	code, spans, subjFrom, next := s.readAggregate(k)
	if code == "" || s.statesOfOrganisation(next) {
		return afterResult{}, false
	}
	members := len(s.mentionsIn(subjFrom, next)) > 0
	// "11 countries and three international organizations": mixed, all observers
	if s.word(next) == "," || s.is(next, lang.Conj) {
		if code2, _, _, next2 := s.readAggregate(next + 1); code2 != "" && code2 != code {
			text := collapseSpace(s.text[s.toks[k].Start:s.toks[next2-1].End])
			return afterResult{groups: []group{allObservers(text)}, aggregate: true}, true
		}
	}
	g := group{subject: collapseSpace(s.text[s.toks[subjFrom].Start:s.toks[next-1].End]), code: code, kind: KindAggregate, spans: spans, memberStates: members}
	if code == CodeOrgs {
		g.canon = canonOrgs
	} else {
		g.canon = canonStates
	}
	return afterResult{groups: []group{g}, aggregate: true}, true
}

// readAggregate reads "(K) … organisations|states" at k: the code, the
// number of organisations or states, where the subject starts and the token
// after the noun.
func (s *sentence) readAggregate(k int) (code string, spans, subjFrom, next int) {
	subjFrom = k
	if s.isNum(k) {
		spans = s.toks[k].Num
		k++
		subjFrom = k
	}
	for j := k; j < len(s.toks) && j < k+4; j++ {
		switch {
		case s.is(j, lang.NounOrg):
			return CodeOrgs, spans, subjFrom, j + 1
		case s.is(j, lang.NounState):
			return CodeStates, spans, subjFrom, j + 1
		case s.lex.MatchAt(lang.NounState, s.toks, j) > 1: // "diplomatic corps"
			return CodeStates, spans, subjFrom, j + s.lex.MatchAt(lang.NounState, s.toks, j)
		case s.is(j, lang.ModAggregate) || s.is(j, lang.AggregateMod):
			continue
		case spans > 0 && s.mentAt[j] >= 0 && s.is(j+1, lang.Participants):
			j++ // "45 OSCE participating States": the states of an organisation
			continue
		}
		break
	}
	return "", 0, 0, k
}

// statesOfOrganisation reports "states participating in the OSCE",
// "государств – участников ОБСЕ", "государств Содружества" after the noun:
// the states of an organisation, whose observers are its mission.
func (s *sentence) statesOfOrganisation(next int) bool {
	switch {
	case s.isPunct(next, "–") && s.is(next+1, lang.Participants):
		return true
	case s.is(next, lang.Participants):
		return true
	case s.is(next, lang.PrepOf) && next+1 < len(s.toks) && s.mentAt[next+1] >= 0:
		return true
	case s.is(next, lang.PrepOf) && s.is(next+1, lang.Article) && next+2 < len(s.toks) && s.mentAt[next+2] >= 0:
		return true // "the missions of the CIS, the SCO"
	case next < len(s.toks) && s.mentAt[next] >= 0:
		return true
	}
	return false
}

// demonymOfNoun reports a country adjective ("Tajik", "Russian") that
// modifies the common noun after it, rather than naming observers' origin.
func (s *sentence) demonymOfNoun(m, next int) bool {
	mt := s.ments[m]
	if mt.Entity.Kind != KindCountry || strings.Contains(strings.ToLower(mt.Text), strings.ToLower(mt.Entity.Canonical)) {
		return false
	}
	if next >= len(s.toks) || s.toks[next].Kind != lang.Word || lang.IsCapitalized(s.toks[next].Text) {
		return false
	}
	t := &s.toks[next]
	return !t.Is(lang.GroupSuffix) && !t.Is(lang.FunctionWord) && !t.Is(lang.NameLower) && !t.Is(lang.PassiveFill) &&
		!t.Is(lang.Participle) && !t.Is(lang.StateForm) && !t.Is(lang.Institution) // "Венгерской республики" is Hungary
}
