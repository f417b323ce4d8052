//go:build !unix

package store

import "os"

// writable reports whether the file at path is not marked read-only.
func writable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().Perm()&0o200 != 0
}
