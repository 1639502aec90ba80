package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// fileSystem is the handful of calls an atomic replace makes. It is a seam:
// the order of write, sync, rename and directory sync is what makes a save
// survive a power cut, and only a recording fake can show that order (a
// killed process cannot, the page cache outlives it). Production uses
// osFS; a Store with a nil fs does too.
type fileSystem interface {
	// CreateTemp creates a new file in dir, as os.CreateTemp does.
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	// SyncDir makes the directory's entries (a rename) durable.
	SyncDir(dir string) error
}

// tempFile is the part of *os.File an atomic replace uses.
type tempFile interface {
	Name() string
	Write(p []byte) (int, error)
	Chmod(mode fs.FileMode) error
	Sync() error
	Close() error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osFS) Rename(oldpath, newpath string) error             { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error                         { return os.Remove(name) }
func (osFS) SyncDir(dir string) error                         { return syncDir(dir) }

// fsys is the Store's file system: the injected one, else the real one.
func (s *Store) fsys() fileSystem {
	if s.fs != nil {
		return s.fs
	}
	return osFS{}
}

// writeAtomic replaces path with data so that a reader, or a crash at any
// moment, sees either the old file or the new one, never a mix, and so
// that once it returns the new file survives a power cut:
//
//  1. a temp file in the same directory (a rename cannot cross file
//     systems, and the secret must not pass through a shared /tmp), made
//     0600 whatever the umask;
//  2. write, then fsync the file: without it a crash after the rename can
//     leave a complete-looking name over zero bytes;
//  3. rename over path, which is atomic;
//  4. fsync the directory, which makes the rename itself durable.
//
// The temp name is "." + base + digits, which removeStaleTemps recognises
// when a killed writer leaves one behind.
func writeAtomic(fsys fileSystem, path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	t, err := fsys.CreateTemp(dir, "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil { // before the rename: the old file is untouched
			_ = t.Close()
			_ = fsys.Remove(t.Name())
		}
	}()
	if runtime.GOOS != "windows" { // Windows modes do not describe ACLs
		if err = t.Chmod(filePerm); err != nil {
			return err
		}
	}
	if _, err = t.Write(data); err != nil {
		return err
	}
	if err = t.Sync(); err != nil {
		return err
	}
	if err = t.Close(); err != nil {
		return err
	}
	if err = fsys.Rename(t.Name(), path); err != nil {
		return err
	}
	// The new file is in place: a directory that cannot be synced (some
	// network and FUSE file systems refuse) does not undo the save, so this
	// error is not the caller's "the file was not changed".
	_ = fsys.SyncDir(dir)
	return nil
}
