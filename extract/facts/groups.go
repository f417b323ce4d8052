package facts

import (
	"strings"

	"github.com/obsfacts/obsfacts/extract/gazetteer"
)

// Group resolution: who a count belongs to.

// functionWords are trimmed from the edges of a group phrase.
var functionWords = set("the", "and", "as", "well", "also", "a", "an", "both", "from", "of", "by", "while",
	"whereas", "with", "plus", "including", "namely", "such", "incl", "its", "their", "them", "those", "among", "that", "followed", "then", "next", "another", "other", "среди", "них", "ещё", "еще", "и", "а", "также",
	"от", "из", "со", "стороны", "в", "том", "числе", "включая", "кроме", "того", "тогда", "как", "but", "or")

// nameStops are capitalised words that start sentences, not names.
var nameStops = set("in", "on", "at", "for", "by", "from", "to", "with", "all", "total", "this", "that",
	"these", "those", "it", "they", "we", "he", "she", "according", "also", "however", "meanwhile", "overall",
	"altogether", "there", "here", "since", "after", "before", "during", "today", "so", "thus", "earlier",
	"всего", "итого", "из", "в", "на", "по", "также", "кроме", "при", "это", "они", "мы", "он", "она", "как",
	"так", "сегодня", "ранее", "среди", "для", "until", "as", "each", "every", "other", "others", "some",
	"many", "most", "more", "only", "observers", "observer", "наблюдатели", "наблюдателей", "referendum",
	"elections", "election", "vote", "voting", "polls", "majilis", "mazhilis", "parliament", "update", "breaking",
	"cec", "цик", "read", "see", "читайте", "смотрите",
	"референдум", "выборы", "голосование")

// groupSuffixes may follow a group name without changing the group.
var groupSuffixes = set("mission", "missions", "delegation", "delegations", "observers", "observer",
	"team", "group", "secretariat", "representatives", "миссия", "миссии", "делегация", "делегации",
	"наблюдатели", "наблюдателей", "группа", "группы")

// lowerNameWords may appear in lower case inside an organisation's name.
var lowerNameWords = set("of", "the", "and", "for", "on", "in", "to", "de", "at", "member", "states",
	"countries", "speaking", "turkic-speaking", "mission", "delegation", "observation", "observer",
	"и", "по", "при", "в", "на", "за", "для", "стран", "государств", "-")

type afterResult struct {
	groups    []group
	aggregate bool // an ORGS/STATES/ALL aggregate rather than named groups
	domestic  bool
}

func (d *doc) groupFromMention(s *analysed, m int) group {
	mt := s.ments[m]
	g := group{subject: collapseSpace(trimGroupText(mt.Text)), canon: mt.Entity.Canonical, kind: mt.Entity.Kind}
	if mt.Quality >= gazetteer.MatchFuzzy {
		g.code = mt.Entity.Code
	}
	if g.kind == "" {
		g.kind = KindOrganization
	}
	return g
}

func trimGroupText(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// trimRange drops function words and punctuation at both ends of [from,to).
func (s *analysed) trimRange(from, to int) (int, int) {
	for from < to && (s.toks[from].kind == tPunct || functionWords[s.toks[from].low]) && s.mentAt[from] < 0 {
		from++
	}
	for to > from && (s.toks[to-1].kind == tPunct || functionWords[s.toks[to-1].low]) && s.mentAt[to-1] < 0 {
		to--
	}
	return from, to
}

func (s *analysed) rangeText(from, to int) string {
	return collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end])
}

