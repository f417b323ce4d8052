//go:build unix

package store

import "golang.org/x/sys/unix"

// writable reports whether this process may write the file at path.
func writable(path string) bool { return unix.Access(path, unix.W_OK) == nil }
