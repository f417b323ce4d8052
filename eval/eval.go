// Package eval scores extracted facts against hand-coded gold facts, the
// way a researcher checks a dataset: precision, recall and F1 overall, per
// file, per rule and per subject kind, with every miss and false positive
// listed next to its sentence.
//
// Matching follows ../shared/tools/score.py: a predicted fact matches a gold
// fact of the same file and count when their subject codes agree, or, where
// either has no code, when the normalised subject (or canonical name) of the
// prediction equals the gold subject or one of its aliases.
package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/obsfacts/obsfacts/extract"
)

// Gold is one hand-coded fact, in the format of seeds/gold.jsonl.
type Gold struct {
	File        string   `json:"file"`
	Subject     string   `json:"subject"`
	SubjectCode string   `json:"subject_code"`
	Kind        string   `json:"kind"`
	Count       int      `json:"count"`
	Qualifier   string   `json:"qualifier"`
	Status      string   `json:"status"`
	AsOf        string   `json:"as_of"`
	Period      string   `json:"period"`
	Evidence    string   `json:"evidence"`
	Spans       int      `json:"spans"`
	Aliases     []string `json:"aliases"`
}

// Prediction is one extracted fact, reduced to what scoring needs.
type Prediction struct {
	File             string // base name of the input
	Subject          string
	SubjectCanonical string
	SubjectCode      string
	SubjectKind      string
	Count            int
	Qualifier        string
	Status           string
	AsOf             string
	Spans            int
	Rule             string
	Evidence         string
}

// ReadGold reads gold facts from a JSONL file.
func ReadGold(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: read gold: %w", err)
	}
	defer f.Close()
	var out []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(text), &g); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
		g.File = filepath.Base(g.File)
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read gold %s: %w", path, err)
	}
	return out, nil
}

var (
	normPunct = regexp.MustCompile(`[\-–—/.,()'’]`)
	normStop  = regexp.MustCompile(`\b(the|of|observers?|mission)\b`)
)