// groupFromRange resolves the phrase [from,to) to one group: an entity of
// the gazetteer, or a name that looks like an organisation's.
func (d *doc) groupFromRange(s *analysed, from, to int) (group, bool) {
	from, to = s.trimRange(from, to)
	if from >= to {
		return group{}, false
	}
	for k := from; k < to; k++ {
		if s.toks[k].kind == tWord && (domesticEN[s.toks[k].low] || hasStem(s.toks[k].low, domesticStemRU)) && s.mentAt[k] < 0 {
			return group{}, false
		}
	}
	// one mention covering the phrase, up to suffixes like "Mission"
	m, mentions, uncovered := -1, 0, 0
	for k := from; k < to; k++ {
		if mk := s.mentAt[k]; mk >= 0 {
			if mk != m {
				mentions++
			}
			m = mk
		} else if !groupSuffixes[s.toks[k].low] && s.toks[k].kind == tWord && !lowerNameWords[s.toks[k].low] {
			uncovered++
		}
	}
	if mentions != 1 || uncovered > 0 {
		if mentions > 1 {
			m = -2
		} else {
			m = -3
		}
	}
	text := s.rangeText(from, to)
	if m >= 0 {
		g := d.groupFromMention(s, m)
		g.subject = text
		return g, true
	}
	if e, q := d.x.gaz.Lookup(text); q >= gazetteer.MatchFuzzy || q == gazetteer.MatchWeak && s.looksLikeName(from, to) {
		g := group{subject: text, canon: e.Canonical, kind: e.Kind}
		if q >= gazetteer.MatchFuzzy {
			g.code = e.Code
		}
		if g.kind == "" {
			g.kind = KindOrganization
		}
		return g, true
	}
	if m == -2 {
		return group{}, false
	}
	if !s.looksLikeName(from, to) {
		return group{}, false
	}
	for k := from; k < to; k++ {
		if isObserverNoun(s.toks[k].low) {
			return group{}, false // "Долгосрочные наблюдатели Миссии – 21 человек"
		}
	}
	text = cleanName(text)
	return group{subject: text, canon: text, kind: KindOrganization}, true
}

// cleanName drops what surrounds an organisation's name in a sentence: a
// leading "Bangkok-based" and a trailing "(ANFREL)".
func cleanName(text string) string {
	if f := strings.Fields(text); len(f) > 1 && strings.Contains(strings.ToLower(f[0]), "-based") {
		text = strings.Join(f[1:], " ")
	}
	if i := strings.LastIndex(text, " ("); i > 0 {
		text = text[:i]
	}
	return strings.TrimRight(text, " (")
}

// looksLikeName accepts "Association of World Election Bodies" and rejects
// "In total" or "the number of accredited".
func (s *analysed) looksLikeName(from, to int) bool {
	if to-from > 12 || to <= from {
		return false
	}
	first := s.toks[from]
	if first.kind == tWord && strings.HasSuffix(first.low, "-based") && from+1 < to {
		first = s.toks[from+1]
	}
	if first.kind != tWord || !isCapitalized(first.text) || nameStops[first.low] {
		return false
	}
	for k := from; k < to; k++ {
		t := s.toks[k]
		if t.kind == tNum || t.kind == tOther {
			return false
		}
		if t.kind == tWord && !isCapitalized(t.text) && !lowerNameWords[t.low] && !groupSuffixes[t.low] && !strings.HasSuffix(t.low, "-based") {
			return false
		}
	}
	return true
}

// passiveFiller may stand between a counted noun and the preposition that
// introduces its group: "24 candidates were nominated from 14 states".
var passiveFiller = set("who", "which", "that", "were", "are", "have", "has", "been", "being", "will", "be",
	"had", "is", "was", "currently", "already", "so", "far", "officially", "recently", "nominated",
	"accredited", "sent", "invited", "registered", "recommended", "arrived", "coming", "come", "came",
	"proposed", "delegated", "arriving", "expected", "to", "arrive", "also", "more", "today", "each",
	"representing", "represent", "represents", "selected", "appointed", "dispatched", "deployed",
	"прибыли", "прибудут", "приедут", "аккредитованы", "зарегистрированы", "направлены", "представляющих",
	"представляют", "представляет", "являются", "будут", "из", "числа")

var groupPrepositions = set("from", "of", "representing", "represent", "represents", "by", "on", "behalf", "with",
	"от", "из", "представляющих", "представляют", "представляет", "со", "стороны", "within", "in")

