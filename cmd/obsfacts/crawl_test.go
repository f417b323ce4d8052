package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

// The crawl subprocess is this test binary re-run with runMainEnv set: it
// then behaves as the obsfacts command.
const runMainEnv = "OBSFACTS_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// mirror serves the crawler's fixture sites (testdata/sites/<host>/...) to
// every host, a little slowly so a crawl can be stopped halfway, and counts
// the requests of the current run per host+URI.
type mirror struct {
	*httptest.Server
	mu     sync.Mutex
	hits   map[string]int
	total  int
	onHits func(total int)
}

func newMirror(t *testing.T) *mirror {
	root := filepath.Join("..", "..", "testdata", "sites")
	m := &mirror{hits: map[string]int{}}
	m.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := strings.Cut(r.Host, ":")
		if host == "m.inform.kz" {
			host = "www.inform.kz"
		}
		if !strings.HasSuffix(r.URL.Path, "robots.txt") {
			m.mu.Lock()
			m.hits[host+r.URL.RequestURI()]++
			m.total++
			total, hook := m.total, m.onHits
			m.mu.Unlock()
			if hook != nil {
				hook(total)
			}
			time.Sleep(20 * time.Millisecond)
		}
		names := []string{r.URL.Path}
		if p := r.URL.Path; strings.HasSuffix(p, "/") {
			names = []string{p + "index", strings.TrimSuffix(p, "/")}
		}
		for _, name := range names {
			if r.URL.RawQuery != "" {
				name += "@" + r.URL.RawQuery
			}
			base := filepath.Join(root, host, filepath.FromSlash(strings.TrimPrefix(name, "/")))
			for _, ext := range []string{"", ".html", ".xml"} {
				data, err := os.ReadFile(base + ext)
				if err != nil {
					continue
				}
				switch ext {
				case ".xml":
					w.Header().Set("Content-Type", "application/xml")
				case ".html":
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
				default:
					w.Header().Set("Content-Type", "text/plain")
				}
				w.Write(data)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(m.Close)
	return m
}

func (m *mirror) reset() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.hits
	m.hits, m.total = map[string]int{}, 0
	return old
}

// crawlCmd is the crawl command line against the mirror.
func crawlCmd(t *testing.T, m *mirror, db string) *exec.Cmd {
	return crawlCmdAt(m.Listener.Addr().String(), db)
}

// crawlCmdAt is the crawl command line with every host sent to addr.
func crawlCmdAt(addr, db string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"crawl", "--db", db, "--delay", "0", "--parallel", "2",
		"--timeout", "2s", "--retries", "1", "--resolve", "*=http://" + addr}, args...)...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	return cmd
}

// result is what a crawl leaves in the database: the stored articles and
// every fact row.
type result struct {
	pages map[string]bool // article keys
	facts []string
}

