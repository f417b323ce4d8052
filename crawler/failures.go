package crawler

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// failTransient records an item as failed for a passing reason: it waits
// for the next run (see Frontier.Requeue).
func (c *Crawler) failTransient(it Item, reason string) {
	c.n.failed.Add(1)
	c.n.deferred.Add(1)
	c.hosts.putOff(hostOf(it.URL))
	if err := c.cfg.Frontier.FailTransient(c.bg, it.Key, reason); err != nil {
		c.frontierErr("fail", it, err)
	}
}

// recoverFrontier prepares the frontier for a run: items a dead run left in
// flight go back to the queue (an attempt counted, so a page that crashes
// the crawler is given up after MaxAttempts crashes), and URLs that failed
// for a passing reason in earlier runs are tried again.
func (c *Crawler) recoverFrontier(ctx context.Context) error {
	requeued, crashed, err := c.cfg.Frontier.Recover(ctx, c.cfg.MaxAttempts)
	if err != nil {
		return fmt.Errorf("crawler: recover frontier: %w", err)
	}
	if pending, err := c.cfg.Frontier.Pending(ctx); err == nil && pending > 0 && c.cfg.OnResume != nil {
		c.cfg.OnResume(pending-requeued, requeued)
	}
	if crashed > 0 {
		c.log.Warn("gave up on URLs in flight whenever the crawler died", "urls", crashed, "crashes", c.cfg.MaxAttempts)
	}
	retried, err := c.cfg.Frontier.Requeue(ctx, c.cfg.RetryRuns, c.cfg.RetryFailed)
	if err != nil {
		return fmt.Errorf("crawler: requeue failed URLs: %w", err)
	}
	if retried > 0 {
		what := "URLs that failed for a passing reason in earlier runs"
		if c.cfg.RetryFailed {
			what = "failed URLs (--retry-failed)"
		}
		c.log.Info("trying again "+what, "urls", retried)
	}
	return nil
}

// robotsUnavailable puts off an item whose host's robots.txt could not be
// had in this run (5xx, network failure): the host is off limits until the
// next run, which tries again. A network failure also counts against the
// host's reachability.
func (c *Crawler) robotsUnavailable(it Item, err *robotsUnavailable) {
	if cause, ok := strings.CutPrefix(err.reason, "network: "); ok {
		c.hosts.failed(hostOf(it.URL), cause)
	} else if err.reason == "timeout" {
		c.hosts.failed(hostOf(it.URL), err.reason)
	}
	c.log.Debug("robots.txt unavailable", "url", it.URL, "reason", err.reason)
	c.failTransient(it, err.Error())
}

// frontierErr stops the crawl on an error of the frontier, but for a lease
// lost: this process held the item past its lease (it stalled), another
// worker took it and finishes it, and this one drops it.
func (c *Crawler) frontierErr(op string, it Item, err error) {
	if errors.Is(err, ErrLeaseLost) {
		c.n.leaseLost.Add(1)
		c.log.Warn("another worker took this URL over: this one held it past its lease", "url", it.URL, "op", op)
		return
	}
	c.setFatal(fmt.Errorf("crawler: %s %s: %w", op, it.URL, err))
}
