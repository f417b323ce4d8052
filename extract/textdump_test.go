package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedDir holds the five real seed pages, outside the repository.
var seedDir = filepath.Join("..", "..", "shared", "seeds")

func readSeed(t *testing.T, name string) Page {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(seedDir, name+"_*.txt"))
	if len(matches) != 1 {
		t.Skipf("seed %s not present in %s", name, seedDir)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return Page{Source: matches[0], Body: b}
}

// normWS collapses all white space so evidence that spans a line break in
// the body still matches.
func normWS(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSeedDumps(t *testing.T) {
	tests := []struct {
		seed      string
		title     string
		published string
		author    string
		section   string
		tags      []string
		first     string   // body starts with
		last      string   // body ends with
		absent    []string // boilerplate that must not be in the body
	}{
		{
			seed:      "000",
			title:     "Majilis elections: Central Election Commission accredits 29 foreign observers",
			published: "2020-11-20T18:20:00+06:00",
			author:    "Adlet Seilkhanov",
			section:   "Parliament",
			tags:      []string{"Parliament", "Elections", "Kazakhstan"},
			first:     "NUR-SULTAN. KAZINFORM",
			last:      "members of the Central Election Commission.",
			absent:    []string{"Masdar", "Popular", "Read also", "Qazaq TV", "Main Page"},
		},
		{
			seed:      "001",
			title:     "Kazakh CEC Chair Abdirov holds online meeting with observers from CIS Interparliamentary Assembly",
			published: "2023-02-22T21:13:00+06:00",
			section:   "News",
			first:     "ASTANA. KAZINFORM -",
			last:      "have been accredited.",
			absent:    []string{"photo", "Photo:", "Related news", "CIS Observation Mission hails", "Nauryz", "Теги"},
		},
		{
			seed:      "002",
			title:     "CEC accredits 134 foreign observers",
			published: "2022-11-08T15:15:00+06:00",
			section:   "Elections",
			first:     "ASTANA. KAZINFORM The Central",
			last:      "Mukhtar Yerman added.",
			absent:    []string{"Over 170 CIS observers", "TurkPA", "Related news", "8 November 2022, 15:15"},
		},
		{
			seed:      "003",
			title:     "322 observers from 10 international organizations accredited to monitor elections in Kazakhstan",
			published: "2021-01-06T00:00:00+06:00",
			section:   "Политика",
			tags:      []string{"elections", "observers"},
			first:     "Almaty. January 5. Information Center -",
			last:      "official communication to the\npress.",
			absent:    []string{"ru ", "Написать нам", "+7777", "1224"},
		},
		{
			seed:      "004",
			title:     "CIS mission to observe parliamentary elections in Kazakhstan",
			published: "2023-01-31T15:38:00+06:00",
			author:    "Nurmaganbetova Zhanna",
			section:   "Elections",
			tags:      []string{"CIS Elections Majilis Elections in Kazakhstan"},
			first:     "MINSK. KAZINFORM The CIS observation mission",
			last:      "work plan for 2023.",
			absent:    []string{"Currency", "usd/kzt", "Weather", "Author", "Photo:", "Popular", "Respublica", "Go to the main site"},
		},
	}
	gold := seedEvidence(t)
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			p := readSeed(t, tt.seed)
			a, err := Parse(p)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("body of seed %s:\n%s", tt.seed, a.Body)
			if a.Layout != "textdump" {
				t.Errorf("Layout = %q, want textdump", a.Layout)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if got := a.PublishedAt.Format(time.RFC3339); got != tt.published {
				t.Errorf("PublishedAt = %s, want %s", got, tt.published)
			}
			if a.Author != tt.author {
				t.Errorf("Author = %q, want %q", a.Author, tt.author)
			}
			if a.Section != tt.section {
				t.Errorf("Section = %q, want %q", a.Section, tt.section)
			}
			if strings.Join(a.Tags, "|") != strings.Join(tt.tags, "|") {
				t.Errorf("Tags = %q, want %q", a.Tags, tt.tags)
			}
			if a.Language != "en" {
				t.Errorf("Language = %q, want en", a.Language)
			}
			if !strings.HasPrefix(a.Body, tt.first) {
				t.Errorf("body starts %q, want prefix %q", a.Body[:min(len(a.Body), 60)], tt.first)
			}
			if !strings.HasSuffix(a.Body, tt.last) {
				t.Errorf("body ends %q, want suffix %q", a.Body[max(0, len(a.Body)-60):], tt.last)
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Body, s) {
					t.Errorf("body contains boilerplate %q", s)
				}
			}
			body := normWS(a.Body)
			for _, ev := range gold[filepath.Base(p.Source)] {
				if !strings.Contains(body, normWS(ev)) {
					t.Errorf("body lacks gold evidence %q", ev)
				}
			}
			if strings.Contains(a.Body, "\n\n\n") {
				t.Errorf("body has empty paragraphs")
			}
		})
	}
}

// seedEvidence reads the evidence sentences of the seeds' gold facts.
func seedEvidence(t *testing.T) map[string][]string {
	f, err := os.Open(filepath.Join(seedDir, "gold.jsonl"))
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g struct{ File, Evidence string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("seed gold: %v", err)
		}
		out[g.File] = append(out[g.File], g.Evidence)
	}
	return out
}
