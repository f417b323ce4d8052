// Package extract is obsfacts' extraction pipeline, one entry point over three
// stages that each live in a package of their own:
//
//	article   a fetched Page -> an Article (layouts, charsets, text dumps, dates)
//	facts     an Article -> observer Facts (recognisers, scorer, conventions, checks)
//	gazetteer names of countries and organisations -> canonical names and codes
//
// Commands, the crawler and the store call Extractor.Process and use the
// types re-exported here; they need not know the stages. The package knows
// nothing of HTTP or SQLite: callers hand it bytes and get values.
package extract

import (
	"fmt"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/facts"
)

// Version identifies the extraction logic, page reading included. Bump it
// whenever a change may alter the facts produced from the same page, so
// stored rows can be told apart and re-extracted.
const Version = "0.1.0"

// The pipeline's values, defined by the stage that makes them.
type (
	// Page is a document as it was fetched or read, before any interpretation.
	Page = article.Page
	// Article is the editorial content of a page with boilerplate removed.
	Article = article.Article
	// Fact is one stated count of observers, with its provenance.
	Fact = facts.Fact
	// Reading is one reading of a count that a recogniser proposed, with
	// its score: Explain returns them all, to show why a fact was (not) found.
	Reading = facts.Reading
)

// Result is what the pipeline makes of one page.
type Result struct {
	Article  Article
	Facts    []Fact
	Warnings []string // non-fatal problems, e.g. parts that do not add up to a total
}

// Extractor runs the pipeline. Build it once with NewExtractor (it loads the
// gazetteer and the elections calendar) and share it: it is safe for
// concurrent use.
type Extractor struct {
	facts *facts.Extractor
}

// Limits bound the work and output of one page: the longest sentence read
// whole, the most facts kept and the most time spent. See facts.Limits.
type Limits = facts.Limits

// DefaultLimits are those of NewExtractor: no time limit.
var DefaultLimits = facts.DefaultLimits

// ErrTimeout is returned (wrapped) by Process when a page takes longer than
// Limits.TimeLimit; the page is read, its facts are not.
var ErrTimeout = facts.ErrTimeout

// NewExtractor returns an extractor using the embedded data files and
// DefaultLimits.
func NewExtractor() *Extractor {
	return &Extractor{facts: facts.NewExtractor()}
}

// NewExtractorWithLimits returns an extractor that keeps to the limits; the
// crawler and the commands give it a time limit so that one page cannot
// stall a crawl.
func NewExtractorWithLimits(l Limits) *Extractor {
	return &Extractor{facts: facts.NewExtractorWithLimits(l)}
}

// Process runs the whole pipeline on one page: article extraction, then
// fact extraction and checks.
func (x *Extractor) Process(p Page) (*Result, error) {
	a, err := article.Parse(p)
	if err != nil {
		return nil, err
	}
	fs, warnings, err := x.facts.ExtractWithin(&a)
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", p.Source, err)
	}
	return &Result{Article: a, Facts: fs, Warnings: warnings}, nil
}

// Explain runs the pipeline like Process and also returns, for every count
// the recognisers read, each competing reading with its score.
func (x *Extractor) Explain(p Page) (*Result, []Reading, error) {
	a, err := article.Parse(p)
	if err != nil {
		return nil, nil, err
	}
	fs, readings, warnings := x.facts.Explain(&a)
	return &Result{Article: a, Facts: fs, Warnings: warnings}, readings, nil
}

// Extract returns the facts an already parsed article states, and warnings
// about disagreements between them.
func (x *Extractor) Extract(a *Article) ([]Fact, []string) {
	return x.facts.Extract(a)
}

// Subject kinds, qualifiers and statuses of Fact, re-exported for callers
// that build or test facts.
const (
	KindOrganization = facts.KindOrganization
	KindCountry      = facts.KindCountry
	KindAggregate    = facts.KindAggregate

	QualExact   = facts.QualExact
	QualAtLeast = facts.QualAtLeast
	QualAbout   = facts.QualAbout
	QualUpTo    = facts.QualUpTo

	StatusAccredited  = facts.StatusAccredited
	StatusRecommended = facts.StatusRecommended
	StatusNominated   = facts.StatusNominated
	StatusInvited     = facts.StatusInvited
	StatusExpected    = facts.StatusExpected
	StatusArrived     = facts.StatusArrived
	StatusRegistered  = facts.StatusRegistered
)
