package facts

import (
	"fmt"
	"strings"
)

// checkTotals compares stated parts with stated totals within one article
// and flags the facts that disagree. Facts are kept either way: the
// disagreement is information for the researcher, not a reason to drop data.
//
// Parts are matched to totals conservatively: organisations against the
// ORGS total that spans as many organisations as were listed, countries
// against the STATES total, and ORGS + STATES against ALL, only when the
// article states exactly one of each, so that counts of different dates are
// never compared.
func checkTotals(facts []Fact) []string {
	var warnings []string
	flag := func(idx []int, msg string) {
		for _, i := range idx {
			if facts[i].Check == "" {
				facts[i].Check = msg
			} else if !strings.Contains(facts[i].Check, msg) {
				facts[i].Check += "; " + msg
			}
		}
		warnings = append(warnings, msg)
	}
	var orgs, countries, orgTotals, stateTotals, allTotals []int
	for i, f := range facts {
		if f.CharStart < 0 {
			continue // headlines restate, they do not add parts
		}
		switch {
		case f.SubjectKind == KindOrganization:
			orgs = append(orgs, i)
		case f.SubjectKind == KindCountry:
			countries = append(countries, i)
		case f.SubjectCode == CodeOrgs:
			orgTotals = append(orgTotals, i)
		case f.SubjectCode == CodeStates:
			stateTotals = append(stateTotals, i)
		case f.SubjectCode == CodeAll:
			allTotals = append(allTotals, i)
		}
	}
	compare := func(totals, parts []int, what string) {
		if len(parts) == 0 || len(totals) == 0 {
			return
		}
		sum := 0
		for _, p := range parts {
			sum += facts[p].Count
		}
		for _, t := range totals {
			tf := facts[t]
			if tf.Count == sum {
				return // some total agrees: nothing to flag
			}
		}
		// only a total that claims exactly these parts can disagree with them
		for _, t := range totals {
			tf := facts[t]
			if tf.Qualifier != QualExact {
				continue
			}
			if tf.Spans == len(parts) || len(totals) == 1 && sum > tf.Count && near(facts, tf, parts) {
				msg := fmt.Sprintf("%s parts sum to %d but the stated total is %d", what, sum, tf.Count)
				flag(append([]int{t}, parts...), msg)
				return
			}
		}
	}
	compare(orgTotals, orgs, "organisation")
	compare(stateTotals, countries, "country")
	if len(allTotals) >= 1 && len(orgTotals) == 1 && len(stateTotals) == 1 {
		sum := facts[orgTotals[0]].Count + facts[stateTotals[0]].Count
		agrees := false
		for _, t := range allTotals {
			if facts[t].Count == sum {
				agrees = true
			}
		}
		if !agrees && len(allTotals) == 1 && facts[allTotals[0]].Qualifier == QualExact {
			msg := fmt.Sprintf("organisations (%d) and states (%d) sum to %d but the stated total is %d",
				facts[orgTotals[0]].Count, facts[stateTotals[0]].Count, sum, facts[allTotals[0]].Count)
			flag([]int{allTotals[0], orgTotals[0], stateTotals[0]}, msg)
		}
	}
	return warnings
}

// near reports whether every part is stated in the total's sentence or just
// after it: only then are they clearly the parts of that total.
func near(facts []Fact, total Fact, parts []int) bool {
	for _, p := range parts {
		f := facts[p]
		if f.CharStart < total.CharStart || f.CharStart > total.CharEnd+600 {
			return false
		}
	}
	return true
}
