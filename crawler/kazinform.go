package crawler

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Kazinform (inform.kz, en.inform.kz, qz.inform.kz, qazinform.com) in its
// three markup generations; see ../shared/research/kazinform-urls.md and
// sites.md. The English edition moved from en.inform.kz to qazinform.com
// keeping its paths, so both map onto qazinform.com; "_a<id>" articles keep
// their id on every host and generation, and the id-only aliases
// (/kz/article/<id>, also on m.inform.kz and the pre-2016 kazinform.kz) share
// the sequence, so the id is their identity.
//
// What is known of each start page is written beside it (EvidenceSeen,
// EvidenceConfig or EvidenceGuess): `obsfacts crawl --help` lists the guesses.

// genAEnd is about when Kazinform's Gen A site (with daily archives) was
// replaced; its archives and rubrics are read only for days before it.
var genAEnd = time.Date(2023, time.July, 1, 0, 0, 0, 0, time.UTC)

// lentaReach is how far back the Russian lenta reaches within the listing
// page cap: about 170 items a day, 24 a page, 5,000 pages. Older ranges are
// read from section pages, which hold fewer items a day.
const lentaReach = 700 * 24 * time.Hour

var (
	reKazinformID    = regexp.MustCompile(`_a(\d{4,})$`)
	reKazinformAlias = regexp.MustCompile(`^/(?:qz|kz|ru|en|kaz|rus|eng)/article/(\d{4,})$`)
	reKazinformPage  = regexp.MustCompile(`^(/[a-z]{2}/(?:archive|lenta))(?:/(\d+))?$`)
	reKazinformDay   = regexp.MustCompile(`^/ru/archive(?:/\d+)?$`)
)

var kazinform = &Profile{
	Name:   "kazinform",
	Hosts:  []string{"inform.kz", "en.inform.kz", "qz.inform.kz", "cn.inform.kz", "lenta.inform.kz", "kazinform.kz", "qazinform.com"},
	Starts: kazinformStarts,
	Feeds:  mustRes(`(^|/)rss(/|$)`, `/rss[^/]*\.xml$`),
	// Sitemaps seen on cn.inform.kz only; /sitemap.xml is a guess elsewhere.
	Sitemaps: mustRes(`sitemap[^/]*\.xml(\.gz)?$`, `^/sitemaps/`),
	Articles: mustRes(
		`_a\d{4,}$`,                                  // Gen A and migrated articles, any host, AMP included
		`^/news/[^/]+$`,                              // Gen B/C en, qz, cn and qazinform.com (hex id, _a id or none)
		`^/[a-z]{2}/[^/]*-[^/]*-[0-9a-f]{6,8}$`,      // Gen B ru (and kz, a guess) hex ids
		`^/(?:qz|kz|ru|en|kaz|rus|eng)/article/\d+$`, // id-only aliases, m.inform.kz and before 2016
	),
	Listings: mustRes(
		`^/[a-z]{2}/(?:lenta|archive)(?:/\d+)?$`,
		`^/(?:[a-z]{2}/)?(?:category|tag)/[^/]+$`,
		`^/[a-z]{2}/[^/]+_[gtsc]\d+$`, // Gen A rubric (_g) and tag (_t) pages
		`^/(?:[a-z]{2}/)?(?:news|lenta|archive)$`,
	),
	Normalize: func(u *url.URL) {
		if u.Host == "en.inform.kz" {
			u.Host = "qazinform.com"
		}
		if u.Host == "qazinform.com" {
			if rest, ok := strings.CutPrefix(u.Path, "/amp/"); ok {
				u.Path, u.RawPath = "/news/"+rest, ""
			}
		}
	},
	ArticleID: func(u *url.URL) string {
		if m := reKazinformAlias.FindStringSubmatch(u.Path); m != nil {
			return "kazinform:a" + m[1]
		}
		seg := u.Path[strings.LastIndexByte(u.Path, '/')+1:]
		if m := reKazinformID.FindStringSubmatch(seg); m != nil {
			return "kazinform:a" + m[1]
		}
		return ""
	},
	Language: func(u *url.URL) string {
		switch canonicalHost(u.Host) {
		case "qazinform.com", "en.inform.kz":
			return "en"
		case "qz.inform.kz":
			return "kk"
		case "cn.inform.kz":
			return "zh"
		}
		return langOfPath(u.Path)
	},
	ListingFormats: []ListingFormat{
		{Name: "kazinform-c", Item: ".news-category__item", Link: "a.news-card", Title: ".card-title", Date: "time.meta-date"},
		{Name: "kazinform-b-lenta", Item: ".allNewsCard", Title: ".allNewsCard_title", Date: ".allNewsCard_time"},
		{Name: "kazinform-b-category", Item: "div.catpageCard", Title: ".catpageCard_title", Date: ".catpageCard_time"},
		{Name: "kazinform-b-tag", Item: ".tagpageCard", Title: ".tagpageCard_title", Date: ".tagpageCard_time"},
		{Name: "kazinform-a-archive", Item: "div.lenta_news_block li", Link: "a", DateParam: "date", DateParamLayout: "02.01.2006"},
		{Name: "kazinform-a-lenta", Item: "div.lenta_news_block li", Link: "a", Date: ".time_article_bl_mob"},
		{Name: "kazinform-a-anounce", Item: "article.anounce-news", Link: "a.anounce-news__link", Date: "span"},
		{Name: "kazinform-lenta-old", Item: ".lenta_news_title", Date: ".date_article"},
	},
	NextPage: func(u *url.URL, page int) string {
		// Gen A archives and lentas page in the path (/ru/archive/2?date=…);
		// later generations use ?page=N.
		if m := reKazinformPage.FindStringSubmatch(strings.TrimRight(u.Path, "/")); m != nil && (m[2] != "" || u.Query().Has("date")) {
			v := *u
			v.Path, v.RawPath = m[1]+"/"+strconv.Itoa(page+1), ""
			return v.String()
		}
		return withQueryPage(u, page+1)
	},
	PreviousDay: func(u *url.URL, since time.Time) string {
		// The Russian daily archive is read as a chain, newest day first:
		// a day that is not served ends it, so a gone archive costs one
		// request, not one per day.
		if !reKazinformDay.MatchString(strings.TrimRight(u.Path, "/")) {
			return ""
		}
		day, err := time.Parse("02.01.2006", u.Query().Get("date"))
		if err != nil {
			return ""
		}
		prev := day.AddDate(0, 0, -1)
		if prev.Format(dateLayout) < since.Format(dateLayout) {
			return ""
		}
		return "https://www.inform.kz/ru/archive?date=" + prev.Format("02.01.2006")
	},
}

