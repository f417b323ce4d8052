package crawler

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"
)

// job is one request in flight; it travels in the colly context.
type job struct {
	item        Item
	contentType string    // as the server sent it (colly sees it without charset)
	skip        string    // why the body was not downloaded, when we aborted it
	refused     error     // why the request was not sent (robots.txt), when we aborted it
	cached      *Response // the archived copy a revisit asks about (see newJob)
}

const jobKey = "obsfacts.job"

// newCollector sets colly up: async, our User-Agent, timeouts, a body cap
// (after inflating), revisits allowed (the frontier decides what is new),
// the transport with the --resolve dialer, and redirects kept in scope.
// robots.txt is obeyed through c.robots, which it sets up for the run.
func (c *Crawler) newCollector() *colly.Collector {
	coll := colly.NewCollector(
		colly.Async(true),
		colly.UserAgent(c.cfg.UserAgent),
		// One byte over the cap, so an oversized body is told from one
		// exactly at the cap: colly truncates silently.
		colly.MaxBodySize(c.cfg.MaxBody+1),
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		colly.StdlibContext(c.bg),
	)
	// colly's robots.txt reading has no size limit, no timeout of its own,
	// caches no failure and takes a 5xx for "allow all": c.robots does it.
	coll.IgnoreRobotsTxt = true
	transport := newTransport(c.cfg.Resolve, c.cfg.Timeout, int64(c.cfg.MaxBody)+1, c.cfg.AllowPrivate)
	// A request's time limit starts when it goes out; waiting for the
	// host's turn (HostGate) is not part of it, so the gate applies it.
	timeout := c.cfg.Timeout
	if c.cfg.HostGate != nil {
		transport = &gatedTransport{base: transport, gate: c.cfg.HostGate, parallel: c.cfg.Parallelism,
			delay: c.cfg.Delay, random: c.cfg.RandomDelay, timeout: timeout}
		timeout = 0
	}
	c.robots = newRobotsRules(&http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 { // RFC 9309: follow at least five
				return errors.New("stopped after 5 redirects")
			}
			if !c.scope.contains(req.URL) {
				return &outOfScope{host: req.URL.Host}
			}
			return nil
		},
	}, c.cfg.UserAgent, fetchReason)
	c.robots.shared = c.cfg.Robots
	coll.WithTransport(transport)
	coll.SetRequestTimeout(timeout)
	coll.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		if !c.scope.contains(req.URL) {
			return &outOfScope{host: req.URL.Host}
		}
		if err := c.checkRedirect(req.URL, via[0].URL); err != nil {
			return err
		}
		return c.robots.check(req.Context(), req.URL)
	})
	if err := coll.Limits(c.limitRules()); err != nil {
		c.log.Warn("limit rules", "err", err)
	}
	coll.OnRequestHeaders(c.onRequest)
	coll.OnResponseHeaders(c.onHeaders)
	coll.OnResponse(c.onResponse)
	coll.OnError(c.onError)
	return coll
}

// onRequest asks robots.txt before a request goes out. It runs in the
// request's goroutine, in the host's parallelism slot, so a host whose
// robots.txt is slow holds up only its own requests.
func (c *Crawler) onRequest(r *colly.Request) {
	j, ok := r.Ctx.GetAny(jobKey).(*job)
	if !ok {
		return
	}
	if err := c.robots.check(c.bg, r.URL); err != nil {
		j.refused = err
		r.Abort()
	}
}

// dispatch starts the request for a leased item; it reports whether a
// request was started (and a completion will follow on c.done). Items that
// need no request are finished here.
func (c *Crawler) dispatch(ctx context.Context, it Item) bool {
	u, err := url.Parse(it.URL)
	if err != nil {
		c.finish(it, StateFailed, "bad URL: "+err.Error())
		return false
	}
	j, ok := c.newJob(ctx, it)
	if !ok {
		return false
	}
	if cause, down := c.hosts.down(u.Hostname()); down {
		c.failTransient(it, "host unreachable in this run: "+cause)
		return false
	}
	if until, paused := c.pausedUntil(u.Host); paused {
		c.retryAt(it, it.Attempts, until, "host asked to wait")
		return false
	}

	cctx := colly.NewContext()
	cctx.Put(jobKey, j)
	hdr := http.Header{}
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	j.conditional(hdr)
	c.n.requests.Add(1)
	c.setActive(it, true)
	if err := c.coll.Request(http.MethodGet, it.URL, nil, cctx, hdr); err != nil {
		c.setActive(it, false)
		c.finish(it, StateFailed, "request: "+err.Error())
		return false
	}
	return true
}

// knownArticle stops a redirect to an article already stored; busyArticle
// one to an article being fetched right now under another URL.
type (
	knownArticle struct{ key string }
	busyArticle  struct{ key string }
)

func (e *knownArticle) Error() string { return "redirect to stored article " + e.key }
func (e *busyArticle) Error() string  { return "redirect to article in flight " + e.key }

