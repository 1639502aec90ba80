//go:build !windows

package config

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeAtomic replaces path with data so that a reader, or a crash at any
// moment, sees either the old file or the new one, never a mix. The temp
// file is created in the same directory (a rename cannot cross file
// systems, and the secret must not pass through a shared /tmp), synced,
// chmod'ed 0600 whatever the umask or the old file's mode, and renamed
// over path.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(dir), renameio.WithStaticPermissions(filePerm))
	if err != nil {
		return err
	}
	// Cleanup is a no-op after success; after a failure it removes the temp
	// file, and the write error is the one worth reporting.
	defer t.Cleanup()
	if _, err := t.Write(data); err != nil {
		return err
	}
	if err := t.CloseAtomicallyReplace(); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable across a power cut. It is best
// effort: the new file is already in place, and some file systems refuse to
// sync a directory.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
