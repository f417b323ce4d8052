package crawler

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sites", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseListing(t *testing.T) {
	for _, tc := range []struct {
		file, url, format string
		items             int
		first, firstDate  string // first item's URL and date (YYYY-MM-DD, "" when undated)
		next              string
	}{
		{"www.inform.kz/ru/lenta@page=2.html", "https://www.inform.kz/ru/lenta?page=2", "kazinform-b-lenta", 3,
			"https://www.inform.kz/ru/nablyudateli-shos-pribudut-k-vyboram-9d0e55", "2025-07-28", ""},
		{"www.inform.kz/tag/vybory_t9001.html", "https://www.inform.kz/tag/vybory_t9001", "kazinform-b-tag", 3,
			"https://www.inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09", "2025-08-15", ""},
		{"www.inform.kz/en/elections_t2741.html", "https://www.inform.kz/en/elections_t2741", "kazinform-a-lenta", 7,
			"https://www.inform.kz/en/full-list-of-accredited-election-observers_a4040478", "2023-03-20", ""},
		{"www.inform.kz/ru/archive@date=20.11.2020.html", "https://www.inform.kz/ru/archive?date=20.11.2020", "kazinform-a-archive", 2,
			"https://www.inform.kz/ru/tsik-zaregistriroval-inostrannyh-nablyudateley_a3721150", "2020-11-20", ""},
		{"qazinform.com/category/politics_s22801.html", "https://qazinform.com/category/politics_s22801", "kazinform-c", 2,
			"https://qazinform.com/news/more-than-40-foreign-observers-gather-for-majilis-by-election-54ad0b/", "2024-01-19",
			"https://qazinform.com/category/politics_s22801?page=2"},
		{"qazaqtv.com/en/news/politics.html", "https://qazaqtv.com/en/news/politics", "qazaqtv", 2,
			"https://qazaqtv.com/en/news/politics/20824-referendum-commission-accredits-international-observers", "2022-05-31", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			base, _ := url.Parse(tc.url)
			p := ProfileFor(base)
			lst, err := p.ParseListing(base, readFixture(t, tc.file), "text/html; charset=utf-8")
			if err != nil {
				t.Fatal(err)
			}
			if lst.Format != tc.format || len(lst.Links) != tc.items || lst.Next != tc.next {
				t.Fatalf("format %q, %d items, next %q; want %q, %d, %q", lst.Format, len(lst.Links), lst.Next, tc.format, tc.items, tc.next)
			}
			l := lst.Links[0]
			var date string
			if !l.Date.IsZero() {
				date = l.Date.Format(dateLayout)
			}
			if l.URL.String() != tc.first || date != tc.firstDate || l.Kind != KindArticle || l.Title == "" {
				t.Errorf("first item %s %q %s %q", l.URL, date, l.Kind, l.Title)
			}
			if lst.Dated != (tc.firstDate != "") {
				t.Errorf("Dated = %v", lst.Dated)
			}
		})
	}
}

func TestParseListingFallsBackToLinks(t *testing.T) {
	base, _ := url.Parse("https://www.inform.kz/ru/some-new-section_g99")
	body := []byte(`<html><body><div class="unknown-markup">
	<a href="/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09">ЦИК аккредитовал</a>
	<a href="/ru/about">О нас</a>
	<a href="https://example.com/x">elsewhere</a>
	<a href="/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09#comments">again</a>
	</div></body></html>`)
	lst, err := kazinform.ParseListing(base, body, "")
	if err != nil {
		t.Fatal(err)
	}
	if lst.Format != "links" || len(lst.Links) != 1 || lst.Dated {
		t.Errorf("%+v", lst)
	}
}

