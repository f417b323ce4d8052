package crawler

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/obsfacts/obsfacts/extract"
)

// flatHeaders returns h as one value per name, repeated fields joined
// with ", " (RFC 9110 §5.3), for the archive.
func flatHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		out[k] = strings.Join(vs, ", ")
	}
	return out
}

// requestHeaders returns the headers a request went out with, Host
// included, for the archive (WARC request records).
func requestHeaders(r *colly.Request) map[string]string {
	out := map[string]string{}
	if r.Headers != nil {
		out = flatHeaders(*r.Headers)
	}
	out["Host"] = r.URL.Host
	return out
}

// handle deals with a received response: retry, failure, or the page itself.
func (c *Crawler) handle(j *job, r *colly.Response) {
	it := j.item
	now := time.Now().UTC()
	final := r.Request.URL
	resp := Response{
		Item:          it,
		FinalURL:      final.String(),
		Status:        r.StatusCode,
		Header:        flatHeaders(*r.Headers),
		RequestHeader: requestHeaders(r.Request),
		Body:          r.Body,
		FetchedAt:     now,
	}
	if j.contentType != "" {
		resp.Header["Content-Type"] = j.contentType
	}
	if r.StatusCode == http.StatusNotModified && j.cached != nil {
		c.notModified(j, resp)
		return
	}
	reason := fmt.Sprintf("http %d", r.StatusCode)
	switch st := r.StatusCode; {
	case st == http.StatusTooManyRequests || st >= 500:
		wait := retryAfter(*r.Headers, now)
		if wait > 0 {
			// The host asked us to slow down: hold all its requests.
			c.pause(final.Host, time.Now().Add(min(wait, c.cfg.MaxRetryAfter)))
		}
		c.retryOrFail(it, reason, wait, &resp)
		return
	case (st == http.StatusNotFound || st == http.StatusGone) && it.Kind == KindListing && it.Depth > 1:
		// Paging ran past the last page: the usual way a listing ends.
		c.save(resp, nil)
		c.nextDay(ProfileByName(it.Site), final)
		c.finish(it, StateDone, "end of listing: "+reason)
		return
	case st < 200 || st >= 300:
		c.save(resp, nil)
		c.finish(it, StateFailed, reason)
		return
	}
	c.n.ok.Add(1)
	if len(r.Body) > c.cfg.MaxBody {
		c.finish(it, StateSkipped, fmt.Sprintf("oversized: more than %d bytes", c.cfg.MaxBody))
		return
	}
	ct := j.contentType
	if ct == "" {
		ct = http.DetectContentType(r.Body)
		resp.Header["Content-Type"] = ct
	}
	switch {
	case it.Kind == KindArticle && !looksHTML(ct, r.Body):
		c.finish(it, StateSkipped, "not HTML: "+ct)
	case it.Kind == KindArticle && j.cached != nil && bytes.Equal(j.cached.Body, resp.Body):
		// A refresh the server answered in full although nothing changed.
		c.n.notModified.Add(1)
		if c.save(resp, nil) {
			c.finish(it, StateDone, "unchanged")
		}
	case it.Kind == KindArticle:
		c.handleArticle(it, resp, ct, final, j.cached != nil)
	default:
		c.handleListing(it, resp, ct, final, false)
	}
}

// looksHTML reports whether a 2xx body is a web page.
func looksHTML(ct string, body []byte) bool {
	ct = strings.ToLower(ct)
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.HasPrefix(ct, "text/plain") {
		return false
	}
	return strings.Contains(http.DetectContentType(body), "html")
}

