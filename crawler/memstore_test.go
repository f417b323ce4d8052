package crawler

import (
	"context"
	"crypto/sha256"
	"errors"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/obsfacts/obsfacts/extract"
)

// memStore is an in-memory Frontier, Archive and RunLog with the semantics
// the store package promises: Add ignores known keys, Lease hands out due
// queued items oldest first, Recover requeues in-flight items, unchanged
// responses are archived once, saving an article replaces its facts.
type memStore struct {
	mu        sync.Mutex
	seq       int
	entries   map[string]*memEntry
	responses []Response
	seen      map[string]bool // final URL + sha256 of archived bodies
	articles  map[string]*extract.Result
	saves     map[string]int // article key -> times saved
	runs      []memRun
	seenLinks map[string]bool
}

type memEntry struct {
	item       Item
	state      string
	notBefore  time.Time
	reason     string
	failure    string // transient or permanent, for failed items
	failedRuns int
	crashes    int
	revisits   int
	run        int // the run that leased it last
	seq        int
}

type memRun struct {
	args    string
	counts  map[string]int
	outcome string
}

func newMemStore() *memStore {
	return &memStore{
		entries:   map[string]*memEntry{},
		seen:      map[string]bool{},
		articles:  map[string]*extract.Result{},
		saves:     map[string]int{},
		seenLinks: map[string]bool{},
	}
}

func (m *memStore) Revisit(ctx context.Context, items []Item) (added, requeued int, err error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, it := range items {
		e, ok := m.entries[it.Key]
		switch {
		case !ok:
			m.seq++
			m.entries[it.Key] = &memEntry{item: it, state: StateQueued, seq: m.seq, run: len(m.runs)}
			added++
		case e.state == StateDone && e.run != len(m.runs):
			e.state, e.reason, e.notBefore, e.run = StateQueued, "", time.Time{}, len(m.runs)
			e.item.Attempts, e.item.Revisit = 0, true
			e.revisits++
			requeued++
		}
	}
	return added, requeued, nil
}

func (m *memStore) Seen(_ context.Context, keys []string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, k := range keys {
		if !m.seenLinks[k] {
			m.seenLinks[k] = true
			n++
		}
	}
	return n, nil
}

func (m *memStore) LastResponse(_ context.Context, u string) (Response, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.responses) - 1; i >= 0; i-- {
		if r := m.responses[i]; r.Item.URL == u && r.Status >= 200 && r.Status < 300 {
			return r, true, nil
		}
	}
	return Response{}, false, nil
}

func (m *memStore) Add(ctx context.Context, items []Item) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, it := range items {
		if _, ok := m.entries[it.Key]; ok {
			continue
		}
		m.seq++
		m.entries[it.Key] = &memEntry{item: it, state: StateQueued, seq: m.seq}
		n++
	}
	return n, nil
}

func (m *memStore) Lease(ctx context.Context, n int) ([]Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	var due []*memEntry
	for _, e := range m.entries {
		if e.state == StateQueued && !e.notBefore.After(now) {
			due = append(due, e)
		}
	}
	sort.Slice(due, func(i, j int) bool { return due[i].seq < due[j].seq })
	if len(due) > n {
		due = due[:n]
	}
	out := make([]Item, len(due))
	for i, e := range due {
		e.state, e.run = StateInFlight, len(m.runs)
		out[i] = e.item
	}
	return out, nil
}

func (m *memStore) Finish(_ context.Context, key, state, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok {
		return errors.New("memstore: finish unknown key " + key)
	}
	e.state, e.reason, e.failure = state, reason, ""
	if state == StateFailed {
		e.failure = FailurePermanent
	}
	return nil
}

func (m *memStore) FailTransient(_ context.Context, key, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok {
		return errors.New("memstore: fail unknown key " + key)
	}
	e.state, e.reason, e.failure = StateFailed, reason, FailureTransient
	e.failedRuns++
	return nil
}

func (m *memStore) Requeue(_ context.Context, maxRuns int, all bool) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, e := range m.entries {
		if e.state == StateFailed && (all || e.failure == FailureTransient && e.failedRuns < maxRuns) {
			e.state, e.notBefore, e.item.Attempts = StateQueued, time.Time{}, 0
			n++
		}
	}
	return n, nil
}

func (m *memStore) Retry(_ context.Context, key string, attempts int, notBefore time.Time, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok {
		return errors.New("memstore: retry unknown key " + key)
	}
	e.state, e.reason, e.notBefore = StateQueued, reason, notBefore
	e.item.Attempts = attempts
	return nil
}

