package crawler

import (
	"context"
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
	// timeout bounds a request from the moment it has its slot to the end
	// of its body: the wait for the slot does not count.
	timeout time.Duration
}

func (g *gatedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := g.gate.TakeHost(req.Context(), canonicalHost(req.URL.Host), g.parallel)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(req.Context(), g.timeout)
	resp, err := g.base.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		release(g.pause())
		return nil, err
	}
	if resp.Body == nil || resp.Body == http.NoBody {
		cancel()
		release(g.pause())
		return resp, nil
	}
	body := &releasingBody{ReadCloser: resp.Body, done: []func(){cancel}}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		// A redirect's body is not read; its next hop may need the slot.
		release(g.pause())
	} else {
		body.done = append(body.done, func() { release(g.pause()) })
	}
	resp.Body = body
	return resp, nil
}

// pause is the delay after a request: Delay plus up to RandomDelay.
func (g *gatedTransport) pause() time.Duration {
	if g.random <= 0 {
		return g.delay
	}
	return g.delay + rand.N(g.random)
}

// releasingBody calls done once, when the body is read to its end or
// closed.
type releasingBody struct {
	io.ReadCloser
	done []func()
	once sync.Once
}

func (b *releasingBody) end() {
	b.once.Do(func() {
		for _, f := range b.done {
			f()
		}
	})
}

func (b *releasingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.end()
	}
	return n, err
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.end()
	return err
}
