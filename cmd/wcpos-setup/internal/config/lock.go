package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// defaultLockTimeout bounds how long Save waits for another run of the tool
// to finish writing. A write takes milliseconds; waiting longer than this
// means something is stuck, and the user should hear about it.
const defaultLockTimeout = 10 * time.Second

// lockRetry is how often a waiting Save tries the lock again.
const lockRetry = 5 * time.Millisecond

// lockPath is the lock file beside the config. It is never removed:
// deleting a lock file while another process waits on it would let two
// writers in at once. A leftover file is harmless because the lock is the
// kernel's flock/LockFileEx on it, which dies with the process holding it.
func (s *Store) lockPath() string { return s.Path + ".lock" }

// lock takes the exclusive lock that serialises writers, creating the
// directory (0700) first. Readers do not lock: writes are atomic renames, so
// a reader always sees a whole file. The lock is per open file, so it also
// serialises goroutines of one process (each opens its own handle).
func (s *Store) lock() (unlock func(), err error) {
	dir := filepath.Dir(s.Path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, &Problem{Kind: ProblemMakeDir, Dir: dir, Err: err}
	}
	timeout := s.LockTimeout
	if timeout <= 0 {
		timeout = defaultLockTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	l := flock.New(s.lockPath(), flock.SetPermissions(filePerm))
	ok, err := l.TryLockContext(ctx, lockRetry)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, &Problem{Kind: ProblemLock, Path: s.lockPath(), Dir: dir, Err: err}
	}
	if !ok {
		return nil, &Problem{Kind: ProblemLockBusy, Name: s.Path, Wait: timeout, Path: s.lockPath()}
	}
	return func() { _ = l.Unlock() }, nil
}
