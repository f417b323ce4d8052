// Package gazetteer recognises the names of countries and organisations in
// news text, in every language obsfacts reads, and maps them to canonical
// names and codes (ISO 3166-1 alpha-2 for countries, DESIGN.md's codes for
// organisations). It matches tolerantly but never guesses a code from a weak
// match.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/obsfacts/obsfacts/extract/lang"
)

// Kinds of entity; they are also the subject kinds of facts.
const (
	KindOrganization = "organization"
	KindCountry      = "country"
)

// Entity is a country or an organisation known to the gazetteer.
type Entity struct {
	Code      string // ISO 3166-1 alpha-2 for countries; organisation code; "" if none is certain
	Canonical string // canonical English name, e.g. "Interparliamentary Assembly of the CIS", "Russia"
	Kind      string // KindOrganization or KindCountry
}

// MatchQuality tells how surely a phrase names an entity.
type MatchQuality int

// Match qualities, from none to certain.
const (
	MatchNone  MatchQuality = iota // no entity
	MatchWeak                      // resembles an entity; Entity.Code is "" (do not guess)
	MatchFuzzy                     // a misspelt name that is still certain
	MatchExact                     // a known alias, inflection and spelling variants included
)

func (q MatchQuality) String() string {
	switch q {
	case MatchWeak:
		return "weak"
	case MatchFuzzy:
		return "fuzzy"
	case MatchExact:
		return "exact"
	}
	return "none"
}

// Mention is an entity name found in a text by Gazetteer.Find.
type Mention struct {
	Start, End int    // byte offsets into the text passed to Find
	Text       string // text[Start:End]
	Entity     Entity
	Quality    MatchQuality
}

// Gazetteer recognises countries and organisations in English and Russian
// text. It is immutable once built and safe for concurrent use.
type Gazetteer struct {
	entities []Entity
	parent   []int32 // index of the parent organisation (OSCE for OSCE-PA), or -1
	byCode   map[string]int32
	root     *gzNode
	forms    map[string][]string // Russian word form -> nominatives it inflects
	ignore   map[string]bool     // words that may surround a name in Lookup ("mission", "из")
	generic  map[string]bool     // words that alone never name an entity ("international")
	fuzzy    []gzFuzzy           // every alias, sorted by key length
	vocab    map[string]bool     // every word of an alias, as a key

	// the names of languages written in more than one script, in their
	// skeleton (see Names.Skeleton)
	skeletons map[string]func(string) string // language -> its skeleton
	skelForms map[string][]string            // skeleton word form -> skeleton lemmas it inflects
	skelVocab map[string]bool                // every word of a skeleton alias
}

var (
	//go:embed data/countries.tsv
	gzCountriesTSV string
	//go:embed data/organizations.tsv
	gzOrganizationsTSV string

	//go:embed data/names_*.tsv
	gzNamesFS embed.FS

	defaultGazetteer = sync.OnceValue(func() *Gazetteer {
		var names []Names
		entries, _ := gzNamesFS.ReadDir("data")
		for _, e := range entries {
			code, ok := strings.CutPrefix(strings.TrimSuffix(e.Name(), ".tsv"), "names_")
			if !ok {
				continue
			}
			b, err := gzNamesFS.ReadFile("data/" + e.Name())
			if err != nil {
				panic(err)
			}
			lex := lang.For(lang.Code(code))
			n := Names{Lang: code, Table: strings.NewReader(string(b)), Endings: lex.List("name_suffix")}
			if lex.HasSkeleton() {
				n.Skeleton = lex.Skeleton
			}
			names = append(names, n)
		}
		g, err := NewGazetteer(strings.NewReader(gzCountriesTSV), strings.NewReader(gzOrganizationsTSV), names...)
		if err != nil {
			panic(err) // the embedded data is checked by the tests
		}
		return g
	})
)

// Names is a table of one more language's names of the entities, by code
// (data/names_<lang>.tsv: code, then the names, "|"-separated). Endings are
// the case endings the language joins to the last word of a name
// ("ұйымы" -> "ұйымынан"); the name matches with any of them. Skeleton,
// when the language is written in more than one script, takes a word of any
// of them to one form ("Қазақстан", "Qazaqstan" -> "qazaqstan"): the names
// are entered in their skeleton too, and FindIn and LookupIn match the
// Latin-script words of a text of that language by their skeleton.
type Names struct {
	Lang     string
	Table    io.Reader
	Endings  []string
	Skeleton func(string) string
}

// DefaultGazetteer returns the gazetteer built from the embedded data files
// (data/countries.tsv and data/organizations.tsv). It is built once.
func DefaultGazetteer() *Gazetteer { return defaultGazetteer() }

