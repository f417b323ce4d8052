package article

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"20 November 2020, 18:20", "2020-11-20T18:20:00+06:00"},
		{"6 January 2021, 16:20", "2021-01-06T16:20:00+06:00"},
		{"16:12, 20 March 2016 | GMT +6", "2016-03-20T16:12:00+06:00"},
		{"18:29, 07 January 2021 | GMT +6", "2021-01-07T18:29:00+06:00"},
		{"17:42, 22 January 2016", "2016-01-22T17:42:00+06:00"},
		{"13:51, 15 Август 2025", "2025-08-15T13:51:00+05:00"},
		{"16:37, 29 Январь 2026", "2026-01-29T16:37:00+05:00"},
		{"21:38, 18 Августа 2026", "2026-08-18T21:38:00+05:00"},
		{"06 Января 2021", "2021-01-06T00:00:00+06:00"},
		{"06 Мая 2019", "2019-05-06T00:00:00+06:00"},
		{"31.05.2022, 14:23", "2022-05-31T14:23:00+06:00"},
		{"07.01.2025, 17:35 26641", "2025-01-07T17:35:00+05:00"},
		{"February 2, 2023", "2023-02-02T00:00:00+06:00"},
		{"15 march 2024 year", "2024-03-15T00:00:00+05:00"},
		{"28 февраля 2011, 10:32", "2011-02-28T10:32:00+06:00"},
		{"2 апреля 2011 г., 14:10", "2011-04-02T14:10:00+06:00"},
		{"2022-11-08T15:15:00+06:00", "2022-11-08T15:15:00+06:00"},
		{"2024-02-29T17:30:00+03:00", "2024-02-29T17:30:00+03:00"},
		{"2022-11-09T09:12:40Z", "2022-11-09T09:12:40Z"},
		{"2022-11-09T09:12:40.123+0600", "2022-11-09T09:12:40+06:00"},
		{"2024-03-05T10:00:00", "2024-03-05T10:00:00+05:00"},
		{"2020-11-20", "2020-11-20T00:00:00+06:00"},
		{"Published: 8 Nov. 2022 at 09:05 (UTC+3)", "2022-11-08T09:05:00+03:00"},
		{"Nov 8, 2022", "2022-11-08T00:00:00+06:00"},
		{"1st March 2024", "2024-03-01T00:00:00+05:00"},
		{"29 February 2024, 23:59", "2024-02-29T23:59:00+06:00"},
		{"1 March 2024, 00:00", "2024-03-01T00:00:00+05:00"},
		{"5 қараша 2023", "2023-11-05T00:00:00+06:00"},
		{"usd/kzt 460.87 eur/kzt 501.56", ""},
		{"Astana-12-14℃", ""},
		{"31 February 2023", ""},
		{"In 5 minutes 2023 cars", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %s, want no date", tt.in, got.Format(time.RFC3339))
			}
			continue
		}
		if !ok {
			t.Errorf("ParseDate(%q): no date, want %s", tt.in, tt.want)
			continue
		}
		if s := got.Format(time.RFC3339); s != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

func TestKazakhstanOffset(t *testing.T) {
	tests := []struct {
		y          int
		m          time.Month
		d, h, mi   int
		wantOffset int
	}{
		{2016, time.March, 20, 16, 12, 6},
		{2024, time.February, 29, 23, 59, 6},
		{2024, time.March, 1, 0, 0, 5},
		{2024, time.March, 1, 0, 1, 5},
		{2026, time.August, 18, 21, 38, 5},
	}
	for _, tt := range tests {
		loc := KazakhstanOffset(tt.y, tt.m, tt.d, tt.h, tt.mi)
		_, off := time.Date(tt.y, tt.m, tt.d, tt.h, tt.mi, 0, 0, loc).Zone()
		if off != tt.wantOffset*3600 {
			t.Errorf("KazakhstanOffset(%d-%02d-%02d %02d:%02d) = %+d h, want %+d h", tt.y, tt.m, tt.d, tt.h, tt.mi, off/3600, tt.wantOffset)
		}
	}
}

