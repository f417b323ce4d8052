package lang

import "testing"

// TestKazakhSkeleton: a Kazakh word in Cyrillic and in each Latin alphabet
// (2017 apostrophes, 2018 acutes, 2021) has one skeleton.
func TestKazakhSkeleton(t *testing.T) {
	kk := For(Kazakh)
	tests := []struct {
		name  string
		forms []string // Cyrillic first, then Latin spellings
		want  string
	}{
		{"election", []string{"сайлау", "saılaý", "sailau", "sai'lay'"}, "sailau"},
		{"observer", []string{"байқаушы", "baıqaýshy", "baiqauşy", "bai'qay's'y"}, "baiqaushy"},
		{"january", []string{"қаңтар", "Qañtar", "Qańtar", "QAŃTAR", "qan'tar"}, "qantar"},
		{"OSCE", []string{"ЕҚЫҰ", "EQYU", "EQYŪ"}, "eqyu"},
		{"TurkPA", []string{"ТүркПА", "TúrkPA", "TürkPA", "Tu'rkPA"}, "turkpa"},
		{"of Tajikistan", []string{"Тәжікстанның", "Tájikstannyń", "Täjıkstannyñ", "Ta'jikstannyn'"}, "tajikstannyn"},
		{"about", []string{"жуық", "jýyq", "juyq", "jy'yq"}, "juyq"},
		{"accredited", []string{"аккредиттеді", "akkredıttedi", "akkredittedi"}, "akkredittedi"},
		{"mission", []string{"миссиясының", "mıssııasynyń", "missiiasynyñ"}, "missiiasynyn"},
		{"organisation from", []string{"ұйымынан", "uıymynan", "ūiymynan", "ui'ymynan"}, "uiymynan"},
		{"CIS, dative", []string{"ТМД-ға", "TMD-ǵa", "TMD-ğa", "TMD-g'a"}, "tmd-ga"},
		{"delegation", []string{"делегациясы", "delegatsııasy", "delegatsiiasy"}, "delegatsiiasy"},
		{"Russia", []string{"Ресей", "Reseı", "Resei"}, "resei"},
		{"registered", []string{"тіркеді", "tirkedi", "tırkedı"}, "tirkedi"},
		{"thousand, ablative", []string{"мыңнан", "myńnan", "myñnan"}, "mynnan"},
		{"more than", []string{"астам", "astam"}, "astam"},
		{"Uzbekistan", []string{"Өзбекстан", "Ózbekstan", "Özbekstan", "O'zbekstan"}, "ozbekstan"},
		{"chairman", []string{"төрағасы", "tóraǵasy", "törağasy"}, "toragasy"},
		{"CSTO", []string{"ҰҚШҰ", "UQShU", "ŪQŞŪ"}, "uqshu"},
		{"Yu and ya", []string{"Юстиция", "Iýstıtsııa"}, "iustitsiia"},
	}
	for _, tc := range tests {
		for _, f := range tc.forms {
			if got := kk.Skeleton(f); got != tc.want {
				t.Errorf("%s: Skeleton(%q) = %q, want %q", tc.name, f, got, tc.want)
			}
		}
	}
}

// TestKazakhLatinTokens: a Latin word of a Kazakh sentence is read by its
// skeleton, with the classes, number words and endings of its Cyrillic
// entry, and its offsets stay those of the text.
func TestKazakhLatinTokens(t *testing.T) {
	kk := For(Kazakh)
	tests := []struct {
		name string
		text string
		word string // a token
		low  string // its Low
		cls  Class
		num  int // the value of the first number, when > 0
	}{
		{"stem", "12 baıqaýshy keldi", "baıqaýshy", "baiqaushy", UnitObserver, 12},
		{"2021 stem", "12 baiqauşy keldi", "baiqauşy", "baiqaushy", UnitObserver, 12},
		{"hyphen ending", "700-den astam", "700-den", "700-den", OriginSuffix, 700},
		{"2018 hyphen ending", "300-ge jýyq adam", "jýyq", "juyq", QualAboutAfter, 300},
		{"number word with ending", "bes baıqaýshydan", "bes", "bes", UnitObserver, 5},
		{"thousand with ending", "60 myńnan astam", "60 myńnan", "60 mynnan", OriginSuffix, 60000},
		{"phrase", "kem degende 5 adam", "kem", "kem", QualAtLeast, 5},
		{"suffix class", "ShYU-dan 23", "ShYU-dan", "shyu-dan", OriginSuffix, 23},
		{"status stem", "812 baıqaýshyny akkredıttedi", "akkredıttedi", "akkredittedi", StatusAccredited, 812},
		{"collective", "altaýy keldi", "altaýy", "altauy", 0, 6},
		{"Cyrillic kept", "12 байқаушы келді", "байқаушы", "байқаушы", UnitObserver, 12},
	}
	for _, tc := range tests {
		toks := kk.Tokenize(tc.text)
		var tok *Token
		num := 0
		for k := range toks {
			if tok == nil && toks[k].Text == tc.word {
				tok = &toks[k]
			}
			if num == 0 && toks[k].Kind == Num {
				num = toks[k].Num
			}
			if tc.text[toks[k].Start:toks[k].End] != toks[k].Text {
				t.Errorf("%s: token %q has offsets %d:%d", tc.name, toks[k].Text, toks[k].Start, toks[k].End)
			}
		}
		if tok == nil {
			t.Errorf("%s: no token %q in %q", tc.name, tc.word, tc.text)
			continue
		}
		if tok.Low != tc.low {
			t.Errorf("%s: %q reads %q, want %q", tc.name, tc.word, tok.Low, tc.low)
		}
		if tc.cls != 0 && !anyMatch(kk, toks, tc.cls) {
			t.Errorf("%s: no token of %q is %s", tc.name, tc.text, tc.cls)
		}
		if tc.num > 0 && num != tc.num {
			t.Errorf("%s: number %d, want %d", tc.name, num, tc.num)
		}
	}
}

