package facts

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
)

// factSummary renders facts as "CODE|subject|count|qualifier" for comparison.
func factSummary(facts []Fact) []string {
	var out []string
	for _, f := range facts {
		out = append(out, fmt.Sprintf("%s|%d|%s", f.SubjectCode, f.Count, f.Qualifier))
	}
	sort.Strings(out)
	return out
}

func TestExtractShapes(t *testing.T) {
	pub := time.Date(2022, 11, 8, 15, 15, 0, 0, article.KazakhstanOffset(2022, 11, 8, 15, 15))
	tests := []struct {
		name string
		body string
		want []string // CODE|count|qualifier, sorted
	}{
		{"dash items",
			"The accredited observers represent three organisations: the CIS – 60 observers, SCO Mission – 21 observers and the Organization of Turkic States – four observers.",
			[]string{"CIS|60|exact", "OTS|4|exact", "SCO|21|exact"}},
		{"unit stated once",
			"Accredited were 150 observers from 3 international organisations: CIS Executive Committee\n– 100; Shanghai Cooperation Organisation – 30; OSCE Parliamentary Assembly – 20.",
			[]string{"CIS|100|exact", "ORGS|150|exact", "OSCE-PA|20|exact", "SCO|30|exact"}},
		{"distributive each country",
			"Candidates came from 9 foreign states, among them Latvia, Serbia and Finland – two observers from each country.",
			[]string{"FI|2|exact", "LV|2|exact", "RS|2|exact"}},
		{"distributive will send each",
			"Poland and Thailand will send one observer each.",
			[]string{"PL|1|exact", "TH|1|exact"}},
		{"will come from",
			"Seven observers will come from the Russian Federation.",
			[]string{"RU|7|exact"}},
		{"total as of",
			"Overall, the commission has accredited 305 observers as of 7 November 2022.",
			[]string{"ALL|305|exact"}},
		{"qualifier more than",
			"More than 120 international observers are expected to monitor the vote.",
			[]string{"ALL|120|at_least"}},
		{"named between",
			"About 170 CIS observers will monitor the election.",
			[]string{"CIS|170|about"}},
		{"sender",
			"The OSCE Parliamentary Assembly will send 45 observers to Astana.",
			[]string{"OSCE-PA|45|exact"}},
		{"not invitations",
			"The Foreign Ministry sent invitations to 11 international organisations and 25 foreign states.",
			nil},
		{"not a range",
			"Some observers said that 50–60 observers would be enough.",
			nil},
		{"not withdrawn",
			"Three observers withdrawn from the mission have left the country.",
			nil},
		{"not domestic",
			"Political parties have nominated 4,500 observers for polling stations.",
			nil},
		{"not a period",
			"The commission accredited 134 foreign observers from November 1 to 7.",
			[]string{"ALL|134|exact"}},
		{"restatement is one fact",
			"The CEC accredited 42 foreign observers. In the end the 42 foreign observers were accredited.",
			[]string{"ALL|42|exact"}},
		{"coreference",
			"The CIS Interparliamentary Assembly has formed an observation mission. The mission will include 35 observers.",
			[]string{"CIS-IPA|35|exact"}},
		{"respectively",
			"The CIS Executive Committee and the SCO will send about 200 and 50 observers respectively.",
			[]string{"CIS|200|about", "SCO|50|exact"}},
		{"dotted table rows",
			"Accredited observers by organisation:\nOSCE/ODIHR ........ 312\nCIS Executive Committee ........ 104",
			[]string{"CIS|104|exact", "OSCE-ODIHR|312|exact"}},
		{"russian group before the count",
			"От Межпарламентской Ассамблеи СНГ аккредитован 31 наблюдатель, ПА ОБСЕ направила 35 парламентариев.",
			[]string{"CIS-IPA|31|exact", "OSCE-PA|35|exact"}},
		{"joint mission",
			"The joint mission of the OSCE/ODIHR, the OSCE PA and PACE will deploy some 400 observers.",
			[]string{"ORGS|400|about"}},
		{"category split is not a fact",
			"The CIS will send 300 observers. Of them, 20 are long-term observers.",
			[]string{"CIS|300|exact"}},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Body: tc.body, PublishedAt: pub}
			got := factSummary(mustFacts(x, a))
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("facts of %q\n got %v\nwant %v", tc.body, got, tc.want)
			}
		})
	}
}

func mustFacts(x *Extractor, a *article.Article) []Fact {
	f, _ := x.Extract(a)
	return f
}
