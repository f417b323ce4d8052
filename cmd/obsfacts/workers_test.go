package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/internal/pgtest"
)

// Crawls of several processes on one PostgreSQL store (skipped, with the
// reason, without OBSFACTS_TEST_POSTGRES).

// access is one request the mirror served: its host (without www., m.,
// amp. and port, as politeness counts hosts) and when it was served.
type access struct {
	host       string
	start, end time.Time
}

// accessLog serves the mirror m on a server of its own that logs every
// request, robots.txt included, and calls before (if set) first.
type accessLog struct {
	*httptest.Server
	mu     sync.Mutex
	log    []access
	before func(r *http.Request)
}

func newAccessLog(t *testing.T, m *mirror) *accessLog {
	a := &accessLog{}
	a.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		before := a.before
		a.mu.Unlock()
		if before != nil {
			before(r)
		}
		acc := access{host: politeHost(r.Host), start: time.Now()}
		m.serve(w, r)
		acc.end = time.Now()
		a.mu.Lock()
		a.log = append(a.log, acc)
		a.mu.Unlock()
	}))
	t.Cleanup(a.Close)
	return a
}

func (a *accessLog) setBefore(f func(r *http.Request)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.before = f
}

// politeHost names a host as the crawler's politeness does.
func politeHost(h string) string {
	h, _, _ = strings.Cut(strings.ToLower(h), ":")
	for _, p := range []string{"www.", "m.", "amp."} {
		if strings.HasPrefix(h, p) && strings.Count(h, ".") > 1 {
			h = strings.TrimPrefix(h, p)
		}
	}
	return h
}

// startWorkers starts n crawl processes on db against addr; worker i sends
// "w<i>" as its contact, so the mirror can tell them apart.
func startWorkers(t *testing.T, addr, db string, n int, args ...string) []*exec.Cmd {
	t.Helper()
	var cmds []*exec.Cmd
	for i := range n {
		cmd := crawlCmdAt(addr, db, append([]string{"--contact", fmt.Sprintf("w%d", i)}, args...)...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
			}
			if t.Failed() {
				t.Logf("worker %d:\n%s", i, out.String())
			}
		})
		cmds = append(cmds, cmd)
	}
	return cmds
}

// TestCrawlWorkersShareAFrontier: four crawl processes on one PostgreSQL
// store fetch every URL once between them and store what one SQLite crawl
// stores: every article once, the same facts, no fact twice.
func TestCrawlWorkersShareAFrontier(t *testing.T) {
	url := pgtest.URL(t)
	m := newMirror(t)
	want := referenceCrawl(t, m, t.TempDir())
	for i, cmd := range startWorkers(t, m.Listener.Addr().String(), url, 4) {
		if err := cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v", i, err)
		}
	}
	for key, n := range m.reset() {
		if n > 1 {
			t.Errorf("%s fetched %d times by the four workers", key, n)
		}
	}
	got := readResult(t, url)
	if !samePages(got.pages, want.pages) || !slices.Equal(got.facts, want.facts) {
		t.Errorf("four workers stored %d articles, %d facts; one SQLite crawl %d, %d\ngot  %v\nwant %v",
			len(got.pages), len(got.facts), len(want.pages), len(want.facts), got.facts, want.facts)
	}
	if n := count(t, url, `SELECT count(*) FROM facts`); n != len(want.facts) {
		t.Errorf("%d fact rows, want %d", n, len(want.facts))
	}
	if n := count(t, url, `SELECT count(DISTINCT worker_id) FROM frontier`); n < 2 {
		t.Errorf("the items were finished by %d workers: the four did not share the work", n)
	}
	if n := count(t, url, `SELECT count(DISTINCT crawl_id) FROM workers`); n != 1 {
		t.Errorf("the four workers made %d crawls, want 1", n)
	}
}

