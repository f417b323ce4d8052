package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// SQLite keeps one frontier per file, and a crawl starts by taking back
// what an earlier crawl left in flight: two crawls on one file would take
// each other's work. So a crawl holds an operating-system lock (flock) on
// a file beside the database while it runs. The kernel drops the lock when
// the process ends, however it ends, so the lock of a crawl killed with -9
// is simply free for the next one; the file's content only names the holder
// for the message.

// lockSuffix names the lock file: obsfacts.db -> obsfacts.db-crawl.lock,
// beside SQLite's own -wal and -shm files.
const lockSuffix = "-crawl.lock"

// CrawlHolder describes the crawl holding a database's crawl lock.
type CrawlHolder struct {
	PID       int       `json:"pid"`
	Host      string    `json:"host"`
	StartedAt time.Time `json:"started_at"`
	Args      string    `json:"args"`
}

func (h CrawlHolder) String() string {
	s := fmt.Sprintf("pid %d", h.PID)
	if h.Host != "" {
		s += " on " + h.Host
	}
	if !h.StartedAt.IsZero() {
		s += ", started " + h.StartedAt.Local().Format("2006-01-02 15:04:05 MST")
	}
	if h.Args != "" {
		s += " (crawl " + h.Args + ")"
	}
	return s
}

// CrawlLockedError is returned by LockCrawl while another crawl runs on the
// same database.
type CrawlLockedError struct {
	Path   string
	Holder CrawlHolder // zero if the holder could not be read
}

func (e *CrawlLockedError) Error() string {
	who := ""
	if e.Holder.PID != 0 {
		who = ": " + e.Holder.String()
	}
	return fmt.Sprintf("another crawl is using %s%s. Wait for it to finish, or stop it, then run this crawl again", e.Path, who)
}

// LockCrawl takes the database's crawl lock for this process, recording
// its pid, host, start time and args. It fails with a *CrawlLockedError
// while another crawl holds it. tookOver describes the holder of a lock
// left by a crawl that died, now taken over ("" if there was none). unlock
// gives the lock back.
func (s *Store) LockCrawl(ctx context.Context, args string) (unlock func() error, tookOver string, err error) {
	path := s.path + lockSuffix
	fl := flock.New(path, flock.SetPermissions(0o644))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, "", fmt.Errorf("store: lock %s: %w", path, err)
	}
	if !ok {
		return nil, "", &CrawlLockedError{Path: s.path, Holder: readHolder(path)}
	}
	if prev := readHolder(path); prev.PID != 0 {
		tookOver = prev.String()
	}
	host, _ := os.Hostname()
	me, _ := json.Marshal(CrawlHolder{PID: os.Getpid(), Host: host, StartedAt: time.Now().UTC().Truncate(time.Second), Args: args})
	if err := os.WriteFile(path, append(me, '\n'), 0o644); err != nil {
		return nil, "", errors.Join(fmt.Errorf("store: lock %s: %w", path, err), fl.Unlock())
	}
	unlock = func() error {
		// Emptied first: a holder named in the file is a crawl that did
		// not end normally.
		err := os.Truncate(path, 0)
		if uerr := fl.Unlock(); uerr != nil {
			err = errors.Join(err, uerr)
		}
		if err != nil {
			return fmt.Errorf("store: unlock %s: %w", path, err)
		}
		return nil
	}
	return unlock, tookOver, nil
}

// readHolder reads the lock file's description of its holder; zero when
// it is empty or unreadable.
func readHolder(path string) CrawlHolder {
	var h CrawlHolder
	b, err := os.ReadFile(path)
	if err != nil || len(strings.TrimSpace(string(b))) == 0 {
		return h
	}
	_ = json.Unmarshal(b, &h)
	return h
}
