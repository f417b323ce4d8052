package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The fixture regression suite: every page in testdata/pages is run through
// the pipeline and compared with its golden file. After a deliberate change,
// rewrite the goldens with
//
//	go test ./extract -run TestGolden -update
//
// and review the diff in git before committing.
var update = flag.Bool("update", false, "rewrite the golden files of testdata/pages")

// golden is what a golden file records of a page: the article fields and the
// facts, in a stable, diff-friendly JSON layout.
type golden struct {
	Title       string       `json:"title"`
	URL         string       `json:"url"`
	Site        string       `json:"site"`
	Author      string       `json:"author"`
	Section     string       `json:"section"`
	Tags        []string     `json:"tags"`
	Language    string       `json:"language"`
	PublishedAt string       `json:"published_at"`
	Layout      string       `json:"layout"`
	Body        []string     `json:"body"` // paragraphs
	Facts       []goldenFact `json:"facts"`
	Warnings    []string     `json:"warnings"`
}

type goldenFact struct {
	Subject      string `json:"subject"`
	Canonical    string `json:"subject_canonical"`
	Code         string `json:"subject_code"`
	Kind         string `json:"subject_kind"`
	Count        int    `json:"count"`
	Qualifier    string `json:"qualifier"`
	Status       string `json:"status"`
	AsOf         string `json:"as_of,omitempty"`
	PeriodStart  string `json:"period_start,omitempty"`
	PeriodEnd    string `json:"period_end,omitempty"`
	Spans        int    `json:"spans,omitempty"`
	Rule         string `json:"rule"`
	Check        string `json:"check,omitempty"`
	ElectionDate string `json:"election_date,omitempty"`
	ElectionType string `json:"election_type,omitempty"`
	Country      string `json:"election_country,omitempty"`
	CharStart    int    `json:"char_start"`
	CharEnd      int    `json:"char_end"`
	Evidence     string `json:"evidence"`
}

func fixturePages(t testing.TB) []string {
	t.Helper()
	var pages []string
	for _, pat := range []string{"*.html", "*.htm", "*.txt"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "pages", pat))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, m...)
	}
	if len(pages) == 0 {
		t.Fatal("no fixture pages in testdata/pages")
	}
	return pages
}

func goldenOf(t testing.TB, x *Extractor, path string) golden {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Process(Page{Source: filepath.Base(path), Body: body})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	a := res.Article
	g := golden{Title: a.Title, URL: a.URL, Site: a.Site, Author: a.Author, Section: a.Section, Tags: a.Tags,
		Language: a.Language, Layout: a.Layout, Warnings: res.Warnings, Facts: []goldenFact{}}
	if !a.PublishedAt.IsZero() {
		g.PublishedAt = a.PublishedAt.Format(time.RFC3339)
	}
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			g.Body = append(g.Body, p)
		}
	}
	runes := []rune(a.Body)
	for _, f := range res.Facts {
		if f.CharStart >= 0 && string(runes[f.CharStart:f.CharEnd]) != f.Evidence {
			t.Errorf("%s: offsets %d:%d do not point at the evidence %q", path, f.CharStart, f.CharEnd, f.Evidence)
		}
		g.Facts = append(g.Facts, goldenFact{Subject: f.Subject, Canonical: f.SubjectCanonical, Code: f.SubjectCode,
			Kind: f.SubjectKind, Count: f.Count, Qualifier: f.Qualifier, Status: f.Status, AsOf: f.AsOf,
			PeriodStart: f.PeriodStart, PeriodEnd: f.PeriodEnd, Spans: f.Spans, Rule: f.Rule, Check: f.Check,
			ElectionDate: f.ElectionDate, ElectionType: f.ElectionType, Country: f.ElectionCountry, CharStart: f.CharStart, CharEnd: f.CharEnd,
			Evidence: f.Evidence})
	}
	return g
}

func TestGolden(t *testing.T) {
	x := NewExtractor()
	for _, page := range fixturePages(t) {
		name := filepath.Base(page)
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(goldenOf(t, x, page), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			goldenPath := strings.TrimSuffix(page, filepath.Ext(page)) + ".golden.json"
			if *update {
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("no golden file (run go test ./extract -run TestGolden -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from its golden file (- golden, + now):\n%s\nIf the change is intended, run: go test ./extract -run TestGolden -update", name, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff prints the lines that differ between a and b, with a little
// context, using a longest-common-subsequence alignment.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+ %4d %s\n", j+1, y[j])
			j++
		default:
			fmt.Fprintf(&out, "- %4d %s\n", i+1, x[i])
			i++
		}
	}
	return out.String()
}
