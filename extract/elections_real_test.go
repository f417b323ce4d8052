package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/internal/sharedtest"
)

// TestElectionsOfRealArticles reads the rewrites of real articles in the
// shared corpus beside the repository, whose index gives each article's real election, and
// checks the election of the first fact of each: right where the article
// tells, and never a wrong one in place of an unknown one.
func TestElectionsOfRealArticles(t *testing.T) {
	root := sharedtest.Path(t, "corpus")
	countries := map[string]string{"Kazakhstan": "KZ", "Kyrgyzstan": "KG", "Uzbekistan": "UZ", "Tajikistan": "TJ",
		"Azerbaijan": "AZ", "Belarus": "BY", "Turkmenistan": "TM", "Russia": "RU", "Mongolia": "MN", "Armenia": "AM",
		"Georgia": "GE", "Moldova": "MD"}
	x := extract.NewExtractor()
	reDate := regexp.MustCompile(`\d{4}-\d\d-\d\d`)
	var right, wrong, unknown int
	for _, l := range []string{"en", "ru", "kk"} {
		index, err := os.ReadFile(filepath.Join(root, l, "index.tsv"))
		if err != nil {
			t.Fatalf("real articles: %v", err)
		}
		lines := strings.Split(strings.TrimSpace(string(index)), "\n")
		for _, line := range lines[1:] { // file, real_url, outlet, country, election, published, ...
			rec := strings.Split(line, "\t")
			if len(rec) < 5 {
				t.Fatalf("%s/index.tsv: line %q", l, line)
			}
			want := reDate.FindString(rec[4])
			if want == "" {
				continue
			}
			body, err := os.ReadFile(filepath.Join(root, rec[0]))
			if err != nil {
				t.Fatal(err)
			}
			res, err := x.Process(extract.Page{Source: rec[0], Body: body})
			if err != nil {
				t.Fatal(err)
			}
			facts := res.Facts
			switch {
			case len(facts) == 0:
			case facts[0].ElectionDate == "":
				unknown++
			case facts[0].ElectionDate == want && facts[0].ElectionCountry == countries[rec[3]]:
				right++
			default:
				wrong++
				t.Logf("%s: election %s %s, the article's is %s %s", rec[0], facts[0].ElectionCountry, facts[0].ElectionDate, rec[3], want)
			}
		}
	}
	t.Logf("articles with facts and a known election: %d right, %d wrong, %d unknown", right, wrong, unknown)
	// measured on 2026-12-07: 30 right, 1 wrong, 13 unknown
	if right < 30 || wrong > 1 {
		t.Errorf("%d right, %d wrong: want at least 30 right and at most 1 wrong", right, wrong)
	}
}
