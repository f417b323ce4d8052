package facts

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/gazetteer"

	"github.com/jdkato/prose/v2"
)

const (
	nerTrainFile = "data/ner/train.txt" // our annotated sentences
	nerModelDir  = "data/ner/model"     // the model trained on them, saved by TestNERTrainModel
)

// The models are loaded once per test binary: prose's English weights take
// about half a second to decode.
var (
	nerTestDefault = sync.OnceValue(func() *nerModel {
		return newDefaultNER("GPE", "ORGANIZATION", "PERSON")
	})
	nerTestTrained = sync.OnceValues(func() (*nerModel, error) { return loadNER(nerModelDir) })
)

func nerTrainedModel(tb testing.TB) *nerModel {
	tb.Helper()
	m, err := nerTestTrained()
	if err != nil {
		tb.Fatalf("%v (regenerate with OBSFACTS_NER_TRAIN=1 go test -run TestNERTrainModel ./extract/)", err)
	}
	return m
}

func TestParseNERExamples(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []nerExample
		wantErr bool
	}{
		{
			name: "two entities, comment and blank line skipped",
			src:  "# comment\n\n[CIS] – 20, the [Embassy of Japan] – 3\n",
			want: []nerExample{{Text: "CIS – 20, the Embassy of Japan – 3", Spans: [][2]int{{0, 3}, {16, 32}}}},
		},
		{
			name: "no entity",
			src:  "Voting began at 8 a.m.",
			want: []nerExample{{Text: "Voting began at 8 a.m."}},
		},
		{
			name: "Cyrillic offsets are bytes",
			src:  "Наблюдатели [ШОС]",
			want: []nerExample{{Text: "Наблюдатели ШОС", Spans: [][2]int{{23, 29}}}},
		},
		{name: "unclosed", src: "observers from [Russia", wantErr: true},
		{name: "nested", src: "[the [CIS] mission]", wantErr: true},
		{name: "empty entity", src: "observers from []", wantErr: true},
		{name: "stray close", src: "observers] from Russia", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseNERExamples(tt.src)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// proseAdjust is what prose does with a LabeledEntity offset (adjustPos in
// its extract.go): it subtracts the white-space runes before it, counting in
// runes. Token boundaries are then compared with summed token byte lengths.
func proseAdjust(text string, off int) int {
	index, left := -1, 0
	for _, r := range text {
		index++
		if unicode.IsSpace(r) && index < off {
			left++
		}
	}
	return off - left
}

func TestNERProseOffset(t *testing.T) {
	tests := []struct {
		text   string
		entity string
	}{
		{"observers from Japan", "Japan"},
		{"A – B mission", "B mission"},    // "–" is 3 bytes, 1 rune
		{"от СНГ прибыли", "СНГ"},         // Cyrillic: 2 bytes a letter
		{"Наблюдатели ОБСЕ – 300", "300"}, // past the last rune in rune terms
		{"  two  spaces  Japan", "Japan"},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.entity)
		for _, off := range []int{start, start + len(tt.entity)} {
			want := len(strings.Join(strings.Fields(tt.text[:off]), ""))
			got := nerProseOffset(tt.text, off)
			if proseAdjust(tt.text, got) != want {
				t.Errorf("nerProseOffset(%q, %d) = %d: prose takes it for %d non-space bytes, want %d",
					tt.text, off, got, proseAdjust(tt.text, got), want)
			}
		}
	}
}

func TestNERSanitize(t *testing.T) {
	s := "the \u201cGolos\u201d movement\u2019s 40 monitors"
	clean, orig := nerSanitize(s)
	if want := `the "Golos" movement's 40 monitors`; clean != want {
		t.Fatalf("clean = %q, want %q", clean, want)
	}
	if len(orig) != len(clean)+1 || orig[len(clean)] != len(s) {
		t.Fatalf("orig has %d entries ending %d, want %d ending %d", len(orig), orig[len(orig)-1], len(clean)+1, len(s))
	}
	i := strings.Index(clean, "Golos")
	if got := s[orig[i]:orig[i+len("Golos")]]; got != "Golos" {
		t.Errorf("mapped back %q, want Golos", got)
	}
	if c, o := nerSanitize("plain"); c != "plain" || o != nil {
		t.Errorf("nerSanitize(plain) = %q, %v; want it unchanged and no map", c, o)
	}
}

// checkSpans asserts that every span's Text is the sentence at its offsets
// and that want is among the span texts.
func checkSpans(t *testing.T, sentence string, spans []nerSpan, want, label string) {
	t.Helper()
	found := false
	for _, s := range spans {
		if sentence[s.Start:s.End] != s.Text {
			t.Errorf("span %+v: sentence has %q there", s, sentence[s.Start:s.End])
		}
		found = found || (s.Text == want && s.Label == label)
	}
	if !found {
		t.Errorf("spans(%q) = %+v, want a %s span %q", sentence, spans, label, want)
	}
}

func TestNERDefaultSpans(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's weights")
	}
	m := nerTestDefault()
	for _, tt := range []struct{ sentence, want, label string }{
		{"Two observers from Germany visited a polling station.", "Germany", "GPE"},
		{"\u201cThe vote was calm,\u201d a diplomat told reporters in Germany.", "Germany", "GPE"}, // offsets after quotes
	} {
		spans := m.spans(tt.sentence)
		checkSpans(t, tt.sentence, spans, tt.want, tt.label)
		for _, s := range spans {
			if s.Label != "GPE" && s.Label != "ORGANIZATION" && s.Label != "PERSON" {
				t.Errorf("span %+v: label not kept", s)
			}
		}
	}
}