// checkRedirect stops following a redirect from an article URL to a
// different article identity that is already stored (the redirect alone
// tells it is a duplicate, so its body need not be fetched again) or is
// being fetched (the item waits and asks again).
func (c *Crawler) checkRedirect(to, from *url.URL) error {
	if kindOf(from) != KindArticle && ProfileFor(from) != nil {
		return nil
	}
	key := keyOf(to)
	if key == keyOf(from) {
		return nil
	}
	if c.isActive(key) {
		return &busyArticle{key: key}
	}
	stored, err := c.cfg.Archive.HasArticle(c.bg, key)
	if err != nil || !stored {
		return nil
	}
	return &knownArticle{key: key}
}

// limitRules gives each host its own colly LimitRule, so delay and
// parallelism hold per host (one "*" rule would share them among all):
// the hosts of every profile (with their www./m. aliases) and of the start
// URLs, then "*" for the rest (redirect targets elsewhere). colly reads its
// rules without a lock, so they are all set before the first request.
func (c *Crawler) limitRules() []*colly.LimitRule {
	var hosts []string
	for _, p := range Profiles() {
		hosts = append(hosts, p.Hosts...)
	}
	for _, s := range c.cfg.Start {
		if u, err := url.Parse(s); err == nil {
			hosts = append(hosts, canonicalHost(u.Hostname()))
		}
	}
	slices.Sort(hosts)
	hosts = slices.Compact(hosts)
	rules := make([]*colly.LimitRule, 0, len(hosts)+1)
	for _, h := range append(hosts, "") {
		r := &colly.LimitRule{Delay: c.cfg.Delay, RandomDelay: c.cfg.RandomDelay, Parallelism: c.cfg.Parallelism}
		if c.cfg.HostGate != nil { // the gate spaces the requests of the whole crawl
			r.Delay, r.RandomDelay = 0, 0
		}
		if h == "" {
			r.DomainGlob = "*"
		} else {
			r.DomainRegexp = `^(?:(?:www|m|amp)\.)?` + regexp.QuoteMeta(h) + `(?::\d+)?$`
		}
		rules = append(rules, r)
	}
	return rules
}

// onHeaders checks a response before its body is read: oversized bodies
// and non-HTML pages are not downloaded.
func (c *Crawler) onHeaders(r *colly.Response) {
	j, ok := r.Ctx.GetAny(jobKey).(*job)
	if !ok {
		return
	}
	ct := r.Headers.Get("Content-Type")
	j.contentType = ct
	// colly transcodes bodies whose Content-Type names a charset; the
	// archive wants the bytes as sent, so it is shown the bare media type.
	if mt, _, err := mime.ParseMediaType(ct); err == nil && mt != ct {
		r.Headers.Set("Content-Type", mt)
	}
	if n, err := strconv.ParseInt(r.Headers.Get("Content-Length"), 10, 64); err == nil && n > int64(c.cfg.MaxBody) {
		j.skip = fmt.Sprintf("oversized: %d bytes > %d", n, c.cfg.MaxBody)
		r.Request.Abort()
		return
	}
	if r.StatusCode >= 200 && r.StatusCode < 300 && !acceptable(j.item.Kind, ct) {
		j.skip = "not HTML: " + ct
		r.Request.Abort()
	}
}

// acceptable reports whether a page of kind may have media type ct; an
// empty type is sniffed after download.
func acceptable(kind, ct string) bool {
	mt, _, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	html := mt == "" || mt == "text/html" || mt == "application/xhtml+xml"
	xml := strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml")
	switch kind {
	case KindArticle:
		return html
	case KindListing:
		return html || xml
	default: // feeds and sitemaps: often served as text/plain or gzip
		return html || xml || mt == "text/plain" || strings.Contains(mt, "gzip")
	}
}

func (c *Crawler) onResponse(r *colly.Response) {
	j, ok := r.Ctx.GetAny(jobKey).(*job)
	if !ok {
		return
	}
	defer c.signal(j)
	c.n.fetched.Add(1)
	c.hosts.reached(hostOf(j.item.URL))
	c.handle(j, r)
}

func (c *Crawler) onError(r *colly.Response, err error) {
	j, ok := r.Ctx.GetAny(jobKey).(*job)
	if !ok {
		return
	}
	defer c.signal(j)
	if r.StatusCode != 0 {
		c.hosts.reached(hostOf(j.item.URL))
	}
	if j.skip != "" {
		c.finish(j.item, StateSkipped, j.skip)
		return
	}
	if j.refused != nil {
		err = j.refused
	}
	var unavailable *robotsUnavailable
	if errors.As(err, &unavailable) {
		c.robotsUnavailable(j.item, unavailable)
		return
	}
	if state, reason, ok := refusal(err); ok {
		c.log.Debug("refused", "url", j.item.URL, "reason", reason)
		c.finish(j.item, state, reason)
		return
	}
	var (
		known *knownArticle
		busy  *busyArticle
	)
	switch {
	case errors.As(err, &known):
		c.n.duplicates.Add(1)
		c.finish(j.item, StateDone, "duplicate of "+known.key)
		return
	case errors.As(err, &busy):
		c.retryAt(j.item, j.item.Attempts, time.Now().Add(pollInterval), "same article in flight: "+busy.key)
		return
	}
	c.log.Debug("fetch error", "url", j.item.URL, "err", err)
	if r.StatusCode == 0 {
		c.hosts.failed(hostOf(j.item.URL), netCause(err))
	}
	c.retryOrFail(j.item, netReason(err), 0, nil)
}

