package lang

// Class is a role a word plays for the fact rules: a unit that counts
// observers, a verb of sending, a qualifier, a word that makes a count
// domestic. The rules ask for classes, never for words; each language's data
// file says which of its words belong to which class, as whole words, stems,
// suffixes or phrases. A class a language does not need stays empty in its
// file.
type Class uint8

// The classes. The comments give an English idea of each; the data files hold
// the words. A data file's section name is the class's String.
const (
	// What a number counts.
	UnitObserver  Class = iota // observers: "observers", "наблюдателей"
	UnitPerson                 // persons who are observers in an observer context: "people", "members"
	UnitCandidate              // candidatures, applications: nominated observers
	UnitForeigner              // "foreigners": foreign observers in an observer context
	UnitDiplomat               // "diplomats": observers of the states that sent them
	UnitMP                     // "parliamentarians", "MPs": members of a parliament or a parliamentary assembly
	ObserverWord               // "observation", "наблюдат*": the text speaks of observing
	PeopleNoun                 // "people": a head noun of a list of observer counts
	// Words between a number and its noun.
	Modifier        // "more", "additional", "long-term"
	ModAggregate    // "foreign", "international": a bare count of all observers
	ModCategory     // "long-term", "women": a category of a group
	Domestic        // "domestic", "party", "local": observers out of scope
	DomesticCue     // words that make a whole sentence about domestic observers
	MemberSuffix    // "member", "strong": "a 12-member mission"
	StatusAdjective // "accredited" between a split phrase and its count
	// Numbers in words.
	NumberArticle // "a": "a hundred" is a number
	OneAndHalf    // "полтора": one and a half of the multiplier after it
	// Groups and names.
	MissionNoun    // "mission", "delegation", "team", "group"
	MissionStrict  // "mission", "delegation" only
	MissionOnly    // "mission": an organisation's mission, never a country's delegation
	GroupSuffix    // words that may follow a group's name without changing it
	StateForm      // "Republic", "Kingdom", "Королевства": a word of a state's official name
	NameLower      // words that may stand in lower case inside an organisation's name
	NameStop       // capitalised words that start sentences, not names
	FunctionWord   // words trimmed from the edges of a group phrase
	Article        // "the": dropped before a group's name
	Demonstrative  // "the", "this", "это": "this mission"
	NounOrg        // "organisations", "организаций"
	NounState      // "states", "countries", "государств"
	AggregateMod   // "other", "partner": between a count of states and its noun
	Institution    // "embassy", "commission", "parliament": an institution of a state
	Participants   // "participating", "member": the states of an organisation
	ModifierSuffix // "based", "led" after a hyphen: "US-based" modifies, names no group
	Participle     // "*ed": a participle after a demonym
	Possessive     // "*'s": "ODIHR's observers"
	OriginSuffix   // "*нан": an ablative ending, "from" joined to the word (Kazakh)
	OriginPost     // "атынан", "тарапынан": a postposition after a group, "on behalf of"
	FromParticiple // "келген": a participle of coming or being sent, after the group it came from (Kazakh)
	GenitiveSuffix // "*ның": a genitive ending, "of" joined to the word
	DativeSuffix   // "*ге": a dative ending: "62-ге жетті", reached 62
	LocativeSuffix // "*дағы": "located in", a place joined to a name ("Еуропалық одақтың Қазақстандағы өкілдігі"): no group of its own
	PossessiveMark // "'s" standing alone
	Joint          // "joint": a joint mission of several organisations
	ElectionBody   // "commission", "bodies" after an election word
	Commission     // "CEC", "commission", "ЦИК": an accrediting body
	// Linking a group to a count.
	GroupPrep     // "from", "of", "representing": introduces the group after the noun
	PrepOf        // "of"
	PrepFiller    // "the", "of" after a preposition
	ByAgent       // "by": the agent of a passive verb
	With          // "with": "Russia leads with 77"
	Comitative    // "с" + instrumental: "together with" a partner, not the subject
	Source        // "from", "из": where observers come from
	Origin        // "от", "из": the origin before the count, in group-before order
	OriginLine    // "линии" in "по линии": on behalf of
	ElidedPrep    // prepositions after a count whose noun is left out: "21 from X"
	PassiveFill   // "who", "were", "nominated": between a noun and its group
	CommaVerb     // "represent", "who" after a comma: "412 observers, represent X"
	SenderVerb    // "send", "comprise", "направ*": the group before it sends the count
	SenderPhrase  // "consists of", "в составе": phrases of sending or comprising
	SenderSkip    // "will", "also", "only" between a verb and its count
	LinkVerb      // verbs linking a group written before the count (group-before order)
	PassiveStatus // "аккредитованы", "прибыли": ends a group written before the count
	RepresentedBy // "represented": "represented by 35"
	Apposition    // "headed", "led", "which": a comma part that is no subject
	Destination   // "в", "на": a place observers go to, not a group
	Each          // "each", "apiece", "кажд*": distributive counts
	EachBefore    // "по": a distributive count ("по два")
	Respectively  // "respectively"
	Continuation  // "another", "more", "in addition": a count that adds to one stated before
	RunJoiner     // words joining a run of counts: "and", "about", "up to"
	Conj          // "and", "и"
	But           // "but"
	ClauseBreak   // "while", "whereas", "а": a new clause with its own subject
	ClauseVerb    // "is", "will", "sent" after a list: the last member opens a new clause
	ListIntro     // "including", "namely", "are": opens a list of items
	CoNoun        // "experts", "staff": a noun coordinated with observers, sharing their group
	Copula        // "are", "were"
	AuxVerb       // "were", "has" after a bare count
	Possession    // "has", "have", "had"
	MotionVerb    // "прибыли", "направили" after a bare count: where from follows
	Pronoun       // "it", "they", "its", "их": a group named before
	FirstPerson   // "our", "біздің", "наш": the speaker's own group
	Relative      // "which", "who", "который": a relative pronoun
	ThemPronoun   // "them", "those", "whom": "of them"
	CorefTrigger  // "mission", "they", "состав": a count that refers back
	OfThem        // "of them", "из них": a subset of a group counted before
	SubsetFill    // "represent", "are", "from" between "of them" and the group
	Largest       // "largest", "most", "наибольш*"
	// Not facts.
	Withdraw          // "withdrew", "revoked": observers who left
	Media             // "media", "journalists", "СМИ": persons who report, not observe
	Citizens          // "citizens", "граждан": a country's citizens, not its observers
	CoreTeam          // "core team", "основная группа": a mission's experts, not its observers
	Split             // "of them", "including", "из них": a split of a counted group
	Percent           // "percent"
	RangeSep          // "to", "or", "до": the two ends of a range
	Between           // "between": opens a range
	Label             // "No.", "article", "station": numbers that name rather than count
	LabelAfterArticle // "number" after "the": "the number 1" names
	// Qualifiers (words and phrases before a number).
	QualAtLeast      // "more than", "over", "более"
	QualAbout        // "about", "some", "около"
	QualUpTo         // "up to", "до"
	QualAboutAfter   // "жуық": about, after the number ("250-ге жуық")
	QualAtLeastAfter // "астам": at least, after the number
	QualUpToAfter    // "дейін": up to, after the number ("300-ге дейін"); before it, "бүгінгі күнге дейін" is "to date"
	QualAboutSuffix  // "*дей": about, as an ending of the number ("400-дей")
	// Status cues.
	StatusAccredited
	StatusNominated
	StatusRecommended
	StatusRegistered
	StatusInvited
	StatusExpected
	StatusArrived
	ProcedureNoun // "accreditation": names the procedure, no status by itself
	Received      // "received", "passed": "received accreditation" states it
	InfinitiveTo  // "to" before a verb of observing: a headline's future
	ObserveVerb   // "monitor", "watch", "arrive" after such "to"
	RunStatus     // "accredited", "arrived" before a bare count in a run
	// Totals and time.
	Total          // "in total", "a total of", "всего"
	AllTogether    // "in total", "altogether": a count of all named groups together
	NumberOf       // "number", "total", "число"
	NumberOfPhrase // "number of", "total", "число": "the number of … observers"
	NumberNoun     // "number", "totals", "насчитывает": a verb that counts
	NumberVerb     // "reached", "составило": the number reached N
	NumberVerbFill // "at", "to", "is" between such a verb and its count
	NumberExceed   // "exceeded", "превысило": a verb that is also a qualifier
	AccountFor     // "for" in "accounts for"
	AccountVerb    // "accounts"
	TotalAdjective // "total", "общее": "their total number"
	RiseVerb       // "rose", "вырос*": rose to a value
	AsOf           // "so far", "as of today", "уже": the count holds at publication
	AsOfPrep       // "as of", "by": a date the count holds at
	AsOfPost       // "жағдай бойынша": after a date, the count holds at it ("15 қарашадағы жағдай бойынша")
	PeriodPost     // "аралығында": after a range of dates, the count holds over it ("1-6 қаңтар аралығында")
	AsOfAtStart    // "на" opening a sentence before a date
	AsOfTo         // "to" before a date the count holds at
	PeriodPrep     // "from", "between", "during": a date range that is a period
	PeriodFrom     // "from", "since": a date that starts a period
	PeriodEnd      // "to", "until", "по": a date that ends a period
	YearWord       // "year", "года", "г" after a year
	DateRange      // "to", "until", "по": joins the days of a date range
	ElectionWord   // "election", "vote", "выбор*"
	Accredit       // "accredit*", "register*": the act of accrediting
	SendCue        // "send", "arriv*": the act of sending

	numClasses
)

