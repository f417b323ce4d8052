package crawler

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/internal/sharedtest"
)

// urlExamples are the URL examples of ../shared/research/kazinform-urls.md
// (and the Qazaq TV example of sites.md), each with the kind of page it is,
// the key it dedupes on (the article id where it has one) and its language.
var urlExamples = []struct {
	shape, url, kind, key, lang string
}{
	// Article URLs.
	{"old site, English", "https://www.inform.kz/en/nearly-400-osce-observers-to-attend-parliamentary-elections-in-kazakhstan_a4044510", KindArticle, "kazinform:a4044510", "en"},
	{"old site, AMP", "https://www.inform.kz/en/independent-and-osce-observers-meet-in-karaganda-ahead-of-parliamentary-elections_a3737794/amp", KindArticle, "kazinform:a3737794", "en"},
	{"old site, Russian", "https://www.inform.kz/ru/zavershena-akciya-protesta-chlenov-profsoyuza-rabotnikov-ao-karazhanbasmunay_a2380062", KindArticle, "kazinform:a2380062", "ru"},
	{"old site, Kazakh", "https://www.inform.kz/kz/asyl-mura-abaydyn-ekinshi-kara-sozi_a2471636", KindArticle, "kazinform:a2471636", "kk"},
	{"id-only alias, mobile", "http://m.inform.kz/kz/article/2825154", KindArticle, "kazinform:a2825154", "kk"},
	{"id-only alias, Latin Kazakh", "https://www.inform.kz/qz/article/2825154", KindArticle, "kazinform:a2825154", "kk"},
	{"id-only alias, Russian", "https://www.inform.kz/ru/article/2825154", KindArticle, "kazinform:a2825154", "ru"},
	{"id-only alias, before 2016", "http://www.kazinform.kz/kaz/article/2874217", KindArticle, "kazinform:a2874217", "kk"},
	{"moved to en.inform.kz", "https://en.inform.kz/news/kazakh-tv-launches-kyrgyz-language-broadcast_a3237896/", KindArticle, "kazinform:a3237896", "en"},
	{"en.inform.kz AMP", "https://en.inform.kz/amp/cec-announced-terms-of-accreditation-for-foreign-observers-and-media_a2862880/", KindArticle, "kazinform:a2862880", "en"},
	{"en.inform.kz 2024 hex id", "https://en.inform.kz/news/kazakh-pm-signs-decree-switching-to-single-time-zone-497229/", KindArticle, "https://qazinform.com/news/kazakh-pm-signs-decree-switching-to-single-time-zone-497229", "en"},
	{"qazinform.com hex id", "https://qazinform.com/news/scam-claims-and-backlash-hit-kazakhstans-ai-unicorn-higgsfield-b311a7", KindArticle, "https://qazinform.com/news/scam-claims-and-backlash-hit-kazakhstans-ai-unicorn-higgsfield-b311a7", "en"},
	{"qazinform.com old id", "https://qazinform.com/news/strong-regions-strong-country-how-three-new-regions-in-kazakhstan-emerge_a4017987", KindArticle, "kazinform:a4017987", "en"},
	{"qazinform.com no id", "https://qazinform.com/news/anthropic-surpasses-openai-to-become-worlds-most-valuable-ai-startup", KindArticle, "https://qazinform.com/news/anthropic-surpasses-openai-to-become-worlds-most-valuable-ai-startup", "en"},
	{"Russian 2024-2026 hex id", "https://www.inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e", KindArticle, "https://inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e", "ru"},
	{"Russian hex id without www", "https://inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e", KindArticle, "https://inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e", "ru"},
	{"qz.inform.kz", "https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10/", KindArticle, "https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10", "kk"},
	{"Qazaq TV AMP", "https://qazaqtv.com/amp/en/news/society/20824-central-referendum-commission-completes-accreditation-of-international-observers", KindArticle, "qazaqtv:en:20824", "en"},
	{"old Qazaq TV", "https://old.qazaqtv.com/en/view/society/page_193031_kazakh-tv-launches-kyrgyz-language", KindArticle, "qazaqtv-old:en:193031", "en"},
	// Listings.
	{"lenta", "https://www.inform.kz/ru/lenta/?page=2", KindListing, "https://inform.kz/ru/lenta?page=2", "ru"},
	{"older lenta", "https://www.inform.kz/ru/lenta/3", KindListing, "https://inform.kz/ru/lenta/3", "ru"},
	{"daily archive", "https://www.inform.kz/ru/archive/2?date=20.11.2020", KindListing, "https://inform.kz/ru/archive/2?date=20.11.2020", "ru"},
	{"lenta subdomain archive", "https://lenta.inform.kz/ru/archive/?date=20.11.2020", KindListing, "https://lenta.inform.kz/ru/archive?date=20.11.2020", "ru"},
	{"qz category", "https://qz.inform.kz/category/saiasat_c211/?page=2", KindListing, "https://qz.inform.kz/category/saiasat_c211?page=2", "kk"},
	{"cn tag", "https://cn.inform.kz/tag/TITR/?page=2", KindListing, "https://cn.inform.kz/tag/TITR?page=2", "zh"},
	{"cn category", "https://cn.inform.kz/category/section_s22801", KindListing, "https://cn.inform.kz/category/section_s22801", "zh"},
	{"ru category", "https://www.inform.kz/category/ekonomika_s1?page=3", KindListing, "https://inform.kz/category/ekonomika_s1?page=3", ""},
	{"ru tag", "https://www.inform.kz/tag/logistika_t11100", KindListing, "https://inform.kz/tag/logistika_t11100", ""},
	{"old Kazakh rubric", "https://www.inform.kz/kz/bilik_g21", KindListing, "https://inform.kz/kz/bilik_g21", "kk"},
	{"old Kazakh tag", "https://www.inform.kz/kz/medicina_t271", KindListing, "https://inform.kz/kz/medicina_t271", "kk"},
	{"Qazaq TV section", "https://qazaqtv.com/en/news/society", KindListing, "https://qazaqtv.com/en/news/society", "en"},
	// Sitemaps and feeds.
	{"cn news sitemap", "https://cn.inform.kz/sitemaps/google-news_cn.xml", KindSitemap, "https://cn.inform.kz/sitemaps/google-news_cn.xml", "zh"},
	{"cn recent sitemap", "https://cn.inform.kz/sitemap-last-news-300_cn.xml", KindSitemap, "https://cn.inform.kz/sitemap-last-news-300_cn.xml", "zh"},
	{"sitemap", "https://www.inform.kz/sitemap.xml", KindSitemap, "https://inform.kz/sitemap.xml", ""},
	{"rss rus.xml", "https://www.inform.kz/rss/rus.xml", KindFeed, "https://inform.kz/rss/rus.xml", ""},
	{"rss ru.xml", "https://www.inform.kz/rss/ru.xml", KindFeed, "https://inform.kz/rss/ru.xml", ""},
	{"rss /ru/rss/", "https://www.inform.kz/ru/rss/", KindFeed, "https://inform.kz/ru/rss", "ru"},
	{"rss /kz/rss", "https://www.inform.kz/kz/rss", KindFeed, "https://inform.kz/kz/rss", "kk"},
	{"qazinform.com rss", "https://qazinform.com/rss/en.xml", KindFeed, "https://qazinform.com/rss/en.xml", "en"},
	{"en.inform.kz rss", "https://en.inform.kz/rss/", KindFeed, "https://qazinform.com/rss", "en"},
	// Not pages to crawl.
	{"search page (a script shell)", "https://en.inform.kz/search_results/?q=observers&page=2", "", "https://qazinform.com/search_results?page=2&q=observers", "en"},
}