func TestNERTrainedSpans(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's weights")
	}
	m := nerTrainedModel(t)
	for _, tt := range []struct{ sentence, want string }{
		{"Nine observers from the Shanghai Cooperation Organisation toured the polling stations.", "Shanghai Cooperation Organisation"},
		{"\u201cCalm and orderly,\u201d said the observers from the Shanghai Cooperation Organisation.", "Shanghai Cooperation Organisation"},
	} {
		checkSpans(t, tt.sentence, m.spans(tt.sentence), tt.want, nerGroupLabel)
	}
}

// TestNERConcurrent checks that one model serves several goroutines (run
// it with -race): the extractor shares one across pages.
func TestNERConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's weights")
	}
	m := nerTrainedModel(t)
	sentences := []string{
		"Observers from Mongolia and the Turkic Council arrived on Friday.",
		"the Embassy of Germany \u2013 four diplomats",
		"Наблюдатели от ШОС прибыли в столицу.",
	}
	want := make([][]nerSpan, len(sentences))
	for i, s := range sentences {
		want[i] = m.spans(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(sentences))
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i, s := range sentences {
				if got := m.spans(s); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("spans(%q) = %+v concurrently, %+v alone", s, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestNERTrainSaveLoad trains on a handful of sentences (prose's default
// weights, loaded to train, take most of the half second), saves and loads.
func TestNERTrainSaveLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's weights")
	}
	ex, err := parseNERExamples(`
observers from [Freedonia] arrived
[Freedonia] – 4 observers
the [Freedonia] mission – 9
the vote in Sylvania was calm
observers from [Freedonia] and Sylvania's capital`)
	if err != nil {
		t.Fatal(err)
	}
	m, err := trainNER("tiny", ex)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := 0; i < 2; i++ { // a second save replaces the first
		if err := m.save(dir); err != nil {
			t.Fatal(err)
		}
	}
	loaded, err := loadNER(dir)
	if err != nil {
		t.Fatal(err)
	}
	const s = "Two observers from Freedonia arrived in Sylvania."
	got, want := loaded.spans(s), m.spans(s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded model finds %+v, trained one %+v", got, want)
	}
	checkSpans(t, s, got, "Freedonia", nerGroupLabel)

	if _, err := loadNER(t.TempDir()); err == nil {
		t.Error("loadNER of an empty directory: no error")
	}
	if _, err := trainNER("none", nil); err == nil {
		t.Error("trainNER without examples: no error")
	}
	if _, err := trainNER("bad", []nerExample{{Text: "abc", Spans: [][2]int{{2, 9}}}}); err == nil {
		t.Error("trainNER with a span past the text: no error")
	}
}

// TestNERTrainModel regenerates data/ner/model from data/ner/train.txt. It
// takes several seconds, so it runs only on demand:
//
//	OBSFACTS_NER_TRAIN=1 go test -run TestNERTrainModel ./extract/
func TestNERTrainModel(t *testing.T) {
	if os.Getenv("OBSFACTS_NER_TRAIN") == "" {
		t.Skip("set OBSFACTS_NER_TRAIN=1 to retrain data/ner/model")
	}
	ex := nerTrainingExamples(t)
	start := time.Now()
	m, err := trainNER("model", ex)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained on %d sentences in %v", len(ex), time.Since(start))
	if err := m.save(nerModelDir); err != nil {
		t.Fatal(err)
	}
}

func nerTrainingExamples(tb testing.TB) []nerExample {
	tb.Helper()
	b, err := os.ReadFile(nerTrainFile)
	if err != nil {
		tb.Fatal(err)
	}
	ex, err := parseNERExamples(string(b))
	if err != nil {
		tb.Fatal(err)
	}
	return ex
}

// TestNERTrainingDataNotFromCorpus guards the measurement: a training
// sentence copied from the development set would inflate the trained
// model's score.
func TestNERTrainingDataNotFromCorpus(t *testing.T) {
	ex := nerTrainingExamples(t)
	if n := len(ex); n < 150 || n > 300 {
		t.Errorf("%d training sentences, want 150-300", n)
	}
	var corpus []string
	for _, lang := range []string{"en", "ru"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", lang, "*"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no corpus for %s: %v", lang, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			corpus = append(corpus, nerFold(string(b)))
		}
	}
	for _, e := range ex {
		s := nerFold(e.Text)
		for _, c := range corpus {
			if strings.Contains(c, s) {
				t.Errorf("training sentence %q is in the corpus", e.Text)
				break
			}
		}
	}
}

// nerFoldAt lower-cases s, folds typographic quotes and collapses white
// space; at[i] is the offset in the result of byte i of s (at[len(s)] is the
// result's length). It is how the measurement compares spans with subjects.
func nerFoldAt(s string) (string, []int) {
	var sb strings.Builder
	at := make([]int, len(s)+1)
	space := false
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1
		}
		pos := sb.Len()
		switch {
		case unicode.IsSpace(r):
			if !space {
				sb.WriteByte(' ')
			}
			space = true
		case r == '\u2018' || r == '\u2019':
			sb.WriteByte('\'')
			space = false
		case r == '\u201c' || r == '\u201d':
			sb.WriteByte('"')
			space = false
		default:
			sb.WriteRune(unicode.ToLower(r))
			space = false
		}
		for k := 0; k < size && i+k < len(s); k++ {
			at[i+k] = pos
		}
	}
	at[len(s)] = sb.Len()
	return sb.String(), at
}