// TestSkeletonOnlyForLatinKazakh: English and Russian words are read as
// before, and a Cyrillic word of a Kazakh sentence keeps its Cyrillic form.
func TestSkeletonOnlyForLatinKazakh(t *testing.T) {
	for _, tc := range []struct {
		c    Code
		text string
	}{
		{English, "Sánchez met observers from Türkiye"},
		{Russian, "Наблюдатели из Türkiye и Ресей"},
		{Kazakh, "Түркия бақылаушылары"},
	} {
		for _, tok := range For(tc.c).Tokenize(tc.text) {
			if tok.Kind == Word && tok.Low != Lower(tok.Text) {
				t.Errorf("%s %q: %q reads %q", tc.c, tc.text, tok.Text, tok.Low)
			}
		}
	}
	if For(English).HasSkeleton() || For(Russian).HasSkeleton() || !For(Kazakh).HasSkeleton() {
		t.Error("only Kazakh has a [transliteration] table")
	}
}

// TestLatinMonths: Kazakh month names in Latin script, any alphabet, as
// date words.
func TestLatinMonths(t *testing.T) {
	for w, want := range map[string]int{
		"Qañtar": 1, "Qańtar": 1, "qańtarda": 1, "Aqpan": 2, "naýryzda": 3, "Sáýir": 4, "Säuir": 4,
		"maýsymdaǵy": 6, "Qyrkúıek": 9, "Qazan": 10, "qarashada": 11, "Jeltoqsan": 12, "желтоқсанда": 12,
	} {
		if m, ok := Month(w); !ok || m != want {
			t.Errorf("Month(%q) = %d, %v; want %d", w, m, ok, want)
		}
	}
	if _, ok := Month("saılaý"); ok {
		t.Error(`Month("saılaý") is a month`)
	}
}

// anyMatch reports a word or phrase of class c somewhere in toks.
func anyMatch(l *Lexicon, toks []Token, c Class) bool {
	for k := range toks {
		if l.MatchAt(c, toks, k) > 0 {
			return true
		}
	}
	return false
}

// TestLatin2017FinalApostrophe: the 2017 alphabet's "y'" (у) at the end of
// a word belongs to the word.
func TestLatin2017FinalApostrophe(t *testing.T) {
	toks := For(Kazakh).Tokenize("sai'lay' ótti")
	if len(toks) != 2 || toks[0].Text != "sai'lay'" || toks[0].Low != "sailau" {
		t.Errorf("tokens %+v", toks)
	}
	if toks := For(English).Tokenize("the observers' mission"); toks[1].Text != "observers" {
		t.Errorf("English possessive: %+v", toks[1])
	}
}

// TestMatchText: Latin words of a text in their skeleton, Cyrillic ones and
// the rest as they are.
func TestMatchText(t *testing.T) {
	kk := For(Kazakh)
	for in, want := range map[string]string{
		"Baıqaýshylar TMD-ǵa keldi.":         "baiqaushylar tmd-ga keldi.",
		"Baiqauşylar — 12; ТМД байқаушылары": "baiqaushylar — 12; тмд байқаушылары",
		"ТМД миссиясы":                       "тмд миссиясы",
		"":                                   "",
	} {
		if got := kk.MatchText(in); got != want {
			t.Errorf("MatchText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := For(English).MatchText("Türkiye"); got != "türkiye" {
		t.Errorf("English MatchText = %q", got)
	}
}

// TestDetectLatinKazakh: Kazakh in each Latin alphabet, by its letters and
// its cue words compared by skeleton; Turkish names in English do not make
// a text Kazakh.
func TestDetectLatinKazakh(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		article Code
		want    Code
		sure    bool
	}{
		{"2018, one cue", "Qazaqstannan 12 baıqaýshy keledi.", "", Kazakh, true},
		{"2021", "Sailauğa 37 şeteldık baiqauşy qatysady, dep mälımdedı Ortalyq sailau komissiiasy.", "", Kazakh, true},
		{"2018 list item, no cue", "TMD baıqaýshylar mıssııasy – 196;", "", English, false},
		{"Turkish names in English", "Erdoğan and Kılıçdaroğlu met the observers in Ankara on Sunday.", "", English, false},
		{"an accent in English", "Sánchez met the observers from the mission in Madrid on Sunday.", "", English, true},
		{"2017 in a Kazakh article", "Qazaqstannan 30 bai'qay's'y keledi.", Kazakh, Kazakh, false},
		{"2017 elsewhere", "Qazaqstannan 30 bai'qay's'y keledi.", English, English, true},
	}
	for _, tc := range tests {
		got, sure := DetectWithin(tc.text, tc.article)
		if got != tc.want || sure != tc.sure {
			t.Errorf("%s: DetectWithin(%q, %q) = %s, %v; want %s, %v", tc.name, tc.text, tc.article, got, sure, tc.want, tc.sure)
		}
	}
}
