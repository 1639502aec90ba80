package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// unixModes reports whether file modes and directory syncs mean something
// here.
func unixModes() bool { return runtime.GOOS != "windows" }

// recordingFS is the real file system with every call an atomic replace
// makes written down, in order, as "op name" (names relative to dir, temp
// names as "TEMP(base)"). failOn makes the named op fail, to show what a
// failure at each point leaves behind.
type recordingFS struct {
	dir    string
	mu     sync.Mutex
	ops    []string
	failOn string
}

var errInjected = errors.New("injected failure")

// short names a path the way the expectations are written.
func (r *recordingFS) short(path string) string {
	rel, err := filepath.Rel(r.dir, path)
	if err != nil {
		return path
	}
	if rel == "." {
		return "DIR"
	}
	if strings.HasPrefix(rel, ".") && !strings.HasPrefix(rel, "..") {
		base := strings.TrimRight(rel[1:], "0123456789")
		return "TEMP(" + base + ")"
	}
	return rel
}

// do records an op on path and returns the injected failure when it is the
// one to fail.
func (r *recordingFS) do(op, path string) error { return r.record(op + " " + r.short(path)) }

// record writes an op down; failOn matches it by prefix.
func (r *recordingFS) record(op string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, op)
	if r.failOn != "" && strings.HasPrefix(op, r.failOn) {
		return fmt.Errorf("%s: %w", op, errInjected)
	}
	return nil
}

func (r *recordingFS) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if err := r.do("create", f.Name()); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return nil, err
	}
	return &recordingFile{File: f, fs: r}, nil
}

func (r *recordingFS) Rename(oldpath, newpath string) error {
	if err := r.record("rename " + r.short(oldpath) + " -> " + r.short(newpath)); err != nil {
		return err
	}
	return os.Rename(oldpath, newpath)
}

func (r *recordingFS) Remove(name string) error {
	_ = r.do("remove", name)
	return os.Remove(name)
}

func (r *recordingFS) SyncDir(dir string) error {
	if err := r.do("syncdir", dir); err != nil {
		return err
	}
	return syncDir(dir)
}

// recordingFile is a real temp file whose calls are recorded.
type recordingFile struct {
	*os.File
	fs *recordingFS
}

func (f *recordingFile) Write(p []byte) (int, error) {
	if err := f.fs.do("write", f.Name()); err != nil {
		return 0, err
	}
	return f.File.Write(p)
}

func (f *recordingFile) Chmod(mode fs.FileMode) error {
	if err := f.fs.do(fmt.Sprintf("chmod %04o", mode), f.Name()); err != nil {
		return err
	}
	return f.File.Chmod(mode)
}

func (f *recordingFile) Sync() error {
	if err := f.fs.do("sync", f.Name()); err != nil {
		return err
	}
	return f.File.Sync()
}

func (f *recordingFile) Close() error {
	if err := f.fs.do("close", f.Name()); err != nil {
		_ = f.File.Close()
		return err
	}
	return f.File.Close()
}

// newRecordedStore is a Store on config.json in a fresh directory whose
// file system calls are recorded.
func newRecordedStore(t *testing.T) (*Store, *recordingFS) {
	t.Helper()
	s := newTestStore(t)
	rec := &recordingFS{dir: filepath.Dir(s.Path)}
	s.fs = rec
	return s, rec
}

// durableReplace is the order a crash-safe replace must follow (see the
// README, "The saved configuration"): the data written and fsynced in a
// temp file beside the target, the temp file closed, renamed over the
// target, then the directory fsynced so the rename survives a power cut.
func durableReplace(target string) []string {
	temp := "TEMP(" + target + ")"
	return []string{
		"create " + temp,
		"chmod 0600 " + temp,
		"write " + temp,
		"sync " + temp,
		"close " + temp,
		"rename " + temp + " -> " + target,
		"syncdir DIR",
	}
}