func nerFold(s string) string { f, _ := nerFoldAt(s); return f }

// nerGold is one fact of testdata/corpus/*/gold.jsonl, as far as the NER
// measurement needs it.
type nerGold struct {
	File     string `json:"file"`
	Subject  string `json:"subject"`
	Kind     string `json:"kind"`
	Evidence string `json:"evidence"`
}

// nerSentence is a gold evidence sentence with its subjects located in it.
type nerSentence struct {
	file     string
	text     string
	folded   string // nerFoldAt(text)
	at       []int  // byte offsets of text in folded
	subjects []nerSubject
}

type nerSubject struct {
	text  string
	named bool     // a country or an organisation, not an aggregate ("international observers")
	occ   [][2]int // occurrences in the folded sentence; none if it is not written there
}

// nerOccurrences returns where needle occurs in s.
func nerOccurrences(s, needle string) [][2]int {
	var out [][2]int
	for from := 0; needle != ""; {
		j := strings.Index(s[from:], needle)
		if j < 0 {
			break
		}
		out = append(out, [2]int{from + j, from + j + len(needle)})
		from += j + 1
	}
	return out
}

// nerDevSet reads the gold facts of a language and groups them by sentence.
func nerDevSet(tb testing.TB, lang string) []nerSentence {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "corpus", lang, "gold.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	index := make(map[string]int)
	var out []nerSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g nerGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			tb.Fatalf("%s gold: %v", lang, err)
		}
		key := g.File + "\x00" + g.Evidence
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			folded, at := nerFoldAt(g.Evidence)
			out = append(out, nerSentence{file: g.File, text: g.Evidence, folded: folded, at: at})
		}
		subj := strings.TrimSpace(g.Subject)
		out[i].subjects = append(out[i].subjects, nerSubject{
			text:  subj,
			named: g.Kind != KindAggregate,
			occ:   nerOccurrences(out[i].folded, nerFold(subj)),
		})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// nerMethod is one way of finding entity spans (byte offsets) in a sentence.