func TestMonthNumber(t *testing.T) {
	tests := []struct {
		in   string
		want time.Month
	}{
		{"November", 11}, {"nov", 11}, {"Nov.", 11}, {"NOVEMBER", 11}, {"sept", 9}, {"May", 5},
		{"Января", 1}, {"январь", 1}, {"янв.", 1}, {"Августа", 8}, {"август", 8}, {"мая", 5}, {"май", 5},
		{"ДЕКАБРЯ", 12}, {"сентябре", 9}, {"наурыз", 3}, {"Желтоқсан", 12},
		{"no", 0}, {"ma", 0}, {"Marching", 0}, {"decision", 0}, {"", 0}, {"Мир", 0},
	}
	for _, tt := range tests {
		got, ok := MonthNumber(tt.in)
		if ok != (tt.want != 0) || got != tt.want {
			t.Errorf("MonthNumber(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestZoneForHost(t *testing.T) {
	tests := []struct {
		host string
		in   string
		want string
	}{
		{"24.kg", "28 November 2025 10:45", "2025-11-28T10:45:00+06:00"},
		{"tass.com", "29 February 2024, 17:30", "2024-02-29T17:30:00+03:00"},
		{"www.gazeta.uz", "1 May 2025, 09:00", "2025-05-01T09:00:00+05:00"},
		{"en.inform.kz", "29 February 2024, 17:30", "2024-02-29T17:30:00+06:00"},
		{"tass.com", "2024-02-29T17:30:00+04:00", "2024-02-29T17:30:00+04:00"},
		{"astanatimes.com", "2023-03-20 09:00", "2023-03-20T09:00:00+06:00"},
		{"www.telegraph.co.uk", "2024-02-29T17:30:00+00:00", "2024-02-29T17:30:00Z"},
		{"www.telegraph.co.uk", "2024-02-29T17:30:00", "2024-02-29T00:00:00Z date only"},
		{"", "29 February 2024, 17:30", "2024-02-29T00:00:00Z date only"},
	}
	for _, tt := range tests {
		got, _, ok := parseDateZone(tt.in, zoneForHost(tt.host))
		got, only := dateOnly(got)
		s := got.Format(time.RFC3339)
		if only {
			s += " date only"
		}
		if !ok || s != tt.want {
			t.Errorf("%s %q = %s, %v; want %s", tt.host, tt.in, s, ok, tt.want)
		}
	}
}

// TestParseDateWithoutOffset: a page states its own offset, or the
// publisher's time zone is known, or the date is kept without a time of day
// and flagged; Kazakhstan's offsets are for Kazakh publishers only.
func TestParseDateWithoutOffset(t *testing.T) {
	page := func(head, body string) string {
		return `<html><head>` + head + `</head><body><article><h1>Observers arrive</h1>` + body +
			`<p>The first observers arrived on Monday and will work in all regions until the vote, the commission said.</p>
<p>More groups, from states of the region and from Europe, are expected to arrive during the week, officials added.</p></article></body></html>`
	}
	tests := []struct {
		name, html, url string
		want            string
		dateOnly        bool
	}{
		{"foreign page, meta time without offset",
			page(`<link rel="canonical" href="https://www.telegraph.co.uk/news/2019/11/19/x/"><meta property="article:published_time" content="2019-11-19T19:16:00">`, ""),
			"", "2019-11-19T00:00:00Z", true},
		{"foreign page, printed date and time",
			page(`<link rel="canonical" href="https://news.example.com/x">`, `<p class="date">19 November 2019, 19:16</p>`),
			"", "2019-11-19T00:00:00Z", true},
		{"no URL at all",
			page(``, `<time datetime="2019-11-19T19:16">19 Nov 2019</time>`),
			"", "2019-11-19T00:00:00Z", true},
		{"foreign page states its offset",
			page(`<link rel="canonical" href="https://www.telegraph.co.uk/news/x/"><meta property="article:published_time" content="2019-11-19T19:16:00+00:00">`, ""),
			"", "2019-11-19T19:16:00Z", false},
		{"offset in JSON-LD wins over a meta date without one",
			page(`<meta name="date" content="2019-11-19"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T14:16:00-05:00"}</script>`, ""),
			"", "2019-11-19T14:16:00-05:00", false},
		{"offset in <time datetime>",
			page(`<link rel="canonical" href="https://news.example.com/x">`, `<time datetime="2019-11-19T19:16:00+01:00">19 Nov</time>`),
			"", "2019-11-19T19:16:00+01:00", false},
		{"publisher's zone known",
			page(`<link rel="canonical" href="https://24.kg/english/1_x/">`, `<p class="date">28 November 2025, 10:45</p>`),
			"", "2025-11-28T10:45:00+06:00", false},
		{"Kazakh page by its fetch URL",
			page(``, `<p class="date">28 November 2025, 10:45</p>`),
			"https://tengrinews.kz/news/1", "2025-11-28T10:45:00+05:00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(Page{Source: "x.html", URL: tt.url, Body: []byte(tt.html)})
			if err != nil {
				t.Fatal(err)
			}
			if got := a.PublishedAt.Format(time.RFC3339); got != tt.want || a.DateOnly != tt.dateOnly {
				t.Errorf("PublishedAt %s, DateOnly %v; want %s, %v", got, a.DateOnly, tt.want, tt.dateOnly)
			}
		})
	}
}
