package facts

import "strings"

// Word lists the fact rules read sentences with. English entries are whole
// lower-case words; Russian entries are stems (Russian inflects), matched as
// prefixes by hasStem.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// hasStem reports whether w starts with one of the stems.
func hasStem(w string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// observer units: what a counted noun must be for the count to be observers.
var (
	observerNounsEN = set("observer", "observers", "monitor", "monitors", "observer's", "observers'")
	observerStemsRU = []string{"наблюдател"}
	// persons count observers only in an observer context ("a group of
	// observers ... at least 50 people").
	personNounsEN = set("people", "persons", "members", "representatives", "lawmakers", "mps", "meps", "deputies",
		"diplomats", "senators", "legislators", "staffers",
		"delegates", "parliamentarians", "officials", "specialists")
	personStemsRU = []string{"человек", "представител", "член", "парламентари", "депутат"}
	// candidacies count observers when they come from states or organisations.
	candidateNounsEN = set("candidates", "candidacies", "candidatures", "nominees", "applications")
	candidateStemsRU = []string{"кандидатур", "заявк"}
)

// modifiers may stand between a number and its noun ("8 more observers",
// "30 long-term observers").
var (
	modifiersEN = set("more", "additional", "other", "foreign", "international", "independent",
		"accredited", "official", "long-term", "short-term", "longterm", "shortterm", "new",
		"registered", "election", "electoral", "extra", "overseas", "invited", "observation",
		"observer", "parliamentary", "individual", "outside", "external", "visiting", "further",
		"expected", "nominated", "proposed", "total", "strong", "monitoring")
	modifierStemsRU = []string{"иностран", "международн", "зарубежн", "аккредитованн", "долгосрочн",
		"краткосрочн", "независим", "официальн", "нов", "дополнительн", "наблюдательн",
		"зарегистрированн", "приглашенн", "приглашённ", "ещ", "других", "другие", "прочих"}
	// aggregateAdjectives make a bare count an all-observers total.
	aggregateAdjEN     = set("foreign", "international", "overseas", "outside", "external")
	aggregateAdjStemRU = []string{"иностран", "международн", "зарубежн"}
	// categoryModifiers split a group by kind of observer: such a count is a
	// fact only when its own phrase names the group.
	categoryEN     = set("long-term", "short-term", "longterm", "shortterm", "women", "female", "male", "young")
	categoryStemRU = []string{"долгосрочн", "краткосрочн", "женщин"}
)

// domestic observers are out of scope.
var (
	domesticEN = set("domestic", "national", "local", "party", "parties", "citizen", "citizens",
		"public", "ngo", "ngos", "non-governmental", "nongovernmental", "civic", "civil",
		"candidates'", "partisan", "proxies", "home-grown", "non-partisan", "nonpartisan", "student", "students",
		"youth", "volunteer", "volunteers")
	domesticStemRU = []string{"отечествен", "национальн", "местн", "партийн", "партий", "партии",
		"общественн", "доверенн", "гражданск", "неправительствен", "молодеж", "волонтер", "студент"}
)

// withdrawals and revocations: a count that left is not a headcount.
var (
	withdrawEN = []string{"withdr", "revok", "revoc", "recall", "cancel", "stripped", "deprived", "annul", "refused", "denied", "rejected", "expelled"}
	withdrawRU = []string{"отозва", "отзыв", "лишен", "лишён", "аннулир", "отказа", "отклон", "выслан", "отмен"}
)

// splitWords introduce a category split of a group already counted.
var splitPhrasesEN = [][]string{
	{"of", "them"}, {"of", "those"}, {"of", "whom"}, {"of", "which"}, {"among", "them"},
	{"among", "whom"}, {"including"}, {"incl"}, {"among", "those"},
}
var splitPhrasesRU = [][]string{{"в", "их", "числе"}, {"из", "общего", "числа"}, {"из", "числа"}, {"из", "них"}, {"в", "том", "числе"}, {"среди", "них"}, {"включая"}, {"из", "которых"}}

// qualifiers before a number.
var qualifierPhrases = []struct {
	words []string
	qual  string
}{
	{[]string{"more", "than"}, QualAtLeast}, {[]string{"over"}, QualAtLeast}, {[]string{"at", "least"}, QualAtLeast},
	{[]string{"no", "fewer", "than"}, QualAtLeast}, {[]string{"no", "less", "than"}, QualAtLeast},
	{[]string{"not", "less", "than"}, QualAtLeast}, {[]string{"not", "fewer", "than"}, QualAtLeast},
	{[]string{"upwards", "of"}, QualAtLeast}, {[]string{"in", "excess", "of"}, QualAtLeast},
	{[]string{"exceeding"}, QualAtLeast}, {[]string{"exceeded"}, QualAtLeast}, {[]string{"above"}, QualAtLeast},
	{[]string{"around"}, QualAbout}, {[]string{"about"}, QualAbout}, {[]string{"approximately"}, QualAbout},
	{[]string{"some"}, QualAbout}, {[]string{"nearly"}, QualAbout}, {[]string{"almost"}, QualAbout},
	{[]string{"roughly"}, QualAbout}, {[]string{"approx"}, QualAbout}, {[]string{"close", "to"}, QualAbout},
	{[]string{"an", "estimated"}, QualAbout}, {[]string{"circa"}, QualAbout},
	{[]string{"up", "to"}, QualUpTo}, {[]string{"as", "many", "as"}, QualUpTo},
	{[]string{"не", "менее"}, QualAtLeast}, {[]string{"не", "меньше"}, QualAtLeast}, {[]string{"более"}, QualAtLeast},
	{[]string{"больше"}, QualAtLeast}, {[]string{"свыше"}, QualAtLeast}, {[]string{"превысило"}, QualAtLeast},
	{[]string{"превысил"}, QualAtLeast}, {[]string{"превышает"}, QualAtLeast}, {[]string{"превысит"}, QualAtLeast},
	{[]string{"около"}, QualAbout}, {[]string{"порядка"}, QualAbout}, {[]string{"почти"}, QualAbout},
	{[]string{"примерно"}, QualAbout}, {[]string{"приблизительно"}, QualAbout}, {[]string{"около"}, QualAbout},
	{[]string{"до"}, QualUpTo},
}

// org and state nouns of aggregate phrases ("from 10 international organisations").
var (
	orgNounsEN   = set("organizations", "organisations", "organization", "organisation", "bodies", "institutions", "structures", "missions", "agencies")
	orgStemRU    = []string{"организац", "структур"}
	stateNounsEN = set("states", "countries", "nations", "state", "country", "nation", "governments")
	stateStemRU  = []string{"государств", "стран"}
)

// senderVerbs link a group named before a count to it ("X will send N",
// "X's mission comprises N").
var senderVerbsEN = set("send", "sends", "sent", "sending", "dispatch", "dispatches", "dispatched",
	"delegate", "delegates", "delegated", "deploy", "deploys", "deployed", "deploying", "comprise",
	"comprises", "comprised", "comprising", "include", "includes", "included", "number", "numbers",
	"numbered", "numbering", "totals", "totalled", "totaled", "has", "have", "had", "brings", "brought",
	"bring", "fielded", "fields", "field", "provide", "provides", "provided", "contribute", "contributes",
	"contributed", "nominate", "nominates", "nominated", "propose", "proposed", "proposes", "involve",
	"involves", "involved", "unite", "unites", "united", "accommodate", "represented", "request", "requests",
	"requested", "seek", "seeks", "recruit", "recruits", "with", "counts", "fielded", "fields")

var senderPhrasesEN = [][]string{
	{"consists", "of"}, {"consisted", "of"}, {"consist", "of"}, {"consisting", "of"}, {"made", "up", "of"},
	{"composed", "of"}, {"represented", "by"}, {"is", "represented", "by"}, {"will", "include"},
	{"candidatures", "of"}, {"candidacies", "of"}, {"applications", "of"}, {"nominations", "of"},
	{"accounts", "for"}, {"account", "for"}, {"accounted", "for"}, {"в", "количестве"}, {"в", "составе"},
	{"will", "consist", "of"}, {"mission", "of"}, {"delegation", "of"}, {"team", "of"}, {"group", "of"},
}

var senderStemsRU = []string{"направ", "пришл", "присыла", "делегир", "выдвину", "выдвига", "предостав",
	"состоит", "состоят", "состав", "включ", "насчитыва", "войд", "вошл", "представлена", "представлены", "представлено", "прибуд", "прибыл", "будет", "будут", "численност"}

// coreference triggers: the count belongs to a group named before.
var corefWordsEN = set("mission", "delegation", "group", "team", "they", "their", "its", "it")
var corefStemRU = []string{"мисси", "делегац", "групп", "они", "их", "ее", "её", "состав"}

// status cues, strongest first.
var statusCues = []struct {
	status string
	stems  []string
}{
	{StatusAccredited, []string{"accredit", "аккредит"}},
	{StatusNominated, []string{"nominat", "candidac", "candidatur", "candidates", "applications", "proposed", "propose", "proposals", "submitted", "выдвин", "кандидатур", "заявк", "предложен"}},
	{StatusRecommended, []string{"recommend", "рекомендова"}},
	{StatusRegistered, []string{"registered", "registration", "registers", "register", "зарегистр", "регистрац"}},
	{StatusInvited, []string{"invited", "invites", "invite", "приглас"}},
	{StatusExpected, []string{"will", "plan", "expect", "intend", "shall", "would", "планир", "ожида", "будет", "будут", "намер", "направит", "направят", "прибуд", "приед", "примут", "войдут", "составит", "присоедин"}},
	{StatusArrived, []string{"arrived", "working", "observed", "observing", "monitored", "deployed", "visited", "sent", "came",
		"прибыл", "работа", "наблюдал", "следил", "посетил", "направил", "прислал", "направлен", "приехал", "delegated"}},
}

// asOfWords anchor a count to the publication date.
var asOfPhrases = [][]string{
	{"so", "far"}, {"as", "of", "today"}, {"to", "date"}, {"already"}, {"today"}, {"currently"},
	{"at", "present"}, {"at", "the", "moment"}, {"as", "of", "now"}, {"by", "now"}, {"thus", "far"},
	{"на", "сегодняшний", "день"}, {"на", "сегодня"}, {"уже"}, {"на", "данный", "момент"},
	{"к", "настоящему", "времени"}, {"сегодня"}, {"в", "настоящее", "время"}, {"на", "текущий", "момент"},
}

// totalPhrases mark a count of all observers.
var totalPhrases = [][]string{
	{"in", "total"}, {"a", "total", "of"}, {"total", "of"}, {"overall"}, {"in", "general"}, {"altogether"},
	{"total", "number"}, {"number", "of"}, {"всего"}, {"в", "общей", "сложности"}, {"общее", "число"},
	{"общее", "количество"}, {"число"}, {"количество"}, {"итого"}, {"в", "целом"},
}
