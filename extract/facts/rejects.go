package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Readings that say a count is not a fact. They compete with the readings
// that attach the count to a group: a rejection with a higher prior than
// every attachment wins, and the count gives no fact.

// rejUnitOutOfContext: persons and candidacies count observers only where
// the text speaks of observers ("a group of observers … at least 50 people").
func rejUnitOutOfContext(c *count) []candidate {
	switch {
	case c.u.idx < 0:
		return nil
	case c.u.kind == unitPerson && !c.d.observerContext(c.si):
		return reject("persons outside an observer context")
	case c.u.kind == unitCandidate && !c.s.observers && !(c.d.observersBefore(c.si) && c.s.hasIn(0, len(c.s.toks), lang.StatusAccredited)):
		// candidacies submitted for accreditation, after a sentence about
		// observers ("Внесены на аккредитацию … 17 кандидатур"); not
		// candidates for an office
		return reject("candidacies outside an observer context")
	}
	return nil
}

// rejMedia: "137 representatives of foreign media", "аккредитованы 1 312
// представителей российских и 74 представителя иностранных СМИ":
// journalists, not observers.
func rejMedia(c *count) []candidate {
	if c.u.idx >= 0 && c.u.kind == unitPerson {
		from, to := c.s.clause(c.i)
		if c.s.hasIn(from, to, lang.Media) {
			return reject("journalists")
		}
	}
	return nil
}

// rejCitizens: "Из числа российских граждан 6 долгосрочных и 60
// краткосрочных наблюдателей приедут в составе БДИПЧ": counts of a
// country's citizens inside missions, not observers it sent.
func rejCitizens(c *count) []candidate {
	from, _ := c.s.clause(c.i)
	if c.s.hasIn(from, c.i, lang.Citizens) {
		return reject("citizens of a country inside missions")
	}
	return nil
}

// rejCoreTeam: "a core team of 11 experts", "основная группа … в составе 11
// человек": a mission's staff of experts, not its observers.
func rejCoreTeam(c *count) []candidate {
	if c.u.idx >= 0 && c.u.kind == unitPerson && c.s.hasIn(c.s.ownClauseStart(c.qstart), c.i, lang.CoreTeam) {
		return reject("a mission's core team of experts")
	}
	return nil
}

// rejCategoryAfter: "42 наблюдателя – долгосрочные", "20 observers are
// long-term": a split of a group by kind.
func rejCategoryAfter(c *count) []candidate {
	if c.u.idx >= 0 && c.s.categoryAfter(c.u.idx) {
		return reject("a category of observers")
	}
	return nil
}

func rejDomesticOrWithdrawn(c *count) []candidate {
	switch {
	case c.u.idx < 0:
		return nil
	case c.u.domestic:
		return reject("domestic observers")
	case c.s.withdrawn(c.i, c.u.idx):
		return reject("withdrawn or revoked observers")
	}
	return nil
}

// rejSplit: "of them, 10 are long-term observers". A subset that names its
// group is a fact: "of them, 532 come from 10 international organisations".
func rejSplit(c *count) []candidate {
	if c.u.idx < 0 || !c.split {
		return nil
	}
	if after, _, ok := c.groupAfter(); ok && after.aggregate && after.groups[0].spans > 0 {
		return nil
	}
	return reject("a split of a group already counted")
}

// rejCategory: "30 long-term observers" that no group claims.
func rejCategory(c *count) []candidate {
	if c.u.idx >= 0 && c.u.category {
		return reject("a category of observers with no group")
	}
	return nil
}