// norm is score.py's normalisation of subject names.
func norm(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	s = normPunct.ReplaceAllString(s, " ")
	s = normStop.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Miss is a gold fact nothing matched; Extra a prediction nothing matched.
type (
	Miss struct {
		Gold     Gold
		Readings []extract.Reading // the readings of counts equal to the gold's, when explained
	}
	Extra struct {
		Pred     Prediction
		Readings []extract.Reading // the readings that competed for this count, when explained
	}
)

// FieldAgreement counts, over matched facts, how often a field agrees.
type FieldAgreement struct{ Agree, Total int }

// Report is the outcome of scoring.
type Report struct {
	Overall Counts
	PerFile map[string]Counts
	PerRule map[string]Counts // false negatives have no rule and are not counted here
	PerKind map[string]Counts // by gold kind for TP/FN, predicted kind for FP
	Fields  map[string]*FieldAgreement
	Misses  []Miss
	Extras  []Extra
	// Languages maps a file to its article's language, for the summary's
	// per-language lines; the caller fills it (files without one count as
	// "unknown").
	Languages map[string]string
}

// Score matches predictions to gold facts. files limits scoring to these
// base names (nil: every file named by gold or predictions).
func Score(gold []Gold, preds []Prediction, files []string) Report {
	r := Report{PerFile: map[string]Counts{}, PerRule: map[string]Counts{}, PerKind: map[string]Counts{},
		Fields: map[string]*FieldAgreement{"qualifier": {}, "status": {}, "as_of": {}, "kind": {}, "spans": {}}}
	g := map[string][]Gold{}
	for _, x := range gold {
		g[x.File] = append(g[x.File], x)
	}
	p := map[string][]Prediction{}
	for _, x := range preds {
		p[x.File] = append(p[x.File], x)
	}
	keys := map[string]bool{}
	if files != nil {
		for _, f := range files {
			keys[filepath.Base(f)] = true
		}
	} else {
		for k := range g {
			keys[k] = true
		}
		for k := range p {
			keys[k] = true
		}
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, file := range names {
		var c Counts
		golds := dedupe(g[file], func(x Gold) (string, string, int) { return x.SubjectCode, x.Subject, x.Count })
		used := make([]bool, len(golds))
		for _, pr := range dedupe(p[file], func(x Prediction) (string, string, int) { return x.SubjectCode, x.Subject, x.Count }) {
			hit := -1
			for gi, gd := range golds {
				if used[gi] || gd.Count != pr.Count {
					continue
				}
				if gd.SubjectCode != "" && pr.SubjectCode != "" {
					if gd.SubjectCode == pr.SubjectCode {
						hit = gi
						break
					}
					continue
				}
				// gold and prediction may name one total by different noun phrases
				if gd.Kind == extract.KindAggregate && (pr.SubjectKind == extract.KindAggregate || aggregateCodes[pr.SubjectCode]) {
					hit = gi
					break
				}
				names := map[string]bool{norm(gd.Subject): true}
				for _, a := range gd.Aliases {
					names[norm(a)] = true
				}
				if names[norm(pr.Subject)] || names[norm(pr.SubjectCanonical)] {
					hit = gi
					break
				}
			}
			rc := r.PerRule[pr.Rule]
			if hit >= 0 {
				used[hit] = true
				c.TP++
				rc.TP++
				kc := r.PerKind[golds[hit].Kind]
				kc.TP++
				r.PerKind[golds[hit].Kind] = kc
				r.agree(golds[hit], pr)
			} else {
				c.FP++
				rc.FP++
				kc := r.PerKind[pr.SubjectKind]
				kc.FP++
				r.PerKind[pr.SubjectKind] = kc
				r.Extras = append(r.Extras, Extra{Pred: pr})
			}
			r.PerRule[pr.Rule] = rc
		}
		for gi, gd := range golds {
			if !used[gi] {
				c.FN++
				kc := r.PerKind[gd.Kind]
				kc.FN++
				r.PerKind[gd.Kind] = kc
				r.Misses = append(r.Misses, Miss{Gold: gd})
			}
		}
		r.PerFile[file] = c
		r.Overall.add(c)
	}
	return r
}

func (r *Report) agree(g Gold, p Prediction) {
	check := func(field string, ok bool) {
		fa := r.Fields[field]
		fa.Total++
		if ok {
			fa.Agree++
		}
	}
	check("qualifier", g.Qualifier == "" || g.Qualifier == p.Qualifier)
	check("status", g.Status == "" || g.Status == p.Status)
	check("as_of", g.AsOf == p.AsOf)
	check("kind", g.Kind == "" || g.Kind == p.SubjectKind)
	check("spans", g.Spans == p.Spans)
}

// dedupe keeps the first of entries with equal (code, subject, count), as
// score.py does.
func dedupe[T any](in []T, key func(T) (code, subject string, count int)) []T {
	seen := map[string]bool{}
	var out []T
	for _, x := range in {
		code, subject, count := key(x)
		k := fmt.Sprint(code, "|", norm(subject), "|", count)
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// WriteText prints the report: per file (files without gold facts by their
// false positives alone), per kind, field agreement, every miss and false
// positive, and last a labelled summary: overall, per language, per rule.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(name string, c Counts) {
		fmt.Fprintf(bw, "  %-34s tp=%-4d fp=%-4d fn=%-4d precision=%.3f recall=%.3f f1=%.3f\n",
			name, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	section := func(title string, m map[string]Counts) {
		fmt.Fprintf(bw, "%s:\n", title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if name == "" {
				name = "(none)"
			}
			line(name, m[k])
		}
	}
	fmt.Fprintln(bw, "per file:")
	for _, f := range slices.Sorted(maps.Keys(r.PerFile)) {
		c := r.PerFile[f]
		if c.TP+c.FN == 0 {
			// no gold facts: only false positives can be wrong here
			fmt.Fprintf(bw, "  %-34s no gold facts; false positives: %d\n", f, c.FP)
			continue
		}
		line(f, c)
	}
	section("per subject kind", r.PerKind)
	fmt.Fprintln(bw, "field agreement on matched facts:")
	for _, f := range []string{"kind", "qualifier", "status", "as_of", "spans"} {
		fa := r.Fields[f]
		fmt.Fprintf(bw, "  %-10s %d/%d\n", f, fa.Agree, fa.Total)
	}
	if len(r.Misses) > 0 {
		fmt.Fprintf(bw, "misses (%d):\n", len(r.Misses))
		for _, m := range r.Misses {
			fmt.Fprintf(bw, "  - %s: %s %d %q | %s\n", m.Gold.File, orDash(m.Gold.SubjectCode), m.Gold.Count, m.Gold.Subject, oneLine(m.Gold.Evidence, 160))
			writeReadings(bw, m.Readings)
		}
	}
	if len(r.Extras) > 0 {
		fmt.Fprintf(bw, "false positives (%d):\n", len(r.Extras))
		for _, e := range r.Extras {
			fmt.Fprintf(bw, "  + %s: %s %d %q [%s] | %s\n", e.Pred.File, orDash(e.Pred.SubjectCode), e.Pred.Count, e.Pred.Subject, e.Pred.Rule, oneLine(e.Pred.Evidence, 160))
			writeReadings(bw, e.Readings)
		}
	}
	r.writeSummary(bw, line)
	return bw.Flush()
}

// writeSummary prints the block that ends the report, so the figures that
// matter are the last thing on the screen.
// Rules count predictions only: a miss has no rule.
func (r Report) writeSummary(w io.Writer, line func(string, Counts)) {
	files, noGold := 0, 0
	for _, c := range r.PerFile {
		files++
		if c.TP+c.FN == 0 {
			noGold++
		}
	}
	fmt.Fprintf(w, "\nsummary (%d files, %d of them without gold facts):\n", files, noGold)
	line("overall", r.Overall)
	byLang := map[string]Counts{}
	for f, c := range r.PerFile {
		lang := r.Languages[f]
		if lang == "" {
			lang = "unknown"
		}
		lc := byLang[lang]
		lc.add(c)
		byLang[lang] = lc
	}
	for _, lang := range slices.Sorted(maps.Keys(byLang)) {
		line("language "+lang, byLang[lang])
	}
	for _, rule := range slices.Sorted(maps.Keys(r.PerRule)) {
		line("rule "+cmp.Or(rule, "(none)"), r.PerRule[rule])
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// FromFacts turns extracted facts of one file into predictions.
func FromFacts(file string, facts []extract.Fact) []Prediction {
	out := make([]Prediction, 0, len(facts))
	for _, f := range facts {
		out = append(out, Prediction{File: file, Subject: f.Subject, SubjectCanonical: f.SubjectCanonical,
			SubjectCode: f.SubjectCode, SubjectKind: f.SubjectKind, Count: f.Count, Qualifier: f.Qualifier,
			Status: f.Status, AsOf: f.AsOf, Spans: f.Spans, Rule: f.Rule, Evidence: f.Evidence})
	}
	return out
}
