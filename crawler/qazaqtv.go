package crawler

import (
	"net/url"
	"regexp"
	"strings"
)

// Qazaq TV (qazaqtv.com, the old site at old.qazaqtv.com). Little of its
// markup is known (sites.md §5): article URLs carry a numeric id, AMP pages
// live under a leading /amp segment, election items sit under
// /news/society/ as well as politics. Its listing pages, their markup and
// their paging are guesses; paging stops at the first page that brings
// nothing new, so a wrong guess costs a few requests. --start overrides
// the start pages.

var (
	reQazaqtvID    = regexp.MustCompile(`^/(en|ru|kz)/news/[^/]+/(\d+)-`)
	reQazaqtvOldID = regexp.MustCompile(`^/(en|ru|kz)/view/[^/]+/page_(\d+)_`)
)

var qazaqtv = &Profile{
	Name:  "qazaqtv",
	Hosts: []string{"qazaqtv.com", "old.qazaqtv.com", "kazakh-tv.kz"},
	Starts: func(q StartQuery) []Start {
		sections := []string{"politics", "society"}
		if q.All {
			sections = []string{""}
		}
		var starts []Start
		for _, lang := range []struct{ path, code string }{{"en", "en"}, {"ru", "ru"}, {"kz", "kk"}} {
			for _, sec := range sections {
				u := "https://qazaqtv.com/" + lang.path + "/news"
				if sec != "" {
					u += "/" + sec
				}
				starts = append(starts, Start{URL: u, Kind: KindListing, Lang: lang.code, Evidence: EvidenceGuess,
					Note: "AMP articles are seen under /amp/<lang>/news/<section>/; the listing is inferred"})
			}
		}
		return append(starts, Start{URL: "https://qazaqtv.com/sitemap.xml", Kind: KindSitemap, Evidence: EvidenceGuess})
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
	Language: func(u *url.URL) string { return langOfPath(strings.TrimPrefix(u.Path, "/amp")) },
	// Guessed markups.
	ListingFormats: []ListingFormat{
		{Name: "qazaqtv", Item: ".news-item", Title: ".news-item__title", Date: ".news-item__date"},
		{Name: "qazaqtv-card", Item: "article.news-card", Title: "h3", Date: "time", DateAttr: "datetime"},
	},
}

func init() { register(qazaqtv) }