func TestKazinformURLExamples(t *testing.T) {
	for _, tc := range urlExamples {
		t.Run(tc.shape, func(t *testing.T) {
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := kindOf(u); got != tc.kind {
				t.Errorf("kind %q, want %q", got, tc.kind)
			}
			if got, _ := Canonicalize(tc.url); got != tc.key {
				t.Errorf("key %q, want %q", got, tc.key)
			}
			if got := ProfileFor(u).Lang(u); got != tc.lang {
				t.Errorf("language %q, want %q", got, tc.lang)
			}
		})
	}
}

// TestResearchURLsCovered: every concrete URL of the research notes is a
// case of urlExamples, so a URL added there gets a case here.
func TestResearchURLsCovered(t *testing.T) {
	path := sharedtest.Path(t, filepath.Join("research", "kazinform-urls.md"))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, tc := range urlExamples {
		have[tc.url] = true
	}
	n := 0
	for _, u := range regexp.MustCompile("https?://[^\\s`|)]+").FindAllString(string(data), -1) {
		if strings.ContainsAny(u, "<{…") {
			continue // a pattern, not an example
		}
		n++
		if !have[u] {
			t.Errorf("%s is not a case of urlExamples", u)
		}
	}
	if n < 12 {
		t.Errorf("read only %d URLs from %s", n, path)
	}
}