// NewGazetteer builds a gazetteer from tables in the format of
// data/countries.tsv and data/organizations.tsv (see their headers), and
// the names of more languages.
func NewGazetteer(countries, organizations io.Reader, more ...Names) (*Gazetteer, error) {
	g := &Gazetteer{
		root:    newGzNode(),
		forms:   make(map[string][]string),
		ignore:  make(map[string]bool),
		generic: make(map[string]bool),
		vocab:   make(map[string]bool),

		skeletons: make(map[string]func(string) string),
		skelForms: make(map[string][]string),
		skelVocab: make(map[string]bool),
	}
	b := &gzBuilder{g: g, codes: make(map[string]int32)}
	if err := b.readTable(countries, "countries", 6, b.addCountry); err != nil {
		return nil, err
	}
	if err := b.readTable(organizations, "organizations", 5, b.addOrganization); err != nil {
		return nil, err
	}
	for _, n := range more {
		b.setLanguage(n)
		err := b.readTable(n.Table, "names_"+n.Lang, 2, b.addNames)
		b.setLanguage(Names{})
		if err != nil {
			return nil, err
		}
	}
	g.byCode = b.codes
	for i, p := range b.parents {
		if p == "" {
			continue
		}
		pi, ok := b.codes[p]
		if !ok {
			return nil, fmt.Errorf("gazetteer: organisation %s: unknown parent %s", g.entities[i].Code, p)
		}
		g.parent[i] = pi
	}
	for _, w := range strings.Fields(gzIgnoreWords) {
		b.addWordForms(g.ignore, w)
	}
	for _, w := range strings.Fields(gzGenericWords) {
		b.addWordForms(g.generic, w)
	}
	sort.SliceStable(g.fuzzy, func(i, j int) bool { return len(g.fuzzy[i].key) < len(g.fuzzy[j].key) })
	if len(b.errs) > 0 {
		return nil, fmt.Errorf("gazetteer: %d errors, first: %w", len(b.errs), b.errs[0])
	}
	return g, nil
}

// Words that may stand around an entity's name in a subject phrase without
// changing which entity it is: "the CIS observation mission", "observers from
// Japan", "Embassy of Japan", "ЦИК Киргизии", "от Межпарламентской Ассамблеи".
// Russian words are nominatives and match in every case.
const gzIgnoreWords = `
a an from of by for its their
observer observers observation observing monitoring monitor monitors
election elections electoral mission missions delegation delegations delegate delegates
group groups team teams representative representatives secretariat member members states
embassy embassies consulate central commission cec parliament parliamentary
international foreign long short term official officials government ministry affairs
office programme program headquarters
от из со с стороны в составе миссия наблюдатель наблюдатели наблюдательный делегация группа
команда представитель посольство центральный избирательный комиссия цик секретариат
парламент парламентский член члены государство международный иностранный долгосрочный
краткосрочный официальный правительство министерство дел дело
`

// Words that name no entity by themselves; a phrase made only of these and
// of ignorable words is MatchNone, never a weak match.
const gzGenericWords = `
international organization organizations foreign state states country countries nation nations
assembly parliamentary council cooperation union commission committee office institute
institutions republic federation kingdom democratic people peoples united national central
election elections electoral executive association conference network world
and the of for in on to at by with
международный организация иностранный государство страна ассамблея парламентский совет
сотрудничество союз комиссия комитет республика федерация центральный избирательный
исполнительный выборы и по в на для при о об
`

// gzStopWords are function words, ignored when comparing short tokens.
var gzStopWords = map[string]bool{
	"of": true, "and": true, "for": true, "in": true, "on": true, "to": true, "at": true, "by": true,
	"with": true, "a": true, "an": true, "from": true,
	"и": true, "по": true, "в": true, "на": true, "для": true, "при": true, "о": true, "об": true, "от": true, "из": true,
}

// gzNode is a node of the alias trie. Edges are keyed by one word of an
// alias, in one of four ways so that a text word needs a few map look-ups and
// no allocation.
type gzNode struct {
	word  map[string]*gzNode // lower-case word ("assembly")
	acro  map[string]*gzNode // acronym, lower-cased; only text words with 2+ capitals follow it ("CIS")
	exact map[string]*gzNode // case-sensitive word, as written ("China", not "china")
	lemma map[string]*gzNode // Russian nominative; text words reach it through Gazetteer.forms
	ent   int32              // entity whose alias ends here, or -1

	skel     map[string]*gzNode // skeleton of a word; text words reach it through Gazetteer.skelForms
	skelAcro map[string]*gzNode // skeleton of an acronym ("ТМД" -> "tmd")
}

func newGzNode() *gzNode { return &gzNode{ent: -1} }

// gzUnitKind says which edge map of gzNode a unit of an alias goes into.
type gzUnitKind uint8

const (
	gzUnitWord gzUnitKind = iota
	gzUnitAcro
	gzUnitExact
	gzUnitLemma
	gzUnitSkel
	gzUnitSkelAcro
)

type gzUnit struct {
	kind gzUnitKind
	key  string
}

func (n *gzNode) child(u gzUnit) *gzNode {
	var m *map[string]*gzNode
	switch u.kind {
	case gzUnitAcro:
		m = &n.acro
	case gzUnitExact:
		m = &n.exact
	case gzUnitLemma:
		m = &n.lemma
	case gzUnitSkel:
		m = &n.skel
	case gzUnitSkelAcro:
		m = &n.skelAcro
	default:
		m = &n.word
	}
	if *m == nil {
		*m = make(map[string]*gzNode)
	}
	c := (*m)[u.key]
	if c == nil {
		c = newGzNode()
		(*m)[u.key] = c
	}
	return c
}

// gzFuzzy is one alias prepared for tolerant comparison in Lookup.
type gzFuzzy struct {
	key      []rune   // the alias's words (Russian ones stemmed) run together
	short    string   // its acronyms and short words, sorted: these must match exactly
	distinct []string // its distinctive words
	ent      int32
}

// gzBuilder accumulates the gazetteer from the data tables.
type gzBuilder struct {
	g       *Gazetteer
	codes   map[string]int32
	parents []string
	errs    []error
	endings []string // case endings of the language being read, when it joins them to words

	skeleton    func(string) string // the skeleton of the language being read, or nil
	skelEndings []string            // its endings in their skeleton
}

