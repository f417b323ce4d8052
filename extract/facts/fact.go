package facts

import "github.com/obsfacts/obsfacts/extract/gazetteer"

// Fact is one stated count of observers, with the sentence that states it.
//
// Offsets are in characters (Unicode code points) of article.Article.Body, so
// []rune(body)[CharStart:CharEnd] == Evidence in any language.
type Fact struct {
	ID               string // stable: same page, same group, same count -> same ID
	Subject          string // the observer group as written in the sentence
	SubjectCanonical string // canonical name from the gazetteer, or Subject
	SubjectCode      string // ISO 3166 alpha-2, organisation code, ALL/ORGS/STATES, or ""
	SubjectKind      string // KindOrganization, KindCountry or KindAggregate
	Count            int
	Qualifier        string // QualExact, QualAtLeast, QualAbout, QualUpTo
	Status           string // accredited, recommended, nominated, invited, expected, arrived, registered
	AsOf             string // YYYY-MM-DD or ""
	PeriodStart      string // YYYY-MM-DD or ""
	PeriodEnd        string // YYYY-MM-DD or ""
	Evidence         string
	CharStart        int
	CharEnd          int
	Rule             string // which pattern produced the fact
	Spans            int    // for aggregates: organisations/states the count spans; 0 = not stated
	Check            string // why this fact disagrees with others of its article, or ""
	ElectionDate     string // YYYY-MM-DD or ""
	ElectionType     string // presidential, parliamentary, maslikhat, referendum, senate, local ...
	ElectionCountry  string // ISO 3166-1 alpha-2 code of the country holding the election, or ""
}

// Subject kinds.
const (
	KindOrganization = gazetteer.KindOrganization
	KindCountry      = gazetteer.KindCountry
	KindAggregate    = "aggregate"
)

// Qualifiers.
const (
	QualExact   = "exact"
	QualAtLeast = "at_least"
	QualAbout   = "about"
	QualUpTo    = "up_to"
)

// Statuses.
const (
	StatusAccredited  = "accredited"
	StatusRecommended = "recommended"
	StatusNominated   = "nominated"
	StatusInvited     = "invited"
	StatusExpected    = "expected"
	StatusArrived     = "arrived"
	StatusRegistered  = "registered"
)

// Aggregate subject codes.
const (
	CodeAll    = "ALL"    // all foreign and international observers, or a stated total
	CodeOrgs   = "ORGS"   // observers of international organisations together
	CodeStates = "STATES" // observers of foreign states together
)
