package facts

import "github.com/obsfacts/obsfacts/extract/lang"

// Status: accredited, nominated, expected … read from the verbs around a count.

// statusCues are the status classes, strongest first.
var statusCues = []struct {
	status string
	class  lang.Class
}{
	{StatusAccredited, lang.StatusAccredited},
	{StatusNominated, lang.StatusNominated},
	{StatusRecommended, lang.StatusRecommended},
	{StatusRegistered, lang.StatusRegistered},
	{StatusInvited, lang.StatusInvited},
	{StatusExpected, lang.StatusExpected},
	{StatusArrived, lang.StatusArrived},
}

// statusOf returns the status a word cues, or "".
func statusOf(t *lang.Token) string {
	if t.Kind != lang.Word {
		return ""
	}
	for _, c := range statusCues {
		if t.Is(c.class) {
			return c.status
		}
	}
	return ""
}

// status reads the status cue nearest to the count: the verb of its own
// clause first ("Nine observers will come from the SCO", "accredited 29"),
// else the nearest in the sentence. Counts whose clause has no verb of
// status ("the CIS – 55", "X is represented by 26") return "" and take the
// status of the statement that introduced them (see doc.toFacts).
func (s *sentence) status(i int) string {
	from, to := s.clause(i)
	best, bestDist := "", 1<<30
	futureInClause := s.hasIn(from, to, lang.StatusExpected)
	if s.lex.Grammar(lang.VerbFinal) {
		// the verb follows its count: a future before it qualifies another
		// noun ("ертең өтетін сайлау … 46 байқаушы келді")
		futureInClause = s.hasIn(i+1, to, lang.StatusExpected)
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.Kind != lang.Word {
			continue
		}
		// "accreditation" names the procedure ("recommended for
		// accreditation"); only "received/passed accreditation" states it
		if t.Is(lang.ProcedureNoun) && !s.is(k-1, lang.Received) {
			continue
		}
		st := statusOf(t)
		// "to monitor", "to watch": a headline's future
		if t.Is(lang.InfinitiveTo) && s.is(k+1, lang.ObserveVerb) {
			st = StatusExpected
		}
		if st == "" {
			continue
		}
		dist := abs(k - i)
		if k < from || k >= to {
			dist += 100 // another clause's verb counts only when the own clause has none
		}
		if dist < bestDist {
			best, bestDist = st, dist
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
func (s *sentence) statusFor(i int, rule Rule) string {
	st := s.status(i)
	switch rule {
	case RuleDistributive, RuleDashItem, RuleListItem, RuleEllipsis:
		for k := 0; k < i; k++ {
			if p := s.procedural(k); p != "" {
				return p
			}
		}
	}
	if st == StatusNominated || st == StatusRecommended {
		for k := i + 1; k < len(s.toks); k++ {
			if s.procedural(k) == StatusAccredited {
				return StatusAccredited
			}
		}
	}
	return st
}

// procedural returns the status of a procedural verb at k (accredited,
// nominated, recommended, registered, invited), or "".
func (s *sentence) procedural(k int) string {
	t := &s.toks[k]
	if t.Is(lang.ProcedureNoun) {
		return ""
	}
	switch st := statusOf(t); st {
	case StatusExpected, StatusArrived:
		return ""
	default:
		return st
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