func (b *gzBuilder) readTable(r io.Reader, name string, cols int, add func([]string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != cols {
			return fmt.Errorf("gazetteer: %s line %d: %d columns, want %d", name, line, len(f), cols)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := add(f); err != nil {
			return fmt.Errorf("gazetteer: %s line %d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	return nil
}

func gzSplitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func (b *gzBuilder) newEntity(e Entity, parent string) (int32, error) {
	if e.Canonical == "" {
		return 0, fmt.Errorf("entity %q has no canonical name", e.Code)
	}
	idx := int32(len(b.g.entities))
	if e.Code != "" {
		if _, dup := b.codes[e.Code]; dup {
			return 0, fmt.Errorf("code %s defined twice", e.Code)
		}
		b.codes[e.Code] = idx
	}
	b.g.entities = append(b.g.entities, e)
	b.g.parent = append(b.g.parent, -1)
	b.parents = append(b.parents, parent)
	return idx, nil
}

// addCountry reads: code, canonical, English names, English demonyms,
// Russian names, Russian adjectives.
func (b *gzBuilder) addCountry(f []string) error {
	idx, err := b.newEntity(Entity{Code: f[0], Canonical: strings.TrimPrefix(f[1], "="), Kind: KindCountry}, "")
	if err != nil {
		return err
	}
	aliases := []string{f[1]}
	aliases = append(aliases, gzSplitList(f[2])...)
	for _, d := range gzSplitList(f[3]) {
		aliases = append(aliases, d)
		// "Americans", "Pakistanis"; "Chinese", "Polish", "Dutch" have no plural.
		if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") {
			aliases = append(aliases, d+"s")
		}
	}
	aliases = append(aliases, gzSplitList(f[4])...)
	aliases = append(aliases, gzSplitList(f[5])...)
	for _, a := range aliases {
		b.addAlias(a, idx)
	}
	return nil
}

// addNames reads: code, names of the entity with that code.
func (b *gzBuilder) addNames(f []string) error {
	idx, ok := b.codes[f[0]]
	if !ok {
		return fmt.Errorf("unknown code %s", f[0])
	}
	for _, a := range gzSplitList(f[1]) {
		b.addAlias(a, idx)
	}
	return nil
}

// addOrganization reads: code, canonical, parent code, English aliases,
// Russian aliases.
func (b *gzBuilder) addOrganization(f []string) error {
	code := f[0]
	if code == "-" {
		code = ""
	}
	idx, err := b.newEntity(Entity{Code: code, Canonical: f[1], Kind: KindOrganization}, f[2])
	if err != nil {
		return err
	}
	aliases := append([]string{f[1]}, gzSplitList(f[3])...)
	aliases = append(aliases, gzSplitList(f[4])...)
	for _, a := range aliases {
		b.addAlias(a, idx)
	}
	return nil
}

// addAlias enters one alias into the trie (every hyphenation variant) and
// into the fuzzy list; the alias of a language with a skeleton also in its
// skeleton. A leading "=" makes the alias case-sensitive.
func (b *gzBuilder) addAlias(alias string, ent int32) {
	cs := strings.HasPrefix(alias, "=")
	alias = strings.TrimPrefix(alias, "=")
	toks := gzTokenize(alias, nil, nil)
	if len(toks) == 0 {
		b.errs = append(b.errs, fmt.Errorf("alias %q has no words", alias))
		return
	}
	groups, joinedOnly := gzAliasOptions(toks)
	for _, t := range joinedOnly {
		b.unit(t, cs) // a word is known even where the alias writes it only joined ("CIS-IPA")
	}
	b.insert(alias, ent, groups, func(t gzTok) gzUnit { return b.unit(t, cs) }, true)
	b.g.fuzzy = append(b.g.fuzzy, gzFuzzyOf(toks, ent))
	if b.skeleton != nil && !cs {
		b.insert(alias, ent, groups, b.skeletonUnit, false)
	}
}

// gzAliasOptions groups the words of an alias joined by hyphens: each group
// is one word (written together) or, for plain words, also its parts
// ("Turkic speaking"). It returns, for each group, its ways of being
// written, and the words of the groups written only joined.
func gzAliasOptions(toks []gzTok) (options [][][]gzTok, joinedOnly []gzTok) {
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].gap == gzGapHyphen {
			j++
		}
		group := toks[i:j]
		if len(group) == 1 {
			options = append(options, [][]gzTok{group})
			i = j
			continue
		}
		joined := group[0]
		for _, t := range group[1:] {
			joined.raw += t.raw
			joined.key += t.key
			joined.upper += t.upper
			joined.cyr = joined.cyr || t.cyr
		}
		opts := [][]gzTok{{joined}}
		plain := true
		for _, t := range group {
			plain = plain && t.upper < 2
		}
		if plain {
			opts = append(opts, group)
		} else {
			joinedOnly = append(joinedOnly, group...)
		}
		options = append(options, opts)
		i = j
	}
	return options, joinedOnly
}

// insert enters every way of writing an alias into the trie, each word as
// the unit unitOf makes of it. Two entities sharing an alias is an error of
// the data; two sharing a skeleton (strict false) keep the first.
func (b *gzBuilder) insert(alias string, ent int32, options [][][]gzTok, unitOf func(gzTok) gzUnit, strict bool) {
	var walk func(n *gzNode, k int)
	walk = func(n *gzNode, k int) {
		if k == len(options) {
			if n.ent >= 0 && n.ent != ent {
				if strict {
					b.errs = append(b.errs, fmt.Errorf("alias %q of %s is already an alias of %s",
						alias, b.g.entities[ent].Canonical, b.g.entities[n.ent].Canonical))
				}
				return
			}
			n.ent = ent
			return
		}
		for _, opt := range options[k] {
			c := n
			for _, t := range opt {
				c = c.child(unitOf(t))
			}
			walk(c, k+1)
		}
	}
	walk(b.g.root, 0)
}

func (b *gzBuilder) unit(t gzTok, cs bool) gzUnit {
	b.g.vocab[t.key] = true
	switch {
	case cs:
		return gzUnit{gzUnitExact, t.raw}
	case t.upper >= 2:
		return gzUnit{gzUnitAcro, t.key}
	case t.cyr:
		b.addForms(t.key)
		return gzUnit{gzUnitLemma, t.key}
	}
	return gzUnit{gzUnitWord, t.key}
}

func (b *gzBuilder) addForms(lemma string) {
	forms := gzRuForms(lemma)
	if b.endings != nil {
		forms = []string{lemma}
		for _, e := range b.endings {
			forms = append(forms, lemma+e)
		}
	}
	for _, f := range forms {
		if !gzContainsString(b.g.forms[f], lemma) {
			b.g.forms[f] = append(b.g.forms[f], lemma)
		}
	}
}

// addWordForms puts a word, and if Russian its inflected forms, into set.
func (b *gzBuilder) addWordForms(set map[string]bool, w string) {
	set[w] = true
	if t := gzTokenize(w, nil, nil); len(t) == 1 && t[0].cyr {
		for _, f := range gzRuForms(t[0].key) {
			set[f] = true
		}
	}
}

func gzContainsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// PartOf reports whether the organisation with code part belongs to the one
// with code whole (OSCE-ODIHR to OSCE): a text that names both, "the Office
// for Democratic Institutions and Human Rights of the OSCE", names the part.
func (g *Gazetteer) PartOf(part, whole string) bool {
	i, ok := g.byCode[part]
	if !ok || part == "" || whole == "" {
		return false
	}
	p := g.parent[i]
	return p >= 0 && g.entities[p].Code == whole
}

// AssemblyOf returns the parliamentary assembly that belongs to the
// organisation with the given code (OSCE-PA for OSCE, CIS-IPA for CIS):
// "50 OSCE parliamentarians" are members of the OSCE's assembly.
func (g *Gazetteer) AssemblyOf(code string) (Entity, bool) {
	i, ok := g.byCode[code]
	if !ok || code == "" {
		return Entity{}, false
	}
	for j, p := range g.parent {
		if p == i && strings.Contains(g.entities[j].Canonical, "arliamentary Assembly") {
			return g.entities[j], true
		}
	}
	return Entity{}, false
}

// Lookup tells which entity a subject phrase names, e.g. "the CIS
// observation mission", "Central Election Commission of Kyrgyzstan",
// "от Межпарламентской Ассамблеи СНГ". Words such as "mission", "observers",
// "delegation", "embassy", "from", "из" around the name are allowed. A
// phrase naming two different entities ("Russia and China") is MatchNone:
// lists are the caller's to split.
func (g *Gazetteer) Lookup(phrase string) (Entity, MatchQuality) {
	return g.lookup(phrase, nil)
}

func (g *Gazetteer) lookup(phrase string, skel func(string) string) (Entity, MatchQuality) {
	toks := gzTokenize(phrase, nil, skel)
	if len(toks) == 0 {
		return Entity{}, MatchNone
	}
	spans := g.scan(toks, nil)
	ents, covered := g.distinctEntities(toks, spans)
	extra := false
	for k, t := range toks {
		if !covered[k] && !g.ignorable(t) {
			extra = true
			break
		}
	}
	if len(ents) == 1 && !extra {
		return g.entities[ents[0]], MatchExact
	}
	// Compare the phrase tolerantly with the aliases, as it stands and
	// without the ignorable words around it ("... Member States").
	e, q := g.fuzzyLookup(toks, true)
	lo, hi := 0, len(toks)
	for lo < hi && g.ignorable(toks[lo]) {
		lo++
	}
	for hi > lo && g.ignorable(toks[hi-1]) {
		hi--
	}
	if q != MatchFuzzy && (lo > 0 || hi < len(toks)) {
		if e2, q2 := g.fuzzyLookup(toks[lo:hi], true); q2 > q {
			e, q = e2, q2
		}
	}
	if q == MatchFuzzy {
		return e, q
	}
	if len(ents) == 1 {
		return Entity{Canonical: g.entities[ents[0]].Canonical, Kind: g.entities[ents[0]].Kind}, MatchWeak
	}
	if len(ents) > 1 {
		return Entity{}, MatchNone
	}
	return e, q
}

// distinctEntities lists the entities the spans name, dropping a country
// that only says where another entity sits ("EU Delegation in Kazakhstan",
// "посольства Японии в Казахстане") and an organisation whose part is named
// too (OSCE beside ODIHR).
func (g *Gazetteer) distinctEntities(toks []gzTok, spans []gzSpan) (ents []int32, covered []bool) {
	covered = make([]bool, len(toks))
	for i, s := range spans {
		for k := s.from; k < s.to; k++ {
			covered[k] = true
		}
		if i > 0 && s.from > 0 && g.entities[s.ent].Kind == KindCountry {
			switch toks[s.from-1].key {
			case "to", "in", "at", "в", "во", "на":
				covered[s.from-1] = true
				continue
			}
		}
		if !gzContainsInt32(ents, s.ent) {
			ents = append(ents, s.ent)
		}
	}
	if len(ents) < 2 {
		return ents, covered
	}
	out := ents[:0:0]
	for _, e := range ents {
		isParent := false
		for _, o := range ents {
			if g.parent[o] == e {
				isParent = true
			}
		}
		if !isParent {
			out = append(out, e)
		}
	}
	return out, covered
}

func gzContainsInt32(list []int32, v int32) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Find returns the entity mentions of text, left to right, not
// overlapping; at each position the longest alias wins ("CIS Executive
// Committee" is one mention, not "CIS").
func (g *Gazetteer) Find(text string) []Mention {
	return g.find(text, nil)
}

func (g *Gazetteer) find(text string, skel func(string) string) []Mention {
	var buf [64]gzTok
	toks := gzTokenize(text, buf[:0], skel)
	var sbuf [8]gzSpan
	spans := g.scan(toks, sbuf[:0])
	spans = g.scanMisspelt(toks, spans)
	if len(spans) == 0 {
		return nil
	}
	out := make([]Mention, len(spans))
	for i, s := range spans {
		start, end := toks[s.from].start, toks[s.to-1].end
		out[i] = Mention{Start: start, End: end, Text: text[start:end], Entity: g.entities[s.ent], Quality: s.q}
	}
	return out
}

// scanMisspelt looks for misspelt names: runs of three or more capitalised
// words ("Antiparliamentary Assembly of the CIS Member States") with a word
// no alias has. A run that is certainly an entity (MatchFuzzy) replaces the
// exact mentions inside it ("CIS"). Only runs with an unknown word are
// compared, which keeps Find fast.
func (g *Gazetteer) scanMisspelt(toks []gzTok, spans []gzSpan) []gzSpan {
	for i := 0; i < len(toks); {
		if !gzCapitalised(toks[i].raw) {
			i++
			continue
		}
		j, words, unknown := i+1, 1, !g.known(toks[i])
		for ; j < len(toks) && toks[j].gap != gzGapHard; j++ {
			t := toks[j]
			if gzCapitalised(t.raw) {
				words++
				unknown = unknown || !g.known(t)
			} else if !gzConnectors[t.key] {
				break
			}
		}
		for j > i+1 && gzConnectors[toks[j-1].key] {
			j--
		}
		from, to := i, j
		i = j
		if words < 3 || !unknown {
			continue
		}
		from, to, e, ok := g.fuzzyRun(toks, from, to)
		if !ok {
			continue
		}
		kept := spans[:0]
		for _, s := range spans {
			if s.to <= from || s.from >= to {
				kept = append(kept, s)
			}
		}
		spans = gzInsertSpan(kept, gzSpan{from: from, to: to, ent: e, q: MatchFuzzy})
	}
	return spans
}

// fuzzyRun tries a run of capitalised words as a misspelt name: as it
// stands, without the ignorable words around it ("Observers of the ..."),
// and split at "and" ("the Shanghai Cooperation Organisaton and Kyrgyzstan").
func (g *Gazetteer) fuzzyRun(toks []gzTok, from, to int) (int, int, int32, bool) {
	var lev gzLevenshtein
	try := func(lo, hi int) (int, int, int32, bool) {
		for pass := 0; pass < 2; pass++ {
			if pass == 1 {
				l, h := lo, hi
				for l < h && g.ignorable(toks[l]) {
					l++
				}
				for h > l && g.ignorable(toks[h-1]) {
					h--
				}
				if l == lo && h == hi || l == h {
					break
				}
				lo, hi = l, h
			}
			unknown := false
			for _, t := range toks[lo:hi] {
				unknown = unknown || !g.known(t)
			}
			if !unknown {
				break // all its words are known: the exact scan has decided
			}
			p := gzFuzzyOf(toks[lo:hi], -1)
			if e, ok := g.fuzzyMatch(&p, &lev); ok {
				return lo, hi, e, true
			}
		}
		return 0, 0, -1, false
	}
	if lo, hi, e, ok := try(from, to); ok {
		return lo, hi, e, ok
	}
	start := from
	for k := from; k <= to; k++ {
		if k == to || toks[k].key == "and" {
			if start > from || k < to {
				if lo, hi, e, ok := try(start, k); ok && hi > lo {
					return lo, hi, e, ok
				}
			}
			start = k + 1
		}
	}
	return 0, 0, -1, false
}

// gzInsertSpan inserts s into spans, kept in order of position.
func gzInsertSpan(spans []gzSpan, s gzSpan) []gzSpan {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].from >= s.to })
	spans = append(spans, gzSpan{})
	copy(spans[k+1:], spans[k:])
	spans[k] = s
	return spans
}

