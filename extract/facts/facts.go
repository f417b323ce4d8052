// Package facts turns an Article into observer Facts, in fixed stages:
//
//  1. prepare: split the body into sentences; tokenize each with the lexicon
//     of its language (package lang); find entity mentions (package
//     gazetteer) and dates;
//  2. counts: find the numbers that may count observers, with their qualifier
//     and the noun they count (counts.go, units.go);
//  3. recognise: small independent recognisers (recognisers.go) each propose
//     candidate readings of a count: a group it belongs to, or a reason it is
//     not a fact;
//  4. score: each candidate gets its recogniser's prior plus the weights of
//     its features, and the best reading of each count wins (score.go);
//  5. conventions: one fact per group and count, the headline rule, status
//     inherited by list items, as_of and periods, the election, and the
//     parts-against-totals checks (conventions.go, context.go, checks.go).
//
// It knows nothing of HTTP, SQLite or page markup.
package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/gazetteer"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// Extractor finds observer facts in articles. Build it once with
// NewExtractor (it loads the gazetteer, the language data and the elections
// calendar) and share it: it is safe for concurrent use.
type Extractor struct {
	limits       Limits
	gaz          *gazetteer.Gazetteer
	cal          *Calendar
	lists        extractorLists
	hostCues     []hostCue           // words that place an article's election in a country
	electionCues map[string][]string // election type -> words that name it
	skeletons    map[lang.Code]*skeletonCues
}

// hostCue is a word that places an election in a country: a parliament's
// name, a capital ("Jogorku Kenesh", "Bishkek").
type hostCue struct{ code, word string }

// extractorLists are the free lists of every language's data file that the
// article-level filters read, gathered once.
type extractorLists struct {
	pageFilter        []string        // substrings of pages that may state observers
	accreditationCues []string        // the article speaks of accreditation
	foreignCues       []string        // the article speaks of foreign observers
	modifierSuffixes  []string        // "-based", "-led": a name used as a modifier
	abbreviations     map[string]bool // words whose period ends no sentence
	kazakhOutlets     []string        // names and hosts of Kazakh outlets: their elections are Kazakh by default
}

// NewExtractor returns an extractor using the embedded gazetteer, language
// data and elections calendar, with DefaultLimits.
func NewExtractor() *Extractor {
	return NewExtractorWithLimits(DefaultLimits)
}

// NewExtractorWithLimits returns an extractor that keeps to the limits.
func NewExtractorWithLimits(l Limits) *Extractor {
	x := &Extractor{limits: l, gaz: gazetteer.DefaultGazetteer(), cal: DefaultCalendar()}
	x.lists.abbreviations = map[string]bool{}
	x.electionCues = map[string][]string{}
	for _, c := range lang.Supported() {
		l := lang.For(c)
		x.lists.kazakhOutlets = append(x.lists.kazakhOutlets, l.List("kazakh_outlet")...)
		for _, name := range l.ListNames() {
			if code, ok := strings.CutPrefix(name, "host "); ok {
				for _, w := range l.List(name) {
					x.hostCues = append(x.hostCues, hostCue{code: code, word: w})
				}
			}
			if typ, ok := strings.CutPrefix(name, "election_type "); ok {
				x.electionCues[typ] = append(x.electionCues[typ], l.List(name)...)
			}
		}
		x.lists.pageFilter = append(x.lists.pageFilter, l.List("page_filter")...)
		x.lists.accreditationCues = append(x.lists.accreditationCues, l.List("accreditation_cue")...)
		x.lists.foreignCues = append(x.lists.foreignCues, l.List("foreign_cue")...)
		x.lists.modifierSuffixes = append(x.lists.modifierSuffixes, l.List("modifier_suffix")...)
		for _, a := range l.List("abbreviation") {
			x.lists.abbreviations[a] = true
		}
	}
	// ASCII needles first: they fold without lower-casing the text.
	sort.SliceStable(x.lists.pageFilter, func(i, j int) bool {
		return x.lists.pageFilter[i] < "\x80" && x.lists.pageFilter[j] >= "\x80"
	})
	x.skeletons = x.newSkeletonCues()
	return x
}

// Extract returns the facts the article states, after the per-article
// conventions (one fact per group and count, headline only when it adds a
// number) and the consistency checks. Warnings describe disagreements.
func (x *Extractor) Extract(a *article.Article) ([]Fact, []string) {
	facts, _, warnings, _ := x.extract(a, false)
	return facts, append(warnings, checkTotals(facts)...)
}

// ExtractWithin is Extract under the extractor's time limit: past it, it
// stops and returns ErrTimeout with no facts.
func (x *Extractor) ExtractWithin(a *article.Article) ([]Fact, []string, error) {
	facts, _, warnings, err := x.extract(a, false)
	if err != nil {
		return nil, warnings, err
	}
	return facts, append(warnings, checkTotals(facts)...), nil
}

// extract runs the stages; with explain set it also returns every count's
// competing readings.
func (x *Extractor) extract(a *article.Article, explain bool) ([]Fact, []Reading, []string, error) {
	sk := x.skeletonCues(lang.Code(a.Language))
	if !sk.mayStateObservers(x, a.Body) && !sk.mayStateObservers(x, a.Title) {
		return nil, nil, nil, nil
	}
	var deadline time.Time
	if x.limits.TimeLimit > 0 {
		deadline = time.Now().Add(x.limits.TimeLimit)
	}
	d := x.newDoc(a)
	var picked []pick
	var readings []Reading
	var warnings []string
	for si := range d.sents {
		if !deadline.IsZero() && time.Now().After(deadline) {
			return nil, nil, nil, fmt.Errorf("%w after %s", ErrTimeout, x.limits.TimeLimit)
		}
		if !d.sents[si].candidate {
			continue
		}
		p, r := d.sentenceFacts(si, explain)
		picked = append(picked, p...)
		readings = append(readings, r...)
		if x.limits.MaxFacts > 0 && len(picked) > 4*x.limits.MaxFacts {
			break // restatements are merged below; this bounds the work
		}
	}
	facts := d.toFacts(picked, false)
	if x.limits.MaxFacts > 0 && len(facts) > x.limits.MaxFacts {
		warnings = append(warnings, fmt.Sprintf("%d facts, only the first %d kept", len(facts), x.limits.MaxFacts))
		facts = facts[:x.limits.MaxFacts]
	}
	if a.Title != "" && d.titleObservers {
		facts = d.addHeadlineFacts(facts)
	}
	d.fillElection(facts)
	for i := range facts {
		facts[i].ID = factID(a, &facts[i])
	}
	return facts, readings, warnings, nil
}

// factID is stable across runs: the article's identity, the group and the count.
func factID(a *article.Article, f *Fact) string {
	src := a.URL
	if !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://") {
		if i := strings.LastIndexAny(src, `/\`); i >= 0 {
			src = src[i+1:]
		}
	}
	h := sha256.Sum256([]byte(src + "\x00" + factKey(f)))
	return hex.EncodeToString(h[:8])
}

// collapseSpace turns runs of white space (line breaks included) into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if lang.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
