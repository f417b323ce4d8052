package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// recogniser proposes readings of a count in one sentence shape. The
// recognisers are independent: each reads the count on its own and says
// what it sees; the scorer compares their readings. A recogniser's prior
// says how much its shape is to be trusted over the others when both read
// the same count, before features move the score.
type recogniser struct {
	name  string
	prior float64
	find  func(c *count) []candidate
}

// recognisers is the table of shapes, most specific first. Where each lives:
// lists.go (respectively, elided units, distributive lists, joint missions),
// list_items.go (dash items and list items), groups.go (names, "from X",
// aggregates), senders.go ("X will send N"), group_before.go (the group
// written before the count, as Russian and Kazakh put it), coref.go,
// totals.go, and the not-fact readings in rejects.go.
var recognisers = []recogniser{
	// any count
	{"respectively", 100, recRespectively}, // "A and B will send 200 and 50 observers respectively"
	{"named subset", 96, recSubset},        // "44 of them represent ODIHR"
	// counts with no noun after them
	{"elided unit", 92, recEllipsis},               // "45 observers of the CIS, 21 from the OSCE/ODIHR"
	{"list item", 90, recListItem},                 // "CIS IPA – 48;" under "observers from 10 organisations:"
	{"number of (no noun)", 88, recNumberOfNoNoun}, // "the number of foreign observers reached 500"
	// counts of a noun
	{"unit out of context", 86, rejUnitOutOfContext}, // "50 people" where nothing speaks of observers
	{"journalists", 85, rejMedia},
	{"citizens", 84.5, rejCitizens},
	{"core team", 84.4, rejCoreTeam},
	{"category after", 84, rejCategoryAfter}, // "20 observers are long-term"
	{"domestic or withdrawn", 82, rejDomesticOrWithdrawn},
	{"number of", 80, recNumberOf},                  // "the number of accredited observers is 258 people"
	{"dash item", 78, recDashItem},                  // "the CIS – 55 observers", "A, B – two observers from each"
	{"distributive", 76, recDistributiveClause},     // "embassies of A, B and C … two observers each"
	{"named", 74, recNamed},                         // "170 CIS observers"
	{"case ending", 73, recCaseEnding},              // "ТМД миссиясынан 400-дей бақылаушы"
	{"group after the noun", 72, recGroupAfter},     // "29 observers of the X", "наблюдателей от СНГ"
	{"mission members", 70, recMissionMembers},      // "the SCO mission arrived with 21 members from …"
	{"coreference lead", 68, recCorefLead},          // "The mission consists of 58 observers from eight countries"
	{"category split", 66, rejSplit},                // "of them, 10 are long-term observers"
	{"sender", 64, recSender},                       // "X will send 40 observers"
	{"group before", 62, recGroupBefore},            // "От МПА СНГ аккредитован 31 наблюдатель"
	{"unknown name after", 60, recUnknownNameAfter}, // "10 observers of the Asian Network for Free Elections"
	{"mission strength", 58, recMissionStrength},    // "monitor the election with a 27-member mission"
	{"aggregate adjective", 56, recAggregateAdjective},
	{"aggregate after", 54, recAggregateAfter}, // "76 observers from 31 foreign states"
	{"coreference", 52, recCoref},              // "The mission will include 40 observers"
	{"continuation", 51, recContinuation},      // "Another 400 observers have been accredited"
	{"category", 50, rejCategory},              // "30 long-term observers" with no group
	{"total", 48, recTotal},                    // "In total, 398 observers were accredited"
}

func one(g group, r Rule) []candidate { return []candidate{{groups: []group{g}, rule: r, at: -1}} }

func many(gs []group, r Rule) []candidate { return []candidate{{groups: gs, rule: r, at: -1}} }

func reject(why string) []candidate { return []candidate{{reject: why, at: -1}} }

func recRespectively(c *count) []candidate {
	if g, ok := c.d.respectively(c.si, c.i); ok {
		return one(g, RuleRespectively)
	}
	return nil
}

func recSubset(c *count) []candidate {
	if g, ok := c.d.subset(c.si, c.i); ok {
		return one(g, RuleSubset)
	}
	return nil
}

func recEllipsis(c *count) []candidate {
	if c.u.idx >= 0 {
		return nil
	}
	if gs, rule, ok := c.d.ellipsis(c.si, c.i, c.qstart); ok {
		return many(gs, rule)
	}
	return nil
}

