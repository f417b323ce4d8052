package facts

import (
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
)

// TestRealArticleShapes holds one case per sentence shape that real articles
// use (sentences written for the test, not taken from articles), so a
// regression names the shape it breaks. want is "CODE|count|qualifier",
// sorted; nil means the text states no fact.
func TestRealArticleShapes(t *testing.T) {
	pub := time.Date(2023, 3, 10, 12, 0, 0, 0, article.KazakhstanOffset(2023, 3, 10, 12, 0))
	tests := []struct {
		name  string
		title string
		body  string
		want  []string
	}{
		// coreference beyond the sentence before
		{"the Mission named earlier in the sentence",
			"", "Speaking for the OSCE/ODIHR Limited Mission, its head said that close to 250 observers of the Mission had visited polling stations.",
			[]string{"OSCE-ODIHR|250|about"}},
		{"the Mission named only in the lead",
			"", "The Shanghai Cooperation Organisation has sent an observer mission to the vote.\n\nThe Mission was invited by the foreign ministry.\n\nIt held talks with the commission.\n\nThe Mission comprised 31 observers from eight member states.",
			[]string{"SCO|31|exact"}},
		{"a country named in an apposition is no antecedent",
			"", "ODIHR opened a limited observation mission in February. Headed by Ambassador Anna Berg of Sweden, the mission included 12 experts and 28 long-term observers.",
			[]string{"OSCE-ODIHR|28|exact"}},
		{"no antecedent, no fact",
			"", "Our group numbers 20 observers.",
			nil},
		// continuation of the group before
		{"another N",
			"", "The ODIHR mission began its work in January with 30 long-term observers. Another 300 short-term observers will arrive before voting day.",
			[]string{"OSCE-ODIHR|300|exact", "OSCE-ODIHR|30|exact"}},
		{"in addition, N",
			"", "The OSCE Office for Democratic Institutions and Human Rights opened an observation mission on 1 March.\n\nThe mission has a core team of nine experts in the capital. In addition, 26 long-term observers will be deployed around the country.",
			[]string{"OSCE-ODIHR|26|exact"}},
		{"continuation does not claim a domestic count",
			"", "The CIS sent 120 observers. Local NGOs have registered another 2,000 observers.",
			[]string{"CIS|120|exact"}},
		// other units and verbs in an observer context
		{"two-word category and staffed by",
			"", "The Organisation for Security and Co-operation in Europe opened an office in the capital staffed by 40 long term observers.",
			[]string{"OSCE|40|exact"}},
		{"persons sent to observe",
			"", "The PACE will send eleven parliamentarians and staff from six countries to observe the vote.",
			[]string{"PACE|11|exact"}},
		// totals
		{"the total came to",
			"", "All in all, the total number of accredited foreign observers came to 612 as of 9 March.",
			[]string{"ALL|612|exact"}},
		{"a subset named by its aggregate",
			"", "The commission has accredited 700 international observers. Of them, 520 observers come from 11 international organisations.",
			[]string{"ALL|700|exact", "ORGS|520|exact"}},
		{"organisations and embassies together",
			"", "Some 480 representatives from 12 international organisations and foreign embassies observed the vote.",
			[]string{"ALL|480|about"}},
		{"persons accredited after a sentence about observers",
			"", "The commission keeps accrediting foreign observers. More than 90 people have already been accredited.",
			[]string{"ALL|90|at_least"}},
		{"a long relative clause between the number and its verb",
			"", "Thus the total number of foreign observers who will watch the vote for the Senate set for 4 May is 318.",
			[]string{"ALL|318|exact"}},
		{"observers and experts share their group",
			"", "About 20 long-term observers and experts from the OSCE Office for Democratic Institutions and Human Rights will join them.",
			[]string{"OSCE-ODIHR|20|about"}},
		{"the states of an organisation",
			"", "In all, 380 short-term observers from 40 OSCE participating States were deployed.",
			[]string{"STATES|380|exact"}},
		{"the diplomatic corps",
			"", "Besides, 57 representatives of the diplomatic corps have been accredited as observers.",
			[]string{"STATES|57|exact"}},
		{"a country's election committee in a bracket list",
			"", "Registered as observers were embassies of Japan (5) and Sweden (2), as well as the Central Election Committee of Armenia (3).",
			[]string{"AM|3|exact", "JP|5|exact", "SE|2|exact"}},
		{"mission members with the mission word before the noun",
			"", "The PACE delegation of observers arrived in the capital on Monday. The 24 delegation members will meet the candidates.",
			[]string{"PACE|24|exact"}},
		// not facts
		{"journalists are no observers",
			"", "The commission has accredited 412 foreign observers. It also accredited 150 representatives of foreign media.",
			[]string{"ALL|412|exact"}},
		{"organisations of observers are counted as organisations",
			"", "The 95 local and 31 international election observer organisations have been accredited.",
			nil},
		{"observers refused visas",
			"", "The ministry declined to grant visas to 14 observers from Poland.",
			nil},
		{"the number N is a label",
			"", "He received the accreditation card of the international observer with the number 7.",
			nil},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Title: tc.title, Body: tc.body, PublishedAt: pub, Language: "en"}
			got := factSummary(mustFacts(x, a))
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("facts of %q\n got %v\nwant %v", tc.body, got, tc.want)
			}
		})
	}
}
