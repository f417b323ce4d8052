package crawler

import (
	"net/url"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Kazinform _a<id>: one key across hosts, generations and AMP (sites.md §1).
		{"https://www.inform.kz/en/turkpa-positively-assesses-2022-kazakh-presidential-elections_a4004373", "kazinform:a4004373"},
		{"https://www.inform.kz/en/2023-elections-111-international-observers-accredited_a4040476/amp", "kazinform:a4040476"},
		{"https://en.inform.kz/news/23-cis-observers-already-accredited-for-2022-presidential-election_a3994990/", "kazinform:a3994990"},
		{"https://en.inform.kz/amp/cec-announced-terms-of-accreditation-for-foreign-observers-and-media_a2862880/", "kazinform:a2862880"},
		{"https://qazinform.com/news/some-slug_a4017987", "kazinform:a4017987"},
		{"https://qazinform.com/amp/kazakhstan-through-the-eyes-of-foreign-mass-media_a2925293", "kazinform:a2925293"},
		{"http://WWW.Inform.KZ/ru/zavershena-akciya_a2380062?utm_source=tg&fbclid=1#comments", "kazinform:a2380062"},
		{"https://m.inform.kz/kz/asyl-mura-abaydyn-ekinshi-kara-sozi_a2471636/", "kazinform:a2471636"},
		// Hex ids: keyed by canonical URL; en.inform.kz is qazinform.com now.
		{"https://en.inform.kz/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b/", "https://qazinform.com/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b"},
		{"https://qazinform.com/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b?utm_medium=social&gclid=x", "https://qazinform.com/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b"},
		{"https://en.inform.kz/amp/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b/", "https://qazinform.com/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b"},
		{"https://www.inform.kz/ru/v-stochnih-vodah-atirau-obnaruzheni-ostatki-nefteproduktov-adef40", "https://inform.kz/ru/v-stochnih-vodah-atirau-obnaruzheni-ostatki-nefteproduktov-adef40"},
		{"https://m.inform.kz/ru/v-stochnih-vodah-atirau-obnaruzheni-ostatki-nefteproduktov-adef40/", "https://inform.kz/ru/v-stochnih-vodah-atirau-obnaruzheni-ostatki-nefteproduktov-adef40"},
		// Qazaq TV: numeric id per language; AMP under a leading /amp.
		{"https://qazaqtv.com/amp/en/news/society/20824-central-referendum-commission-completes-accreditation-of-international-observers", "qazaqtv:en:20824"},
		{"https://qazaqtv.com/en/news/politics/20824-other-slug/", "qazaqtv:en:20824"},
		{"https://old.qazaqtv.com/en/view/society/page_217793_qazaq-tv-turns-18", "qazaqtv-old:en:217793"},
		// Listings keep their query, minus tracking, sorted.
		{"https://www.inform.kz/ru/lenta/?page=2&utm_source=tg", "https://inform.kz/ru/lenta?page=2"},
		{"https://www.inform.kz/ru/archive?date=20.11.2020", "https://inform.kz/ru/archive?date=20.11.2020"},
		// Other sites: generic rules only.
		{"HTTP://Example.COM:80/a/b/?b=2&a=1&gclid=x#frag", "https://example.com/a/b?a=1&b=2"},
		{"https://astanatimes.com/2022/11/cec-accredits-observers/amp/", "https://astanatimes.com/2022/11/cec-accredits-observers"},
		{"https://www.example.com/", "https://example.com"},
		{"https://example.com:8443/x?", "https://example.com:8443/x"},
		{"https://example.com/caf%C3%A9/", "https://example.com/caf%C3%A9"},
	} {
		got, err := Canonicalize(tc.in)
		if err != nil {
			t.Errorf("Canonicalize(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Canonicalize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestCanonicalizeErrors(t *testing.T) {
	for _, in := range []string{"", "/relative/path", "mailto:cec@example.org", "ftp://example.com/x", "http://[::1"} {
		if got, err := Canonicalize(in); err == nil {
			t.Errorf("Canonicalize(%q) = %q, want an error", in, got)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.inform.kz/en/cec-accredits-observers_a3721112", KindArticle},
		{"https://www.inform.kz/en/cec-accredits-observers_a3721112/amp", KindArticle},
		{"https://en.inform.kz/news/cec-accredits-observers_a3721112/", KindArticle},
		{"https://en.inform.kz/amp/cec-accredits-observers_a2862880/", KindArticle},
		{"https://en.inform.kz/news/kazakhstan-to-switch-to-single-hour-zone-mar-1-54ad0b/", KindArticle},
		{"https://www.inform.kz/ru/bolee-11-mln-zelenih-nasazhdeniy-visadyat-v-astane-v-2026-godu-6a64cf5e", KindArticle},
		{"http://www.kazinform.kz/kaz/article/2874217", KindArticle},
		{"https://qazaqtv.com/amp/en/news/society/20824-central-referendum-commission", KindArticle},
		{"https://old.qazaqtv.com/en/view/society/page_217793_qazaq-tv-turns-18", KindArticle},
		{"https://www.inform.kz/ru/lenta", KindListing},
		{"https://www.inform.kz/ru/lenta/?page=3", KindListing},
		{"https://www.inform.kz/ru/archive/2?date=20.11.2020", KindListing},
		{"https://www.inform.kz/category/ekonomika_s1?page=2", KindListing},
		{"https://qz.inform.kz/category/sayasat_c211/", KindListing},
		{"https://www.inform.kz/tag/logistika_t11100", KindListing},
		{"https://www.inform.kz/kz/medicina_t271", KindListing},
		{"https://www.inform.kz/kz/bilik_g21", KindListing},
		{"https://qazaqtv.com/en/news/politics", KindListing},
		{"https://www.inform.kz/ru/rss/", KindFeed},
		{"https://qazinform.com/rss/en.xml", KindFeed},
		{"https://www.inform.kz/rss/eng.xml", KindFeed},
		{"https://cn.inform.kz/sitemaps/google-news_cn.xml", KindSitemap},
		{"https://www.inform.kz/sitemap.xml", KindSitemap},
		{"https://www.inform.kz/en/about", ""},
		{"https://www.inform.kz/static/img/a.jpg", ""},
		{"https://www.inform.kz/ru/kazakhstan-2024", ""}, // no 6-8 hex id
	} {
		u, _ := url.Parse(tc.in)
		p := ProfileFor(u)
		if p == nil {
			t.Errorf("%s: no profile", tc.in)
			continue
		}
		if got := p.Classify(u); got != tc.want {
			t.Errorf("Classify(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if p := ProfileFor(&url.URL{Host: "astanatimes.com"}); p != nil {
		t.Errorf("astanatimes.com has profile %s", p.Name)
	}
}

func TestArticleKeyAfterFetch(t *testing.T) {
	c := &Crawler{}
	mustURL := func(s string) *url.URL {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for _, tc := range []struct {
		name, item, final, canonical, want string
	}{
		{"id in requested URL", "https://www.inform.kz/en/x_a3721112", "https://www.inform.kz/en/x_a3721112", "", "kazinform:a3721112"},
		{"id only after redirect", "https://qazinform.com/news/x", "https://qazinform.com/news/x_a3994990", "", "kazinform:a3994990"},
		{"id only in canonical link", "https://qazinform.com/news/x", "https://qazinform.com/news/x", "https://www.inform.kz/en/x_a3994990", "kazinform:a3994990"},
		{"canonical link over final URL", "https://qazinform.com/news/x", "https://qazinform.com/news/x", "/news/x-54ad0b", "https://qazinform.com/news/x-54ad0b"},
		{"canonical link to the home page ignored", "https://example.com/a/b", "https://example.com/a/b", "https://example.com/", "https://example.com/a/b"},
		{"final URL", "https://example.com/a", "https://example.com/b/", "", "https://example.com/b"},
	} {
		it := Item{URL: tc.item}
		if got := c.articleKey(it, mustURL(tc.final), tc.canonical); got != tc.want {
			t.Errorf("%s: key %q, want %q", tc.name, got, tc.want)
		}
	}
}