func recListItem(c *count) []candidate {
	if c.u.idx >= 0 {
		return nil
	}
	if gs, rule, ok := c.d.listItem(c.si, c.i, c.qstart); ok {
		return many(gs, rule)
	}
	return nil
}

func recNumberOfNoNoun(c *count) []candidate {
	if c.u.idx >= 0 {
		return nil
	}
	if g, ok := c.d.numberOf(c.si, c.i, c.qstart); ok {
		return one(g, RuleNumberOf)
	}
	if g, ok := c.d.reached(c.si, c.i); ok {
		return one(g, RuleNumberOf)
	}
	return nil
}

func recNumberOf(c *count) []candidate {
	if c.u.idx < 0 || c.u.kind != unitPerson || !c.s.hasNumberOfWord(c.qstart) {
		return nil
	}
	if g, ok := c.d.numberOf(c.si, c.i, c.qstart); ok {
		return one(g, RuleNumberOf)
	}
	return nil
}

func recDashItem(c *count) []candidate {
	if c.u.idx < 0 {
		return nil
	}
	if gs, rule, ok := c.d.dashGroup(c.si, c.i, c.qstart, c.u); ok {
		return many(gs, rule)
	}
	return nil
}

func recDistributiveClause(c *count) []candidate {
	if c.u.idx < 0 || c.u.entity >= 0 || !c.s.distributive(c.i, c.u.idx) {
		return nil
	}
	if ms := c.s.clauseMentions(c.qstart); len(ms) > 1 {
		return many(c.d.mentionGroups(c.s, ms), RuleDistributive)
	}
	return nil
}

func recNamed(c *count) []candidate {
	if c.u.idx < 0 || c.u.entity < 0 {
		return nil
	}
	if c.u.host {
		return reject("observers of the host country") // "Kazakh observers" at a Kazakh election
	}
	g := c.d.groupFromMention(c.s, c.u.entity)
	if c.s.is(c.u.idx, lang.UnitMP) {
		// "50 OSCE parliamentarians" are members of its parliamentary assembly
		if e, ok := c.d.x.gaz.AssemblyOf(g.code); ok {
			g.code, g.canon = e.Code, e.Canonical
		}
	}
	return one(g, RuleNamed)
}

func recGroupAfter(c *count) []candidate {
	if c.u.idx < 0 {
		return nil
	}
	after, rule, ok := c.groupAfter()
	if !ok {
		return nil
	}
	if after.domestic {
		return reject("domestic observers")
	}
	if len(after.groups) > 0 && !after.aggregate && rule != RuleFromName {
		return many(after.groups, rule)
	}
	return nil
}

// recMissionMembers: "the SCO mission arrived with 21 members from China,
// India, Kazakhstan …": the countries are where the mission's members come
// from; the count is the organisation's.
func recMissionMembers(c *count) []candidate {
	if c.u.idx < 0 || c.u.kind != unitPerson {
		return nil
	}
	if _, rule, ok := c.groupAfter(); !ok || rule != RuleMixed {
		return nil
	}
	s := c.s
	from := 0
	for k := 0; k < c.qstart; k++ {
		if s.isNum(k) { // another count before: the group must be in this count's own clause
			from = s.ownClauseStart(c.qstart)
			break
		}
	}
	for k := from; k < c.qstart; k++ {
		if m := s.mentAt[k]; m >= 0 && s.ments[m].Entity.Kind == KindOrganization {
			return one(c.d.groupFromMention(s, m), RuleSender)
		}
	}
	return nil
}

// recCorefLead: "В ее составе – 62 парламентария из восьми стран", "The
// mission consists of 58 observers from eight countries": the count is the
// mission's; the states are where its members come from.
func recCorefLead(c *count) []candidate {
	if c.u.idx < 0 || c.split || !c.s.corefLead(c.qstart) {
		return nil
	}
	if g, ok := c.d.coref(c.si, c.i, c.u.idx); ok {
		return one(g, RuleCoref)
	}
	return nil
}

func recSender(c *count) []candidate {
	if c.u.idx < 0 || c.split {
		return nil
	}
	if gs, rule, ok := c.d.senderBefore(c.si, c.i, c.qstart, c.u); ok {
		return many(gs, rule)
	}
	return nil
}

func recGroupBefore(c *count) []candidate {
	if c.u.idx < 0 || c.split {
		return nil
	}
	if gs, rule, ok := c.d.groupBefore(c.si, c.i, c.qstart, c.u); ok {
		return many(gs, rule)
	}
	return nil
}