// gzConnectors may stand inside a capitalised name.
var gzConnectors = map[string]bool{"of": true, "and": true, "for": true, "in": true, "on": true, "to": true}

// ignorable reports whether a word may stand around a name without changing
// which entity it is: "mission", "from", "из", or a number.
func (g *Gazetteer) ignorable(t gzTok) bool {
	if g.ignore[t.key] {
		return true
	}
	for i := 0; i < len(t.key); i++ {
		if t.key[i] < '0' || t.key[i] > '9' {
			return false
		}
	}
	return true
}

// Bare reports whether a word is a name's own form, with no case ending
// joined to it: "Үндістан" and "Қазақстан" end like an ablative ("-тан")
// but are the names themselves; "Үндістаннан" is not bare. A Latin word is
// given in its skeleton (lang.Token.Low of a Kazakh sentence: "qazaqstan").
func (g *Gazetteer) Bare(word string) bool {
	toks := gzTokenize(word, nil, nil)
	if len(toks) != 1 {
		return false
	}
	if !toks[0].cyr {
		return gzContainsString(g.skelForms[toks[0].key], toks[0].key)
	}
	return gzContainsString(g.forms[toks[0].key], toks[0].key)
}

// known reports whether a word occurs in some alias.
func (g *Gazetteer) known(t gzTok) bool {
	if g.vocab[t.key] {
		return true
	}
	if t.skel != "" && (g.skelVocab[t.skel] || len(g.skelForms[t.skel]) > 0) {
		return true
	}
	return t.cyr && len(g.forms[t.key]) > 0
}

