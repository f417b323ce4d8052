package crawler

import (
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// gatedTransport holds every request, robots.txt included, to its host's
// politeness for the whole crawl (HostGate): it takes one of the host's
// slots before the request goes out and gives it back once the body has
// been read or closed, asking for the delay before the slot's next request.
// Hosts are named as the per-process limits name them: without www., m.
// and amp. (canonicalHost).
type gatedTransport struct {
	base          http.RoundTripper
	gate          HostGate
	parallel      int
	delay, random time.Duration
}

func (g *gatedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := g.gate.TakeHost(req.Context(), canonicalHost(req.URL.Host), g.parallel)
	if err != nil {
		return nil, err
	}
	resp, err := g.base.RoundTrip(req)
	if err != nil {
		release(g.pause())
		return nil, err
	}
	if resp.Body == nil || resp.Body == http.NoBody || resp.StatusCode >= 300 && resp.StatusCode < 400 {
		// A redirect's body is not read; its next hop may need the slot.
		release(g.pause())
		return resp, nil
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: func() { release(g.pause()) }}
	return resp, nil
}

// pause is the delay after a request: Delay plus up to RandomDelay.
func (g *gatedTransport) pause() time.Duration {
	if g.random <= 0 {
		return g.delay
	}
	return g.delay + rand.N(g.random)
}

// releasingBody calls release once, when the body is read to its end or
// closed.
type releasingBody struct {
	io.ReadCloser
	release func()
	once    sync.Once
}

func (b *releasingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.once.Do(b.release)
	}
	return n, err
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}