func readResult(t *testing.T, db string) result {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	r := result{pages: map[string]bool{}}
	err = st.EachPage(ctx, func(_ int64, _ extract.Page, _ string, key string) error {
		r.pages[key] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Rows(ctx, store.Filter{}, func(row export.Row) error {
		// Not fact_id or source_url: an article reached by several URLs
		// (Gen A page, its AMP, the qazinform.com copy) may be read from any
		// of them, whichever came first.
		r.facts = append(r.facts, fmt.Sprintf("%s | %s | %d | %s", row.Title, row.Subject, row.Observers, row.Status))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(r.facts)
	return r
}

// referenceCrawl crawls the mirror into a new database in dir, without
// interruption, and returns what it stored.
func referenceCrawl(t *testing.T, m *mirror, dir string) result {
	t.Helper()
	ref := filepath.Join(dir, "ref.db")
	if out, err := crawlCmd(t, m, ref).CombinedOutput(); err != nil {
		t.Fatalf("reference crawl: %v\n%s", err, out)
	}
	m.reset()
	return readResult(t, ref)
}

// TestCrawlInterruptedResumes stops a crawl with Ctrl-C, then kills the
// next one with SIGKILL, then lets a third finish: the database ends with
// the same pages and facts as an uninterrupted crawl, and no article stored
// before an interruption is fetched again.
func TestCrawlInterruptedResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	m := newMirror(t)
	dir := t.TempDir()
	want := referenceCrawl(t, m, dir)
	t.Logf("reference crawl: %d articles, %d facts", len(want.pages), len(want.facts))
	if len(want.pages) < 10 || len(want.facts) == 0 {
		t.Fatalf("reference crawl stored %d articles, %d facts", len(want.pages), len(want.facts))
	}
	m.reset()

	db := filepath.Join(dir, "crawl.db")
	// 1. Ctrl-C after a few pages: graceful stop, summary, exit status 130.
	cmd := crawlCmd(t, m, db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	m.onHits = func(total int) {
		if total == 8 {
			cmd.Process.Signal(syscall.SIGINT)
		}
	}
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("after SIGINT: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "crawl interrupted") || !strings.Contains(stderr.String(), "run the same command again") {
		t.Errorf("no summary after SIGINT:\n%s", stderr.String())
	}
	first := readResult(t, db)
	if len(first.pages) >= len(want.pages) {
		t.Fatalf("SIGINT came too late: %d of %d articles stored", len(first.pages), len(want.pages))
	}
	hits1 := m.reset()

	// 2. SIGKILL mid-crawl: nothing but what was committed survives.
	cmd = crawlCmd(t, m, db)
	m.onHits = func(total int) {
		if total == 10 {
			cmd.Process.Kill()
		}
	}
	if err := cmd.Run(); !errors.As(err, &exit) {
		t.Fatalf("after SIGKILL: %v", err)
	}
	second := readResult(t, db)
	hits2 := m.reset()
	m.onHits = nil

	// 3. The same command finishes the crawl.
	if out, err := crawlCmd(t, m, db).CombinedOutput(); err != nil {
		t.Fatalf("resumed crawl: %v\n%s", err, out)
	}
	hits3 := m.reset()
	got := readResult(t, db)

	// The same articles (which of an article's URLs was fetched, e.g. AMP
	// or not, may differ from run to run) and the same facts.
	if g, w := slices.Sorted(maps.Keys(got.pages)), slices.Sorted(maps.Keys(want.pages)); !slices.Equal(g, w) {
		t.Errorf("articles differ from an uninterrupted crawl:\n got %q\nwant %q", g, w)
	}
	if !slices.Equal(got.facts, want.facts) {
		t.Errorf("facts differ from an uninterrupted crawl:\n got %q\nwant %q", got.facts, want.facts)
	}
	// A page fetched by the graceful run is never fetched again (in-flight
	// pages were finished and saved); after the kill only what was in flight
	// may be fetched twice.
	for u := range hits1 {
		if hits2[u]+hits3[u] > 0 && !strings.Contains(u, "robots.txt") {
			t.Errorf("%s fetched again after the graceful stop", u)
		}
	}
	refetched := 0
	for u := range hits2 {
		if hits3[u] > 0 {
			refetched++
		}
	}
	// At most the requests in flight: the crawler hands colly 4 × --parallel.
	if refetched > 8 {
		t.Errorf("%d URLs fetched again after the kill", refetched)
	}
	if len(second.pages) < len(first.pages) {
		t.Errorf("articles lost: %d after the kill, %d before", len(second.pages), len(first.pages))
	}
}

func TestCrawlFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--site", "nosuchsite"},
		{"--since", "2022-13-01"},
		{"--since", "2022-11-20", "--until", "2022-11-01"},
		{"--resolve", "bad"},
		{"--parallel", "0"},
		{"--retry-runs", "0"},
		{"stray-argument"},
	} {
		db := filepath.Join(t.TempDir(), "obsfacts.db")
		code, _, stderr := runCLI(t, append([]string{"crawl", "--db", db}, args...)...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2 (a usage error)", args, code)
		}
		if !strings.Contains(stderr, "obsfacts crawl: ") || !strings.Contains(stderr, "Run 'obsfacts crawl --help'") {
			t.Errorf("%q: message %q", args, stderr)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("%q: a usage error created the database (%v)", args, err)
		}
	}
}

// TestCrawlMirrorDown: with the sites unreachable the crawl exits 1 and
// says so once per host, not once per URL; the same command run once the
// sites answer completes with every article.
func TestCrawlMirrorDown(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	m := newMirror(t)
	dir := t.TempDir()
	want := referenceCrawl(t, m, dir)

	down := httptest.NewServer(http.NotFoundHandler())
	downAddr := down.Listener.Addr().String()
	down.Close()
	db := filepath.Join(dir, "crawl.db")
	cmd := crawlCmdAt(downAddr, db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("crawl with the sites down: %v, want exit status 1\n%s", err, stderr.String())
	}
	var hostLines []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(line, "could not reach ") {
			hostLines = append(hostLines, line)
		}
		if strings.Contains(line, "giving up") {
			t.Errorf("per-URL line: %s", line)
		}
	}
	hosts := []string{"en.inform.kz", "qazaqtv.com", "qazinform.com", "www.inform.kz"}
	if len(hostLines) != len(hosts) {
		t.Errorf("want one line per host (%d), got:\n%s", len(hosts), stderr.String())
	}
	for i, line := range hostLines {
		if i < len(hosts) && !strings.HasPrefix(line, "could not reach "+hosts[i]+": connection refused (") {
			t.Errorf("line %q", line)
		}
	}
	t.Logf("sites down:\n%s", stderr.String())

	out, err := crawlCmd(t, m, db).CombinedOutput()
	if err != nil {
		t.Fatalf("crawl with the sites up: %v\n%s", err, out)
	}
	got := readResult(t, db)
	if g, w := slices.Sorted(maps.Keys(got.pages)), slices.Sorted(maps.Keys(want.pages)); !slices.Equal(g, w) {
		t.Errorf("articles after the sites came back:\n got %q\nwant %q", g, w)
	}
	if !slices.Equal(got.facts, want.facts) {
		t.Errorf("facts after the sites came back differ from a crawl that never failed")
	}
}

// TestCrawlOnePerDatabase: a second crawl on the database of a running
// one exits 1 naming the first; after kill -9 of the first, the next crawl
// takes the lock over and completes.
func TestCrawlOnePerDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	m := newMirror(t)
	db := filepath.Join(t.TempDir(), "crawl.db")
	started := make(chan struct{})
	var once sync.Once
	m.onHits = func(total int) {
		if total == 3 {
			once.Do(func() { close(started) })
		}
	}
	first := crawlCmd(t, m, db)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Process.Kill() })
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("first crawl made no requests")
	}

	second := crawlCmd(t, m, db)
	var stderr bytes.Buffer
	second.Stderr = &stderr
	err := second.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("second crawl: %v, want exit status 1\n%s", err, stderr.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, fmt.Sprintf(": pid %d", first.Process.Pid)) || !strings.Contains(msg, "started ") ||
		strings.Contains(msg, "requests") {
		t.Errorf("message does not name the running crawl:\n%s", msg)
	}
	t.Logf("second crawl:\n%s", msg)

	first.Process.Kill()
	first.Wait()
	m.onHits = nil
	out, err := crawlCmd(t, m, db).CombinedOutput()
	if err != nil {
		t.Fatalf("crawl after kill -9: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "took over the lock") || !strings.Contains(string(out), "crawl completed") {
		t.Errorf("crawl after kill -9:\n%s", out)
	}
}