var classNames = [numClasses]string{
	UnitObserver:      "unit_observer",
	UnitPerson:        "unit_person",
	UnitCandidate:     "unit_candidate",
	UnitForeigner:     "unit_foreigner",
	UnitDiplomat:      "unit_diplomat",
	UnitMP:            "unit_mp",
	ObserverWord:      "observer_word",
	PeopleNoun:        "people_noun",
	Modifier:          "modifier",
	ModAggregate:      "modifier_aggregate",
	ModCategory:       "modifier_category",
	Domestic:          "domestic",
	DomesticCue:       "domestic_cue",
	MemberSuffix:      "member_suffix",
	StatusAdjective:   "status_adjective",
	NumberArticle:     "number_article",
	OneAndHalf:        "one_and_half",
	MissionNoun:       "mission_noun",
	MissionStrict:     "mission_strict",
	MissionOnly:       "mission_only",
	GroupSuffix:       "group_suffix",
	StateForm:         "state_form",
	NameLower:         "name_lower",
	NameStop:          "name_stop",
	FunctionWord:      "function_word",
	Article:           "article",
	Demonstrative:     "demonstrative",
	NounOrg:           "noun_org",
	NounState:         "noun_state",
	AggregateMod:      "aggregate_modifier",
	Institution:       "institution",
	Participants:      "participants",
	ModifierSuffix:    "modifier_suffix",
	Participle:        "participle",
	Possessive:        "possessive",
	OriginSuffix:      "origin_suffix",
	OriginPost:        "origin_post",
	FromParticiple:    "from_participle",
	GenitiveSuffix:    "genitive_suffix",
	DativeSuffix:      "dative_suffix",
	LocativeSuffix:    "locative_suffix",
	PossessiveMark:    "possessive_mark",
	Joint:             "joint",
	ElectionBody:      "election_body",
	Commission:        "commission",
	GroupPrep:         "group_preposition",
	PrepOf:            "preposition_of",
	PrepFiller:        "preposition_filler",
	ByAgent:           "by_agent",
	With:              "with",
	Comitative:        "comitative",
	Source:            "source",
	Origin:            "origin",
	OriginLine:        "origin_line",
	ElidedPrep:        "elided_preposition",
	PassiveFill:       "passive_filler",
	CommaVerb:         "comma_verb",
	SenderVerb:        "sender_verb",
	SenderPhrase:      "sender_phrase",
	SenderSkip:        "sender_skip",
	LinkVerb:          "link_verb",
	PassiveStatus:     "passive_status",
	RepresentedBy:     "represented_by",
	Apposition:        "apposition",
	Destination:       "destination",
	Each:              "each",
	EachBefore:        "each_before",
	Respectively:      "respectively",
	Continuation:      "continuation",
	RunJoiner:         "run_joiner",
	Conj:              "conjunction",
	But:               "but",
	ClauseBreak:       "clause_break",
	ClauseVerb:        "clause_verb",
	ListIntro:         "list_intro",
	CoNoun:            "co_noun",
	Copula:            "copula",
	AuxVerb:           "aux_verb",
	Possession:        "possession",
	MotionVerb:        "motion_verb",
	Pronoun:           "pronoun",
	FirstPerson:       "first_person",
	Relative:          "relative",
	ThemPronoun:       "them_pronoun",
	CorefTrigger:      "coref_trigger",
	OfThem:            "of_them",
	SubsetFill:        "subset_filler",
	Largest:           "largest",
	Withdraw:          "withdraw",
	Media:             "media",
	Citizens:          "citizens",
	CoreTeam:          "core_team",
	Split:             "split",
	Percent:           "percent",
	RangeSep:          "range_separator",
	Between:           "between",
	Label:             "label",
	LabelAfterArticle: "label_after_article",
	QualAtLeast:       "qualifier_at_least",
	QualAbout:         "qualifier_about",
	QualUpTo:          "qualifier_up_to",
	QualAboutAfter:    "qualifier_about_after",
	QualAtLeastAfter:  "qualifier_at_least_after",
	QualUpToAfter:     "qualifier_up_to_after",
	QualAboutSuffix:   "qualifier_about_suffix",
	StatusAccredited:  "status_accredited",
	StatusNominated:   "status_nominated",
	StatusRecommended: "status_recommended",
	StatusRegistered:  "status_registered",
	StatusInvited:     "status_invited",
	StatusExpected:    "status_expected",
	StatusArrived:     "status_arrived",
	ProcedureNoun:     "procedure_noun",
	Received:          "received",
	InfinitiveTo:      "infinitive_to",
	ObserveVerb:       "observe_verb",
	RunStatus:         "run_status",
	Total:             "total",
	AllTogether:       "all_together",
	NumberOf:          "number_of",
	NumberOfPhrase:    "number_of_phrase",
	NumberNoun:        "number_noun",
	NumberVerb:        "number_verb",
	NumberVerbFill:    "number_verb_filler",
	NumberExceed:      "number_exceed",
	AccountFor:        "account_for",
	AccountVerb:       "account_verb",
	TotalAdjective:    "total_adjective",
	RiseVerb:          "rise_verb",
	AsOf:              "as_of",
	AsOfPrep:          "as_of_preposition",
	AsOfPost:          "as_of_postposition",
	PeriodPost:        "period_postposition",
	AsOfAtStart:       "as_of_at_start",
	AsOfTo:            "as_of_to",
	PeriodPrep:        "period_preposition",
	PeriodFrom:        "period_from",
	PeriodEnd:         "period_end",
	YearWord:          "year_word",
	DateRange:         "date_range",
	ElectionWord:      "election_word",
	Accredit:          "accredit",
	SendCue:           "send_cue",
}

var classByName = func() map[string]Class {
	m := make(map[string]Class, numClasses)
	for c, n := range classNames {
		m[n] = Class(c) // TestClassesNamed checks that every class has a name
	}
	return m
}()

// String returns the class's section name in the data files.
func (c Class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return "class?"
}

// ClassSet is a set of classes.
type ClassSet [(numClasses + 63) / 64]uint64

// Has reports whether c is in the set.
func (s ClassSet) Has(c Class) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// Add puts c into the set.
func (s *ClassSet) Add(c Class) { s[c>>6] |= 1 << (c & 63) }

// Remove takes c out of the set.
func (s *ClassSet) Remove(c Class) { s[c>>6] &^= 1 << (c & 63) }

// Union returns the classes of both sets.
func (s ClassSet) Union(o ClassSet) ClassSet {
	for i := range s {
		s[i] |= o[i]
	}
	return s
}

// Empty reports a set with no class.
func (s ClassSet) Empty() bool { return s == ClassSet{} }
