package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const pagesDir = "../../testdata/pages"

func readFixture(t testing.TB, name string) Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pagesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return Page{Source: filepath.Join("testdata", "pages", name), Body: b}
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file      string
		layout    string
		url       string
		site      string
		lang      string
		title     string
		published string
		author    string
		section   string
		tags      []string
		contains  []string
		absent    []string
	}{
		{
			file: "kazinform_a_majilis2021.html", layout: "kazinform-a",
			url:  "https://www.inform.kz/en/cec-accredits-412-foreign-observers-for-majilis-and-maslikhat-elections_a3737153",
			site: "www.inform.kz", lang: "en",
			title: "CEC accredits 412 foreign observers for Majilis and maslikhat elections", published: "2021-01-07T16:20:00+06:00",
			author: "Aigerim Abilova", section: "Elections", tags: []string{"Elections", "Majilis", "CEC"},
			contains: []string{"NUR-SULTAN. KAZINFORM – Kazakhstan’s", "the Parliamentary Assembly of the CSTO – 2.", "sanitary rules will apply", "five political parties."},
			absent:   []string{"OSCE/ODIHR to deploy 30 long-term", "Read also", "Over 170 CIS observers", "Qazaq TV", "Share", "USD", "Автор", "Kazakhstan registers 1,012"},
		},
		{
			file: "kazinform_a_ru_president2022.html", layout: "kazinform-a", site: "www.inform.kz", lang: "ru",
			title: "ЦИК аккредитовал 248 иностранных наблюдателей на президентские выборы", published: "2022-11-08T17:05:00+06:00",
			author: "Айгуль Сейтказиева", section: "Выборы", tags: []string{"Выборы", "ЦИК", "Наблюдатели"},
			contains: []string{"АСТАНА. КАЗИНФОРМ –", "Монголия – одного.", "по их собственной просьбе."},
			absent:   []string{"Более 300 наблюдателей ОБСЕ", "Читайте также", "Популярное", "Новости по теме"},
		},
		{
			file: "kazinform_a_amp_majilis2023.html", layout: "kazinform-a-amp", site: "www.inform.kz", lang: "en",
			url:   "https://www.inform.kz/en/2023-elections-over-580-international-observers-accredited_a4048297",
			title: "2023 elections: over 580 international observers accredited", published: "2023-03-09T10:20:00+06:00",
			author: "Zhanar Kenzhebek", section: "Elections", tags: []string{"Elections", "Majilis", "Observers"},
			contains: []string{"ASTANA. KAZINFORM – As of 9 March", "9,883 polling stations will be open on election day."},
			absent:   []string{"Go to the main site", "usd/kzt", "Weather", "+7 701", "Ўз", "Author", "Photo:", "Новости по теме", "Over 1,000 observers"},
		},
		{
			file: "kazinform_b_migrated_president2022.html", layout: "kazinform-b", site: "en.inform.kz", lang: "en",
			url:   "https://en.inform.kz/news/first-cis-observers-accredited-for-2022-presidential-election_a3994990/",
			title: "First CIS observers accredited for 2022 presidential election", published: "2022-10-14T15:47:00+06:00",
			author: "Dana Amangeldy", section: "Politics", tags: []string{"Elections", "CIS", "CEC"},
			contains: []string{"The CEC has started accrediting", "ASTANA. KAZINFORM – The Central", "12 international organisations."},
			absent:   []string{"Advertisement", "None", "Photo:", "Currently reading", "Telegram", "TV AND RADIO", "Trends", "ODIHR to send 300"},
		},
		{
			file: "kazinform_b_hex_referendum2024.html", layout: "kazinform-b", site: "en.inform.kz", lang: "en",
			title: "Referendum commission accredits 207 international observers", published: "2024-10-03T11:20:00+05:00",
			author: "Madina Serikkyzy", section: "Politics", tags: []string{"Referendum", "Nuclear power plant", "Observers"},
			contains: []string{"Kazinform News Agency reports.", "10 to 12 observers."},
			absent:   []string{"freepik", "Advertisement", "Referendum: 67 polling stations"},
		},
		{
			file: "kazinform_b_amp_majilis2016.html", layout: "kazinform-b-amp", site: "en.inform.kz", lang: "en",
			url:   "https://en.inform.kz/news/cec-sets-terms-of-accreditation-for-foreign-observers_a2862880/",
			title: "CEC sets terms of accreditation for foreign observers", published: "2016-01-22T17:42:00+06:00",
			tags:     []string{"Elections", "Majilis"},
			contains: []string{"monitored by 905 international observers."},
			absent:   []string{"• kz", "Read also", "Nur Otan"},
		},
		{
			file: "kazinform_c_kyrgyzstan2026.html", layout: "kazinform-c", site: "qazinform.com", lang: "en",
			title: "Kyrgyzstan accredits 118 international observers ahead of presidential vote", published: "2026-11-20T14:05:00+05:00",
			author: "Aliya Nurlanova", section: "World", tags: []string{"Kyrgyzstan", "Elections", "Observers"},
			contains: []string{"Kyrgyzstan’s Central Commission", "six candidates are on the ballot."},
			absent:   []string{"Friday, 20 November 2026", "Over 100 CIS observers", "Photo: Qazinform", "USD"},
		},
		{
			file: "qazaqtv_referendum2022.html", layout: "qazaqtv", site: "qazaqtv.com", lang: "en",
			url:   "https://qazaqtv.com/en/news/society/20840-referendum-commission-accredits-279-international-observers",
			title: "Referendum commission accredits 279 international observers", published: "2022-06-02T16:40:00+06:00",
			author: "Arman Kuanyshev", section: "Society", tags: []string{"Referendum", "Observers"},
			contains: []string{"CIS sends the largest mission", "Yerlan Sadykov, Secretary of the Central Referendum Commission:", "will also work at polling stations."},
			absent:   []string{"Translation by", "Editing by", "Madina Abenova", "Over 400 observers", "1 254", "Share"},
		},
		{
			file: "qazaqtv_president2022.html", layout: "qazaqtv", site: "qazaqtv.com",
			title: "Over 800 foreign observers monitor presidential election", published: "2022-11-20T12:15:00+06:00",
			author: "Aigul Zhunusova", section: "Politics", tags: []string{"Elections", "Observers", "CEC"},
			contains: []string{"Turnout exceeds 50%", "are working in Astana and Shymkent."},
			absent:   []string{"Translation by", "Editing by", "Timur", "271 observers accredited"},
		},
		{
			file: "generic_astanatimes_president2022.html", layout: "generic-container", site: "astanatimes.com", lang: "en",
			title: "CEC accredits 295 international observers for presidential election", published: "2022-11-09T15:12:40+06:00",
			author: "Aruzhan Ibrayeva", section: "Nation", tags: []string{"CEC", "elections", "observers"},
			contains: []string{"ASTANA – The Central Election Commission (CEC)", "at their own request."},
			absent:   []string{"Get The Astana Times", "Share this", "Related", "Most read", "Photo credit", "Over 400 international observers", "Kazakhstan, China sign"},
		},
		{
			file: "generic_24kg_parliament2025.html", layout: "generic-scored", site: "24.kg", lang: "en",
			url:   "https://24.kg/english/351207_CEC_registers_1047_international_observers_for_early_parliamentary_elections/",
			title: "CEC registers 1,047 international observers for early parliamentary elections", published: "2025-11-28T10:45:00+06:00",
			author: "Aigerim Osmonova", tags: []string{"Elections", "CEC"},
			contains: []string{"BISHKEK. 24.kg - The Central", "2,475 polling stations will operate on election day."},
			absent:   []string{"Read also", "467 candidates", "Over 1,000 international observers", "Most read", "USD"},
		},
		{
			file: "generic_tass_russia2024.html", layout: "generic-container", site: "tass.com", lang: "en",
			title: "Russia's CEC receives 450 applications from international observers", published: "2024-02-29T17:30:00+03:00",
			author: "TASS", section: "Russian Politics & Diplomacy", tags: []string{"Elections", "CEC"},
			contains: []string{"MOSCOW, February 29. /TASS/.", "about 94,000 polling stations."},
			absent:   []string{"Over 700 foreign observers", "More news", "Lavrov"},
		},
		{
			file: "cp1251_ru_president2011.html", layout: "generic-scored", site: "www.sayasat-news.kz", lang: "ru",
			title: "ЦИК аккредитовал 739 международных наблюдателей", published: "2011-04-02T14:10:00+06:00", section: "Политика",
			contains: []string{"АСТАНА. По состоянию на 1 апреля", "направили по 15 наблюдателей."},
			absent:   []string{"Другие новости", "Опрос", "Источник", "Более 200 наблюдателей СНГ", "\ufffd"},
		},
		{
			file: "misspelt_kt_majilis2023.html", layout: "generic-scored", site: "www.kt.kz", lang: "en",
			title: "CEC accredits first foreign observers for Majilis elections", published: "2023-02-07T17:35:00+06:00",
			contains: []string{"Inter-Parlamentary Asembly of the CIS", "Organsiation has nominated 12 observers."},
			absent:   []string{"Images |", "Tell a friend", "relevant news", "may not be reproduced", "26641", "Over 500 observers"},
		},
		{
			file: "total_mismatch_sailau_majilis2023.html", layout: "generic-scored", site: "sailaunews.kz", lang: "en",
			title: "CEC accredited 126 observers from international organisations", published: "2023-03-14T00:00:00+06:00",
			contains: []string{"the Organisation of Turkic States – six observers."},
			absent:   []string{"Recent posts", "Accreditation of international election observers has begun"},
		},
		{
			file: "nofacts_kazinform_a_turnout.html", layout: "kazinform-a", site: "www.inform.kz", lang: "en",
			title: "Voter turnout in Majilis elections reaches 54.7% by 6 pm", published: "2023-03-19T18:40:00+06:00",
			section: "Elections", tags: []string{"Elections", "Majilis", "Turnout"},
			contains: []string{"between 50 and 60 observers", "Monday morning."},
			absent:   []string{"586 international observers", "25 long-term CIS observers", "Over 580"},
		},
		{
			file: "readalso_only_kazinform_b.html", layout: "kazinform-b", site: "en.inform.kz",
			title: "67 polling stations abroad ready for referendum", published: "2024-10-01T09:30:00+05:00",
			author: "Aruzhan Tolegen", section: "Politics", tags: []string{"Referendum", "Foreign Ministry"},
			contains: []string{"67 polling stations opened in 53 countries"},
			absent:   []string{"observers", "Advertisement"},
		},
		{
			file: "dump_kazinform_a_president2019.txt", layout: "textdump", lang: "en",
			title: "Over 1,000 foreign observers to monitor presidential election", published: "2019-06-07T12:30:00+06:00",
			author: "Nurlan Tokhtarov", section: "Elections", tags: []string{"Elections", "Presidential elections", "Kazakhstan"},
			contains: []string{"NUR-SULTAN. KAZINFORM – As of June 7", "to send observers to the election."},
			absent:   []string{"photo", "Photo:", "CEC accredits 900", "SCO sends 16", "Popular"},
		},
		{
			file: "dump_kazinform_amp_karaganda2023.txt", layout: "textdump", lang: "en",
			title: "OSCE observers meet independent monitors in Karaganda", published: "2023-03-17T14:05:00+06:00",
			author: "Saule Akhmetova", section: "Elections", tags: []string{"Elections Majilis Karaganda"},
			contains: []string{"KARAGANDA. KAZINFORM – Fourteen observers", "782 polling stations in the region."},
			absent:   []string{"586 international observers", "usd/kzt", "Author", "Over 300 ODIHR"},
		},
		{
			file: "dump_ic24_majilis2023.txt", layout: "textdump", lang: "en",
			title: "612 observers accredited for Majilis elections in Kazakhstan", published: "2023-03-14T00:00:00+06:00",
			section: "Политика", tags: []string{"elections", "observers"},
			contains: []string{"of which:\n497\nobservers from 5 international organisations: CIS Executive Committee\n– 221;", "not included in the\nCEC figures."},
			absent:   []string{"ru ", "Более 500", "Написать нам", "987"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := readFixture(t, tt.file)
			a, err := Parse(p)
			if err != nil {
				t.Fatal(err)
			}
			if a.Layout != tt.layout {
				t.Errorf("Layout = %q, want %q", a.Layout, tt.layout)
			}
			wantURL := tt.url
			if wantURL == "" && tt.site == "" {
				wantURL = p.Source // local text dump: the source path
			}
			if wantURL != "" && a.URL != wantURL {
				t.Errorf("URL = %q, want %q", a.URL, wantURL)
			}
			if a.Site != tt.site {
				t.Errorf("Site = %q, want %q", a.Site, tt.site)
			}
			if tt.lang != "" && a.Language != tt.lang {
				t.Errorf("Language = %q, want %q", a.Language, tt.lang)
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
			for _, s := range tt.contains {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Body, s) {
					t.Errorf("body contains %q", s)
				}
			}
			for _, para := range strings.Split(a.Body, "\n\n") {
				if strings.TrimSpace(para) != para || para == "" {
					t.Errorf("untrimmed or empty paragraph %q", para)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", a.Body)
			}
		})
	}
}

