package crawler

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// hostDownAfter is how many network failures in a row, with no response
// at all from the host in this run, make the crawl stop asking it: its
// remaining URLs wait for the next run without a request each.
const hostDownAfter = 8

// HostFailure is a host the run could not reach at all.
type HostFailure struct {
	Host    string
	Cause   string // the last network failure, short ("no such host", "connection refused")
	Waiting int    // its URLs put off to the next run
}

// String is the one line the crawl command prints per unreachable host.
func (h HostFailure) String() string {
	return fmt.Sprintf("could not reach %s: %s (%d URLs waiting for the next run)", h.Host, h.Cause, h.Waiting)
}

// hostHealth tracks, per host, whether this run reached it, so that a host
// that is down is reported once instead of once per URL.
type hostHealth struct {
	mu    sync.Mutex
	hosts map[string]*hostState
}

type hostState struct {
	responses int    // HTTP responses of any status
	failures  int    // network failures since the last response
	cause     string // the last network failure
	waiting   int    // URLs given up for this run
}

func newHostHealth() *hostHealth { return &hostHealth{hosts: map[string]*hostState{}} }

func (h *hostHealth) get(host string) *hostState {
	s := h.hosts[host]
	if s == nil {
		s = &hostState{}
		h.hosts[host] = s
	}
	return s
}

// reached records an HTTP response from host, whatever its status.
func (h *hostHealth) reached(host string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	s.responses++
	s.failures = 0
}

// failed records a network failure talking to host.
func (h *hostHealth) failed(host, cause string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.get(host)
	s.failures++
	s.cause = cause
}

// putOff records a URL of host given up for this run for a passing reason.
func (h *hostHealth) putOff(host string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.get(host).waiting++
}

// down reports whether host has not answered once in this run and failed
// hostDownAfter times in a row, with the last cause.
func (h *hostHealth) down(host string) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.hosts[host]
	if s == nil || s.responses > 0 || s.failures < hostDownAfter {
		return "", false
	}
	return s.cause, true
}

// unreachable returns the hosts that never answered in this run although
// they were asked, sorted by name.
func (h *hostHealth) unreachable() []HostFailure {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []HostFailure
	for host, s := range h.hosts {
		if s.responses == 0 && s.cause != "" {
			out = append(out, HostFailure{Host: host, Cause: s.cause, Waiting: s.waiting})
		}
	}
	slices.SortFunc(out, func(a, b HostFailure) int { return strings.Compare(a.Host, b.Host) })
	return out
}

// hostOf returns the host name of a URL, "" if it has none.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// netCause names a network failure in a few words, the same for every URL
// that failed the same way, so failures group by cause in logs and stats.
func netCause(err error) string {
	var (
		dnsErr  *net.DNSError
		certErr *x509.UnknownAuthorityError
		hostErr x509.HostnameError
		ne      net.Error
	)
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "no such host"
	case errors.As(err, &dnsErr):
		return "DNS lookup failed: " + dnsErr.Err
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "network unreachable"
	case errors.As(err, &certErr), errors.As(err, &hostErr):
		return "TLS certificate not accepted"
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return "timeout"
	}
	// Drop the `Get "URL": ` wrapper: the URL is known from the item.
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