// groupAfter reads the group written after the counted noun: "observers of
// X", "observers from 10 international organizations", "наблюдателей от СНГ".
func (d *doc) groupAfter(si int, u unitInfo) (afterResult, string, bool) {
	s := &d.sents[si]
	k := u.idx + 1
	sawPrep := false
	prep := ""
	for steps := 0; k < len(s.toks) && steps < 8; steps++ {
		w := s.toks[k].low
		if groupPrepositions[w] && (w != "by" || k > u.idx+1 && senderVerbsEN[s.word(k-1)]) && (w != "in" || prep == "") {
			if w == "in" {
				// "observers in the CIS mission" names the group; "observers in Astana" does not
				break
			}
			sawPrep = true
			prep = w
			k++
			continue
		}
		if sawPrep && (w == "the" || w == "each" || w == "of") {
			k++
			continue
		}
		// "412 observers, represent the CIS": a comma before a verb, not before a new item ("14 наблюдателей, из Кыргызстана – семь")
		if w == "\"" || w == "”" || w == "»" {
			k++ // "a delegation of around sixty parliamentarians" of the OSCE PA
			continue
		}
		commaVerb := (w == "," || w == "–") && (strings.HasPrefix(s.word(k+1), "represent") || s.word(k+1) == "who" || s.word(k+1) == "which" ||
			s.word(k+1) == "sent" || s.word(k+1) == "delegated" || strings.HasPrefix(s.word(k+1), "представля"))
		if !sawPrep && (passiveFiller[w] || commaVerb || hasStem(w, ruFillerStems) && s.toks[k].kind == tWord && !isCapitalized(s.toks[k].text)) {
			k++
			continue
		}
		break
	}
	// Russian genitive with no preposition: "25 наблюдателей миссии СНГ",
	// "шесть кандидатур представили иностранные государства"
	if !sawPrep && k < len(s.toks) && !s.inDate[k] {
		j := k
		if groupSuffixes[s.word(j)] || hasStem(s.word(j), []string{"мисси", "делегац"}) {
			j++
		}
		for j < min(k+4, len(s.toks)) && s.mentAt[j] < 0 && institutionWords(s, j, j+1) {
			j++ // "представителя избиркомов Грузии", "членов Центральной избирательной комиссии Беларуси"
		}
		if j < len(s.toks) && s.mentAt[j] >= 0 && isCyrillic(s.toks[j].text) {
			end := j
			for end < len(s.toks) && (s.mentAt[end] >= 0 || s.toks[end].low == "," || s.toks[end].low == "и") {
				end++
			}
			if ms := s.listMentions(j, end); len(ms) > 1 && (s.word(u.idx-2) == "по" || s.distributive(u.idx-1, u.idx)) {
				return afterResult{groups: d.mentionGroups(s, ms)}, "distributive", true
			}
			return afterResult{groups: []group{d.groupFromMention(s, s.mentAt[j])}}, "from", true
		}
		if ag, ok := d.aggregateAt(s, k); ok && isCyrillic(s.toks[k].text) {
			return ag, "aggregate", true
		}
	}
	if !sawPrep || k >= len(s.toks) || s.inDate[k] {
		return afterResult{}, "", false // "from November 1 to 7" is a period, not a group
	}
	// "each country": distributive over a list named before the count
	if w := s.word(k); w == "country" || w == "state" || w == "them" || strings.HasPrefix(w, "стран") || strings.HasPrefix(w, "государств") {
		if s.word(k-1) == "each" || strings.HasPrefix(s.word(k-1), "кажд") {
			return afterResult{}, "", false
		}
	}
	// aggregate: "(10) international organisations", "(31) foreign states",
	// "11 countries and three international organizations", "the election
	// commissions of foreign states"
	for j := k; j < min(k+5, len(s.toks)); j++ {
		if ag, ok := d.aggregateAt(s, j); ok {
			return ag, "aggregate", true
		}
		if w := s.toks[j].low; !(w == "election" || w == "electoral" || w == "commissions" || w == "bodies" || w == "central" ||
			hasStem(w, []string{"центральн", "избирательн", "орган", "комисси"}) ||
			w == "parliaments" || w == "embassies" || w == "of" || w == "the" || w == "central" || w == "diplomatic" ||
			hasStem(w, []string{"избирательн", "комисси", "посольств", "парламент", "органов"})) {
			break
		}
	}
	// entity or list of entities, perhaps after the institution that sent
	// them: "от избирательных органов Казахстана, Узбекистана и Турции"
	for j := k; j < min(k+4, len(s.toks)); j++ {
		if s.mentAt[j] >= 0 {
			if j > k && (institutionWords(s, k, j) || s.allInstitutionEN(k, j)) {
				k = j
			}
			break
		}
	}
	end := k
	for end < len(s.toks) {
		w := s.toks[end].low
		if s.mentAt[end] >= 0 || w == "," || w == "and" || w == "и" || w == "the" || w == "/" || groupSuffixes[w] {
			end++
			continue
		}
		break
	}
	for end > k && (s.toks[end-1].low == "," || s.toks[end-1].low == "and" || s.toks[end-1].low == "и" || s.toks[end-1].low == "the") {
		end--
	}
	// "delegated by X, and Y is represented by …": the last conjunct opens a new clause
	if ms := s.listMentions(k, end); len(ms) > 1 && endsClause(s.word(end)) {
		end = s.lastConjunct(k, end)
	}
	if ms := s.listMentions(k, end); len(ms) > 1 {
		if s.distributive(u.idx-1, u.idx) || s.word(u.idx-2) == "по" {
			return afterResult{groups: d.mentionGroups(s, ms)}, "distributive", true
		}
		g := d.mixedGroup(s, ms)
		for _, p := range totalPhrases[:6] {
			if s.hasPhrase(0, u.idx, p) {
				// "a total of 76 observers from the CIS, the SCO and the OTS"
				g.code, g.canon, g.spans = CodeAll, "All foreign and international observers", 0
			}
		}
		return afterResult{groups: []group{g}, aggregate: true}, "mixed", true
	} else if len(ms) == 1 && s.demonymOfNoun(ms[0], end) {
		return afterResult{}, "", false // "an observer of Tajik politics"
	} else if len(ms) == 1 {
		// "observers from OSCE participating States" come from the states, not the organisation
		if w := s.word(end); w == "participating" || w == "member" || strings.HasPrefix(w, "государств") || strings.HasPrefix(w, "стран") {
			return afterResult{}, "", false
		}
		return afterResult{groups: []group{d.groupFromMention(s, ms[0])}}, "from", true
	}
	// a name the gazetteer does not know, or knows only by a misspelling
	nameEnd := k
	for nameEnd < len(s.toks) && nameEnd < k+12 {
		t := s.toks[nameEnd]
		if !s.inDate[nameEnd] && (t.kind == tWord && (isCapitalized(t.text) || lowerNameWords[t.low]) || t.text == "-" || t.text == "/") {
			nameEnd++
			continue
		}
		break
	}
	for nameEnd > k && lowerNameWords[s.toks[nameEnd-1].low] && !isCapitalized(s.toks[nameEnd-1].text) {
		nameEnd--
	}
	if nameEnd > k {
		for j := k; j < nameEnd; j++ {
			if domesticEN[s.toks[j].low] || hasStem(s.toks[j].low, domesticStemRU) {
				return afterResult{domestic: true}, "", true
			}
		}
		if g, ok := d.groupFromRange(s, k, nameEnd); ok {
			if g.kind == KindCountry && g.code != "" && g.code == d.host && prep != "from" && prep != "из" {
				return afterResult{}, "", false
			}
			rule := "from"
			if g.code == "" {
				rule = "from_name" // an unknown name: a group named before the count wins
			}
			return afterResult{groups: []group{g}}, rule, true
		}
	}
	// "observers from political parties"
	for j := k; j < min(k+4, len(s.toks)); j++ {
		if domesticEN[s.toks[j].low] || hasStem(s.toks[j].low, domesticStemRU) {
			return afterResult{domestic: true}, "", true
		}
	}
	return afterResult{}, "", false
}

