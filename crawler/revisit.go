package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// A crawl run again reads its entry points again (Frontier.Revisit) and
// asks for each page read before with the validators of its archived copy,
// so an unchanged page costs a 304 and is read again from the archive.

// newJob prepares the request of a leased item. A stored article is done,
// unless articles are refreshed; listings, feeds and sitemaps archived
// before (and refreshed articles) get their archived copy attached for a
// conditional request. ok is false when the item needs no request.
func (c *Crawler) newJob(ctx context.Context, it Item) (j *job, ok bool) {
	j = &job{item: it}
	lookup := it.Kind != KindArticle
	if it.Kind == KindArticle {
		stored, err := c.cfg.Archive.HasArticle(ctx, it.Key)
		if err != nil {
			c.storeTrouble(ctx, it, fmt.Errorf("crawler: has article %s: %w", it.Key, err))
			return nil, false
		}
		if stored && !c.cfg.RefreshArticles {
			c.finish(it, StateDone, "already stored")
			return nil, false
		}
		lookup = stored
	}
	if lookup {
		prev, found, err := c.cfg.Archive.LastResponse(ctx, it.URL)
		if err != nil {
			c.storeTrouble(ctx, it, fmt.Errorf("crawler: archived copy of %s: %w", it.URL, err))
			return nil, false
		}
		if found {
			j.cached = &prev
		}
	}
	return j, true
}

// storeTrouble puts a leased item back after a store error; the error
// stops the crawl unless the crawl is stopping anyway.
func (c *Crawler) storeTrouble(ctx context.Context, it Item, err error) {
	if ctx.Err() == nil {
		c.setFatal(err)
	}
	c.release([]Item{it})
}

// conditional sets the validators of the archived copy on a request.
func (j *job) conditional(h http.Header) {
	if j.cached == nil {
		return
	}
	if v := headerValue(j.cached.Header, "ETag"); v != "" {
		h.Set("If-None-Match", v)
	}
	if v := headerValue(j.cached.Header, "Last-Modified"); v != "" {
		h.Set("If-Modified-Since", v)
	}
}

// headerValue looks a header up in an archived header map, whatever the
// case of its name.
func headerValue(h map[string]string, name string) string {
	if v, ok := h[name]; ok {
		return v
	}
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// notModified handles a 304 to a conditional request: the 304 is archived
// as it came, an article is done, and a listing, feed or sitemap is read
// again from its archived copy (paging stops there if it brings nothing new).
func (c *Crawler) notModified(j *job, resp Response) {
	c.n.ok.Add(1)
	c.n.notModified.Add(1)
	if !c.save(resp, nil) {
		return
	}
	it := j.item
	if it.Kind == KindArticle {
		c.finish(it, StateDone, "not modified")
		return
	}
	prev := *j.cached
	prev.Item = it
	final, err := url.Parse(prev.FinalURL)
	if err != nil || final.Host == "" {
		final, _ = url.Parse(it.URL)
	}
	c.handleListing(it, prev, headerValue(prev.Header, "Content-Type"), final, true)
}
