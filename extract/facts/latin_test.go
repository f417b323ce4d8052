package facts

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
	"github.com/obsfacts/obsfacts/extract/lang"
)

// TestKazakhLatinShapes: a Kazakh shape gives the same facts in Cyrillic and
// in each Latin alphabet (2018 acutes, 2021, and 2017 apostrophes where
// given), read through the skeleton of the data file's Cyrillic entries.
// want is "CODE|count|qualifier|status|as_of", sorted.
func TestKazakhLatinShapes(t *testing.T) {
	pub := time.Date(2024, 1, 10, 12, 0, 0, 0, article.KazakhstanOffset(2024, 1, 10, 12, 0))
	tests := []struct {
		name  string
		forms []string // Cyrillic, Latin 2018, Latin 2021, …
		want  []string
	}{
		{"more than N, with a hyphen ending",
			[]string{
				"Сайлауды 700-ден астам шетелдік байқаушы бақылайды деп күтілуде.",
				"Saılaýdy 700-den astam sheteldik baıqaýshy baqylaıdy dep kútilýde.",
				"Sailaudy 700-den astam şeteldık baiqauşy baqylaidy dep kütılude.",
			},
			[]string{"ALL|700|at_least|expected|"}},
		{"an ablative organisation before the count",
			[]string{
				"Түркі мемлекеттері ұйымынан 14 байқаушы келді.",
				"Túrki memleketteri uıymynan 14 baıqaýshy keldi.",
				"Türkı memleketterı ūiymynan 14 baiqauşy keldı.",
			},
			[]string{"OTS|14|exact|arrived|"}},
		{"a dash list of acronyms",
			[]string{
				"Ұйымдар бойынша байқаушылар саны:\nТМД миссиясы – 150;\nЕҚЫҰ ДИАҚБ – 90;\nШЫҰ – 11.",
				"Uıymdar boıynsha baıqaýshylar sany:\nTMD mıssııasy – 150;\nEQYU DIAQB – 90;\nShYU – 11.",
				"Ūiymdar boiynşa baiqauşylar sany:\nTMD missiiasy – 150;\nEQYŪ DİAQB – 90;\nŞYŪ – 11.",
			},
			[]string{"CIS|150|exact|arrived|", "OSCE-ODIHR|90|exact|arrived|", "SCO|11|exact|arrived|"}},
		{"a month date before the count is no count",
			[]string{
				"Орталық сайлау комиссиясы 8 қаңтарда 320 халықаралық байқаушыны аккредиттеді.",
				"Ortalyq saılaý komıssııasy 8 qańtarda 320 halyqaralyq baıqaýshyny akkredıttedi.",
				"Ortalyq sailau komissiiasy 8 qañtarda 320 halyqaralyq baiqauşyny akkredittedı.",
			},
			[]string{"ALL|320|exact|accredited|"}},
		{"a number word with an ablative ending, after two countries",
			[]string{
				"Қырғызстандағы сайлауды шетелдік байқаушылар бақылайды. Ресей мен Өзбекстан бес байқаушыдан жібереді.",
				"Qyrǵyzstandaǵy saılaýdy sheteldik baıqaýshylar baqylaıdy. Reseı men Ózbekstan bes baıqaýshydan jiberedi.",
				"Qyrğyzstandağy sailaudy şeteldık baiqauşylar baqylaidy. Resei men Özbekstan bes baiqauşydan jıberedı.",
			},
			[]string{"RU|5|exact|expected|", "UZ|5|exact|expected|"}},
		{"the mission's observers, genitive and possessive",
			[]string{
				"ТМД миссиясының 140 бақылаушысы учаскелерде жұмыс істеп жүр.",
				"TMD mıssııasynyń 140 baqylaýshysy ýchaskelerde jumys istep júr.",
				"TMD missiiasynyñ 140 baqylauşysy uçaskelerde jūmys ıstep jür.",
			},
			[]string{"CIS|140|exact|arrived|"}},
		{"about N, a dative ending and a country's ablative",
			[]string{
				"Қырғызстандағы сайлауға Қазақстаннан 30-ға жуық байқаушы келеді.",
				"Qyrǵyzstandaǵy saılaýǵa Qazaqstannan 30-ǵa jýyq baıqaýshy keledi.",
				"Qyrğyzstandağy sailauğa Qazaqstannan 30-ğa juyq baiqauşy keledı.",
				"Qyrg'yzstandag'y sai'lay'g'a Qazaqstannan 30-g'a jy'yq bai'qay's'y keledi.",
			},
			[]string{"KZ|30|about|expected|"}},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, body := range tc.forms {
				a := &article.Article{Body: body, PublishedAt: pub, Language: "kk"}
				got := latinSummary(mustFacts(x, a))
				if strings.Join(got, ",") != strings.Join(tc.want, ",") {
					t.Errorf("facts of %q\n got %v\nwant %v", body, got, tc.want)
				}
			}
		})
	}
}

func latinSummary(facts []Fact) []string {
	var out []string
	for _, f := range facts {
		out = append(out, fmt.Sprintf("%s|%d|%s|%s|%s", f.SubjectCode, f.Count, f.Qualifier, f.Status, f.AsOf))
	}
	sort.Strings(out)
	return out
}

// TestKazakhLatinDates: a Latin Kazakh month name makes a date, whose
// numbers are never counts.
func TestKazakhLatinDates(t *testing.T) {
	for _, text := range []string{
		"Saılaý 8 qańtarda ótedi.", "Sailau 8 qañtarda ötedı.", "Сайлау 8 қаңтарда өтеді.", "Saılaý 2024 jylǵy 8 Qańtarda ótedi.",
	} {
		lex := lang.For(lang.Kazakh)
		spans, _ := findDates(lex, lex.Tokenize(text))
		if len(spans) != 1 || spans[0].d != 8 || spans[0].m != 1 {
			t.Errorf("dates of %q: %+v", text, spans)
		}
	}
}

// TestKazakhLatinMentionOffsets: the gazetteer's mentions in a Latin
// sentence, and the evidence of its facts, point into the text as written.
func TestKazakhLatinMentionOffsets(t *testing.T) {
	body := "Sondaı-aq ShYU-dan 23, Túrki memleketteri uıymynan 15 baıqaýshy keldi."
	x := NewExtractor()
	facts := mustFacts(x, &article.Article{Body: body, Language: "kk"})
	want := map[string]string{"SCO": "ShYU", "OTS": "Túrki memleketteri uıymynan"}
	if len(facts) != len(want) {
		t.Fatalf("facts %v", latinSummary(facts))
	}
	for _, f := range facts {
		if f.Subject != want[f.SubjectCode] {
			t.Errorf("%s: subject %q, want %q", f.SubjectCode, f.Subject, want[f.SubjectCode])
		}
		if body[f.CharStart:f.CharEnd] != f.Evidence && !strings.Contains(body, f.Evidence) {
			t.Errorf("%s: evidence %q is not in the body", f.SubjectCode, f.Evidence)
		}
	}
}