// recUnknownNameAfter: an organisation the gazetteer does not know, named
// after the noun; in a sentence about domestic monitoring it is a local NGO
// ("3,000 observers of the Taza Shailoo association").
func recUnknownNameAfter(c *count) []candidate {
	if c.u.idx < 0 || c.split {
		return nil
	}
	after, rule, ok := c.groupAfter()
	if !ok || rule != RuleFromName || c.s.hasDomestic() {
		return nil
	}
	return many(after.groups, RuleFrom)
}

// recMissionStrength: "monitor the election with a 27-member mission", "and
// the European Parliament a three-member delegation": the clause's own
// group, else the sentence's subject.
func recMissionStrength(c *count) []candidate {
	if c.u.idx < 0 || c.split || !c.u.strongSfx {
		return nil
	}
	s := c.s
	for k := c.qstart - 1; k >= 0 && s.toks[k].Low != "," && s.toks[k].Low != ";"; k-- {
		if m := s.mentAt[k]; m >= 0 {
			return one(c.d.groupFromMention(s, m), RuleSender)
		}
	}
	for k := range s.toks {
		if m := s.mentAt[k]; m >= 0 && !c.d.isHost(s.ments[m].Entity) {
			return one(c.d.groupFromMention(s, m), RuleSender)
		}
	}
	return nil
}

// recAggregateAdjective: "97 international observers".
func recAggregateAdjective(c *count) []candidate {
	if c.u.idx < 0 || c.split || c.u.aggAdj < 0 || c.u.kind != unitObserver {
		return nil
	}
	s := c.s
	text := collapseSpace(s.text[s.toks[c.u.aggAdj].Start:s.toks[c.u.idx].End])
	return one(allObservers(text), RuleAggregate)
}

func recAggregateAfter(c *count) []candidate {
	if c.u.idx < 0 {
		return nil
	}
	after, rule, ok := c.groupAfter()
	if !ok || !after.aggregate || c.split && after.groups[0].spans == 0 {
		return nil
	}
	return one(after.groups[0], rule)
}

func recCoref(c *count) []candidate {
	if c.u.idx < 0 || c.split {
		return nil
	}
	if g, ok := c.d.coref(c.si, c.i, c.u.idx); ok {
		return one(g, RuleCoref)
	}
	return nil
}

// recContinuation: a count that adds to the group of the fact before it,
// or of the article's mission ("Another 400 short-term observers …",
// "In addition, 24 long-term observers will be sent").
func recContinuation(c *count) []candidate {
	if c.u.idx < 0 || c.split || !c.more || !c.bare() || c.s.is(c.u.idx, lang.UnitDiplomat) {
		return nil // "In addition, 64 diplomats were accredited" adds another kind
	}
	if c.d.lastGroup != nil {
		return one(*c.d.lastGroup, RuleCoref)
	}
	if g, ok := c.d.missionAntecedent(c.si); ok {
		return one(g, RuleCoref)
	}
	return nil
}

// bare reports a count whose sentence names no group of its own: no entity
// but the host country, nothing introduced by a preposition after the noun,
// nothing domestic ("Political parties have registered another 3,400").
func (c *count) bare() bool {
	s := c.s
	if s.hasIn(0, len(s.toks), lang.Domestic) {
		return false
	}
	for _, m := range s.ments {
		if !c.d.isHost(m.Entity) {
			return false
		}
	}
	_, prep := s.skipToGroup(c.u.idx)
	return prep < 0
}

func recTotal(c *count) []candidate {
	if c.u.idx < 0 || c.split || c.u.category {
		return nil
	}
	if g, ok := c.d.total(c.si, c.i, c.u); ok {
		return one(g, RuleTotal)
	}
	return nil
}

// allObservers is the ALL aggregate, named as the text names it.
func allObservers(subject string) group {
	return group{subject: subject, code: CodeAll, canon: canonAll, kind: KindAggregate}
}

const (
	canonAll    = "All foreign and international observers"
	canonOrgs   = "Observers of international organisations"
	canonStates = "Observers of foreign states"
)

// isHost reports an entity that is the country holding the election.
func (d *doc) isHost(e gazetteerEntity) bool {
	return e.Kind == KindCountry && e.Code != "" && e.Code == d.hostCode()
}

var _ = lang.English