// kazinformStarts returns where a crawl of Kazinform begins: the current
// editions' lentas, feeds, sitemap and sections while the range reaches
// them, and for days before mid-2023 the old site's Russian daily archive
// and Kazakh rubric, as a fallback.
func kazinformStarts(q StartQuery) []Start {
	r := q.Range
	var starts []Start
	if r.Until.IsZero() || r.Until.After(q.Now.Add(-lentaReach)) {
		starts = append(starts,
			Start{URL: "https://www.inform.kz/ru/lenta", Kind: KindListing, Lang: "ru", Evidence: EvidenceSeen},
			Start{URL: "https://www.inform.kz/kz/lenta", Kind: KindListing, Lang: "kk", Evidence: EvidenceGuess,
				Note: "a Kazakh twin of the Russian lenta"})
	}
	starts = append(starts,
		Start{URL: "https://www.inform.kz/sitemap.xml", Kind: KindSitemap, Evidence: EvidenceSeen,
			Note: "named in a public test config; its content is unknown"},
		Start{URL: "https://qazinform.com/rss/en.xml", Kind: KindFeed, Lang: "en", Evidence: EvidenceConfig},
		Start{URL: "https://en.inform.kz/rss/", Kind: KindFeed, Lang: "en", Evidence: EvidenceConfig},
		Start{URL: "https://www.inform.kz/ru/rss/", Kind: KindFeed, Lang: "ru", Evidence: EvidenceConfig},
		Start{URL: "https://www.inform.kz/kz/rss", Kind: KindFeed, Lang: "kk", Evidence: EvidenceConfig},
	)
	if r.Until.IsZero() || !r.Until.Before(genAEnd) {
		// Section pages page further back than the lenta (?page=N).
		starts = append(starts,
			Start{URL: "https://qazinform.com/category/politics_s22801", Kind: KindListing, Lang: "en", Evidence: EvidenceGuess,
				Note: "section id of cn.inform.kz's parliament section; slug guessed"},
			Start{URL: "https://www.inform.kz/category/politika_s3", Kind: KindListing, Lang: "ru", Evidence: EvidenceGuess,
				Note: "Russian sections are /category/<slug>_s<id>; this id is guessed"},
			Start{URL: "https://qz.inform.kz/category/saiasat_c211", Kind: KindListing, Lang: "kk", Evidence: EvidenceGuess,
				Note: "category id seen in a public scraper config; slug guessed"})
	}
	if !r.Since.IsZero() && r.Since.Before(genAEnd) {
		last := genAEnd.AddDate(0, 0, -1)
		if !r.Until.IsZero() && r.Until.Before(last) {
			last = r.Until
		}
		starts = append(starts,
			Start{URL: "https://www.inform.kz/ru/archive?date=" + last.Format("02.01.2006"), Kind: KindListing, Lang: "ru",
				Once: true, Evidence: EvidenceGuess, Note: "seen for 2019-2021; read for earlier days of the old site as a chain that ends at the first day not served"},
			Start{URL: "https://www.inform.kz/kz/bilik_g21", Kind: KindListing, Lang: "kk", Evidence: EvidenceSeen,
				Note: "old site's Kazakh politics rubric"})
	}
	return starts
}

// langOfPath reads the language of a path's first segment: en, ru, kk.
func langOfPath(p string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	switch first {
	case "en", "eng":
		return "en"
	case "ru", "rus":
		return "ru"
	case "kz", "kaz", "qz", "kk":
		return "kk"
	}
	return ""
}

func init() { register(kazinform) }