// refusal tells whether err is a request the crawl refused to make, and
// the item's final state and reason: robots.txt disallows it, or could not
// be had; a redirect out of scope; an address that is not public.
func refusal(err error) (state, reason string, ok bool) {
	var (
		unavailable *robotsUnavailable
		scope       *outOfScope
		private     *privateAddress
	)
	switch {
	case errors.Is(err, errRobotsDisallowed):
		return StateSkipped, "robots.txt", true
	case errors.As(err, &unavailable):
		return StateFailed, unavailable.Error(), true
	case errors.As(err, &scope):
		return StateSkipped, scope.Error(), true
	case errors.As(err, &private):
		return StateFailed, private.Error(), true
	}
	return "", "", false
}

// signal tells the crawl loop a request is over.
func (c *Crawler) signal(j *job) {
	c.setActive(j.item, false)
	c.done <- struct{}{}
}

// setActive marks an article item as being fetched, or no longer.
func (c *Crawler) setActive(it Item, on bool) {
	if it.Kind != KindArticle {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if on {
		c.active[it.Key] = true
	} else {
		delete(c.active, it.Key)
	}
}

func (c *Crawler) isActive(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.active[key]
}

// retryOrFail puts it back in the queue after a backoff (or after the
// server's Retry-After), or, when its attempts are used up, records it as
// failed for a passing reason: a later run tries it again. last, when
// given, is archived with the failure.
func (c *Crawler) retryOrFail(it Item, reason string, retryAfter time.Duration, last *Response) {
	attempts := it.Attempts + 1
	if retryAfter > c.cfg.MaxRetryAfter {
		reason = fmt.Sprintf("%s; Retry-After %s is too long", reason, retryAfter)
		attempts = c.cfg.MaxAttempts
	}
	if attempts >= c.cfg.MaxAttempts {
		if last != nil {
			if err := c.cfg.Archive.SaveResponse(c.bg, *last, nil); err != nil {
				c.setFatal(fmt.Errorf("crawler: save %s: %w", it.URL, err))
			}
		}
		c.log.Debug("giving up for this run", "url", it.URL, "attempts", attempts, "reason", reason)
		c.failTransient(it, fmt.Sprintf("%s (after %d attempts)", reason, attempts))
		return
	}
	wait := backoff(c.cfg.BackoffBase, c.cfg.BackoffMax, attempts)
	if retryAfter > 0 {
		wait = retryAfter
	}
	c.n.retried.Add(1)
	c.retryAt(it, attempts, time.Now().Add(wait), reason)
}

func (c *Crawler) retryAt(it Item, attempts int, notBefore time.Time, reason string) {
	if err := c.cfg.Frontier.Retry(c.bg, it.Key, attempts, notBefore, reason); err != nil {
		c.frontierErr("retry", it, err)
	}
}

// finish records an item's final state.
func (c *Crawler) finish(it Item, state, reason string) {
	switch state {
	case StateFailed:
		c.n.failed.Add(1)
	case StateSkipped:
		c.n.skipped.Add(1)
	}
	if err := c.cfg.Frontier.Finish(c.bg, it.Key, state, reason); err != nil {
		c.frontierErr("finish", it, err)
	}
}

// pause makes the crawl wait before the host's next request.
func (c *Crawler) pause(host string, until time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if until.After(c.paused[host]) {
		c.paused[host] = until
	}
}

func (c *Crawler) pausedUntil(host string) (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.paused[host]
	return t, ok && time.Now().Before(t)
}

// backoff returns base·2^(attempt-1), capped at max, with ±20 % jitter so
// retries of many URLs do not arrive together.
func backoff(base, max time.Duration, attempt int) time.Duration {
	d := base
	for i := 1; i < attempt && d < max; i++ {
		d *= 2
	}
	d = min(d, max)
	jitter := time.Duration(float64(d) * 0.4 * (rand.Float64() - 0.5))
	return d + jitter
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(s)*time.Second, 0)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// fetchReason is a short reason for an error of a request: the address
// refusal, or netReason.
func fetchReason(err error) string {
	var private *privateAddress
	if errors.As(err, &private) {
		return private.Error()
	}
	return netReason(err)
}

// netReason is a short reason for a network error.
func netReason(err error) string {
	if cause := netCause(err); cause != "timeout" {
		return "network: " + cause
	}
	return "timeout"
}
