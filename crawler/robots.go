package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// maxRobotsBytes is how much of a robots.txt is read: RFC 9309 asks
// crawlers to parse at least 500 KiB, and allows them to stop there.
const maxRobotsBytes = 500 << 10

// errRobotsDisallowed is returned for URLs robots.txt forbids.
var errRobotsDisallowed = errors.New("robots.txt")

// robotsUnavailable is returned for URLs of a host whose robots.txt could
// not be had (5xx, network failure): RFC 9309 says to assume the whole site
// is disallowed, so the host gets no requests for the rest of the run.
type robotsUnavailable struct{ reason string }

func (e *robotsUnavailable) Error() string { return "robots.txt unavailable: " + e.reason }

// robotsRules fetches each host's robots.txt once per run and answers
// whether a URL may be fetched. The first caller for a host fetches; the
// others wait for that answer. Failures are kept like answers.
type robotsRules struct {
	client    *http.Client
	userAgent string
	shared    RobotsStore        // nil: this process keeps its own
	reason    func(error) string // short reason for a fetch error

	mu    sync.Mutex
	hosts map[string]*robotsEntry // by scheme://host[:port]
}

type robotsEntry struct {
	ready chan struct{} // closed when the fields below are set
	group *robotstxt.Group
	err   error // *robotsUnavailable
}

func newRobotsRules(client *http.Client, userAgent string, reason func(error) string) *robotsRules {
	return &robotsRules{client: client, userAgent: userAgent, reason: reason, hosts: map[string]*robotsEntry{}}
}

// check returns nil when u may be fetched, errRobotsDisallowed when
// robots.txt forbids it, and a *robotsUnavailable when the host's
// robots.txt could not be had.
func (r *robotsRules) check(ctx context.Context, u *url.URL) error {
	e := r.entry(ctx, u)
	select {
	case <-e.ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	if e.err != nil {
		return e.err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.group.Test(path) {
		return errRobotsDisallowed
	}
	return nil
}

// entry returns the host's entry, starting its fetch when it is new.
func (r *robotsRules) entry(ctx context.Context, u *url.URL) *robotsEntry {
	origin := u.Scheme + "://" + u.Host
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.hosts[origin]; ok {
		return e
	}
	e := &robotsEntry{ready: make(chan struct{})}
	r.hosts[origin] = e
	// Fetched apart from the caller's context, so a caller that gives up
	// does not leave a failure cached for the others.
	go func() {
		defer close(e.ready)
		data, err := r.fetch(context.WithoutCancel(ctx), origin)
		if err != nil {
			e.err = err
			return
		}
		e.group = data.FindGroup(r.userAgent)
	}()
	return e
}

// fetch reads the robots.txt of origin (scheme://host[:port]) as RFC 9309
// says: 2xx is parsed (its first 500 KiB), 4xx means no rules, anything
// else means the site is off limits for now. With a shared store the
// crawl's workers fetch it once between them.
func (r *robotsRules) fetch(ctx context.Context, origin string) (*robotstxt.RobotsData, error) {
	download := func(ctx context.Context) RobotsFile { return r.download(ctx, origin+"/robots.txt") }
	if r.shared == nil {
		return readRobots(download(ctx))
	}
	f, err := r.shared.Robots(ctx, origin, download)
	if err != nil {
		return nil, &robotsUnavailable{reason: "the store: " + err.Error()}
	}
	return readRobots(f)
}

// download fetches a robots.txt as it is: status and body, or why it could
// not be had.
func (r *robotsRules) download(ctx context.Context, robotsURL string) RobotsFile {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return RobotsFile{Unavailable: err.Error()}
	}
	req.Header.Set("User-Agent", r.userAgent)
	resp, err := r.client.Do(req)
	if err != nil {
		return RobotsFile{Unavailable: r.reason(err)}
	}
	defer resp.Body.Close()
	f := RobotsFile{Status: resp.StatusCode}
	if !noRules(f.Status) && (f.Status < 200 || f.Status >= 300) {
		f.Unavailable = fmt.Sprintf("http %d", f.Status)
		return f
	}
	if f.Body, err = io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes)); err != nil {
		return RobotsFile{Status: f.Status, Unavailable: r.reason(err)}
	}
	return f
}

// noRules reports whether a robots.txt status means "no rules": 4xx but 429.
func noRules(status int) bool {
	return status >= 400 && status < 500 && status != http.StatusTooManyRequests
}

// readRobots turns a fetched robots.txt into its rules, or a
// *robotsUnavailable.
func readRobots(f RobotsFile) (*robotstxt.RobotsData, error) {
	switch {
	case f.Unavailable != "":
		return nil, &robotsUnavailable{reason: f.Unavailable}
	case noRules(f.Status):
		return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	data, err := parseRobots(f.Body)
	if err != nil {
		return nil, &robotsUnavailable{reason: "unreadable: " + firstLine(err.Error())}
	}
	return data, nil
}

// parseRobots reads the rules of a robots.txt: its first maxRobotsBytes,
// cut at the last whole line there so that no rule is read half.
func parseRobots(body []byte) (*robotstxt.RobotsData, error) {
	if len(body) >= maxRobotsBytes {
		body = body[:maxRobotsBytes]
		if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
			body = body[:i+1]
		}
	}
	return robotstxt.FromBytes(body)
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	if i := bytes.IndexAny([]byte(s), "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}