// aggregateAt reads "(K) (international|foreign) organisations|states" at k.
func (d *doc) aggregateAt(s *analysed, k int) (afterResult, bool) {
	read := func(k int) (code string, spans int, subjFrom, next int) {
		subjFrom = k
		if s.isNum(k) {
			spans = s.toks[k].num
			k++
			subjFrom = k
		}
		for j := k; j < len(s.toks) && j < k+4; j++ {
			w := s.toks[j].low
			switch {
			case orgNounsEN[w] || hasStem(w, orgStemRU):
				return CodeOrgs, spans, subjFrom, j + 1
			case stateNounsEN[w] || hasStem(w, stateStemRU):
				return CodeStates, spans, subjFrom, j + 1
			case aggregateAdjEN[w] || hasStem(w, aggregateAdjStemRU) || w == "other" || w == "partner" ||
				w == "intergovernmental" || w == "inter-governmental" || w == "regional" || w == "member" ||
				w == "various" || w == "different" || w == "friendly" || w == "parliamentary" || hasStem(w, []string{"межгосударств", "межправ", "регионал", "друг", "различн", "парламентск", "партнер"}):
				continue
			}
			break
		}
		return "", 0, 0, k
	}
	code, spans, subjFrom, next := read(k)
	if code == "" {
		return afterResult{}, false
	}
	// "states participating in the OSCE", "государств – участников ОБСЕ",
	// "государств Содружества": the states of an organisation, whose
	// observers are that organisation's mission
	if w := s.word(next); w == "–" && (strings.HasPrefix(s.word(next+1), "участни") || strings.HasPrefix(s.word(next+1), "член")) || w == "participating" || strings.HasPrefix(w, "участни") || strings.HasPrefix(w, "член") ||
		w == "of" && s.mentAt[min(next+1, len(s.toks)-1)] >= 0 || strings.HasPrefix(w, "содружеств") || (s.mentAt[min(next, len(s.toks)-1)] >= 0 && next < len(s.toks)) {
		return afterResult{}, false
	}
	subjEnd := next
	// "11 countries and three international organizations": mixed, all observers
	if w := s.word(next); w == "and" || w == "и" || w == "," {
		if code2, _, _, next2 := read(next + 1); code2 != "" && code2 != code {
			text := collapseSpace(s.text[s.toks[k].start:s.toks[next2-1].end])
			return afterResult{groups: []group{{subject: text, code: CodeAll, canon: "All foreign and international observers", kind: KindAggregate}}, aggregate: true}, true
		}
	}
	g := group{subject: collapseSpace(s.text[s.toks[subjFrom].start:s.toks[subjEnd-1].end]), code: code, kind: KindAggregate, spans: spans}
	if code == CodeOrgs {
		g.canon = "Observers of international organisations"
	} else {
		g.canon = "Observers of foreign states"
	}
	return afterResult{groups: []group{g}, aggregate: true}, true
}

