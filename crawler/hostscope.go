package crawler

import (
	"net/url"
	"slices"
	"strings"
)

// hostScope is the set of hosts a crawl requests: the hosts of its site
// profiles (with their subdomains) on the default ports, and the hosts of
// its start URLs as given. Redirects elsewhere are not followed.
type hostScope struct {
	profiles []*Profile
	starts   map[string]bool // canonicalHost of each start URL, port kept unless default
}

func newHostScope(profiles []*Profile, starts []string) hostScope {
	s := hostScope{profiles: profiles, starts: map[string]bool{}}
	for _, raw := range starts {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			s.starts[canonicalHost(u.Host)] = true
		}
	}
	return s
}

// contains reports whether u's host is in the scope.
func (s hostScope) contains(u *url.URL) bool {
	h := canonicalHost(u.Host)
	if s.starts[h] {
		return true
	}
	if strings.Contains(h, ":") && !strings.HasSuffix(h, "]") {
		return false // a profile host on another port than 80 or 443
	}
	p := profileForHost(h)
	return p != nil && slices.Contains(s.profiles, p)
}

// outOfScope is the error for a redirect to a host outside the scope.
type outOfScope struct{ host string }

func (e *outOfScope) Error() string { return "redirect out of scope: " + e.host }
