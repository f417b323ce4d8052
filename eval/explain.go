package eval

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/obsfacts/obsfacts/extract"
)

// aggregateCodes are the subject codes of aggregates.
var aggregateCodes = map[string]bool{"ALL": true, "ORGS": true, "STATES": true}

// Explain attaches to every miss and false positive the readings the
// extractor's recognisers proposed for the same count of the same file
// (from Extractor.Explain), so a report shows why a fact was missed or
// wrongly found: which readings competed and how they scored.
func (r *Report) Explain(readings map[string][]extract.Reading) {
	for i := range r.Misses {
		m := &r.Misses[i]
		m.Readings = matching(readings[m.Gold.File], m.Gold.Count, "")
	}
	for i := range r.Extras {
		e := &r.Extras[i]
		e.Readings = matching(readings[e.Pred.File], e.Pred.Count, e.Pred.Evidence)
	}
}

// matching returns the readings of a count, in its sentence when one is given.
func matching(rs []extract.Reading, count int, sentence string) []extract.Reading {
	var out []extract.Reading
	want := strings.Join(strings.Fields(sentence), " ")
	for _, r := range rs {
		if r.Count == count && (want == "" || r.Sentence == want) {
			out = append(out, r)
		}
	}
	return out
}

// writeReadings prints competing readings under a miss or false positive.
func writeReadings(bw *bufio.Writer, rs []extract.Reading) {
	const most = 6
	for i, r := range rs {
		if i == most {
			fmt.Fprintf(bw, "      … %d more readings\n", len(rs)-most)
			break
		}
		mark := " "
		if r.Won {
			mark = "*"
		}
		feats := ""
		if r.Features != "" {
			feats = " {" + r.Features + "}"
		}
		fmt.Fprintf(bw, "     %s %6.1f %-24s %-12s %s%s\n", mark, r.Score, r.Recogniser, r.Rule, oneLine(r.Subject, 80), feats)
	}
	if len(rs) == 0 {
		return
	}
}
