package crawler

import (
	"net/url"
	"regexp"
	"strings"
)

// Qazaq TV (qazaqtv.com, the old site at old.qazaqtv.com). Little of its
// markup is known (sites.md §5): article URLs carry a numeric id, AMP pages
// live under a leading /amp segment. Listing markup and start pages are
// inferred; --start overrides them.

var (
	reQazaqtvID    = regexp.MustCompile(`^/(en|ru|kz)/news/[^/]+/(\d+)-`)
	reQazaqtvOldID = regexp.MustCompile(`^/(en|ru|kz)/view/[^/]+/page_(\d+)_`)
)

var qazaqtv = &Profile{
	Name:  "qazaqtv",
	Hosts: []string{"qazaqtv.com", "old.qazaqtv.com", "kazakh-tv.kz"},
	Starts: func(r Range, all bool) []Start {
		if all {
			return []Start{
				{URL: "https://qazaqtv.com/en/news", Kind: KindListing},
				{URL: "https://qazaqtv.com/ru/news", Kind: KindListing},
				{URL: "https://qazaqtv.com/sitemap.xml", Kind: KindSitemap},
			}
		}
		return []Start{
			{URL: "https://qazaqtv.com/en/news/politics", Kind: KindListing},
			{URL: "https://qazaqtv.com/ru/news/politics", Kind: KindListing},
			{URL: "https://qazaqtv.com/sitemap.xml", Kind: KindSitemap},
		}
	},
	Feeds:    mustRes(`(^|/)rss(/|$)`, `rss[^/]*\.xml$`),
	Sitemaps: mustRes(`sitemap[^/]*\.xml(\.gz)?$`),
	Articles: mustRes(
		`^/(?:en|ru|kz)/news/[^/]+/\d+-[^/]*$`,
		`^/(?:en|ru|kz)/view/[^/]+/page_\d+_[^/]*$`,
	),
	Listings: mustRes(
		`^/(?:en|ru|kz)/news(?:/[^/]+)?$`,
		`^/(?:en|ru|kz)/(?:tag|search)/[^/]+$`,
		`^/(?:en|ru|kz)/view/[^/]+$`,
	),
	Normalize: func(u *url.URL) {
		if rest, ok := strings.CutPrefix(u.Path, "/amp/"); ok {
			u.Path, u.RawPath = "/"+rest, ""
		}
	},
	ArticleID: func(u *url.URL) string {
		if u.Host == "old.qazaqtv.com" {
			if m := reQazaqtvOldID.FindStringSubmatch(u.Path); m != nil {
				return "qazaqtv-old:" + m[1] + ":" + m[2]
			}
			return ""
		}
		if m := reQazaqtvID.FindStringSubmatch(u.Path); m != nil {
			return "qazaqtv:" + m[1] + ":" + m[2]
		}
		return ""
	},
	ListingFormats: []ListingFormat{
		{Name: "qazaqtv", Item: ".news-item", Title: ".news-item__title", Date: ".news-item__date"},
		{Name: "qazaqtv-card", Item: "article.news-card", Title: "h3", Date: "time", DateAttr: "datetime"},
	},
}

func init() { register(qazaqtv) }
