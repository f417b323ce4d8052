package facts

import (
	"fmt"
	"sort"
	"strings"

	"github.com/obsfacts/obsfacts/extract/article"
)

// candidate is one reading of a count proposed by a recogniser: the groups
// it belongs to (several for a distributive list), or, when reject is set,
// the reason it is not a fact at all.
type candidate struct {
	groups []group
	rule   Rule
	reject string   // non-empty: "not a fact", and why ("domestic observers")
	feats  features // what supports or weakens the reading
	at     int      // token where the group is named in the count's sentence, or -1
	score  float64
	rec    int // index of the recogniser in the table
}

// score runs the recognisers on a count and returns its best reading. The
// recognisers run in order of their highest possible score and stop as
// soon as none of the rest can beat the best found, unless explain asks for
// every reading.
func (x *Extractor) score(c *count, explain bool) (*candidate, []candidate) {
	var all []candidate
	var best *candidate
	bestScore := 0.0
	for ri := range recognisers {
		r := &recognisers[ri]
		if !explain && best != nil && bestScore >= r.prior+maxFeatureGain {
			break
		}
		for _, cand := range r.find(c) {
			cand.rec = ri
			cand.feats = c.features(&cand)
			cand.score = r.prior + cand.feats.weight()
			all = append(all, cand)
			if best == nil || cand.score > bestScore {
				bestScore = cand.score
				best = &all[len(all)-1]
			}
		}
	}
	if best == nil {
		return nil, all
	}
	// all may have grown after best was taken: copy it out
	b := *best
	return &b, all
}

// features notes what supports or weakens a reading beyond its shape.
func (c *count) features(cand *candidate) features {
	fs := cand.feats
	if cand.reject != "" {
		return fs
	}
	for _, g := range cand.groups {
		if g.code == "" && g.kind != KindAggregate {
			fs.add(FeatUncoded)
		}
	}
	if cand.at >= 0 && abs(cand.at-c.i) > 12 {
		fs.add(FeatDistant)
	}
	return fs
}

// Reading is one competing reading of a count, for explaining a result:
// eval prints the readings of every miss and false positive.
type Reading struct {
	Sentence   string  // the sentence of the count
	Count      int     // the number read
	Recogniser string  // which recogniser proposed it
	Rule       string  // the fact's rule, or "reject"
	Subject    string  // the group, or the reason for a rejection
	Score      float64 // prior plus feature weights
	Features   string  // the features that moved the score
	Won        bool    // the reading the scorer picked
}

func (c *count) readings(all []candidate, best *candidate) []Reading {
	if len(all) == 0 {
		return []Reading{{Sentence: collapseSpace(c.s.text), Count: c.n, Rule: "none", Subject: "no recogniser read this count"}}
	}
	out := make([]Reading, 0, len(all))
	for _, cand := range all {
		r := Reading{
			Sentence: collapseSpace(c.s.text), Count: c.n, Recogniser: recognisers[cand.rec].name,
			Rule: cand.rule.String(), Score: cand.score, Features: cand.feats.String(),
			Won: best != nil && cand.rec == best.rec && cand.score == best.score && cand.reject == best.reject,
		}
		if cand.reject != "" {
			r.Rule, r.Subject = "reject", cand.reject
		} else {
			var names []string
			for _, g := range cand.groups {
				names = append(names, fmt.Sprintf("%s [%s]", g.subject, g.code))
			}
			r.Subject = strings.Join(names, "; ")
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// Explain returns the facts of an article and, for every count the
// recognisers read, each competing reading with its score.
func (x *Extractor) Explain(a *article.Article) ([]Fact, []Reading, []string) {
	facts, readings, warnings, _ := x.extract(a, true)
	return facts, readings, append(warnings, checkTotals(facts)...)
}
