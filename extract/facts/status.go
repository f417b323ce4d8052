package facts

import "strings"

// Status: accredited, nominated, expected … read from the verbs around a count.

// status reads the status cue nearest to the count: the verb of its own
// clause first ("Nine observers will come from the SCO", "accredited 29"),
// else the nearest in the sentence. Counts whose clause has no verb of
// status ("the CIS – 55", "X is represented by 26") return "" and take the
// status of the statement that introduced them (see doc.toFacts).
func (s *analysed) status(i int) string {
	from, to := s.clause(i)
	best, bestDist := "", 1<<30
	futureInClause := false
	for k := from; k < to; k++ {
		if hasStem(s.toks[k].low, statusCues[len(statusCues)-2].stems) {
			futureInClause = true
		}
	}
	for k, t := range s.toks {
		if t.kind != tWord {
			continue
		}
		// "accreditation" names the procedure ("recommended for
		// accreditation"); only "received/passed accreditation" states it
		if (strings.HasPrefix(t.low, "accreditation") || strings.HasPrefix(t.low, "аккредитаци")) &&
			!hasStem(s.word(k-1), []string{"received", "passed", "got", "получил", "прошл", "прошел"}) {
			continue
		}
		// "to monitor", "to watch": a headline's future
		if t.low == "to" && (s.word(k+1) == "monitor" || s.word(k+1) == "watch" || s.word(k+1) == "observe" || s.word(k+1) == "arrive") {
			if d := abs(k - i); d < bestDist {
				best, bestDist = StatusExpected, d
			}
			continue
		}
		for _, c := range statusCues {
			if !hasStem(t.low, c.stems) {
				continue
			}
			dist := k - i
			if dist < 0 {
				dist = -dist
			}
			if k < from || k >= to {
				dist += 100 // another clause's verb counts only when the own clause has none
			}
			if dist < bestDist {
				best, bestDist = c.status, dist
			}
			break
		}
	}
	if best == StatusArrived && futureInClause {
		return StatusExpected // "will arrive", "будут работать"
	}
	return best
}

// statusFor refines status by the fact's shape: members of a list take the
// status of the statement that heads it ("24 candidates were nominated from
// 14 states including A, B – two observers from each country, while C will
// send one each"), and a proposal "which has been accredited" is accredited.
func (s *analysed) statusFor(i int, rule string) string {
	st := s.status(i)
	procedural := func(k int) string {
		t := s.toks[k]
		if strings.HasPrefix(t.low, "accreditation") || strings.HasPrefix(t.low, "аккредитаци") {
			return ""
		}
		for _, c := range statusCues[:5] {
			if hasStem(t.low, c.stems) {
				return c.status
			}
		}
		return ""
	}
	switch rule {
	case "distributive", "dash_item", "list_item", "ellipsis":
		for k := 0; k < i; k++ {
			if p := procedural(k); p != "" {
				return p
			}
		}
	}
	if st == StatusNominated || st == StatusRecommended {
		for k := i + 1; k < len(s.toks); k++ {
			if p := procedural(k); p == StatusAccredited {
				return p
			}
		}
	}
	return st
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
