package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
// the requests of the current run per host+URI. A conditional request for
// an unchanged page gets a 304 and is counted apart, in notModified.
type mirror struct {
	*httptest.Server
	root        string
	mu          sync.Mutex
	hits        map[string]int
	notModified map[string]int
	total       int
	onHits      func(total int)
}

func newMirror(t *testing.T) *mirror {
	return newMirrorAt(t, filepath.Join("..", "..", "testdata", "sites"))
}

// newMirrorAt serves the sites saved under root.
func newMirrorAt(t *testing.T, root string) *mirror {
	m := &mirror{root: root, hits: map[string]int{}, notModified: map[string]int{}}
	m.Server = httptest.NewServer(http.HandlerFunc(m.serve))
	t.Cleanup(m.Close)
	return m
}

func (m *mirror) serve(w http.ResponseWriter, r *http.Request) {
	host, _, _ := strings.Cut(r.Host, ":")
	if host == "m.inform.kz" {
		host = "www.inform.kz"
	}
	data, ct, ok := m.find(host, r.URL)
	key := host + r.URL.RequestURI()
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256(data))
	if ok && r.Header.Get("If-None-Match") == etag {
		m.mu.Lock()
		m.notModified[key]++
		m.mu.Unlock()
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if !strings.HasSuffix(r.URL.Path, "robots.txt") {
		m.mu.Lock()
		m.hits[key]++
		m.total++
		total, hook := m.total, m.onHits
		m.mu.Unlock()
		if hook != nil {
			hook(total)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("ETag", etag)
	w.Write(data)
}

// find reads the file saved for a URL, with its Content-Type.
func (m *mirror) find(host string, u *url.URL) (data []byte, ct string, ok bool) {
	names := []string{u.Path}
	if p := u.Path; strings.HasSuffix(p, "/") {
		names = []string{p + "index", strings.TrimSuffix(p, "/")}
	}
	for _, name := range names {
		if u.RawQuery != "" {
			name += "@" + u.RawQuery
		}
		base := filepath.Join(m.root, host, filepath.FromSlash(strings.TrimPrefix(name, "/")))
		for ext, ct := range map[string]string{"": "text/plain", ".html": "text/html; charset=utf-8", ".xml": "application/xml"} {
			if data, err := os.ReadFile(base + ext); err == nil {
				return data, ct, true
			}
		}
	}
	return nil, "", false
}

// setOnHits sets the hook run after each counted request, under the lock
// the requests read it with.
func (m *mirror) setOnHits(f func(total int)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.onHits = f
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
	st, err := openOrCreate(db, 0) // SQLite or PostgreSQL
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
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Set once the process is known (Start wrote cmd.Process); >= in case
	// the crawl was quicker than this goroutine.
	var interrupt sync.Once
	proc := cmd.Process
	m.setOnHits(func(total int) {
		if total >= 8 {
			interrupt.Do(func() { proc.Signal(syscall.SIGINT) })
		}
	})
	err := cmd.Wait()
	m.setOnHits(nil)
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
	stderr.Reset()
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	kill := cmd.Process
	m.setOnHits(func(total int) {
		if total >= 10 {
			kill.Kill()
		}
	})
	if err := cmd.Wait(); !errors.As(err, &exit) {
		t.Fatalf("after SIGKILL: %v", err)
	}
	m.setOnHits(nil)
	if !regexp.MustCompile(`(?m)^resuming: [1-9]\d* queued, 0 in flight recovered$`).MatchString(stderr.String()) {
		t.Errorf("the run after Ctrl-C does not say it resumes:\n%s", stderr.String())
	}
	second := readResult(t, db)
	hits2 := m.reset()

	// 3. The same command finishes the crawl.
	out, err := crawlCmd(t, m, db).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed crawl: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^resuming: [1-9]\d* queued, \d+ in flight recovered$`).Match(out) {
		t.Errorf("the run after the kill does not say it resumes:\n%s", out)
	}
	if got := runOutcomes(t, db); !slices.Equal(got, []string{"completed", "abandoned", "interrupted"}) {
		t.Errorf("run outcomes, newest first: %q; want the killed run abandoned", got)
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

// runOutcomes returns the outcomes of the runs stored in db, newest first.
func runOutcomes(t *testing.T, db string) []string {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range stats.Runs {
		out = append(out, r.Outcome)
	}
	return out
}

// TestCrawlSecondInterrupt presses Ctrl-C twice: the crawl stops at once,
// with exit status 130, and its run is recorded as interrupted, not left
// running.
func TestCrawlSecondInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in a subprocess")
	}
	m := newMirror(t)
	db := filepath.Join(t.TempDir(), "crawl.db")
	cmd := crawlCmd(t, m, db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var twice sync.Once
	proc := cmd.Process
	m.setOnHits(func(total int) {
		if total >= 6 {
			twice.Do(func() {
				proc.Signal(syscall.SIGINT)
				time.Sleep(50 * time.Millisecond) // let the first one be read
				proc.Signal(syscall.SIGINT)
			})
		}
	})
	err := cmd.Wait()
	m.setOnHits(nil)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("after two SIGINTs: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "stopping at once") {
		t.Errorf("no word about stopping at once:\n%s", stderr.String())
	}
	if got := runOutcomes(t, db); len(got) != 1 || got[0] != "interrupted" {
		t.Errorf("run outcomes %q, want one interrupted run", got)
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
		{"--lang", "de"},
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
	hosts := []string{"en.inform.kz", "qazaqtv.com", "qazinform.com", "qz.inform.kz", "www.inform.kz"}
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
	// The mirror holds the first crawl's requests from its third on, so it
	// is still running, whatever the machine's speed, when the second starts.
	started, release := make(chan struct{}), make(chan struct{})
	releaseFirst := sync.OnceFunc(func() { close(release) })
	t.Cleanup(releaseFirst) // before the mirror closes: it waits for its handlers
	var once sync.Once
	m.setOnHits(func(total int) {
		if total >= 3 {
			once.Do(func() { close(started) })
			select {
			case <-release:
			case <-time.After(time.Minute):
			}
		}
	})
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
	releaseFirst()
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
	m.setOnHits(nil)
	out, err := crawlCmd(t, m, db).CombinedOutput()
	if err != nil {
		t.Fatalf("crawl after kill -9: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "took over the lock") || !strings.Contains(string(out), "crawl completed") {
		t.Errorf("crawl after kill -9:\n%s", out)
	}
}

// TestRecrawlAWeekLater crawls a copy of the mirror, lays testdata/recrawl
// over it (five new articles on the Russian lenta's first page and in its
// feed) and runs the same crawl again: the second run fetches exactly the
// five articles in full, and asks no page the first did not read.
func TestRecrawlAWeekLater(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "..", "testdata", "sites"))); err != nil {
		t.Fatal(err)
	}
	m := newMirrorAt(t, root)
	db := filepath.Join(t.TempDir(), "week.db")
	if out, err := crawlCmd(t, m, db).CombinedOutput(); err != nil {
		t.Fatalf("first crawl: %v\n%s", err, out)
	}
	first := m.reset()
	before := readResult(t, db)

	overlay := filepath.Join("..", "..", "testdata", "recrawl")
	cp := exec.Command("cp", "-r", overlay+"/.", root)
	if out, err := cp.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	out, err := crawlCmd(t, m, db).CombinedOutput()
	if err != nil {
		t.Fatalf("second crawl: %v\n%s", err, out)
	}
	second := m.reset()
	after := readResult(t, db)

	var articles []string
	for u := range second {
		if _, ok := first[u]; !ok {
			articles = append(articles, u)
		}
	}
	slices.Sort(articles)
	want := []string{
		"www.inform.kz/ru/missiya-sng-napravila-28-nablyudateley-b71c02",
		"www.inform.kz/ru/nablyudateli-shos-pristupili-k-rabote-b71c05",
		"www.inform.kz/ru/parlamentskaya-assambleya-obse-prishlet-16-nablyudateley-b71c03",
		"www.inform.kz/ru/tsik-vsego-akkreditovany-118-inostrannyh-nablyudateley-b71c04",
		"www.inform.kz/ru/turkpa-napravit-shest-nablyudateley-na-vybory-b71c06",
	}
	if !slices.Equal(articles, want) {
		t.Errorf("URLs the first run did not ask, fetched by the second:\n got %q\nwant %q", articles, want)
	}
	if n := len(after.pages) - len(before.pages); n != 5 || len(after.facts) <= len(before.facts) {
		t.Errorf("second run added %d articles and %d facts", n, len(after.facts)-len(before.facts))
	}
	full := 0
	for _, n := range second {
		full += n
	}
	notModified := 0
	for _, n := range m.notModified {
		notModified += n
	}
	t.Logf("second run: %d full responses (%d of them the new articles), %d answered 304\n%s",
		full, len(articles), notModified, out)
}

// TestCrawlKazakh: a crawl of the mirror's Kazakh editions (--lang kk)
// stores its Kazakh articles, Cyrillic and Latin, old site and new, with
// language kk.
func TestCrawlKazakh(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	m := newMirror(t)
	db := filepath.Join(t.TempDir(), "kk.db")
	for _, args := range [][]string{{"--lang", "kk"}, {"--lang", "kk", "--site", "kazinform", "--since", "2020-11-20", "--until", "2020-11-21"}} {
		if out, err := crawlCmdAt(m.Listener.Addr().String(), db, args...).CombinedOutput(); err != nil {
			t.Fatalf("crawl %q: %v\n%s", args, err, out)
		}
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT article_key, coalesce(language, '') FROM articles ORDER BY article_key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var key, lang string
		if err := rows.Scan(&key, &lang); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key)
		if lang != "kk" {
			t.Errorf("%s stored with language %q, want kk", key, lang)
		}
	}
	want := []string{
		"https://inform.kz/kz/osk-sheteldik-baiqaushylardy-tirkedi-2b7f44",
		"https://inform.kz/kz/tmd-missiyasynan-27-baiqaushy-keldi-8c3d21",
		"https://qz.inform.kz/news/baiqaushylar-sailauga-daiyndyqty-bagalady-3c9e10",
		"https://qz.inform.kz/news/referendum-komissiiasy-akkredittaudy-aiaqtady-1f0a55",
		"kazinform:a3721160",
		"kazinform:a3721170",
	}
	if !slices.Equal(keys, want) {
		t.Errorf("Kazakh articles stored:\n got %q\nwant %q", keys, want)
	}
}