func gzCapitalised(raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	return unicode.IsUpper(r)
}

// gzSpan is a run of tokens [from, to) naming entity ent.
type gzSpan struct {
	from, to int
	ent      int32
	q        MatchQuality
}

func (g *Gazetteer) scan(toks []gzTok, spans []gzSpan) []gzSpan {
	m := gzMatcher{g: g, toks: toks}
	for i := 0; i < len(toks); {
		m.bestEnd, m.bestEnt = -1, -1
		m.walk(g.root, i)
		if m.bestEnt < 0 {
			i++
			continue
		}
		spans = append(spans, gzSpan{from: i, to: m.bestEnd, ent: m.bestEnt, q: MatchExact})
		i = m.bestEnd
	}
	return spans
}

// gzMatcher walks the trie from one start token, remembering the longest
// alias that ends on a word boundary.
type gzMatcher struct {
	g       *Gazetteer
	toks    []gzTok
	bestEnd int
	bestEnt int32
}

func (m *gzMatcher) walk(n *gzNode, pos int) {
	for span := 1; span <= 3 && pos+span <= len(m.toks); span++ {
		t := &m.toks[pos]
		key, raw, upper, cyr, skel := t.key, t.raw, t.upper, t.cyr, t.skel
		if span > 1 {
			// Words joined by a hyphen in the text may be one word in the
			// alias: "Inter-Parliamentary" = "Interparliamentary".
			if m.toks[pos+span-1].gap != gzGapHyphen {
				break
			}
			for _, u := range m.toks[pos+1 : pos+span] {
				key += u.key
				raw += u.raw
				upper += u.upper
				cyr = cyr || u.cyr
				if skel != "" && u.skel != "" {
					skel += u.skel
				} else {
					skel = ""
				}
			}
		}
		end := pos + span
		if upper > 0 && n.exact != nil {
			m.try(n.exact[raw], end)
		}
		if upper >= 2 && n.acro != nil {
			m.try(n.acro[key], end)
		}
		if n.word != nil {
			m.try(n.word[key], end)
		}
		if cyr && n.lemma != nil {
			for _, l := range m.g.forms[key] {
				m.try(n.lemma[l], end)
			}
		}
		if skel != "" {
			m.trySkeleton(n, skel, upper, end)
		}
	}
}

