package article

import (
	"strings"
	"testing"
	"time"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		site, canonical, in, want string
	}{
		{"", "", "Observers accredited | Kazinform", "Observers accredited"},
		{"The Astana Times", "", "CEC accredits observers - The Astana Times", "CEC accredits observers"},
		{"", "https://24.kg/english/1/", "CEC registers observers - 24.kg", "CEC registers observers"},
		{"TASS", "", "Title - Russian Politics & Diplomacy - TASS", "Title - Russian Politics & Diplomacy"},
		{"", "", "Vote count - a long look at the numbers", "Vote count - a long look at the numbers"},
		{"", "", "Observers: a very long suffix after the bar that is clearly part of the title | and more words here too", "Observers: a very long suffix after the bar that is clearly part of the title | and more words here too"},
	}
	for _, tt := range tests {
		m := pageMeta{siteName: tt.site, canonical: tt.canonical}
		if got := m.cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseJSONLD(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<meta property="og:title" content="Social title | Site">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle"],"headline":"Observers arrive in Bishkek","datePublished":"2021-01-08T06:30:00Z",
  "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Editor"}],
  "articleSection":["Politics"],"keywords":"elections, observers","url":"https://news.example.kg/a/1"}]}</script>
<script type="application/ld+json">{ not json</script>
</head><body><article><h1>Observers arrive in Bishkek</h1>
<p>BISHKEK – The first international observers arrived in the capital on Friday, the commission said.</p>
</article></body></html>`
	a, err := Parse(Page{Source: "x.html", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Observers arrive in Bishkek" || a.Author != "A. Writer, B. Editor" || a.Section != "Politics" ||
		strings.Join(a.Tags, "|") != "elections|observers" || a.URL != "https://news.example.kg/a/1" {
		t.Errorf("got %+v", a)
	}
	// Stated in UTC, shown in the publisher's offset (Kyrgyzstan, +06:00).
	if got := a.PublishedAt.Format(time.RFC3339); got != "2021-01-08T12:30:00+06:00" {
		t.Errorf("PublishedAt = %s", got)
	}
}

func TestParseItempropAndTime(t *testing.T) {
	page := `<html lang="ru"><body>
<div class="head"><h1 itemprop="headline">Наблюдатели прибыли</h1>
<span class="meta">Автор: <span itemprop="author"><span itemprop="name">Иван Петров</span></span></span>
<time itemprop="datePublished" datetime="2025-08-15T13:51:00+05:00">15 Август 2025</time></div>
<div itemprop="articleBody"><p>АСТАНА. Первые международные наблюдатели прибыли в столицу, сообщили в комиссии.</p>
<p>Читайте также: <a href="/x">Более 100 наблюдателей прибудут</a></p></div>
</body></html>`
	a, err := Parse(Page{Source: "x.html", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Иван Петров" || a.Language != "ru" || a.PublishedAt.Format(time.RFC3339) != "2025-08-15T13:51:00+05:00" {
		t.Errorf("got author %q lang %q date %s", a.Author, a.Language, a.PublishedAt.Format(time.RFC3339))
	}
	if a.Body != "АСТАНА. Первые международные наблюдатели прибыли в столицу, сообщили в комиссии." {
		t.Errorf("Body = %q", a.Body)
	}
}

func TestParseQazaqTVCredits(t *testing.T) {
	page := func(byline string) string {
		return `<html><head><meta property="og:site_name" content="Qazaq TV"></head><body><div class="news-detail">
<h1 class="news-detail__title">Observers visit polling stations</h1><span class="news-detail__date">31.05.2022, 14:23</span>` + byline + `
<div class="news-detail__text"><p>International observers visited polling stations in the capital on Sunday morning.</p>
<p>Translation by Aliya Sarsenova</p><p>Editing by Galym Nurov</p></div></div></body></html>`
	}
	tests := []struct{ byline, author string }{
		{`<div class="news-detail__author">Daniyar Ospan</div>`, "Daniyar Ospan"},
		{"", "Aliya Sarsenova"},
	}
	for _, tt := range tests {
		a, err := Parse(Page{Source: "q.html", Body: []byte(page(tt.byline))})
		if err != nil {
			t.Fatal(err)
		}
		if a.Layout != "qazaqtv" || a.Author != tt.author || strings.Contains(a.Body, " by ") ||
			a.PublishedAt.Format(time.RFC3339) != "2022-05-31T14:23:00+06:00" {
			t.Errorf("byline %q: got layout %q author %q date %s body %q", tt.byline, a.Layout, a.Author, a.PublishedAt.Format(time.RFC3339), a.Body)
		}
	}
}

func TestParseGenericScoring(t *testing.T) {
	// No known container class: the block with the most paragraph text
	// wins, and the title and date printed inside it are not body.
	page := `<html><body>
<div class="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></div>
<div class="wrap"><div class="col-left">
  <h1>Commission accredits observers</h1>
  <p>12 March 2023, 10:15</p>
  <p>The commission accredited a first group of observers from international organisations on Sunday, officials said.</p>
  <p>More groups, from states of the region and from Europe, are expected to arrive during the week, they added.</p>
</div>
<div class="col-right"><h4>Most read</h4><p><a href="/1">First headline of another story</a></p><p><a href="/2">Second headline of another story</a></p></div></div>
</body></html>`
	a, err := Parse(Page{Source: "x.html", URL: "https://news.example.kz/1", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	want := "The commission accredited a first group of observers from international organisations on Sunday, officials said.\n\n" +
		"More groups, from states of the region and from Europe, are expected to arrive during the week, they added."
	if a.Body != want {
		t.Errorf("Body = %q", a.Body)
	}
	if a.Title != "Commission accredits observers" || a.PublishedAt.Format(time.RFC3339) != "2023-03-12T10:15:00+06:00" {
		t.Errorf("Title %q, date %s", a.Title, a.PublishedAt.Format(time.RFC3339))
	}
}