// TestCrawlKazakhOnly: --lang kk crawls the Kazakh lenta, feed and the
// Latin-script qz.inform.kz section (paged with ?page=N), and stores only
// Kazakh articles.
func TestCrawlKazakhOnly(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Langs = []string{"kk"}
	runCrawl(t, context.Background(), cfg)
	want := []string{
		"https://inform.kz/kz/osk-sheteldik-baiqaushylardy-tirkedi-2b7f44",
		"https://inform.kz/kz/tmd-missiyasynan-27-baiqaushy-keldi-8c3d21",
		"https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10",
		"https://qz.inform.kz/news/referendum-komissiiasy-akkredittaudy-aiaqtady-1f0a55", // on page 2
		"kazinform:a3721170", // m.inform.kz/kz/article/<id> from the Kazakh feed
	}
	if got := st.articleKeys(); !slices.Equal(got, want) {
		t.Errorf("articles:\n got %q\nwant %q", got, want)
	}
	for u, n := range srv.allHits() {
		if n > 0 && (strings.Contains(u, "/ru/") || strings.Contains(u, "/en/") || strings.HasPrefix(u, "qazinform.com")) {
			t.Errorf("%s fetched in a Kazakh-only crawl", u)
		}
	}
	if srv.hitCount("www.inform.kz/kz/astanada-zhangyr-zhauady-4d8c10") != 0 {
		t.Error("Kazakh article not about elections fetched")
	}
}

// TestCrawlOldKazakhAndDailyArchive: a range on the old site reads the
// Kazakh rubric and the Russian daily archive as a chain, newest day first,
// ending at the first day not served (the mirror holds 20.11.2020 only).
func TestCrawlOldKazakhAndDailyArchive(t *testing.T) {
	t.Parallel()
	srv := newSiteServer(t)
	st := newMemStore()
	cfg := testConfig(t, srv, st)
	cfg.Sites = []string{"kazinform"}
	cfg.Range = Range{Since: time.Date(2020, 11, 17, 0, 0, 0, 0, time.UTC), Until: time.Date(2020, 11, 20, 0, 0, 0, 0, time.UTC)}
	runCrawl(t, context.Background(), cfg)
	for _, key := range []string{"kazinform:a3721160", "kazinform:a3721150"} {
		if !slices.Contains(st.articleKeys(), key) {
			t.Errorf("article %s not stored; have %q", key, st.articleKeys())
		}
	}
	for day, want := range map[string]int{"21.11.2020": 0, "20.11.2020": 1, "19.11.2020": 1, "18.11.2020": 0, "17.11.2020": 0} {
		if got := srv.hitCount("www.inform.kz/ru/archive?date=" + day); got != want {
			t.Errorf("archive of %s asked %d times, want %d", day, got, want)
		}
	}
	if n := srv.hitCount("www.inform.kz/en/archive?date=20.11.2020"); n != 0 {
		t.Errorf("English archive (never seen on the real site) asked %d times", n)
	}
}

// TestStartPagesMarkGuesses: every start page says how it is known, and
// each guess says why it was guessed.
func TestStartPagesMarkGuesses(t *testing.T) {
	for _, p := range Profiles() {
		for _, s := range p.StartPages(time.Now()) {
			switch s.Evidence {
			case EvidenceSeen, EvidenceConfig:
			case EvidenceGuess:
				if p.Name == "kazinform" && s.Note == "" {
					t.Errorf("%s: guess without a note", s.URL)
				}
			default:
				t.Errorf("%s %s: evidence %q", p.Name, s.URL, s.Evidence)
			}
		}
	}
}