// TestParseChoosesLayoutByMarkup feeds the same markup under other hosts:
// the layout follows the markup, not the URL.
func TestParseChoosesLayoutByMarkup(t *testing.T) {
	tests := []struct {
		file, url, layout string
	}{
		{"kazinform_a_majilis2021.html", "https://mirror.example.org/page", "kazinform-a"},
		{"kazinform_b_hex_referendum2024.html", "https://qazinform.com/news/x", "kazinform-b"},
		{"kazinform_c_kyrgyzstan2026.html", "https://en.inform.kz/news/x/", "kazinform-c"},
		{"generic_24kg_parliament2025.html", "https://www.inform.kz/en/x_a1", "generic-scored"},
	}
	for _, tt := range tests {
		p := readFixture(t, tt.file)
		p.URL = tt.url
		p.Source = tt.url
		a, err := Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		if a.Layout != tt.layout {
			t.Errorf("%s at %s: Layout = %q, want %q", tt.file, tt.url, a.Layout, tt.layout)
		}
	}
}

func TestParseURLAndLanguage(t *testing.T) {
	body := "<p>The Central Election Commission accredited observers from several international organisations on Monday, officials said.</p>"
	ru := "<p>Центральная избирательная комиссия аккредитовала наблюдателей от нескольких международных организаций, сообщили в комиссии.</p>"
	tests := []struct {
		name, html, pageURL, source, wantURL, wantSite, wantLang string
	}{
		{"canonical wins", `<html lang="en-GB"><head><link rel="canonical" href="/en/news/1"></head><body>` + body + `</body></html>`,
			"https://www.inform.kz/en/news/1?utm=x", "src", "https://www.inform.kz/en/news/1", "www.inform.kz", "en"},
		{"og:url", `<html><head><meta property="og:url" content="https://Example.KZ/ru/a"></head><body>` + ru + `</body></html>`,
			"", "file.html", "https://Example.KZ/ru/a", "example.kz", "ru"},
		{"page URL", `<html><body>` + body + `</body></html>`, "https://24.kg/english/1_X/", "src", "https://24.kg/english/1_X/", "24.kg", "en"},
		{"source only", `<html><body>` + ru + `</body></html>`, "", "pages/x.html", "pages/x.html", "", "ru"},
		{"kazakh lang attr", `<html lang="kk"><body>` + body + `</body></html>`, "", "x", "x", "", "kk"},
		{"kazakh letters", `<html><body><p>Орталық сайлау комиссиясы халықаралық бақылаушыларды тіркеді, деп хабарлады комиссияның баспасөз қызметі.</p></body></html>`, "", "x", "x", "", "kk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(Page{Source: tt.source, URL: tt.pageURL, Body: []byte(tt.html)})
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tt.wantURL || a.Site != tt.wantSite || a.Language != tt.wantLang {
				t.Errorf("got URL %q Site %q Language %q, want %q %q %q", a.URL, a.Site, a.Language, tt.wantURL, tt.wantSite, tt.wantLang)
			}
		})
	}
}