func (m *gzMatcher) try(c *gzNode, end int) {
	if c == nil {
		return
	}
	if c.ent >= 0 && end > m.bestEnd {
		m.bestEnd, m.bestEnt = end, c.ent
	}
	if end < len(m.toks) && m.toks[end].gap != gzGapHard {
		m.walk(c, end)
	}
}

// fuzzyLookup compares a phrase tolerantly with every alias. One alias
// within a small edit distance, with the same acronyms and short words, is a
// MatchFuzzy; with weak set, a looser resemblance is a MatchWeak without a
// code.
func (g *Gazetteer) fuzzyLookup(toks []gzTok, weak bool) (Entity, MatchQuality) {
	if len(toks) == 0 {
		return Entity{}, MatchNone
	}
	allGeneric := true
	for _, t := range toks {
		if !g.generic[t.key] && !g.ignorable(t) {
			allGeneric = false
			break
		}
	}
	if allGeneric {
		return Entity{}, MatchNone
	}
	p := gzFuzzyOf(toks, -1)
	var lev gzLevenshtein
	if e, ok := g.fuzzyMatch(&p, &lev); ok {
		return g.entities[e], MatchFuzzy
	}
	if !weak {
		return Entity{}, MatchNone
	}
	// The closest alias within a third of the phrase's length, else the
	// one sharing most distinctive words.
	n := len(p.key)
	limit := n / 3
	bestEnt, bestDist := int32(-1), limit+1
	from := sort.Search(len(g.fuzzy), func(i int) bool { return len(g.fuzzy[i].key) >= n-limit })
	for i := from; i < len(g.fuzzy) && len(g.fuzzy[i].key) <= n+limit; i++ {
		a := &g.fuzzy[i]
		if len(a.key) < 10 && n < 10 {
			continue
		}
		if d := lev.distance(p.key, a.key, bestDist-1); d < bestDist {
			bestEnt, bestDist = a.ent, d
		}
	}
	if bestEnt < 0 {
		bestEnt = g.overlapCandidate(p.distinct, &lev)
	}
	if bestEnt >= 0 {
		e := g.entities[bestEnt]
		return Entity{Canonical: e.Canonical, Kind: e.Kind}, MatchWeak
	}
	return Entity{}, MatchNone
}

