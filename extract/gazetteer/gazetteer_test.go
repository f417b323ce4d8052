package gazetteer

import (
	"bufio"
	"strings"
	"sync"
	"testing"
)

func TestLookup(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		phrase string
		code   string // "" with MatchWeak: Canonical is checked instead
		canon  string // checked when not empty
		kind   string // checked when not empty
		q      MatchQuality
	}{
		// Organisations, English, with the words news puts around them.
		{"CIS", "CIS", "", KindOrganization, MatchExact},
		{"the CIS", "CIS", "", "", MatchExact},
		{"CIS Observer Mission", "CIS", "", "", MatchExact},
		{"the CIS observation mission", "CIS", "", "", MatchExact},
		{"CIS Executive Committee", "CIS", "", "", MatchExact},
		{"CIS member states", "CIS", "", "", MatchExact},
		{"29 observers of the CIS", "CIS", "", "", MatchExact},
		{"Interparliamentary Assembly of the CIS", "CIS-IPA", "Interparliamentary Assembly of the CIS", KindOrganization, MatchExact},
		{"Inter-Parliamentary Assembly of the CIS Member States", "CIS-IPA", "", "", MatchExact},
		{"CIS Inter-Parliamentary Assembly", "CIS-IPA", "", "", MatchExact},
		{"CIS Interparliamentary Assembly", "CIS-IPA", "", "", MatchExact},
		{"IPA CIS", "CIS-IPA", "", "", MatchExact},
		{"CIS IPA observers", "CIS-IPA", "", "", MatchExact},
		{"a delegation of the Interparliamentary Assembly of the Member States of the Commonwealth of Independent States", "CIS-IPA", "", "", MatchExact},
		{"Inter-\nParliamentary Assembly of the CIS", "CIS-IPA", "", "", MatchExact},
		{"ODIHR", "OSCE-ODIHR", "", "", MatchExact},
		{"OSCE/ODIHR", "OSCE-ODIHR", "", "", MatchExact},
		{"the OSCE ODIHR observation mission", "OSCE-ODIHR", "", "", MatchExact},
		{"OSCE Office for Democratic Institutions and Human Rights", "OSCE-ODIHR", "", "", MatchExact},
		{"ODIHR of the OSCE", "OSCE-ODIHR", "", "", MatchExact},
		{"OSCE Parliamentary Assembly", "OSCE-PA", "", "", MatchExact},
		{"OSCE PA", "OSCE-PA", "", "", MatchExact},
		{"OSCE", "OSCE", "", "", MatchExact},
		{"SCO Mission", "SCO", "", "", MatchExact},
		{"Shanghai Cooperation Organisation", "SCO", "", "", MatchExact},
		{"Shanghai Co-operation Organization", "SCO", "", "", MatchExact},
		{"Organization of Turkic States", "OTS", "", "", MatchExact},
		{"Turkic Council", "OTS", "", "", MatchExact},
		{"Cooperation Council of Turkic-speaking States", "OTS", "", "", MatchExact},
		{"Cooperation\nCouncil of Turkic speaking States", "OTS", "", "", MatchExact},
		{"Parliamentary Assembly of Turkic-speaking countries", "TURKPA", "", "", MatchExact},
		{"TurkPA", "TURKPA", "", "", MatchExact},
		{"TURKPA", "TURKPA", "", "", MatchExact},
		{"Organisation of Islamic Cooperation", "OIC", "", "", MatchExact},
		{"Organisation of the Islamic Conference", "OIC", "", "", MatchExact},
		{"Parliamentary Assembly of the Collective Security Treaty Organisation", "CSTO-PA", "", "", MatchExact},
		{"CSTO PA", "CSTO-PA", "", "", MatchExact},
		{"CSTO", "CSTO", "", "", MatchExact},
		{"EU Delegation to Kazakhstan", "EU", "", "", MatchExact},
		{"Delegation of the European Union in Kyrgyzstan", "EU", "", "", MatchExact},
		{"European Union", "EU", "", "", MatchExact},
		{"European Parliament", "EP", "", "", MatchExact},
		{"PACE", "PACE", "", "", MatchExact},
		{"Parliamentary Assembly of the Council of Europe", "PACE", "", "", MatchExact},
		{"Venice Commission", "VENICE", "", "", MatchExact},
		{"CICA Secretariat", "CICA", "", "", MatchExact},
		{"International Turkic Academy", "ITA", "", "", MatchExact},
		{"TURKSOY", "TURKSOY", "", "", MatchExact},
		{"A-WEB", "A-WEB", "", "", MatchExact},
		{"Association of World Election Bodies", "A-WEB", "", "", MatchExact},
		{"ENEMO", "ENEMO", "", "", MatchExact},
		{"the United Nations", "UN", "", "", MatchExact},
		{"Eurasian Economic Union", "EAEU", "", "", MatchExact},
		{"Arab League", "LAS", "", "", MatchExact},
		{"African Union", "AFRU", "", "", MatchExact},
		{"Security & Co-operation in Europe Organization", "", "Organization for Security and Co-operation in Europe", KindOrganization, MatchWeak},

		// Organisations, Russian, in any case.
		{"СНГ", "CIS", "", "", MatchExact},
		{"Миссии наблюдателей СНГ", "CIS", "", "", MatchExact},
		{"Исполнительного комитета СНГ", "CIS", "", "", MatchExact},
		{"от Межпарламентской Ассамблеи СНГ", "CIS-IPA", "", "", MatchExact},
		{"МПА СНГ", "CIS-IPA", "", "", MatchExact},
		{"Межпарламентской Ассамблеи государств-участников Содружества Независимых Государств", "CIS-IPA", "", "", MatchExact},
		{"ПА ОБСЕ", "OSCE-PA", "", "", MatchExact},
		{"БДИПЧ ОБСЕ", "OSCE-ODIHR", "", "", MatchExact},
		{"Бюро по демократическим институтам и правам человека", "OSCE-ODIHR", "", "", MatchExact},
		{"ШОС", "SCO", "", "", MatchExact},
		{"Шанхайской организации сотрудничества", "SCO", "", "", MatchExact},
		{"ССТГ", "OTS", "", "", MatchExact},
		{"ОТГ", "OTS", "", "", MatchExact},
		{"Тюркского совета", "OTS", "", "", MatchExact},
		{"Организации тюркских государств", "OTS", "", "", MatchExact},
		{"ТюркПА", "TURKPA", "", "", MatchExact},
		{"ПАТГ", "TURKPA", "", "", MatchExact},
		{"ОИС", "OIC", "", "", MatchExact},
		{"Организацией исламского сотрудничества", "OIC", "", "", MatchExact},
		{"ПА ОДКБ", "CSTO-PA", "", "", MatchExact},
		{"ЕС", "EU", "", "", MatchExact},
		{"Евросоюза", "EU", "", "", MatchExact},
		{"делегации Европейского союза", "EU", "", "", MatchExact},
		{"ООН", "UN", "", "", MatchExact},

		// Misspellings: certain, so fuzzy with a code.
		{"Antiparliamentary Assembly of the CIS Member States", "CIS-IPA", "", "", MatchFuzzy},
		{"Inter-Parlamentary Asembly of the CIS", "CIS-IPA", "", "", MatchFuzzy},
		{"Organisation of Turkik States", "OTS", "", "", MatchFuzzy},
		{"Shanghai Cooperation Organisaton", "SCO", "", "", MatchFuzzy},
		{"Parliamentary Asembly of the Collective Security Treaty Organisation", "CSTO-PA", "", "", MatchFuzzy},
		{"Organisation of Islamik Cooperation", "OIC", "", "", MatchFuzzy},
		{"Межпарламенской Ассамблеи СНГ", "CIS-IPA", "", "", MatchFuzzy},

		// Resemblance only: weak, no code.
		{"Interparliamentary Assembly of the CSI", "", "Interparliamentary Assembly of the CIS", KindOrganization, MatchWeak},
		{"Turkic Akademy of Sciences", "", "International Turkic Academy", KindOrganization, MatchWeak},
		{"Russian journalists", "", "Russia", KindCountry, MatchWeak},

		// Countries, English.
		{"Great Britain", "GB", "United Kingdom", KindCountry, MatchExact},
		{"United Kingdom", "GB", "", "", MatchExact},
		{"UK", "GB", "", "", MatchExact},
		{"the U.K.", "GB", "", "", MatchExact},
		{"British", "GB", "", "", MatchExact},
		{"the US", "US", "", "", MatchExact},
		{"USA", "US", "", "", MatchExact},
		{"U.S.", "US", "", "", MatchExact},
		{"United States of America", "US", "", "", MatchExact},
		{"American", "US", "", "", MatchExact},
		{"Americans", "US", "", "", MatchExact},
		{"Russian Federation", "RU", "Russia", KindCountry, MatchExact},
		{"the Russian Federation", "RU", "", "", MatchExact},
		{"Russian", "RU", "", "", MatchExact},
		{"Republic of Korea", "KR", "", "", MatchExact},
		{"South Korea", "KR", "", "", MatchExact},
		{"North Korea", "KP", "", "", MatchExact},
		{"Kyrgyz Republic", "KG", "", "", MatchExact},
		{"Kyrgyz", "KG", "", "", MatchExact},
		{"Türkiye", "TR", "", "", MatchExact},
		{"Turkiye", "TR", "", "", MatchExact},
		{"Turkey", "TR", "", "", MatchExact},
		{"Turkish", "TR", "", "", MatchExact},
		{"Czech Republic", "CZ", "", "", MatchExact},
		{"Czechia", "CZ", "", "", MatchExact},
		{"Palestine", "PS", "", "", MatchExact},
		{"Moldova", "MD", "", "", MatchExact},
		{"Republic of Moldova", "MD", "", "", MatchExact},
		{"Chinese", "CN", "", "", MatchExact},
		{"Uzbek", "UZ", "", "", MatchExact},
		{"German", "DE", "", "", MatchExact},
		{"Iranian", "IR", "", "", MatchExact},
		{"Côte d'Ivoire", "CI", "", "", MatchExact},
		{"Cote d’Ivoire", "CI", "", "", MatchExact},
		{"Guinea-Bissau", "GW", "", "", MatchExact},
		{"Kazakhstan's", "KZ", "", "", MatchExact},
		{"Central Election Commission of Kyrgyzstan", "KG", "", KindCountry, MatchExact},
		{"the CEC of Uzbekistan", "UZ", "", "", MatchExact},
		{"Embassy of Japan", "JP", "", KindCountry, MatchExact},
		{"the Japanese Embassy", "JP", "", "", MatchExact},
		{"Embassy of Japan in Kazakhstan", "JP", "", "", MatchExact},
		{"observers from Finland", "FI", "", "", MatchExact},
		{"Chinese observers", "CN", "", "", MatchExact},
		{"Polish", "PL", "", "", MatchExact},

		// Countries, Russian, in any case, and adjectives.
		{"Российской Федерации", "RU", "", "", MatchExact},
		{"Россией", "RU", "", "", MatchExact},
		{"РФ", "RU", "", "", MatchExact},
		{"Кыргызстана", "KG", "", "", MatchExact},
		{"Киргизии", "KG", "", "", MatchExact},
		{"из Турции", "TR", "", "", MatchExact},
		{"Великобритании", "GB", "", "", MatchExact},
		{"США", "US", "", "", MatchExact},
		{"Соединённых Штатов Америки", "US", "", "", MatchExact},
		{"Соединенных Штатов", "US", "", "", MatchExact},
		{"Республики Корея", "KR", "", "", MatchExact},
		{"Кореи", "KR", "", "", MatchExact},
		{"Китая", "CN", "", "", MatchExact},
		{"Египта", "EG", "", "", MatchExact},
		{"Беларусью", "BY", "", "", MatchExact},
		{"Белоруссии", "BY", "", "", MatchExact},
		{"Нидерландов", "NL", "", "", MatchExact},
		{"Объединённых Арабских Эмиратов", "AE", "", "", MatchExact},
		{"Нигера", "NE", "", "", MatchExact},
		{"Нигерии", "NG", "", "", MatchExact},
		{"Мали", "ML", "", "", MatchExact},
		{"ЦИК Киргизии", "KG", "", KindCountry, MatchExact},
		{"посольства Японии", "JP", "", KindCountry, MatchExact},
		{"посольства Японии в Казахстане", "JP", "", "", MatchExact},
		{"Центральной избирательной комиссии Узбекистана", "UZ", "", "", MatchExact},
		{"российские", "RU", "", "", MatchExact},
		{"китайских", "CN", "", "", MatchExact},
		{"турецкие", "TR", "", "", MatchExact},
		{"узбекистанские", "UZ", "", "", MatchExact},
		{"немецкими", "DE", "", "", MatchExact},

		// Not entities, or not one entity.
		{"", "", "", "", MatchNone},
		{"international organizations", "", "", "", MatchNone},
		{"international organisations", "", "", "", MatchNone},
		{"foreign states", "", "", "", MatchNone},
		{"observers", "", "", "", MatchNone},
		{"foreign observers", "", "", "", MatchNone},
		{"Central Election Commission", "", "", "", MatchNone},
		{"Parliament", "", "", "", MatchNone},
		{"Parliamentary Assembly", "", "", "", MatchNone},
		{"Executive Committee", "", "", "", MatchNone},
		{"международных организаций", "", "", "", MatchNone},
		{"иностранных государств", "", "", "", MatchNone},
		{"us", "", "", "", MatchNone},
		{"того", "", "", "", MatchNone},
		{"Russia and China", "", "", "", MatchNone},
		{"CSI", "", "", "", MatchNone},
		{"Iranians and Iraqis", "", "", "", MatchNone},
	}
	for _, tt := range tests {
		e, q := g.Lookup(tt.phrase)
		if q != tt.q || e.Code != tt.code || (tt.canon != "" && e.Canonical != tt.canon) || (tt.kind != "" && e.Kind != tt.kind) {
			t.Errorf("Lookup(%q) = %+v, %v; want code %q canonical %q kind %q, %v",
				tt.phrase, e, q, tt.code, tt.canon, tt.kind, tt.q)
		}
		if q == MatchWeak && e.Code != "" {
			t.Errorf("Lookup(%q): weak match with code %q", tt.phrase, e.Code)
		}
	}
}