type nerMethod struct {
	name string
	find func(string) [][2]int
}

func nerGazetteerSpans(g *gazetteer.Gazetteer) func(string) [][2]int {
	return func(s string) [][2]int {
		var out [][2]int
		for _, m := range g.Find(s) {
			out = append(out, [2]int{m.Start, m.End})
		}
		return out
	}
}

func nerModelSpans(m *nerModel) func(string) [][2]int {
	return func(s string) [][2]int {
		var out [][2]int
		for _, sp := range m.spans(s) {
			out = append(out, [2]int{sp.Start, sp.End})
		}
		return out
	}
}

// nerProseEntitySpans is prose's own chunking (Document.Entities), placed in
// the sentence by matching the entities' tokens in order: the baseline for
// the IOB chunking of nerModel.spans.
func nerProseEntitySpans(m *nerModel) func(string) [][2]int {
	return func(s string) [][2]int {
		clean, orig := nerSanitize(s)
		doc, err := prose.NewDocument(clean, prose.WithSegmentation(false), prose.UsingModel(m.model))
		if err != nil {
			return nil
		}
		toks := doc.Tokens()
		offs := make([][2]int, len(toks))
		pos := 0
		for i, t := range toks {
			j := strings.Index(clean[pos:], t.Text)
			if j < 0 {
				return nil
			}
			offs[i] = [2]int{pos + j, pos + j + len(t.Text)}
			pos = offs[i][1]
		}
		var out [][2]int
		next := 0
		for _, e := range doc.Entities() {
			if m.labels != nil && !m.labels[e.Label] {
				continue
			}
			parts := strings.Split(e.Text, " ")
			for k := next; k+len(parts) <= len(toks); k++ {
				match := true
				for p, w := range parts {
					if toks[k+p].Text != w {
						match = false
						break
					}
				}
				if match {
					a, b := offs[k][0], offs[k+len(parts)-1][1]
					if orig != nil {
						a, b = orig[a], orig[b]
					}
					out = append(out, [2]int{a, b})
					next = k + len(parts)
					break
				}
			}
		}
		return out
	}
}

func nerUnion(fs ...func(string) [][2]int) func(string) [][2]int {
	return func(s string) [][2]int {
		var out [][2]int
		for _, f := range fs {
			out = append(out, f(s)...)
		}
		return out
	}
}

// nerFallback uses second only where first finds nothing.
func nerFallback(first, second func(string) [][2]int) func(string) [][2]int {
	return func(s string) [][2]int {
		if out := first(s); len(out) > 0 {
			return out
		}
		return second(s)
	}
}

// nerScore is what a method achieved on a development set.
type nerScore struct {
	subjects, located, found        int // gold subjects; those written in their sentence; found
	named, namedLocated, namedFound int // the same for countries and organisations only
	noise, sentences                int // spans overlapping no gold subject of their sentence
}

func (sc nerScore) row(name string, perSentence time.Duration) string {
	timing := "-"
	if perSentence > 0 {
		timing = fmt.Sprintf("%.1f", float64(perSentence.Nanoseconds())/1000)
	}
	return fmt.Sprintf("%-34s %-17s %-17s %-17s %5d %7.2f %9s\n", name,
		nerPct(sc.namedFound, sc.namedLocated), nerPct(sc.found, sc.located), nerPct(sc.found, sc.subjects),
		sc.noise, float64(sc.noise)/float64(sc.sentences), timing)
}

