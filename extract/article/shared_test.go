package article

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedPath finds rel under the project's shared folder, which sits beside
// the repository (../shared from its root). A git worktree lies one level
// deeper than the main checkout, so the folders above are searched too. The
// test is skipped, visibly, when the data is absent.
func sharedPath(t testing.TB, rel string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..")
	for range 3 {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		dir = filepath.Join(dir, "..")
	}
	t.Skipf("%s: ../shared/%s not found beside the repository", t.Name(), rel)
	return ""
}
