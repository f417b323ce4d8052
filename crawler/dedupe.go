package crawler

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a click or a campaign,
// never a document. Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"yclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "ref_src": true, "ref_url": true, "amp": true,
	"_openstat": true,
}

// Canonicalize returns the dedupe key of a URL: one key per document,
// whatever URL reached it. Generic rules: https scheme, lowercase host without
// "www.", "m." or "amp." prefix, no default port, no fragment, no tracking
// parameters, sorted query, no trailing slash and no trailing "/amp" segment.
// The site profile owning the host then applies its own rules: Kazinform maps
// its hosts onto one and keys `_a<id>` articles as "kazinform:a<id>" across
// generations.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("crawler: canonicalize %q: %w", raw, err)
	}
	if u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("crawler: canonicalize %q: not an absolute http(s) URL", raw)
	}
	return keyOf(u), nil
}

// keyOf is Canonicalize for a parsed absolute URL.
func keyOf(in *url.URL) string {
	if p := profileForHost(canonicalHost(in.Host)); p != nil {
		return p.ArticleKey(in)
	}
	return canonicalURL(in).String()
}

// canonicalURL applies the site-independent rules of Canonicalize to a copy of in.
func canonicalURL(in *url.URL) *url.URL {
	u := *in
	u.User = nil
	u.Scheme = "https"
	u.Fragment, u.RawFragment = "", ""
	u.Host = canonicalHost(u.Host)

	p := u.EscapedPath()
	p = strings.TrimRight(p, "/")
	p = strings.TrimSuffix(p, "/amp")
	p = strings.TrimRight(p, "/")
	u.RawPath = ""
	u.Path, _ = url.PathUnescape(p)
	if esc := u.EscapedPath(); esc != p {
		// Keep the original escaping where Go would write it differently
		// (e.g. uppercase vs lowercase hex), so keys stay stable.
		u.RawPath = p
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return &u
}

// canonicalHost lowercases host, drops the default ports and the www./m./amp.
// prefixes.
func canonicalHost(host string) string {
	h := strings.ToLower(host)
	h = strings.TrimSuffix(h, ":443")
	h = strings.TrimSuffix(h, ":80")
	h = strings.TrimSuffix(h, ".")
	for _, prefix := range []string{"www.", "m.", "amp."} {
		if strings.HasPrefix(h, prefix) && strings.Count(h, ".") > 1 {
			h = strings.TrimPrefix(h, prefix)
		}
	}
	return h
}

// cleanQuery drops tracking parameters and sorts the rest, so equivalent
// queries compare equal.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		name, _, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		name = strings.ToLower(name)
		if trackingParams[name] || strings.HasPrefix(name, "utm_") {
			continue
		}
		kept = append(kept, part)
	}
	sort.Strings(kept)
	return strings.Join(kept, "&")
}

// fetchURL is the URL actually requested for raw: the URL as found, without
// fragment and tracking parameters. Unlike the key it keeps host and path,
// since a canonical host is an identity, not always a working address.
func fetchURL(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	v.RawQuery = cleanQuery(v.RawQuery)
	v.ForceQuery = false
	return v.String()
}