func TestFind(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		text string
		want []string // Text=Code
	}{
		{"Great Britain, Iraq, Italy and the Russian Federation – two observers each",
			[]string{"Great Britain=GB", "Iraq=IQ", "Italy=IT", "Russian Federation=RU"}},
		{"CIS Interparliamentary Assembly – 48; CIS Executive Committee – 179",
			[]string{"CIS Interparliamentary Assembly=CIS-IPA", "CIS Executive Committee=CIS"}},
		{"observers from from 31 foreign states", nil},
		{"The Organisation of Islamic Cooperation – 4, OSCE Office for Democratic Institutions and Human Rights – 42, OSCE Parliamentary Assembly – 9",
			[]string{"Organisation of Islamic Cooperation=OIC", "OSCE Office for Democratic Institutions and Human Rights=OSCE-ODIHR", "OSCE Parliamentary Assembly=OSCE-PA"}},
		{"Delegates of the Inter-Parliamentary\nAssembly of the CIS and of the Cooperation Council of Turkic-speaking States arrived.",
			[]string{"Inter-Parliamentary\nAssembly of the CIS=CIS-IPA", "Cooperation Council of Turkic-speaking States=OTS"}},
		// Acronyms are case-sensitive and whole words.
		{"Let us meet the US and USSR veterans in the USA.", []string{"US=US", "USA=US"}},
		{"Iranian and Iran observers", []string{"Iranian=IR", "Iran=IR"}},
		{"The turkey was served in china bowls.", nil},
		// Punctuation ends a name: "Republic, Korea" is not "Republic of Korea".
		{"Kazakhstan - 5, Korea – 2", []string{"Kazakhstan=KZ", "Korea=KR"}},
		{"Наблюдатели от Межпарламентской Ассамблеи СНГ, БДИПЧ ОБСЕ и из Российской Федерации прибыли в Астану.",
			[]string{"Межпарламентской Ассамблеи СНГ=CIS-IPA", "БДИПЧ ОБСЕ=OSCE-ODIHR", "Российской Федерации=RU"}},
		{"Кроме того, китайские и турецкие наблюдатели", []string{"китайские=CN", "турецкие=TR"}},
		{"Миссия ШОС — 19 наблюдателей; ПА ОДКБ — 7", []string{"Миссия ШОС=SCO", "ПА ОДКБ=CSTO-PA"}},
	}
	for _, tt := range tests {
		ms := g.Find(tt.text)
		var got []string
		for _, m := range ms {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("Find(%q): offsets %d:%d do not give %q", tt.text, m.Start, m.End, m.Text)
			}
			if m.Quality != MatchExact {
				t.Errorf("Find(%q): %q has quality %v", tt.text, m.Text, m.Quality)
			}
			got = append(got, m.Text+"="+m.Entity.Code)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestGazetteerData checks the embedded tables: every row's names lead back
// to their own entity, the DESIGN.md codes exist, and all ISO countries are
// there.
func TestGazetteerData(t *testing.T) {
	g := DefaultGazetteer()
	countries := 0
	for _, e := range g.entities {
		if e.Kind == KindCountry {
			countries++
		}
	}
	if countries < 249 {
		t.Errorf("%d countries, want all 249 of ISO 3166-1", countries)
	}
	for _, code := range []string{"CIS", "CIS-IPA", "OSCE-ODIHR", "OSCE-PA", "SCO", "OTS", "TURKPA", "OIC", "CSTO-PA", "EU", "EP", "PACE",
		"OSCE", "CICA", "ITA", "TURKSOY", "IRI", "NDI", "IFES", "ENEMO", "A-WEB", "ACEEEO", "UN", "CSTO", "EAEU", "ECO", "APA", "PABSEC",
		"LAS", "AFRU", "ASEAN", "COE", "VENICE"} {
		found := false
		for _, e := range g.entities {
			found = found || (e.Code == code && e.Kind == KindOrganization)
		}
		if !found {
			t.Errorf("organisation %s missing", code)
		}
	}
	check := func(table string, nameCols []int) {
		sc := bufio.NewScanner(strings.NewReader(table))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			for _, c := range nameCols {
				for _, name := range gzSplitList(f[c]) {
					name = strings.TrimPrefix(name, "=")
					if strings.ContainsAny(name, ",(—") {
						continue // punctuation inside the name: it cannot match across it
					}
					e, q := g.Lookup(name)
					if q != MatchExact || e.Canonical != strings.TrimPrefix(f[1], "=") {
						t.Errorf("Lookup(%q) = %+v %v, want %s exactly", name, e, q, f[1])
					}
				}
			}
		}
	}
	check(gzCountriesTSV, []int{1, 2, 3, 4, 5})
	check(gzOrganizationsTSV, []int{1, 3, 4})
}

