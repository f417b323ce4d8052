// Package sharedtest finds the project's shared data (seeds, corpus,
// research) for tests. It lives beside the repository, not in it: a clone
// has none, and the tests that read it skip, visibly, while CI, which has
// a copy beside its checkout, runs them.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns rel under the shared folder beside the repository, looking
// in the folders above the test's package directory (a git worktree lies
// deeper than the main checkout). It skips the test when rel is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err == nil {
		for range 6 {
			p := filepath.Join(dir, "shared", rel)
			if _, err := os.Stat(p); err == nil {
				return p
			}
			dir = filepath.Dir(dir)
		}
	}
	t.Skipf("%s: shared/%s not found beside the repository", t.Name(), rel)
	return ""
}