// senderBefore handles "X will send N observers", "X's mission comprises N
// observers", "Armenia and Hungary will send one observer each".
func (d *doc) senderBefore(si, i, qstart int, u unitInfo) ([]group, string, bool) {
	s := &d.sents[si]
	k := qstart - 1
	for k >= 0 && (s.toks[k].low == "will" || s.toks[k].low == "to" || s.toks[k].low == "also" ||
		s.toks[k].low == "already" || s.toks[k].low == "a" || s.toks[k].low == "an" || s.toks[k].low == "total" ||
		s.toks[k].low == "of" && s.word(k-1) == "total" || s.toks[k].low == "only" || s.toks[k].low == "just" || s.toks[k].low == "by") {
		k--
	}
	if k < 0 {
		return nil, "", false
	}
	verb := -1
	w := s.toks[k].low
	// "ODIHR's 30 long-term observers", "the CIS's 300"
	if (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && s.mentAt[k] >= 0 {
		return []group{d.groupFromMention(s, s.mentAt[k])}, "sender", true
	}
	if senderVerbsEN[w] || hasStem(w, senderStemsRU) {
		verb = k
	}
	if verb < 0 {
		for _, p := range senderPhrasesEN {
			n := len(p)
			if k+1-n >= 0 && s.hasPhrase(k+1-n, k+1, p) {
				verb = k + 1 - n
				break
			}
		}
	}
	if w == "'s" || w == "’s" {
		verb = k
	}
	if verb < 0 {
		return nil, "", false
	}
	// "with" links only a group right before it: "Russia leads with 77", "the ODIHR, with 350"
	if w == "with" && !(s.mentAt[max(0, k-1)] >= 0 || s.mentAt[max(0, k-2)] >= 0 || s.mentAt[max(0, k-3)] >= 0) {
		return nil, "", false
	}
	// the clause before the verb names the sender
	from := verb
	for from > 0 {
		t := s.toks[from-1]
		if t.low == ";" || t.low == ":" || t.low == "while" || t.low == "whereas" || t.low == "а" || t.low == "тогда" ||
			(t.kind == tNum && !s.inDate[from-1]) || t.low == "«" || t.low == "\"" ||
			(t.low == "and" || t.low == "but" || t.low == "и") && s.word(from-2) == "," {
			break
		}
		from--
	}
	ms := s.listMentions(from, verb)
	if len(ms) > 1 {
		if s.distributive(i, max(u.idx, i)) {
			return d.mentionGroups(s, ms), "distributive", true
		}
		return []group{d.mixedGroup(s, ms)}, "mixed", true
	}
	if len(ms) == 1 {
		g := d.groupFromMention(s, ms[0])
		if g.kind == KindCountry && g.code != "" && g.code == d.host {
			return nil, "", false
		}
		return []group{g}, "sender", true
	}
	// "the joint mission of OSCE/ODIHR, the OSCE PA and PACE will deploy 530"
	if g, ok := s.jointMission(d, from, verb); ok {
		return []group{g}, "mixed", true
	}
	// the clause's subject: the first mention of the comma-delimited part
	// nearest the verb that names one, skipping appositions ("The CIS
	// mission, headed by X of Russia, will include 300 observers"; "In
	// Kazakhstan's election in 2022, the OTS fielded two"), or the list it
	// opens ("The joint mission of OSCE/ODIHR, OSCE PA and PACE")
	segEnd := verb
	for k := verb - 1; k > from; k-- {
		if s.toks[k].low != "," {
			continue
		}
		seg := k + 1
		switch s.word(seg) {
		case "headed", "led", "which", "who", "based", "including", "according", "chaired", "itself":
			segEnd = k
			continue
		}
		if len(s.mentionsIn(seg, segEnd)) > 0 {
			from = seg
			break
		}
		segEnd = k
	}
	for j := from; j < verb; j++ {
		m := s.mentAt[j]
		if m < 0 {
			continue
		}
		g := d.groupFromMention(s, m)
		if g.kind == KindCountry && g.code == d.host && g.code != "" {
			continue
		}
		end := j
		for end < verb && (s.mentAt[end] >= 0 || s.toks[end].low == "," || s.toks[end].low == "and" || s.toks[end].low == "и" || s.toks[end].low == "the") {
			end++
		}
		ms := s.listMentions(j, end)
		if len(ms) > 1 {
			if s.distributive(i, max(u.idx, i)) {
				return d.mentionGroups(s, ms), "distributive", true
			}
			return []group{d.mixedGroup(s, ms)}, "mixed", true
		}
		if len(ms) == 1 {
			// "the OSCE's Office for Democratic Institutions": the head of a possessive chain
			return []group{d.groupFromMention(s, ms[0])}, "sender", true
		}
		return []group{g}, "sender", true
	}
	// "international organizations are represented by 386 observers"
	for j := from; j < verb; j++ {
		if ag, ok := d.aggregateAt(s, j); ok && len(ag.groups) == 1 {
			return ag.groups, "aggregate", true
		}
	}
	// an organisation the gazetteer does not know: "The Asian Network for Free Elections (ANFREL) sent 10"
	if g, ok := d.groupFromRange(s, from, verb); ok && s.looksLikeName(s.trimRange(from, verb)) {
		return []group{g}, "sender", true
	}
	return nil, "", false
}

func isCyrillic(w string) bool {
	for _, r := range w {
		return r >= 0x400 && r <= 0x4ff
	}
	return false
}

// ruFillerStems are Russian verbs that may stand between a counted noun and
// its group: "по два наблюдателя направили центральные избирательные
// комиссии Монголии", "наблюдателей, аккредитованных от …".
var ruFillerStems = append([]string{"аккредитован", "зарегистрирован", "центральн", "избирательн", "комисси", "орган"}, ruVerbsBefore...)

// allInstitutionEN reports words naming an institution of the entity that
// follows: "the election commissions of", "the embassies of".
func (s *analysed) allInstitutionEN(from, to int) bool {
	for k := from; k < to; k++ {
		switch s.toks[k].low {
		case "the", "election", "electoral", "central", "national", "commission", "commissions", "bodies", "body",
			"embassy", "embassies", "of", "parliament", "parliaments", "authorities", "ministry", "diplomatic", "missions":
		default:
			return false
		}
	}
	return true
}

// demonymOfNoun reports a country adjective ("Tajik", "Russian") that
// modifies the common noun after it, rather than naming observers' origin.
func (s *analysed) demonymOfNoun(m, next int) bool {
	mt := s.ments[m]
	if mt.Entity.Kind != KindCountry || strings.Contains(strings.ToLower(mt.Text), strings.ToLower(mt.Entity.Canonical)) {
		return false
	}
	w := s.word(next)
	return next < len(s.toks) && s.toks[next].kind == tWord && !isCapitalized(s.toks[next].text) &&
		!groupSuffixes[w] && !functionWords[w] && !lowerNameWords[w] && !passiveFiller[w] && !strings.HasSuffix(w, "ed")
}