func TestNewGazetteerErrors(t *testing.T) {
	const org = "X\tX Org\t\tXO\tИКС\n"
	tests := []struct{ name, countries, orgs string }{
		{"short row", "KZ\tKazakhstan\n", ""},
		{"alias of two entities", "AA\tAland\t\t\t\t\nBB\tBland\tAland\t\t\t\n", ""},
		{"duplicate code", "", org + org},
		{"unknown parent", "", "Y\tY Org\tZZ\t\t\n"},
	}
	for _, tt := range tests {
		if _, err := NewGazetteer(strings.NewReader(tt.countries), strings.NewReader(tt.orgs)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestGazetteerConcurrent(t *testing.T) {
	g := DefaultGazetteer()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if len(g.Find("Observers of the SCO and of Kyrgyzstan")) != 2 {
					t.Error("Find lost a mention")
					return
				}
				if e, _ := g.Lookup("ШОС"); e.Code != "SCO" {
					t.Error("Lookup lost SCO")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestRuForms(t *testing.T) {
	tests := []struct {
		word    string
		want    []string
		notWant []string
	}{
		{"россия", []string{"россии", "россию", "россией"}, nil},
		{"российский", []string{"российская", "российской", "российские", "российских", "российским"}, nil},
		{"кыргызстан", []string{"кыргызстана", "кыргызстану", "кыргызстаном", "кыргызстане"}, nil},
		{"ассамблея", []string{"ассамблеи", "ассамблее", "ассамблею", "ассамблеей"}, nil},
		{"беларусь", []string{"беларуси", "беларусью"}, nil},
		{"китай", []string{"китая", "китаю", "китаем", "китае"}, nil},
		{"нидерланды", []string{"нидерландов", "нидерландах"}, nil},
		{"литва", []string{"литвы", "литве", "литву", "литвой"}, nil},
		{"мали", []string{"мали"}, []string{"малы", "мала"}},
		{"нигер", []string{"нигера"}, []string{"нигерии"}},
	}
	for _, tt := range tests {
		forms := gzRuForms(tt.word)
		has := func(f string) bool { return gzContainsString(forms, f) }
		for _, w := range append(tt.want, tt.word) {
			if !has(w) {
				t.Errorf("gzRuForms(%q) lacks %q", tt.word, w)
			}
		}
		for _, w := range tt.notWant {
			if has(w) {
				t.Errorf("gzRuForms(%q) has %q", tt.word, w)
			}
		}
	}
}

func BenchmarkFind(b *testing.B) {
	g := DefaultGazetteer()
	// About 300 characters, English and Russian names, line breaks.
	const s = "In total, the CEC accredited observers of the CIS Interparliamentary Assembly – 48; CIS Executive\n" +
		"Committee – 179; while Great Britain, Iraq, Italy and the Russian Federation sent two observers each, " +
		"and наблюдатели Межпарламентской Ассамблеи СНГ and the OSCE/ODIHR arrived from abroad too."
	b.ReportAllocs()
	for b.Loop() {
		g.Find(s)
	}
}

func BenchmarkLookupMisspelt(b *testing.B) {
	g := DefaultGazetteer()
	b.ReportAllocs()
	for b.Loop() {
		g.Lookup("Antiparliamentary Assembly of the CIS Member States")
	}
}

func TestFindMisspelt(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		text string
		want []string // Text=Code/quality
	}{
		{"So far 29 observers of the Antiparliamentary Assembly of the CIS Member States, which were accredited.",
			[]string{"Antiparliamentary Assembly of the CIS Member States=CIS-IPA/fuzzy"}},
		{"Observers of the Shanghai Cooperation Organisaton and of Kyrgyzstan came.",
			[]string{"Shanghai Cooperation Organisaton=SCO/fuzzy", "Kyrgyzstan=KG/exact"}},
		{"Russia, Organisation of Turkik States – 2", []string{"Russia=RU/exact", "Organisation of Turkik States=OTS/fuzzy"}},
		// Unknown capitalised words that resemble nothing stay out.
		{"CEC Secretary Mukhtar Yerman told the CIS mission", []string{"CIS mission=CIS/exact"}},
		// One wrong acronym is not a misspelling to repair.
		{"the Interparliamentary Assembly of the CSI Member Nations", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text) {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("Find(%q): offsets %d:%d do not give %q", tt.text, m.Start, m.End, m.Text)
			}
			got = append(got, m.Text+"="+m.Entity.Code+"/"+m.Quality.String())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