// fuzzyMatch finds the one entity with an alias within a seventh of the
// phrase's length in edits and with the same acronyms and short words.
func (g *Gazetteer) fuzzyMatch(p *gzFuzzy, lev *gzLevenshtein) (int32, bool) {
	n := len(p.key)
	limit := max(n/7, 1)
	ent, count := int32(-1), 0
	// g.fuzzy is sorted by key length: look only where the length allows.
	from := sort.Search(len(g.fuzzy), func(i int) bool { return len(g.fuzzy[i].key) >= n-limit })
	for i := from; i < len(g.fuzzy) && len(g.fuzzy[i].key) <= n+limit; i++ {
		a := &g.fuzzy[i]
		if len(a.key) < 10 || a.short != p.short || a.ent == ent {
			continue
		}
		if lev.distance(p.key, a.key, limit) <= limit {
			ent = a.ent
			count++
		}
	}
	return ent, count == 1
}

// overlapCandidate finds the alias sharing most of its distinctive words
// with the phrase ("Turkic Academy" and "International Turkic Academy").
func (g *Gazetteer) overlapCandidate(words []string, lev *gzLevenshtein) int32 {
	if len(words) == 0 {
		return -1
	}
	best, bestScore := int32(-1), 0
	for i := range g.fuzzy {
		a := &g.fuzzy[i]
		if len(a.distinct) == 0 {
			continue
		}
		shared := 0
		for _, w := range words {
			n := utf8.RuneCountInString(w)
			if n < 4 {
				continue // too short to say anything alone
			}
			for _, x := range a.distinct {
				if w == x || (n >= 6 && lev.distance([]rune(w), []rune(x), 1) <= 1) {
					shared++
					break
				}
			}
		}
		if 2*shared > len(words) && 2*shared >= len(a.distinct) && shared > bestScore {
			best, bestScore = a.ent, shared
		}
	}
	return best
}

// gzFuzzyOf prepares tokens for tolerant comparison.
func gzFuzzyOf(toks []gzTok, ent int32) gzFuzzy {
	var key []rune
	var short, distinct []string
	for _, t := range toks {
		k := t.key
		if t.cyr {
			k = gzRuStem(k)
		}
		key = append(key, []rune(k)...)
		switch {
		case t.upper >= 2 || (utf8.RuneCountInString(t.key) <= 3 && !gzStopWords[t.key]):
			short = append(short, t.key)
		case !gzStopWords[t.key] && !gzGenericWordSet[k]:
			distinct = append(distinct, k)
		}
	}
	sort.Strings(short)
	return gzFuzzy{key: key, short: strings.Join(short, " "), distinct: distinct, ent: ent}
}

// gzGenericWordSet holds the generic words (Russian ones stemmed) that do
// not make an alias distinctive.
var gzGenericWordSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(gzGenericWords + gzIgnoreWords) {
		m[w] = true
		m[gzRuStem(w)] = true
	}
	return m
}()

// gzLevenshtein computes edit distances, reusing its rows.
type gzLevenshtein struct{ prev, cur []int }