// TestCrawlWorkerKilled: a worker killed with -9 while fetching leaves its
// items in flight; the others take them once its lease has run out and the
// crawl ends complete, every item finished once.
func TestCrawlWorkerKilled(t *testing.T) {
	url := pgtest.URL(t)
	m := newMirror(t)
	want := referenceCrawl(t, m, t.TempDir())
	srv := newAccessLog(t, m)
	// The first worker to ask for its third page is killed while it waits
	// for the response: which one that is, is the scheduler's choice (a
	// fixed worker may get no work at all when the others are quicker).
	var (
		once     sync.Once
		killed   = make(chan struct{})
		cmds     []*exec.Cmd
		mu       sync.Mutex
		requests = map[string]int{}
		victim   = -1
	)
	srv.setBefore(func(r *http.Request) {
		ua := r.UserAgent()
		at := strings.Index(ua, "(+w")
		if at < 0 || strings.HasSuffix(r.URL.Path, "robots.txt") {
			return
		}
		worker := strings.TrimSuffix(ua[at+3:], ")")
		mu.Lock()
		requests[worker]++
		n := requests[worker]
		mu.Unlock()
		if n == 3 {
			once.Do(func() {
				mu.Lock()
				fmt.Sscan(worker, &victim)
				cmds[victim].Process.Signal(syscall.SIGKILL)
				mu.Unlock()
				close(killed)
			})
		}
	})
	mu.Lock()
	cmds = startWorkers(t, srv.Listener.Addr().String(), url, 4, "--lease", "2s")
	mu.Unlock()
	select {
	case <-killed:
	case <-time.After(time.Minute):
		t.Fatal("no worker made 3 requests")
	}
	cmds[victim].Wait()
	held := count(t, url, `SELECT count(*) FROM frontier f JOIN workers w ON w.id = f.worker_id
WHERE f.state = 'in_flight' AND w.pid = `+fmt.Sprint(cmds[victim].Process.Pid))
	for i, cmd := range cmds {
		if i == victim {
			continue
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v", i, err)
		}
	}
	t.Logf("worker %d killed holding %d items", victim, held)
	if n := count(t, url, `SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')`); n != 0 {
		t.Errorf("%d items left unfinished", n)
	}
	if n := count(t, url, `SELECT count(*) FROM frontier WHERE crashes > 0 AND state = 'done'`); n == 0 && held > 0 {
		t.Errorf("worker %d died holding %d items, none was taken over", victim, held)
	}
	got := readResult(t, url)
	if !samePages(got.pages, want.pages) || !slices.Equal(got.facts, want.facts) {
		t.Errorf("with a worker killed: %d articles, %d facts; one SQLite crawl %d, %d",
			len(got.pages), len(got.facts), len(want.pages), len(want.facts))
	}
	var out strings.Builder
	if code := run([]string{"stats", "--db", url}, &out, &out); code != 0 || !strings.Contains(out.String(), "1 dead") {
		t.Errorf("stats (exit %d) does not show the killed worker dead:\n%s", code, out.String())
	}
}

// TestCrawlPolitenessAcrossWorkers: with --delay 200ms --parallel 1 four
// workers send each host one request at a time, about 200 ms apart.
func TestCrawlPolitenessAcrossWorkers(t *testing.T) {
	url := pgtest.URL(t)
	m := newMirror(t)
	srv := newAccessLog(t, m)
	for i, cmd := range startWorkers(t, srv.Listener.Addr().String(), url, 4, "--delay", "200ms", "--parallel", "1") {
		if err := cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v", i, err)
		}
	}
	byHost := map[string][]access{}
	for _, a := range srv.log {
		byHost[a.host] = append(byHost[a.host], a)
	}
	var gaps []time.Duration
	for host, log := range byHost {
		sort.Slice(log, func(i, j int) bool { return log[i].start.Before(log[j].start) })
		for i := 1; i < len(log); i++ {
			gap := log[i].start.Sub(log[i-1].end)
			if gap < 0 {
				t.Errorf("%s: two requests at once (%v overlap)", host, -gap)
			}
			gaps = append(gaps, gap)
		}
	}
	if len(gaps) < 20 {
		t.Fatalf("only %d gaps between requests to one host", len(gaps))
	}
	slices.Sort(gaps)
	p10 := gaps[len(gaps)/10]
	t.Logf("%d requests to %d hosts; gaps between requests to a host: min %v, 10th percentile %v, median %v",
		len(srv.log), len(byHost), gaps[0].Round(time.Millisecond), p10.Round(time.Millisecond), gaps[len(gaps)/2].Round(time.Millisecond))
	if p10 < 100*time.Millisecond {
		t.Errorf("10th percentile of the gaps %v, want ≥ 100ms", p10)
	}
}

// samePages reports whether two sets of article keys are equal.
func samePages(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// count runs a counting query on the PostgreSQL store at url.
func count(t *testing.T, url, query string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