func (m *memStore) Recover(_ context.Context, maxAttempts int) (requeued, failed int, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.entries {
		if e.state != StateInFlight {
			continue
		}
		e.item.Attempts++
		e.crashes++
		if e.item.Attempts >= maxAttempts {
			e.state, e.failure = StateFailed, FailurePermanent
			e.reason = "crashed the crawler " + strconv.Itoa(e.crashes) + " times"
			failed++
			continue
		}
		e.state = StateQueued
		requeued++
	}
	return requeued, failed, nil
}

func (m *memStore) Pending(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, e := range m.entries {
		if e.state == StateQueued || e.state == StateInFlight {
			n++
		}
	}
	return n, nil
}

func (m *memStore) SaveResponse(_ context.Context, resp Response, res *extract.Result) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	sum := sha256.Sum256(resp.Body)
	id := resp.FinalURL + string(sum[:])
	if !m.seen[id] {
		m.seen[id] = true
		resp.Body = append([]byte(nil), resp.Body...)
		m.responses = append(m.responses, resp)
	}
	if res != nil {
		m.articles[resp.ArticleKey] = res
		m.saves[resp.ArticleKey]++
	}
	return nil
}

func (m *memStore) HasArticle(_ context.Context, key string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.articles[key]
	return ok, nil
}

func (m *memStore) StartRun(_ context.Context, args string) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs = append(m.runs, memRun{args: args})
	return int64(len(m.runs)), nil
}

func (m *memStore) FinishRun(_ context.Context, id int64, counts map[string]int, outcome string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs[id-1].counts, m.runs[id-1].outcome = counts, outcome
	return nil
}

// failure returns the failure class and runs failed in of a key.
func (m *memStore) failure(key string) (string, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.entries[key]; ok {
		return e.failure, e.failedRuns
	}
	return "", 0
}

// state returns the frontier state and reason of a key.
func (m *memStore) state(key string) (string, string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.entries[key]; ok {
		return e.state, e.reason
	}
	return "", ""
}

// articleKeys returns the stored article keys, sorted.
func (m *memStore) articleKeys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for k := range m.articles {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// facts returns every stored fact as "article key | count | evidence", sorted.
func (m *memStore) facts() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for k, res := range m.articles {
		for _, f := range res.Facts {
			out = append(out, k+" | "+strconv.Itoa(f.Count)+" | "+f.Evidence)
		}
	}
	sort.Strings(out)
	return out
}

// crashingStore wraps a memStore and, once crashed, fails every call
// without touching the state, like a process killed with -9: what was
// committed stays, nothing more gets in.
type crashingStore struct {
	*memStore
	mu      sync.Mutex
	saves   int
	crashAt int // crash on this SaveResponse call
	crashed bool
}

var errCrashed = errors.New("crashed")

func (c *crashingStore) dead() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.crashed
}

func (c *crashingStore) SaveResponse(ctx context.Context, resp Response, res *extract.Result) error {
	c.mu.Lock()
	c.saves++
	if c.saves >= c.crashAt {
		c.crashed = true
	}
	crashed := c.crashed
	c.mu.Unlock()
	if crashed {
		return errCrashed
	}
	return c.memStore.SaveResponse(ctx, resp, res)
}

func (c *crashingStore) Add(ctx context.Context, items []Item) (int, error) {
	if c.dead() {
		return 0, errCrashed
	}
	return c.memStore.Add(ctx, items)
}

func (c *crashingStore) Lease(ctx context.Context, n int) ([]Item, error) {
	if c.dead() {
		return nil, errCrashed
	}
	return c.memStore.Lease(ctx, n)
}

func (c *crashingStore) Finish(ctx context.Context, key, state, reason string) error {
	if c.dead() {
		return errCrashed
	}
	return c.memStore.Finish(ctx, key, state, reason)
}

func (c *crashingStore) FailTransient(ctx context.Context, key, reason string) error {
	if c.dead() {
		return errCrashed
	}
	return c.memStore.FailTransient(ctx, key, reason)
}

func (c *crashingStore) Retry(ctx context.Context, key string, attempts int, notBefore time.Time, reason string) error {
	if c.dead() {
		return errCrashed
	}
	return c.memStore.Retry(ctx, key, attempts, notBefore, reason)
}

func (c *crashingStore) HasArticle(ctx context.Context, key string) (bool, error) {
	if c.dead() {
		return false, errCrashed
	}
	return c.memStore.HasArticle(ctx, key)
}

// pageCount is the number of responses archived.
func (m *memStore) pageCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.responses)
}
