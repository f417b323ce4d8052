package gazetteer

import (
	"strings"
	"testing"
)

// TestFindKazakhLatin: Kazakh names, listed in Cyrillic, match Latin Kazakh
// text (2018, 2021 and 2017 alphabets) read as Kazakh, with their endings,
// and the mentions point into the text as written.
func TestFindKazakhLatin(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		text string
		want []string // Text=Code
	}{
		{"Qazaqstannan 12 baıqaýshy keledi.", []string{"Qazaqstannan=KZ"}},
		{"TMD baıqaýshylar mıssııasy – 196; EQYU DIAQB – 120; ShYU – 18;",
			[]string{"TMD baıqaýshylar mıssııasy=CIS", "EQYU DIAQB=OSCE-ODIHR", "ShYU=SCO"}},
		{"TMD-ǵa qatysýshy memleketterdiń Parlamentaralyq Assambleıasy – 54",
			[]string{"TMD-ǵa qatysýshy memleketterdiń Parlamentaralyq Assambleıasy=CIS-IPA"}},
		{"Túrki memleketteri uıymynan 15, Islam yntymaqtastyǵy uıymynan 6, TúrkPA – 8",
			[]string{"Túrki memleketteri uıymynan=OTS", "Islam yntymaqtastyǵy uıymynan=OIC", "TúrkPA=TURKPA"}},
		{"Tájikstannyń, Reseıdiń jáne UQShU Parlamenttik Assambleıasynyń",
			[]string{"Tájikstannyń=TJ", "Reseıdiń=RU", "UQShU Parlamenttik Assambleıasynyń=CSTO-PA"}},
		// 2021
		{"Türkı memleketterı ūiymynan 15, Täjıkstannyñ 4, ŞYŪ-dan 3",
			[]string{"Türkı memleketterı ūiymynan=OTS", "Täjıkstannyñ=TJ", "ŞYŪ=SCO"}},
		// 2017
		{"TMD-g'a qatysy'shy memleketterdin' Parlamentaralyq Assamblei'asy",
			[]string{"TMD-g'a qatysy'shy memleketterdin' Parlamentaralyq Assamblei'asy=CIS-IPA"}},
		// Cyrillic Kazakh and English names in Kazakh text match as before.
		{"ШЫҰ-дан 23, Ресейден 5 және OSCE – 3", []string{"ШЫҰ=SCO", "Ресейден=RU", "OSCE=OSCE"}},
		// An acronym is one only when written as one.
		{"eo tmd shyu", nil},
	}
	for _, tt := range tests {
		ms := g.FindIn(tt.text, "kk")
		var got []string
		for _, m := range ms {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("FindIn(%q): offsets %d:%d do not give %q", tt.text, m.Start, m.End, m.Text)
			}
			got = append(got, m.Text+"="+m.Entity.Code)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("FindIn(%q, kk)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestSkeletonLeavesOtherLanguages: English and Russian text, and text read
// in no language, match as they did: the Kazakh skeletons are reached only
// by FindIn and LookupIn in Kazakh.
func TestSkeletonLeavesOtherLanguages(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		text string
		want []string
	}{
		{"Sánchez met observers from Türkiye and the EO office in Reseı.", []string{"Türkiye=TR"}},
		{"Observers from TMD, EQYU and ShYU; Qazaqstannan 12.", nil},
		{"Наблюдатели из Türkiye и ТМД", []string{"Türkiye=TR", "ТМД=CIS"}}, // Kazakh names in Cyrillic match anywhere, as before
	}
	for _, tt := range tests {
		for _, lang := range []string{"", "en", "ru"} {
			var got []string
			for _, m := range g.FindIn(tt.text, lang) {
				got = append(got, m.Text+"="+m.Entity.Code)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FindIn(%q, %q)\n got %q\nwant %q", tt.text, lang, got, tt.want)
			}
		}
	}
	if e, q := g.Lookup("Qazaqstannan"); q == MatchExact {
		t.Errorf("Lookup of a Latin Kazakh name outside Kazakh: %v %v", e, q)
	}
	if e, q := g.LookupIn("Qazaqstannan", "kk"); q != MatchExact || e.Code != "KZ" {
		t.Errorf(`LookupIn("Qazaqstannan", kk) = %v, %v`, e, q)
	}
	if e, q := g.LookupIn("Túrki memleketteri uıymynan", "kk"); q != MatchExact || e.Code != "OTS" {
		t.Errorf(`LookupIn("Túrki memleketteri uıymynan", kk) = %v, %v`, e, q)
	}
}
