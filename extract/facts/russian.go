package facts

import (
	"github.com/obsfacts/obsfacts/extract/gazetteer"
)

// Russian word order puts the group before the count ("От МПА СНГ
// аккредитован 31 наблюдатель"); these rules read it.

// ruVerbsBefore link a group written before the count in Russian word order:
// "От МПА СНГ аккредитован 31 наблюдатель", "ПА ОБСЕ направила 35
// парламентариев", "Россию представляют 22 наблюдателя".
//
// Verbs of accrediting, recommending or registering in the active voice name
// the accreditor ("ЦИК аккредитовала 790 наблюдателей"), so they link a group
// only after "от"/"из" ("От МПА СНГ аккредитован 31 наблюдатель").
var ruVerbsBefore = []string{"направ", "отправ", "делегирова", "прислал", "присыла", "пришл", "представля", "представлена", "представлены", "представлено",
	"прибыл", "прибуд", "приех", "приед", "делегир", "выдвину", "намерен", "планиру", "будет", "будут",
	"включ", "насчитыва", "состоит", "состав"}

// groupBeforeRU reads the group written before the count, as Russian word
// order puts it: a mention after "от"/"из", or the subject of a verb of
// sending, accrediting or representing.
func (d *doc) groupBeforeRU(si, i, qstart int, u unitInfo) ([]group, string, bool) {
	s := &d.sents[si]
	from := qstart
	for from > 0 {
		w := s.toks[from-1].low
		if w == "," || w == ";" || w == ":" || w == "«" || (s.toks[from-1].kind == tNum && !s.inDate[from-1]) {
			break
		}
		from--
	}
	verb := false
	for k := from; k < qstart; k++ {
		if hasStem(s.toks[k].low, ruVerbsBefore) {
			verb = true
		}
	}
	var cands []int
	for k := from; k < qstart; k++ {
		m := s.mentAt[k]
		if m < 0 || (len(cands) > 0 && cands[len(cands)-1] == m) {
			continue
		}
		prev := s.word(k - 1)
		if prev == "линии" && s.word(k-2) == "по" {
			prev = "от" // "по линии БДИПЧ работали 319 наблюдателей"
		}
		if prev == "в" || prev == "во" || prev == "на" || prev == "к" || prev == "по" {
			continue // a destination: "направит в Россию"
		}
		// "От посольства США", "из ЦИК Казахстана": the preposition governs the institution
		for b := k - 2; b >= max(from, k-4); b-- {
			if w := s.word(b); w == "от" || w == "из" {
				if institutionWords(s, b+1, k) {
					prev = w
				}
				break
			}
		}
		e := s.ments[m].Entity
		if e.Kind == KindCountry && e.Code != "" && e.Code == d.host && prev != "из" && prev != "от" {
			continue
		}
		if prev == "от" || prev == "из" || verb {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 {
		// "От международных организаций аккредитованы 410 наблюдателей"
		if s.word(from) == "от" || s.word(from) == "из" {
			if ag, ok := d.aggregateAt(s, from+1); ok && len(ag.groups) == 1 {
				return ag.groups, "aggregate", true
			}
		}
		// "От Европейской сети организаций по наблюдению за выборами (ENEMO) аккредитованы 12"
		if s.word(from) == "от" || s.word(from) == "из" {
			end := from + 1
			for end < qstart && !hasStem(s.toks[end].low, []string{"аккредитован", "прибыл", "прибуд", "зарегистрирован", "направлен", "представлена", "представлены", "представлено"}) {
				end++
			}
			if end < qstart && end-from >= 2 && isCapitalized(s.toks[from+1].text) {
				if g, ok := d.groupFromRange(s, from+1, end); ok || end-from <= 12 {
					if !ok {
						text := s.rangeText(from+1, end)
						g = group{subject: text, canon: text, kind: KindOrganization}
					}
					if g.code != d.host || g.code == "" {
						return []group{g}, "sender", true
					}
				}
			}
		}
		// a name the gazetteer knows only by a misspelling: "Шанхайская органзация сотрудничества направила 25"
		if verb {
			end := from
			for end < qstart && !hasStem(s.toks[end].low, ruVerbsBefore) {
				end++
			}
			if g, ok := d.groupFromRange(s, from, end); ok && g.code != "" && g.code != d.host {
				return []group{g}, "sender", true
			}
		}
		return nil, "", false
	}
	if len(cands) > 1 && s.distributive(i, max(u.idx, i)) {
		return d.mentionGroups(s, cands), "distributive", true
	}
	if len(cands) > 1 {
		return []group{d.mixedGroup(s, cands)}, "mixed", true
	}
	// "от Межпарламентской Ассамблеи государств – участников СНГ": the whole
	// name, not the "СНГ" inside it
	last := cands[len(cands)-1]
	for k := from; k < qstart; k++ {
		if w := s.toks[k].low; (w == "от" || w == "из") && k+1 < qstart && s.mentAt[k+1] < 0 {
			end := k + 1
			for end < qstart && (s.mentAt[end] < 0 || s.mentAt[end] == last) && !hasStem(s.toks[end].low, ruVerbsBefore) &&
				!hasStem(s.toks[end].low, []string{"аккредитован", "прибыл", "зарегистрирован"}) {
				end++
			}
			if e, q := d.x.gaz.Lookup(s.rangeText(k+1, end)); q >= gazetteer.MatchFuzzy && e.Code != "" && e.Code != s.ments[last].Entity.Code {
				return []group{{subject: s.rangeText(k+1, end), code: e.Code, canon: e.Canonical, kind: e.Kind}}, "sender", true
			}
		}
	}
	return []group{d.groupFromMention(s, cands[len(cands)-1])}, "sender", true // the nearest to the count
}

// institutionWords reports whether [from,to) holds only words naming an
// institution of the entity that follows ("посольства", "ЦИК", "избирательных органов").
func institutionWords(s *analysed, from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].low
		if !hasStem(w, []string{"посольств", "цик", "центризбирком", "избирком", "избирательн", "орган", "комисси", "центральн", "миссии", "делегац", "парламент", "мид"}) {
			return false
		}
	}
	return true
}