const nerTableHeader = "method                             recall named      recall located    recall all gold   noise noise/s   µs/sent\n"

// nerScoreSpans scores spans[i], given in the folded coordinates of set[i].
func nerScoreSpans(set []nerSentence, spans func(i int) [][2]int) nerScore {
	sc := nerScore{sentences: len(set)}
	for i, s := range set {
		sp := spans(i)
		hit := make([]bool, len(sp))
		for _, subj := range s.subjects {
			sc.subjects++
			if subj.named {
				sc.named++
			}
			if len(subj.occ) == 0 {
				continue
			}
			sc.located++
			if subj.named {
				sc.namedLocated++
			}
			found := false
			for k, x := range sp {
				for _, o := range subj.occ {
					if x[0] < o[1] && o[0] < x[1] {
						found, hit[k] = true, true
					}
				}
			}
			if found {
				sc.found++
				if subj.named {
					sc.namedFound++
				}
			}
		}
		for _, h := range hit {
			if !h {
				sc.noise++
			}
		}
	}
	return sc
}

// nerFolded returns find's spans of set[i] in folded coordinates.
func nerFolded(set []nerSentence, find func(string) [][2]int) func(int) [][2]int {
	return func(i int) [][2]int {
		var out [][2]int
		for _, x := range find(set[i].text) {
			out = append(out, [2]int{set[i].at[x[0]], set[i].at[x[1]]})
		}
		return out
	}
}

// nerTime is find's time per sentence, best of three passes.
func nerTime(set []nerSentence, find func(string) [][2]int) time.Duration {
	var best time.Duration
	for pass := 0; pass < 3; pass++ {
		start := time.Now()
		for _, s := range set {
			find(s.text)
		}
		if d := time.Since(start) / time.Duration(len(set)); pass == 0 || d < best {
			best = d
		}
	}
	return best
}

// nerExtractorFacts runs the whole pipeline (parse, gazetteer, patterns) on
// every corpus file of set and returns the facts by file.
func nerExtractorFacts(tb testing.TB, lang string, set []nerSentence) map[string][]Fact {
	tb.Helper()
	x := NewExtractor()
	out := make(map[string][]Fact)
	for _, s := range set {
		if _, ok := out[s.file]; ok {
			continue
		}
		path := filepath.Join("..", "..", "testdata", "corpus", lang, s.file)
		body, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		a, err := article.Parse(article.Page{Source: path, Body: body})
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out[s.file], _ = x.Extract(&a)
	}
	return out
}

// nerExtractorSpans places the subjects of the facts extracted from
// set[i]'s article in set[i], in folded coordinates.
func nerExtractorSpans(set []nerSentence, facts map[string][]Fact) func(int) [][2]int {
	return func(i int) [][2]int {
		var out [][2]int
		seen := make(map[string]bool)
		for _, f := range facts[set[i].file] {
			subj := nerFold(f.Subject)
			if seen[subj] {
				continue
			}
			seen[subj] = true
			out = append(out, nerOccurrences(set[i].folded, subj)...)
		}
		return out
	}
}

func nerPct(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% %d/%d", 100*float64(n)/float64(d), n, d)
}

