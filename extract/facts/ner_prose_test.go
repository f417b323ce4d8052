package facts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// This file wraps the named-entity recogniser of github.com/jdkato/prose/v2
// so that it can be measured against the gazetteer (see TestNERComparison).
// It lives in a test file on purpose: measured on the development corpus,
// the gazetteer and patterns find more groups at a hundredth of the cost
// (README, "Why no NER model"), so the shipped extractor does not link prose.
// prose gives entities as bare text; nerModel.spans gives byte offsets too.

// nerSpan is a named entity found by a nerModel in a sentence.
type nerSpan struct {
	Start, End int    // byte offsets into the sentence
	Text       string // sentence[Start:End]
	Label      string // GPE, ORGANIZATION, PERSON, LOCATION, GSP, FACILITY (prose's English model); GROUP (ours)
}

// nerModel is a loaded prose model. It is read-only once built and safe for
// concurrent use (prose reads its weights only).
type nerModel struct {
	model  *prose.Model
	labels map[string]bool // labels kept by spans; nil keeps every label
}

// nerGroupLabel is the label of observer groups in our training data.
const nerGroupLabel = "GROUP"

// newDefaultNER loads prose's built-in English model: half a second and
// about 40 MB of heap, once here rather than per sentence as
// prose.NewDocument without a model would. Only spans with one of labels
// are kept; none keeps all.
func newDefaultNER(labels ...string) *nerModel {
	// ModelFromData without data sources is prose's default model.
	return &nerModel{model: prose.ModelFromData("en-v2.0.0"), labels: nerLabelSet(labels)}
}

func nerLabelSet(labels []string) map[string]bool {
	if len(labels) == 0 {
		return nil
	}
	m := make(map[string]bool, len(labels))
	for _, l := range labels {
		m[l] = true
	}
	return m
}

// nerExample is an annotated training sentence: Spans are byte offsets of
// the entities in Text, all with one label.
type nerExample struct {
	Text  string
	Spans [][2]int
}

// parseNERExamples reads training sentences, one a line, with entities in
// square brackets: "observers from [the Asian Network for Free Elections]".
// Blank lines and lines starting with "#" are skipped.
func parseNERExamples(src string) ([]nerExample, error) {
	var out []nerExample
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var ex nerExample
		var sb strings.Builder
		open := -1
		for _, r := range line {
			switch r {
			case '[':
				if open >= 0 {
					return nil, fmt.Errorf("ner: training line %d: nested '['", n+1)
				}
				open = sb.Len()
			case ']':
				if open < 0 || open == sb.Len() {
					return nil, fmt.Errorf("ner: training line %d: ']' without an entity", n+1)
				}
				ex.Spans = append(ex.Spans, [2]int{open, sb.Len()})
				open = -1
			default:
				sb.WriteRune(r)
			}
		}
		if open >= 0 {
			return nil, fmt.Errorf("ner: training line %d: unclosed '['", n+1)
		}
		ex.Text = sb.String()
		out = append(out, ex)
	}
	return out, nil
}

// trainNER trains a prose entity model whose only label is GROUP. prose
// runs 100 iterations of GIS over every token: 5-7 s for 236 sentences.
// A span must start and end on prose token boundaries, or prose ignores it.
func trainNER(name string, examples []nerExample) (*nerModel, error) {
	if len(examples) == 0 {
		return nil, errors.New("ner: train: no examples")
	}
	data := make([]prose.EntityContext, 0, len(examples))
	for i, ex := range examples {
		clean, _ := nerSanitize(ex.Text)
		if len(clean) != len(ex.Text) {
			return nil, fmt.Errorf("ner: train: example %d has typographic quotes; write them as ASCII", i)
		}
		ctx := prose.EntityContext{Text: ex.Text, Accept: true}
		for _, sp := range ex.Spans {
			if sp[0] < 0 || sp[0] >= sp[1] || sp[1] > len(ex.Text) {
				return nil, fmt.Errorf("ner: train: example %d: bad span %v", i, sp)
			}
			ctx.Spans = append(ctx.Spans, prose.LabeledEntity{
				Start: nerProseOffset(ex.Text, sp[0]),
				End:   nerProseOffset(ex.Text, sp[1]),
				Label: nerGroupLabel,
			})
		}
		data = append(data, ctx)
	}
	m := prose.ModelFromData(name, prose.UsingEntities(data))
	return &nerModel{model: m}, nil
}

