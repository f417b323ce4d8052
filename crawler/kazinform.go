package crawler

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Kazinform (inform.kz, en.inform.kz, qazinform.com) in its three markup
// generations; see /work/shared/research/sites.md. The English edition moved
// from en.inform.kz to qazinform.com keeping its paths, so both map onto
// qazinform.com; "_a<id>" articles keep their id on every host and
// generation, so the id is their identity.

// genAEnd is about when Kazinform's Gen A site (with daily archives) was
// replaced; archives are started only for days before it.
var genAEnd = time.Date(2023, time.July, 1, 0, 0, 0, 0, time.UTC)

var (
	reKazinformID   = regexp.MustCompile(`_a(\d{4,})$`)
	reKazinformPage = regexp.MustCompile(`^(/[a-z]{2}/(?:archive|lenta))(?:/(\d+))?$`)
)

var kazinform = &Profile{
	Name:  "kazinform",
	Hosts: []string{"inform.kz", "en.inform.kz", "qz.inform.kz", "cn.inform.kz", "lenta.inform.kz", "kazinform.kz", "qazinform.com"},
	Starts: func(r Range, all bool) []Start {
		var starts []Start
		// The lenta (Gen B on) reaches back to about 2023; older days are
		// read from Gen A's daily archives instead of paging years back.
		if r.Until.IsZero() || !r.Until.Before(genAEnd.AddDate(0, -6, 0)) {
			starts = append(starts, Start{URL: "https://www.inform.kz/ru/lenta", Kind: KindListing})
		}
		starts = append(starts, []Start{
			{URL: "https://www.inform.kz/ru/rss/", Kind: KindFeed},
			{URL: "https://en.inform.kz/rss/", Kind: KindFeed},
			{URL: "https://qazinform.com/rss/en.xml", Kind: KindFeed},
			{URL: "https://www.inform.kz/sitemap.xml", Kind: KindSitemap},
		}...)
		// Gen A kept a browsable archive per day; it lists every article of
		// the day, which election coverage then filters by title.
		if !r.Since.IsZero() {
			until := r.Until
			if until.IsZero() || until.After(genAEnd) {
				until = genAEnd
			}
			for d := r.Since; !d.After(until); d = d.AddDate(0, 0, 1) {
				day := d.Format("02.01.2006")
				starts = append(starts,
					Start{URL: "https://www.inform.kz/ru/archive?date=" + day, Kind: KindListing, Once: true},
					Start{URL: "https://www.inform.kz/en/archive?date=" + day, Kind: KindListing, Once: true})
			}
		}
		return starts
	},
	Feeds:    mustRes(`(^|/)rss(/|$)`, `/rss[^/]*\.xml$`),
	Sitemaps: mustRes(`sitemap[^/]*\.xml(\.gz)?$`, `^/sitemaps/`),
	Articles: mustRes(
		`_a\d{4,}$`,                               // Gen A and migrated articles, any host
		`^/news/[^/]+$`,                           // Gen B/C en, qz, cn and qazinform.com
		`^/[a-z]{2}/[^/]*-[^/]*-[0-9a-f]{6,8}$`,   // Gen B ru hex ids
		`^/(?:kaz|rus|eng|kz|ru|en)/article/\d+$`, // before 2016
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
		seg := u.Path[strings.LastIndexByte(u.Path, '/')+1:]
		if m := reKazinformID.FindStringSubmatch(seg); m != nil {
			return "kazinform:a" + m[1]
		}
		return ""
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
}

func init() { register(kazinform) }