func TestParseFeed(t *testing.T) {
	for _, tc := range []struct {
		name, url, body, format string
		links                   []string // URL kind date
	}{
		{"rss", "https://en.inform.kz/rss/", string(readFixture(t, "en.inform.kz/rss/index.xml")), "rss", []string{
			"https://en.inform.kz/news/more-than-40-foreign-observers-gather-for-majilis-by-election-54ad0b/ article 2024-01-19",
			"https://en.inform.kz/news/cec-registers-31-foreign-observers-ahead-of-majilis-vote_a3721112/ article 2020-11-20",
			"https://en.inform.kz/news/astana-hosts-chess-olympiad-7a3b9c/ article 2024-01-18",
			"https://en.inform.kz/amp/cec-sets-accreditation-rules-for-foreign-observers_a3721105/ article 2020-11-19",
		}},
		{"sitemap index", "https://www.inform.kz/sitemap.xml", string(readFixture(t, "www.inform.kz/sitemap.xml")), "sitemap", []string{
			"https://www.inform.kz/sitemaps/news-en.xml sitemap updated:2024-01-20",
			"https://www.inform.kz/sitemaps/archive-2019.xml sitemap updated:2019-12-31",
		}},
		{"news sitemap", "https://www.inform.kz/sitemaps/news-en.xml", string(readFixture(t, "www.inform.kz/sitemaps/news-en.xml")), "sitemap", []string{
			"https://www.inform.kz/en/cec-registers-31-foreign-observers-ahead-of-majilis-vote_a3721112/amp article 2020-11-20",
			"https://www.inform.kz/en/odihr-mission-to-place-30-long-term-observers-in-regions_a3737153 article 2021-01-06",
		}},
		{"atom", "https://example.org/feed/atom/", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>CEC accredits observers</title><link rel="alternate" href="https://example.org/2022/11/cec-accredits/"/><published>2022-11-08T10:00:00+06:00</published></entry>
</feed>`, "rss", []string{"https://example.org/2022/11/cec-accredits/ article 2022-11-08"}},
		{"windows-1251 rss", "https://example.org/rss", "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>\xc2\xfb\xe1\xee\xf0\xfb</title><link>https://example.org/vybory-1</link><pubDate>Mon, 06 May 2019 10:00:00 +0600</pubDate></item></channel></rss>", "rss",
			[]string{"https://example.org/vybory-1 article 2019-05-06"}},
		{"broken rss keeps the items read", "https://example.org/rss", `<rss><channel><item><title>A & B</title><link>https://example.org/a</link></item><item><title>unclosed`, "rss",
			[]string{"https://example.org/a article "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base, _ := url.Parse(tc.url)
			lst, err := ParseFeed(base, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range lst.Links {
				d := ""
				if !l.Date.IsZero() {
					d = l.Date.Format(dateLayout)
				}
				if !l.Updated.IsZero() {
					d += "updated:" + l.Updated.Format(dateLayout)
				}
				got = append(got, l.URL.String()+" "+l.Kind+" "+d)
			}
			if lst.Format != tc.format || strings.Join(got, "\n") != strings.Join(tc.links, "\n") {
				t.Errorf("format %q links:\n%s\nwant:\n%s", lst.Format, strings.Join(got, "\n"), strings.Join(tc.links, "\n"))
			}
		})
	}
	if lst, err := ParseFeed(&url.URL{Scheme: "https", Host: "x"}, []byte("<html><body>not a feed</body></html>")); err == nil {
		t.Errorf("HTML parsed as feed: %+v", lst)
	}
	// The Russian title decodes, so it can be matched against keywords.
	lst, _ := ParseFeed(&url.URL{Scheme: "https", Host: "example.org"}, []byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>\xc2\xfb\xe1\xee\xf0\xfb</title><link>https://example.org/1</link></item></channel></rss>"))
	if len(lst.Links) != 1 || lst.Links[0].Title != "Выборы" {
		t.Errorf("windows-1251 title: %+v", lst.Links)
	}
}

func TestParseItemDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"20 November 2020, 18:20", "2020-11-20T18:20:00+06:00"},
		{"6 January 2021, 16:20", "2021-01-06T16:20:00+06:00"},
		{"16:12, 20 March 2016 | GMT +6", "2016-03-20T16:12:00+06:00"},
		{"13:51, 15 Август 2025", "2025-08-15T13:51:00+05:00"},
		{"21:38, 18 Августа 2026", "2026-08-18T21:38:00+05:00"},
		{"08:32, 18 8月 2026", "2026-08-18T08:32:00+05:00"},
		{"12:40, 15 Тамыз 2025", "2025-08-15T12:40:00+05:00"},
		{"10:20, 13 Tamyz 2025", "2025-08-13T10:20:00+05:00"},
		{"20 қараша 2020, 19:05", "2020-11-20T19:05:00+06:00"},
		{"09:00, 2 Maýsym 2024", "2024-06-02T09:00:00+05:00"},
		{"06 Января 2021", "2021-01-06T00:00:00+06:00"},
		{"31.05.2022, 14:23", "2022-05-31T14:23:00+06:00"},
		{"February 2, 2023", "2023-02-02T00:00:00+06:00"},
		{"29 февраля 2024, 23:59", "2024-02-29T23:59:00+06:00"},
		{"1 марта 2024, 00:00", "2024-03-01T00:00:00+05:00"},
		{"Fri, 19 Jan 2024 10:15:00 +0600", "2024-01-19T10:15:00+06:00"},
		{"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"2022-11-08T10:00:00+06:00", "2022-11-08T10:00:00+06:00"},
		{"2022-11-08", "2022-11-08T00:00:00+06:00"},
		{"2019-12-31T23:00:00", "2019-12-31T23:00:00+06:00"},
	} {
		got, ok := parseItemDate(tc.in)
		if !ok || got.Format(time.RFC3339) != tc.want {
			t.Errorf("parseItemDate(%q) = %s, %v; want %s", tc.in, got.Format(time.RFC3339), ok, tc.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "18:20", "32.13.2020", "Popular 1 2 3"} {
		if got, ok := parseItemDate(bad); ok {
			t.Errorf("parseItemDate(%q) = %s, want no date", bad, got)
		}
	}
}

func TestRange(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(dateLayout, s); return d }
	r := Range{Since: day("2022-11-01"), Until: day("2022-11-30")}
	kz := time.FixedZone("", 6*3600)
	for _, tc := range []struct {
		t             time.Time
		contains, old bool
	}{
		{time.Time{}, true, false},
		{time.Date(2022, 11, 1, 0, 30, 0, 0, kz), true, false}, // Oct 31 in UTC, Nov 1 as printed
		{time.Date(2022, 10, 31, 23, 59, 0, 0, kz), false, true},
		{time.Date(2022, 11, 30, 23, 59, 0, 0, kz), true, false},
		{time.Date(2022, 12, 1, 0, 0, 0, 0, kz), false, false},
	} {
		if got := r.Contains(tc.t); got != tc.contains {
			t.Errorf("Contains(%s) = %v", tc.t, got)
		}
		if got := r.Older(tc.t); got != tc.old {
			t.Errorf("Older(%s) = %v", tc.t, got)
		}
	}
	if open := (Range{}); !open.Contains(time.Now()) || open.Older(time.Unix(0, 0)) {
		t.Error("open range")
	}
}

func TestIsElectionRelated(t *testing.T) {
	for _, tc := range []struct {
		url, title string
		want       bool
	}{
		{"https://www.inform.kz/en/x_a1", "CEC registers 31 foreign observers", true},
		{"https://www.inform.kz/ru/tsik-akkreditoval-45-nablyudateley-ot-sng-7c1e09", "", true},
		{"", "ЦИК аккредитовал 45 наблюдателей", true},
		{"", "Референдум: итоги голосования", true},
		{"", "Выборы в маслихаты назначены", true},
		{"", "Majilis by-election set for January", true},
		{"", "Сайлау: байқаушылар келді", true},
		{"https://www.inform.kz/tag/vybory_t9001", "", true},
		{"https://qazaqtv.com/kz/news/politics/20830-saylau-baiqaushylary-keldi", "", true},
		{"https://www.inform.kz/ru/vibori-v-mazhilis-naznacheny-1a2b3c", "", true},
		{"https://www.inform.kz/ru/nabludateli-pribyvayut-v-astanu-4d5e6f", "", true},
		{"https://www.inform.kz/ru/o-viborah-akimov-5a6b7c", "", true},
		{"", "ОСК 58 шетелдік байқаушыны тіркеді", true},
		{"", "Бақылаушылар учаскелерді аралады", true},
		{"", "Baıqaýshylar saılaýǵa daıyndyqty baǵalady", true},
		{"", "Referendým komıssıasy akkredıttaýdy aıaqtady", true},
		{"", "OSK jańa sheshim qabyldady", true},
		{"https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10", "", true},
		{"https://qz.inform.kz/news/almatyda-jana-saiabaq-ashyldy-7d2b81", "Almatyda jańa saıabaq ashyldy", false},
		{"", "Астанада жаңбыр жауады", false},
		{"", "New railway line opens in Turkistan region", false},
		{"", "Electricity prices to rise", false},
		{"", "В Астане ожидается дождь", false},
		{"https://www.inform.kz/ru/urozhay-zerna-v-kostanayskoy-oblasti-2c8e71", "Урожай зерна", false},
		{"", "Cecilia Bartoli sings in Astana", false},
	} {
		if got := IsElectionRelated(tc.url, tc.title); got != tc.want {
			t.Errorf("IsElectionRelated(%q, %q) = %v", tc.url, tc.title, got)
		}
	}
}