func TestParseHTMLBody(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Observers arrive - Example News</title><meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="story">
  <h1>Observers arrive</h1>
  <div class="story-text">
    <p>ASTANA –   The first    observers
       arrived on Monday.<br>A second line follows the break.</p>
    <p>They will work in all regions of the country until the vote on Sunday, the commission said.</p>
    <ul class="links"><li><a href="/a">Headline one about something else entirely</a></li><li><a href="/b">Headline two about another thing</a></li></ul>
    <p><b>Read also:</b> <a href="/c">Over 170 observers to monitor elections</a></p>
    <h3>Read also</h3>
    <p><a href="/d">CEC accredits 500 observers</a></p>
    <p>Short headline without a stop</p>
  </div>
</div>
<footer>© Example News. Subscribe to our newsletter.</footer>
</body></html>`
	a, err := Parse(Page{Source: "x.html", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	want := "ASTANA – The first observers arrived on Monday.\nA second line follows the break.\n\n" +
		"They will work in all regions of the country until the vote on Sunday, the commission said."
	if a.Body != want {
		t.Errorf("Body =\n%q\nwant\n%q", a.Body, want)
	}
	if a.Title != "Observers arrive" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Layout != "generic-scored" {
		t.Errorf("Layout = %q", a.Layout)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n  "), ErrEmpty},
		{"bom only", []byte("\xEF\xBB\xBF \n"), ErrEmpty},
		{"png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), ErrBinary},
		{"pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj"), ErrBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), ErrBinary},
		// A few NULs in text are dropped, not fatal: see TestParseOddPages.
		{"nul bytes", make([]byte, 64), ErrBinary},
		{"control bytes", []byte("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11abc"), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(Page{Source: "in", Body: tt.body})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html></html>", true},
		{"\n\n  <html lang=en>", true},
		{"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"<!-- saved page --><html>", true},
		{"Title line\n<body>", true},
		{"<div class=\"x\"><p>Fragment</p></div>", true},
		{" date 2020-11-20 Qazaq TV\nMain Page >\nTitle", false},
		{"Plain text about <observers> and 5 > 3.", false},
	}
	for _, tt := range tests {
		if got := isHTML(tt.in); got != tt.want {
			t.Errorf("isHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(pagesDir, "*.*"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []Page
	var size int64
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".html" && ext != ".txt" {
			continue // gold and golden files
		}
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, Page{Source: f, Body: body})
		size += int64(len(body))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		for _, p := range pages {
			if _, err := Parse(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
