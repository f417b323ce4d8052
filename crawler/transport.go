package crawler

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ParseResolve parses --resolve values of the form HOST=ADDR, where ADDR is
// "ip", "ip:port", "host:port" or "http://ip:port" (a plain-HTTP mirror that
// also receives the host's https requests). HOST "*" matches every host.
func ParseResolve(specs []string) (map[string]string, error) {
	out := make(map[string]string, len(specs))
	for _, s := range specs {
		host, addr, ok := strings.Cut(s, "=")
		host = strings.ToLower(strings.TrimSpace(host))
		addr = strings.TrimSpace(addr)
		if !ok || host == "" || addr == "" {
			return nil, fmt.Errorf("crawler: --resolve %q: want HOST=ADDR", s)
		}
		if rest, plain := strings.CutPrefix(addr, "http://"); plain {
			if _, _, err := net.SplitHostPort(strings.TrimSuffix(rest, "/")); err != nil {
				return nil, fmt.Errorf("crawler: --resolve %q: mirror address needs a port: %w", s, err)
			}
			addr = "http://" + strings.TrimSuffix(rest, "/")
		} else if strings.Contains(addr, "://") {
			return nil, fmt.Errorf("crawler: --resolve %q: only http:// mirrors are supported", s)
		}
		out[host] = addr
	}
	return out, nil
}

// resolver maps hosts to other addresses for dialing.
type resolver map[string]string

// lookup returns the mapping for a host name (without port), and whether the
// target is a plain-HTTP mirror.
func (r resolver) lookup(host string) (addr string, plain, ok bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	a, ok := r[host]
	if !ok {
		a, ok = r["*"]
	}
	if !ok {
		return "", false, false
	}
	if rest, p := strings.CutPrefix(a, "http://"); p {
		return rest, true, true
	}
	return a, false, true
}

// dialAddr rewrites a "host:port" dial address.
func (r resolver) dialAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	to, _, ok := r.lookup(host)
	if !ok {
		return addr
	}
	if _, _, err := net.SplitHostPort(to); err == nil {
		return to
	}
	return net.JoinHostPort(strings.Trim(to, "[]"), port)
}

// newTransport returns the transport given to colly: a dialer that honours
// resolve and refuses private addresses (unless allowPrivate, or the host is
// named in resolve), wrapped so https requests to a plain-HTTP mirror go as
// http and gzip bodies are inflated at most maxBody bytes.
func newTransport(resolve map[string]string, timeout time.Duration, maxBody int64, allowPrivate bool) http.RoundTripper {
	r := resolver(resolve)
	named := &net.Dialer{Timeout: min(timeout, 30*time.Second), KeepAlive: 30 * time.Second}
	guarded := *named
	if !allowPrivate {
		guarded.Control = refusePrivate
	}
	proxies := proxyAddrs()
	t := &http.Transport{
		Proxy: func(req *http.Request) (*url.URL, error) {
			if _, _, ok := r.lookup(req.URL.Hostname()); ok {
				return nil, nil
			}
			p, err := http.ProxyFromEnvironment(req)
			if p != nil && !allowPrivate {
				// The proxy connects, so the address is checked here.
				if err := checkPublic(req.Context(), req.URL.Hostname()); err != nil {
					return nil, err
				}
			}
			return p, err
		},
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, _ := net.SplitHostPort(addr)
			if _, _, ok := r.lookup(host); ok || proxies[addr] {
				return named.DialContext(ctx, network, r.dialAddr(addr))
			}
			return guarded.DialContext(ctx, network, addr)
		},
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   8,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   min(timeout, 10*time.Second),
		ExpectContinueTimeout: time.Second,
	}
	var rt http.RoundTripper = t
	if len(resolve) > 0 {
		rt = &mirrorTransport{base: t, r: r}
	}
	return &inflatingTransport{base: rt, limit: maxBody}
}

// mirrorTransport sends https requests for hosts mapped to a plain-HTTP
// mirror as http, and hands back the response as if it came from the https
// URL, so redirects, final URLs and keys stay the real ones.
type mirrorTransport struct {
	base http.RoundTripper
	r    resolver
}

func (m *mirrorTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if _, plain, ok := m.r.lookup(req.URL.Hostname()); !ok || !plain || req.URL.Scheme != "https" {
		return m.base.RoundTrip(req)
	}
	r2 := req.Clone(req.Context())
	r2.URL.Scheme = "http"
	resp, err := m.base.RoundTrip(r2)
	if resp != nil {
		resp.Request = req
	}
	return resp, err
}
