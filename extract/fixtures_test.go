package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/obsfacts/obsfacts/extract/article"
)

// TestFixtureGold checks that the gold file is well formed, names existing
// fixtures, and that every evidence stands in the parsed body (or is the
// title, for headline facts).
func TestFixtureGold(t *testing.T) {
	f, err := os.Open(filepath.Join(pagesDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	articles := map[string]Article{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var g struct {
			File, Subject, Kind, Qualifier, Status, Evidence string
			Code                                             string `json:"subject_code"`
			Count                                            int
			AsOf                                             string `json:"as_of"`
			Period                                           string
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold line %d: %v", line, err)
		}
		a, ok := articles[g.File]
		if !ok {
			a, err = article.Parse(readFixture(t, g.File))
			if err != nil {
				t.Fatalf("gold line %d: %v", line, err)
			}
			articles[g.File] = a
		}
		if g.Count <= 0 || g.Subject == "" || g.Evidence == "" {
			t.Errorf("gold line %d: incomplete fact %+v", line, g)
		}
		switch g.Kind {
		case KindOrganization, KindCountry, KindAggregate:
		default:
			t.Errorf("gold line %d: kind %q", line, g.Kind)
		}
		switch g.Qualifier {
		case QualExact, QualAtLeast, QualAbout, QualUpTo:
		default:
			t.Errorf("gold line %d: qualifier %q", line, g.Qualifier)
		}
		switch g.Status {
		case StatusAccredited, StatusRecommended, StatusNominated, StatusInvited, StatusExpected, StatusArrived, StatusRegistered:
		default:
			t.Errorf("gold line %d: status %q", line, g.Status)
		}
		if !strings.Contains(normWS(a.Body), normWS(g.Evidence)) && g.Evidence != a.Title {
			t.Errorf("gold line %d: evidence %q not in body of %s", line, g.Evidence, g.File)
		}
		if !strings.Contains(g.Evidence, g.Subject) && !strings.Contains(normWS(a.Body), g.Subject) {
			t.Errorf("gold line %d: subject %q not in article", line, g.Subject)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

const pagesDir = "../testdata/pages"

func readFixture(t testing.TB, name string) Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pagesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return Page{Source: filepath.Join("testdata", "pages", name), Body: b}
}

// normWS collapses all white space, so evidence that spans a line break in
// the body compares equal to its one-line form.
func normWS(s string) string { return strings.Join(strings.Fields(s), " ") }