// TestNERComparison measures prose's entity recogniser against the
// gazetteer on the development set. It takes tens of seconds (it trains a
// model), so it runs only on demand:
//
//	OBSFACTS_NER_EVAL=1 go test -run TestNERComparison -v ./extract/
func TestNERComparison(t *testing.T) {
	if os.Getenv("OBSFACTS_NER_EVAL") == "" {
		t.Skip("set OBSFACTS_NER_EVAL=1 to measure NER against the gazetteer")
	}
	var b strings.Builder
	// timed reports f's time and the heap it leaves allocated (the model).
	timed := func(what string, f func()) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		f()
		d := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		fmt.Fprintf(&b, "%-46s %6.0f ms %6.1f MB heap\n", what, float64(d.Microseconds())/1000,
			(float64(after.HeapAlloc)-float64(before.HeapAlloc))/(1<<20))
	}
	var gz *gazetteer.Gazetteer
	timed("load: gazetteer (embedded TSV)", func() { gz = gazetteer.DefaultGazetteer() })
	var def, trained, fresh *nerModel
	timed("load: prose default model", func() { def = newDefaultNER("GPE", "ORGANIZATION", "PERSON") })
	defAll := &nerModel{model: def.model}
	timed("load: trained model (data/ner/model)", func() {
		var err error
		if trained, err = loadNER(nerModelDir); err != nil {
			t.Fatal(err)
		}
	})
	ex := nerTrainingExamples(t)
	timed(fmt.Sprintf("train: %d sentences (prose.ModelFromData)", len(ex)), func() {
		var err error
		if fresh, err = trainNER("fresh", ex); err != nil {
			t.Fatal(err)
		}
	})

	gaz := nerGazetteerSpans(gz)
	tr := nerModelSpans(trained)
	methods := []nerMethod{
		{"gazetteer Find", gaz},
		{"prose default GPE/ORG/PERSON", nerModelSpans(def)},
		{"prose default, all labels", nerModelSpans(defAll)},
		{"prose default, prose's chunker", nerProseEntitySpans(def)},
		{"prose trained GROUP (saved)", tr},
		{"prose trained GROUP (fresh)", nerModelSpans(fresh)},
		{"gazetteer ∪ trained", nerUnion(gaz, tr)},
		{"gazetteer, else trained", nerFallback(gaz, tr)},
		{"gazetteer ∪ default", nerUnion(gaz, nerModelSpans(def))},
	}
	for _, lang := range []string{"en", "ru"} {
		set := nerDevSet(t, lang)
		fmt.Fprintf(&b, "\n%s: %d sentences\n%s", strings.ToUpper(lang), len(set), nerTableHeader)
		for _, m := range methods {
			sc := nerScoreSpans(set, nerFolded(set, m.find))
			b.WriteString(sc.row(m.name, nerTime(set, m.find)))
		}
		// The fact extractor reads whole articles: its subjects, placed in
		// the gold sentences; then the trained model where it has none.
		facts := nerExtractorFacts(t, lang, set)
		ext := nerExtractorSpans(set, facts)
		trFolded := nerFolded(set, tr)
		b.WriteString(nerScoreSpans(set, ext).row("extractor (whole articles)", 0))
		b.WriteString(nerScoreSpans(set, func(i int) [][2]int {
			if sp := ext(i); len(sp) > 0 {
				return sp
			}
			return trFolded(i)
		}).row("extractor, else trained", 0))
		// What is left to find: named subjects the extractor misses.
		for i, s := range set {
			sp := ext(i)
			for _, subj := range s.subjects {
				if !subj.named || len(subj.occ) == 0 || nerOverlaps(sp, subj.occ) {
					continue
				}
				fmt.Fprintf(&b, "  extractor misses %q: gazetteer %v, trained %v\n", subj.text,
					nerOverlaps(nerFolded(set, gaz)(i), subj.occ), nerOverlaps(trFolded(i), subj.occ))
			}
		}
	}
	t.Log(b.String())
}

func nerOverlaps(spans, occ [][2]int) bool {
	for _, x := range spans {
		for _, o := range occ {
			if x[0] < o[1] && o[0] < x[1] {
				return true
			}
		}
	}
	return false
}

// nerBenchSentences are the English gold evidence sentences.
func nerBenchSentences(b *testing.B) []string {
	set := nerDevSet(b, "en")
	out := make([]string, len(set))
	for i, s := range set {
		out[i] = s.text
	}
	sort.Strings(out)
	return out
}

func benchmarkSpans(b *testing.B, find func(string) [][2]int) {
	sentences := nerBenchSentences(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			find(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentences))/1000, "µs/sentence")
}

func BenchmarkNERDefault(b *testing.B) { benchmarkSpans(b, nerModelSpans(nerTestDefault())) }

func BenchmarkNERTrained(b *testing.B) { benchmarkSpans(b, nerModelSpans(nerTrainedModel(b))) }

func BenchmarkGazetteerFind(b *testing.B) {
	benchmarkSpans(b, nerGazetteerSpans(gazetteer.DefaultGazetteer()))
}