// nerProseOffset converts a byte offset into the coordinate prose expects in
// a LabeledEntity. prose subtracts the white-space runes before the offset,
// counting it in runes, and compares the result with the summed byte lengths
// of the tokens before an entity: so the offset it needs is the rune index
// at which the count of non-space runes before it equals the count of
// non-space bytes before off (the first such index: the white space just
// before an entity does not matter).
func nerProseOffset(text string, off int) int {
	want := off // non-space bytes before off
	for _, r := range text[:off] {
		if unicode.IsSpace(r) {
			want -= utf8.RuneLen(r)
		}
	}
	idx, nonSpace := 0, 0
	for _, r := range text {
		if nonSpace >= want {
			break
		}
		if !unicode.IsSpace(r) {
			nonSpace++
		}
		idx++
	}
	// Past the end of the text (many multi-byte letters before off) prose
	// counts on as if more runes followed.
	return idx + (want - nonSpace)
}

// loadNER loads a model saved by save. prose panics on a missing or corrupt
// file; the panic is returned as an error.
func loadNER(dir string) (m *nerModel, err error) {
	for _, f := range []string{"labels.gob", "mapping.gob", "weights.gob"} {
		if _, err := os.Stat(filepath.Join(dir, "Maxent", f)); err != nil {
			return nil, fmt.Errorf("ner: load %s: %w", dir, err)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("ner: load %s: %v", dir, r)
		}
	}()
	return &nerModel{model: prose.ModelFromDisk(dir)}, nil
}

// save writes the model's entity classifier to dir/Maxent, replacing what
// is there. prose saves no tagger: loadNER uses prose's built-in one, the
// one the model was trained with.
func (m *nerModel) save(dir string) (err error) {
	if err := os.RemoveAll(filepath.Join(dir, "Maxent")); err != nil {
		return fmt.Errorf("ner: save %s: %w", dir, err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ner: save %s: %v", dir, r)
		}
	}()
	if err := m.model.Write(dir); err != nil {
		return fmt.Errorf("ner: save %s: %w", dir, err)
	}
	return nil
}

// spans returns the entities of a sentence, left to right. Tokens are
// chunked by their IOB labels (B-X starts an X, I-X continues it), not by
// prose's Document.Entities, which drops an entity that ends the text and
// glues on neighbours that merely share a part-of-speech tag.
func (m *nerModel) spans(sentence string) []nerSpan {
	clean, orig := nerSanitize(sentence)
	doc, err := prose.NewDocument(clean,
		prose.WithSegmentation(false), prose.UsingModel(m.model))
	if err != nil {
		return nil // prose never returns one; nothing to find then
	}
	var out []nerSpan
	cur := -1 // index in out of the open span, or -1
	pos := 0
	for _, tok := range doc.Tokens() {
		i := strings.Index(clean[pos:], tok.Text)
		if i < 0 || tok.Text == "" {
			cur = -1 // cannot place it; prose's tokens are substrings of clean
			continue
		}
		start, end := pos+i, pos+i+len(tok.Text)
		pos = end
		kind, label, _ := strings.Cut(tok.Label, "-")
		switch {
		case label == "" || (m.labels != nil && !m.labels[label]):
			cur = -1
		case kind == "I" && cur >= 0 && out[cur].Label == label:
			out[cur].End = end
		default:
			out = append(out, nerSpan{Start: start, End: end, Label: label})
			cur = len(out) - 1
		}
	}
	for i := range out {
		if orig != nil {
			out[i].Start, out[i].End = orig[out[i].Start], orig[out[i].End]
		}
		out[i].Text = sentence[out[i].Start:out[i].End]
	}
	return out
}

// nerSanitize replaces typographic quotes with ASCII ones, as prose's
// tokenizer does, so that token offsets can be mapped back: orig[i] is the
// offset in s of byte i of clean (and orig[len(clean)] = len(s)). orig is
// nil when s has nothing to replace.
func nerSanitize(s string) (clean string, orig []int) {
	if !strings.ContainsAny(s, "\u201c\u201d\u2018\u2019") && !strings.Contains(s, "&rsquo;") {
		return s, nil
	}
	var sb strings.Builder
	sb.Grow(len(s))
	orig = make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var rep byte
		switch {
		case r == '\u201c' || r == '\u201d':
			rep = '"'
		case r == '\u2018' || r == '\u2019':
			rep = '\''
		case strings.HasPrefix(s[i:], "&rsquo;"):
			rep, size = '\'', len("&rsquo;")
		}
		if rep != 0 {
			sb.WriteByte(rep)
			orig = append(orig, i)
		} else {
			sb.WriteString(s[i : i+size])
			for k := 0; k < size; k++ {
				orig = append(orig, i+k)
			}
		}
		i += size
	}
	orig = append(orig, len(s))
	return sb.String(), orig
}
