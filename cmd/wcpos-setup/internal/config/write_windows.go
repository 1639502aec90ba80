//go:build windows

package config

import (
	"os"
	"path/filepath"
)

// writeAtomic replaces path with data through a synced temp file in the
// same directory and a rename, which Windows performs as a single
// MoveFileEx(MOVEFILE_REPLACE_EXISTING). renameio does not support Windows,
// hence this small copy of what it does elsewhere.
func writeAtomic(path string, data []byte) (err error) {
	t, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = t.Close()
			_ = os.Remove(t.Name())
		}
	}()
	if _, err = t.Write(data); err != nil {
		return err
	}
	if err = t.Sync(); err != nil {
		return err
	}
	if err = t.Close(); err != nil {
		return err
	}
	return os.Rename(t.Name(), path)
}