func TestSaveWritesSyncsRenamesThenSyncsTheDirectory(t *testing.T) {
	if !unixModes() {
		t.Skip("Windows has no chmod 0600 and no directory sync")
	}
	s, rec := newRecordedStore(t)
	mustSave(t, s, "one", testProfile("one"))
	if want := durableReplace("config.json"); !slices.Equal(rec.ops, want) {
		t.Errorf("first save:\n got %q\nwant %q", rec.ops, want)
	}

	rec.ops = nil
	mustSave(t, s, "two", testProfile("two"))
	// The backup is complete and durable before the file is replaced.
	want := append(durableReplace("config.json.bak"), durableReplace("config.json")...)
	if !slices.Equal(rec.ops, want) {
		t.Errorf("second save:\n got %q\nwant %q", rec.ops, want)
	}
}

// TestSaveFailureLeavesTheOldFileAndNoTemp fails each step of the replace
// in turn, of the backup and of the file: before the rename the file must
// be the old one byte for byte, the backup either absent (it failed) or the
// old file (the file failed), the error must say nothing was changed, and
// no temp file may stay. A directory that cannot be synced comes after the
// rename: the new file is in place and Save succeeds.
func TestSaveFailureLeavesTheOldFileAndNoTemp(t *testing.T) {
	if !unixModes() {
		t.Skip("Windows has no chmod 0600 and no directory sync")
	}
	for _, target := range []string{"config.json.bak", "config.json"} {
		for _, op := range []string{"create", "chmod 0600", "write", "sync", "close", "rename"} {
			t.Run(op+" "+target, func(t *testing.T) {
				s, rec := newRecordedStore(t)
				s.fs = nil
				mustSave(t, s, "one", testProfile("one"))
				s.fs = rec
				before := mustRead(t, s.Path)
				rec.failOn = op + " TEMP(" + target + ")"
				_, err := s.Save("two", testProfile("two"))
				if !errors.Is(err, errInjected) || !strings.Contains(err.Error(), "was not changed") {
					t.Fatalf("Save = %v, want the injected failure saying nothing was changed", err)
				}
				if got := mustRead(t, s.Path); !bytes.Equal(got, before) {
					t.Errorf("the file changed:\n%s", got)
				}
				backup, berr := os.ReadFile(s.backupPath())
				switch {
				case target == "config.json.bak" && !errors.Is(berr, fs.ErrNotExist):
					t.Errorf("a failed backup left a backup (err %v):\n%s", berr, backup)
				case target == "config.json" && !bytes.Equal(backup, before):
					t.Errorf("the backup is not the previous file (err %v):\n%s", berr, backup)
				}
				if n := countTemps(t, s.Path); n != 0 {
					t.Errorf("%d temp files were left", n)
				}
				failed := func(o string) bool { return strings.HasPrefix(o, rec.failOn) }
				if i := slices.IndexFunc(rec.ops, failed); i < 0 || slices.ContainsFunc(rec.ops[i+1:], isRenameOrWrite) {
					t.Errorf("the replace went on after the failure: %q", rec.ops)
				}
			})
		}
	}
	t.Run("syncdir", func(t *testing.T) {
		s, rec := newRecordedStore(t)
		rec.failOn = "syncdir DIR"
		if _, err := s.Save("one", testProfile("one")); err != nil {
			t.Fatalf("Save = %v; the rename was done, so the save stands", err)
		}
		if p, ok, err := s.Profile("one"); err != nil || !ok || !reflect.DeepEqual(p, testProfile("one")) {
			t.Errorf("Profile = %v, %v, %v", p, ok, err)
		}
	})
}

// isRenameOrWrite matches the recorded ops that change what is on disk.
func isRenameOrWrite(op string) bool {
	return strings.HasPrefix(op, "rename ") || strings.HasPrefix(op, "write ")
}

// TestSyncDirReportsFailures: a directory that cannot be opened, or a file
// system that refuses to sync one (Linux's /proc answers EINVAL, as some
// network and FUSE file systems do), is reported, not taken for synced.
func TestSyncDirReportsFailures(t *testing.T) {
	if !unixModes() {
		t.Skip("no directory sync on Windows")
	}
	if err := syncDir(filepath.Join(t.TempDir(), "gone")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("syncDir of a missing directory = %v, want not-exist", err)
	}
	if runtime.GOOS == "linux" {
		if err := syncDir("/proc"); err == nil {
			t.Error("syncDir(/proc) = nil; procfs cannot sync a directory")
		}
	}
	if err := syncDir(t.TempDir()); err != nil {
		t.Errorf("syncDir = %v", err)
	}
}