// looksXML reports whether a body is a feed or sitemap rather than HTML.
func looksXML(ct string, body []byte) bool {
	ct = strings.ToLower(ct)
	if strings.Contains(ct, "xml") && !strings.Contains(ct, "xhtml") {
		return true
	}
	head := bytes.TrimSpace(body[:min(len(body), 512)])
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for _, p := range []string{"<?xml", "<rss", "<feed", "<urlset", "<sitemapindex"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// handleArticle runs the extraction pipeline on an article page and saves
// the page, the article and its facts in one transaction. refresh is set
// for a stored article fetched again: its facts are replaced.
func (c *Crawler) handleArticle(it Item, resp Response, ct string, final *url.URL, refresh bool) {
	page := extract.Page{Source: it.URL, URL: resp.FinalURL, ContentType: ct, Body: resp.Body, FetchedAt: resp.FetchedAt}
	res, err := c.cfg.Process(page)
	if err != nil || res == nil {
		resp.ArticleKey = c.articleKey(it, final, "")
		c.save(resp, nil)
		c.finish(it, StateFailed, fmt.Sprintf("extract: %v", err))
		return
	}
	for _, w := range res.Article.Warnings {
		c.log.Warn("page read with repairs", "url", it.URL, "warning", w)
	}
	key := c.articleKey(it, final, res.Article.URL)
	resp.ArticleKey = key
	if key != it.Key && !refresh {
		stored, err := c.cfg.Archive.HasArticle(c.bg, key)
		if err != nil {
			c.setFatal(fmt.Errorf("crawler: has article %s: %w", key, err))
			return
		}
		if stored {
			// Reached by a URL that did not show its identity (redirect,
			// canonical link): archive the response, keep the article.
			c.n.duplicates.Add(1)
			c.save(resp, nil)
			c.finish(it, StateDone, "duplicate of "+key)
			return
		}
	}
	if !c.cfg.AllArticles && len(c.cfg.Start) == 0 {
		c.discover(it, resp, ct, final)
	}
	if !c.save(resp, res) {
		return
	}
	if refresh {
		c.n.refreshed.Add(1)
	} else {
		c.n.articles.Add(1)
		c.n.facts.Add(int64(len(res.Facts)))
	}
	c.log.Debug("article", "url", it.URL, "key", key, "facts", len(res.Facts), "refresh", refresh)
	c.finish(it, StateDone, "")
}

// articleKey decides an article's identity after fetching: a site id key
// from any of its URLs (requested, final, canonical) wins; else the
// canonical link; else the final URL.
func (c *Crawler) articleKey(it Item, final *url.URL, canonical string) string {
	var cands []*url.URL
	if canonical != "" {
		if u, err := final.Parse(canonical); err == nil && u.Host != "" && strings.Trim(u.Path, "/") != "" {
			cands = append(cands, u)
		}
	}
	cands = append(cands, final)
	if u, err := url.Parse(it.URL); err == nil {
		cands = append(cands, u)
	}
	for _, u := range cands {
		if p := ProfileFor(u); p != nil && p.ArticleID != nil {
			if id := p.ArticleID(p.normalized(u)); id != "" {
				return id
			}
		}
	}
	return keyOf(cands[0])
}

// discover queues the election tag and section pages an election article
// links to: sites.md knows no election section URLs, the articles do.
func (c *Crawler) discover(it Item, resp Response, ct string, final *url.URL) {
	doc, err := newDocument(resp.Body, ct)
	if err != nil {
		return
	}
	var items []Item
	for _, l := range pageLinks(final, doc) {
		if l.Kind == KindListing && IsElectionRelated(l.URL.String(), l.Title) && c.linkWanted(l.URL) {
			items = append(items, c.newItem(l.URL, KindListing, 1))
		}
	}
	// Read again once per run when a new article links to them.
	c.revisit(items)
}

// handleListing reads a listing, feed or sitemap page, queues the articles
// in scope and the next page, and archives the page unless it is a copy
// read from the archive (archived).
func (c *Crawler) handleListing(it Item, resp Response, ct string, final *url.URL, archived bool) {
	var (
		lst Listing
		err error
	)
	prof := ProfileByName(it.Site)
	if prof == nil {
		prof = ProfileFor(final)
	}
	isFeed := looksXML(ct, resp.Body)
	switch {
	case isFeed:
		lst, err = ParseFeed(final, resp.Body)
	case prof != nil:
		lst, err = prof.ParseListing(final, resp.Body, ct)
	default:
		lst, err = genericListing(final, resp.Body, ct)
	}
	if err != nil {
		if !archived {
			c.save(resp, nil)
		}
		c.finish(it, StateFailed, err.Error())
		return
	}
	c.n.listings.Add(1)

	// A listing about elections (an election tag or section, by its URL)
	// vouches for all its items; other listings only for items whose title
	// or URL is about elections.
	election := c.cfg.AllArticles || IsElectionRelated(it.URL, "")
	var articles, pages []Item
	var inRange []string
	for _, l := range lst.Links {
		switch l.Kind {
		case KindArticle:
			if !c.wide.Contains(l.Date) || c.wide.Older(l.Updated) {
				continue
			}
			item := c.newItem(l.URL, KindArticle, 0)
			inRange = append(inRange, item.Key)
			if !election && !IsElectionRelated(l.URL.String(), l.Title) || !c.linkWanted(l.URL) {
				continue
			}
			articles = append(articles, item)
		case KindSitemap:
			if isFeed && !c.wide.Older(l.Updated) && !c.wide.Older(l.Date) {
				pages = append(pages, c.newItem(l.URL, KindSitemap, it.Depth+1))
			}
		}
	}
	fresh, err := c.cfg.Frontier.Seen(c.bg, inRange)
	if err != nil {
		c.setFatal(fmt.Errorf("crawler: seen links of %s: %w", it.URL, err))
		return
	}
	if next := c.nextPage(it, lst, isFeed, prof, final, fresh); next != nil {
		pages = append(pages, c.newItem(next, KindListing, it.Depth+1))
	} else if !isFeed {
		c.nextDay(prof, final)
	}
	queue := c.add
	if c.cfg.RefreshArticles {
		queue = c.revisit
	}
	if !queue(articles) || !c.revisit(pages) || !archived && !c.save(resp, nil) {
		return
	}
	c.finish(it, StateDone, "")
}

// nextPage returns the listing page after it, or nil when paging stops: no
// items, the page limit, a page that brings no article link not seen
// before (fresh is 0) when the listing was read before or is undated, or
// (for dated listings) items older than Since.
func (c *Crawler) nextPage(it Item, lst Listing, isFeed bool, prof *Profile, final *url.URL, fresh int) *url.URL {
	if isFeed || len(lst.Links) == 0 || it.Depth >= c.cfg.MaxListingPages {
		return nil
	}
	// (Not after a failed or crashed attempt: its links may have been
	// recorded by the attempt that did not get to queue the next page.)
	if fresh == 0 && it.Attempts == 0 && (it.Revisit && !c.cfg.RefreshArticles || !lst.Dated) {
		// Read before: what follows was read then too. Undated: a page
		// of links all seen is the listing repeating itself.
		return nil
	}
	if lst.Dated {
		// Listings run newest first, so once the last dated item is before
		// Since every later page is too. (The last, not the oldest, item
		// decides: pinned old items sit at the top.)
		for i := len(lst.Links) - 1; i >= 0; i-- {
			if d := lst.Links[i].Date; !d.IsZero() {
				if c.wide.Older(d) {
					return nil
				}
				break
			}
		}
	}
	next := lst.Next
	if next == "" && prof != nil {
		next = prof.nextPage(final, max(it.Depth, 1))
	}
	if next == "" {
		return nil
	}
	u, err := url.Parse(next)
	if err != nil {
		return nil
	}
	return u
}

// add queues items, counting the new ones.
func (c *Crawler) add(items []Item) bool {
	if len(items) == 0 {
		return true
	}
	n, err := c.cfg.Frontier.Add(c.bg, items)
	if err != nil {
		c.setFatal(fmt.Errorf("crawler: queue %d URLs: %w", len(items), err))
		return false
	}
	c.n.discovered.Add(int64(n))
	return true
}

// nextDay queues the day before a daily archive page whose day has been
// read to its end. Past days never change: they are read once ever.
func (c *Crawler) nextDay(prof *Profile, page *url.URL) {
	if prof == nil || prof.PreviousDay == nil || c.cfg.Range.Since.IsZero() {
		return
	}
	prev := prof.PreviousDay(page, c.cfg.Range.Since)
	if prev == "" {
		return
	}
	if u, err := url.Parse(prev); err == nil {
		c.add([]Item{c.newItem(u, KindListing, 1)})
	}
}

// revisit queues items, and those an earlier run finished again.
func (c *Crawler) revisit(items []Item) bool {
	if len(items) == 0 {
		return true
	}
	added, _, err := c.cfg.Frontier.Revisit(c.bg, items)
	if err != nil {
		c.setFatal(fmt.Errorf("crawler: queue %d URLs: %w", len(items), err))
		return false
	}
	c.n.discovered.Add(int64(added))
	return true
}

// save archives a response, with its article and facts when res is set.
func (c *Crawler) save(resp Response, res *extract.Result) bool {
	if err := c.cfg.Archive.SaveResponse(c.bg, resp, res); err != nil {
		c.setFatal(fmt.Errorf("crawler: save %s: %w", resp.Item.URL, err))
		return false
	}
	return true
}

// genericListing reads a listing of a site without a profile: every link
// to the same host.
func genericListing(base *url.URL, body []byte, ct string) (Listing, error) {
	doc, err := newDocument(body, ct)
	if err != nil {
		return Listing{}, err
	}
	out := Listing{Format: "links", Next: relNext(base, doc)}
	for _, l := range pageLinks(base, doc) {
		if l.URL.Host == base.Host && strings.Trim(l.URL.Path, "/") != "" {
			l.Kind = KindArticle
			out.Links = append(out.Links, l)
		}
	}
	return out, nil
}
