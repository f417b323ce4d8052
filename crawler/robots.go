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
		data, err := r.fetch(context.WithoutCancel(ctx), origin+"/robots.txt")
		if err != nil {
			e.err = err
			return
		}
		e.group = data.FindGroup(r.userAgent)
	}()
	return e
}

// fetch reads a robots.txt as RFC 9309 says: 2xx is parsed (its first
// 500 KiB), 4xx means no rules, anything else means the site is off limits
// for now.
func (r *robotsRules) fetch(ctx context.Context, robotsURL string) (*robotstxt.RobotsData, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return nil, &robotsUnavailable{reason: err.Error()}
	}
	req.Header.Set("User-Agent", r.userAgent)
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, &robotsUnavailable{reason: r.reason(err)}
	}
	defer resp.Body.Close()
	switch st := resp.StatusCode; {
	case st >= 400 && st < 500 && st != http.StatusTooManyRequests:
		return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	case st < 200 || st >= 300:
		return nil, &robotsUnavailable{reason: fmt.Sprintf("http %d", st)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return nil, &robotsUnavailable{reason: r.reason(err)}
	}
	data, err := parseRobots(body)
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
