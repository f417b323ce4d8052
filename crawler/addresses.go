package crawler

import (
	"context"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"

	"golang.org/x/net/http/httpproxy"
)

// privateAddress is the error for a connection refused because its address
// is not on the public internet: a page or a redirect could otherwise point
// the crawler at services of the crawling machine or its network.
type privateAddress struct {
	addr netip.Addr
	kind string // loopback, private, link-local, ...
}

func (e *privateAddress) Error() string {
	return "refused: " + e.addr.String() + " is a " + e.kind + " address (allow it with --allow-private, or name the host with --resolve)"
}

// sharedAddressSpace is RFC 6598's carrier-grade NAT range, private in
// effect though netip does not call it so.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// addressKind names the non-public range a is in, or returns "".
func addressKind(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate() || sharedAddressSpace.Contains(a):
		return "private"
	case a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast() || a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	return ""
}

// refusePrivate is a net.Dialer Control function: it runs after name
// resolution, on the address about to be connected, so a name that
// resolves (or re-resolves) to a private address is caught too.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return nil
	}
	if kind := addressKind(ap.Addr()); kind != "" {
		return &privateAddress{addr: ap.Addr().Unmap(), kind: kind}
	}
	return nil
}

// checkPublic resolves host and refuses it when any of its addresses is not
// public; it is used where a proxy, not this process, connects.
func checkPublic(ctx context.Context, host string) error {
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return refusePrivate("", netip.AddrPortFrom(a, 0).String(), nil)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil // the proxy reports it
	}
	for _, a := range addrs {
		if err := refusePrivate("", netip.AddrPortFrom(a, 0).String(), nil); err != nil {
			return err
		}
	}
	return nil
}

// proxyAddrs returns the host:port of the proxies the environment names:
// they are dialed whatever their address.
func proxyAddrs() map[string]bool {
	cfg := httpproxy.FromEnvironment()
	out := map[string]bool{}
	for _, p := range []string{cfg.HTTPProxy, cfg.HTTPSProxy} {
		if p == "" {
			continue
		}
		u, err := url.Parse(p)
		if err != nil || u.Host == "" {
			u, err = url.Parse("http://" + p)
			if err != nil {
				continue
			}
		}
		port := u.Port()
		if port == "" {
			port = map[string]string{"https": "443", "socks5": "1080"}[u.Scheme]
			if port == "" {
				port = "80"
			}
		}
		out[net.JoinHostPort(u.Hostname(), port)] = true
	}
	return out
}