// distance returns the edit distance of a and b, or limit+1 as soon as it
// is sure to exceed limit.
func (l *gzLevenshtein) distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if cap(l.prev) < len(b)+1 {
		l.prev = make([]int, len(b)+1, 2*len(b)+2)
		l.cur = make([]int, len(b)+1, 2*len(b)+2)
	}
	prev, cur := l.prev[:len(b)+1], l.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			if prev[j]+1 < v {
				v = prev[j] + 1
			}
			if cur[j-1]+1 < v {
				v = cur[j-1] + 1
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// gzGap is what separates a token from the one before it.
type gzGap uint8

const (
	gzGapSoft   gzGap = iota // spaces, line breaks, "/" or an apostrophe: a name may go on
	gzGapHyphen              // one hyphen and nothing else (or a hyphen and a line break)
	gzGapHard                // punctuation: a name ends here
)

// gzTok is a word of a text as the gazetteer sees it.
type gzTok struct {
	start, end int    // byte offsets in the text
	raw        string // as written (a dotted acronym "U.S." without its dots)
	key        string // lower case, ё as е, Latin accents removed, -isation as -ization
	upper      int    // upper-case letters in raw
	cyr        bool   // has Cyrillic letters
	gap        gzGap  // separation from the previous token
	skel       string // the skeleton of a Latin word, in a text of a language that has one (see FindIn)
}

func gzIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func gzIsApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`':
		return true
	}
	return false
}

func gzIsHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '\u00ad':
		return true
	}
	return false
}

// gzClassifyGap decides whether a name may continue across gap.
func gzClassifyGap(gap string) gzGap {
	hyphens, spaceBefore := 0, false
	for i, r := range gap {
		switch {
		case gzIsHyphen(r):
			hyphens++
			if i > 0 {
				spaceBefore = true
			}
		case unicode.IsSpace(r):
			if hyphens > 0 && r != '\n' && r != '\r' {
				return gzGapHard // "Russia - 5": a spaced hyphen is a dash
			}
		case r == '/' || gzIsApostrophe(r) || r == 's' || r == 'S':
			// "OSCE/ODIHR"; the letters of a possessive "'s"
		default:
			return gzGapHard
		}
	}
	switch {
	case hyphens == 0:
		return gzGapSoft
	case hyphens == 1 && !spaceBefore:
		return gzGapHyphen
	}
	return gzGapHard
}

// gzTokenize splits text into words, appending them to dst. "the" is left
// out (names are matched with or without it), possessive "'s" is dropped,
// "&" is the word "and", and dotted acronyms ("U.S.") are one word. With
// skel, a text of a language written in more than one script: its Latin
// words keep their inner apostrophes (the 2017 Kazakh "g'") and learn their
// skeleton.
func gzTokenize(text string, dst []gzTok, skel func(string) string) []gzTok {
	toks := dst
	prevEnd := 0
	pendingGap := gzGapSoft // a dropped "the" hardens the gap after it
	havePending := false
	emit := func(start, end int, raw string) {
		between := text[prevEnd:start]
		if n := len(toks); n > len(dst) && len(toks[n-1].raw) < toks[n-1].end-toks[n-1].start {
			between = strings.TrimPrefix(between, ".") // the last dot of "U.S." is not punctuation
		}
		gap := gzClassifyGap(between)
		if len(toks) == len(dst) && !havePending {
			gap = gzGapSoft
		}
		if havePending {
			if pendingGap > gap {
				gap = pendingGap
			}
			if gap == gzGapHyphen {
				gap = gzGapSoft
			}
			havePending = false
		}
		prevEnd = end
		// Dotted acronym: single capitals separated by dots ("U.S.").
		if n := len(toks); n > len(dst) && gzIsCapital(raw) && len(raw) == 1 && text[toks[n-1].end:start] == "." &&
			gzIsCapital(toks[n-1].raw) && toks[n-1].end-toks[n-1].start == 2*len(toks[n-1].raw)-1 {
			p := &toks[n-1]
			p.end = end
			p.raw += raw
			p.key += strings.ToLower(raw)
			p.upper++
			return
		}
		key, upper, cyr := gzNormWord(raw)
		if key == "the" {
			pendingGap, havePending = gap, true
			if len(toks) == len(dst) {
				pendingGap = gzGapSoft
			}
			return
		}
		t := gzTok{start: start, end: end, raw: raw, key: key, upper: upper, cyr: cyr, gap: gap}
		if skel != nil && !cyr {
			t.skel = skel(raw)
		}
		toks = append(toks, t)
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '&' {
			emit(i, i+size, "&")
			i += size
			continue
		}
		if !gzIsWordRune(r) {
			i += size
			continue
		}
		start := i
		i = gzWordEnd(text, i, skel != nil)
		emit(start, i, text[start:i])
		i = gzSkipPossessive(text, i)
	}
	return toks
}

// gzWordEnd returns the end of the word starting at i; with apostrophes,
// an apostrophe between letters is part of it.
func gzWordEnd(text string, i int, apostrophes bool) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !gzIsWordRune(r) && !(apostrophes && gzInnerApostrophe(text, i, r, size)) {
			break
		}
		i += size
	}
	return i
}

// gzSkipPossessive skips a possessive "'s" at i, so that it neither becomes
// a word nor splits "Kazakhstan's".
func gzSkipPossessive(text string, i int) int {
	if r, size := utf8.DecodeRuneInString(text[i:]); i < len(text) && gzIsApostrophe(r) {
		j := i + size
		if j < len(text) && (text[j] == 's' || text[j] == 'S') {
			r2, _ := utf8.DecodeRuneInString(text[j+1:])
			if j+1 == len(text) || !gzIsWordRune(r2) {
				return j + 1
			}
		}
	}
	return i
}

// gzIsCapital reports whether s is made of ASCII capitals only.
func gzIsCapital(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// gzNormWord returns the match key of a word, its number of capitals and
// whether it is Cyrillic. Plain lower-case ASCII and Cyrillic words are
// returned as they are, without allocating.
func gzNormWord(w string) (key string, upper int, cyr bool) {
	if w == "&" {
		return "and", 0, false
	}
	plain := true
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'а' && r <= 'я':
			cyr = true
		case unicode.IsUpper(r):
			upper++
			plain = false
			if unicode.Is(unicode.Cyrillic, r) {
				cyr = true
			}
		default:
			plain = false
			if unicode.Is(unicode.Cyrillic, r) {
				cyr = true
			}
		}
	}
	if plain {
		key = w
	} else {
		var sb strings.Builder
		sb.Grow(len(w))
		for _, r := range w {
			r = unicode.ToLower(r)
			switch {
			case r == 'ё':
				sb.WriteRune('е')
			case r >= 0xC0 && r < 0x300 && !unicode.Is(unicode.Cyrillic, r):
				sb.WriteString(gzFoldLatin(r))
			case unicode.Is(unicode.Mn, r):
				// a combining accent left by the source: drop it
			default:
				sb.WriteRune(r)
			}
		}
		key = sb.String()
	}
	if !cyr && strings.Contains(key, "isation") {
		key = strings.ReplaceAll(key, "isation", "ization")
	}
	return key, upper, cyr
}

// gzFoldLatin removes the accent of a Latin letter: "ü" -> "u".
func gzFoldLatin(r rune) string {
	switch r {
	case 'ı':
		return "i"
	case 'ß':
		return "ss"
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'đ':
		return "d"
	case 'ə':
		return "e"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	}
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return string(base)
}
