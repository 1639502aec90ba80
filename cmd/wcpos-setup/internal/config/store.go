package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// File modes: the file holds a secret, so only its owner may read it, and
// only its owner may add or replace files beside it.
const (
	filePerm fs.FileMode = 0o600
	dirPerm  fs.FileMode = 0o700
)

// Store reads and writes one configuration file. It holds no cached state:
// every call goes to disk, so several Stores, goroutines or processes on one
// path see each other's writes.
type Store struct {
	Path string
	// LockTimeout bounds how long Save and Delete wait for another writer;
	// zero means 10s.
	LockTimeout time.Duration

	fs fileSystem // nil: the real one; tests record the order of its calls
}

// Open returns the Store for path. It touches nothing on disk.
func Open(path string) *Store { return &Store{Path: path} }

// Load reads the file. A missing file is an empty configuration, not an
// error: that is every first run. The warnings are non-fatal problems, such
// as a file other users can read, that the caller should show.
func (s *Store) Load() (*File, []string, error) {
	data, exists, err := s.read()
	if err != nil {
		return nil, nil, err
	}
	if !exists {
		return newFile(), nil, nil
	}
	f, err := decode(s.Path, data)
	if err != nil {
		return nil, nil, err
	}
	return f, permissionWarnings(s.Path), nil
}

// Profile returns the named profile and whether it exists.
func (s *Store) Profile(name string) (Profile, bool, error) {
	f, _, err := s.Load()
	if err != nil {
		return Profile{}, false, err
	}
	p, ok := f.Profiles[name]
	return p, ok, nil
}

// Names returns the profile names, sorted.
func (s *Store) Names() ([]string, error) {
	f, _, err := s.Load()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(f.Profiles))
	for name := range f.Profiles {
		names = append(names, name)
	}
	slices.Sort(names)
	return names, nil
}

// Save stores p as the named profile, keeping every other profile, and
// returns the path written. It refuses a profile that was not verified
// against the store, so an unchecked key can never replace a working one.
// VerifiedAt is stored in UTC to the second.
func (s *Store) Save(name string, p Profile) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	if err := p.verified(); err != nil {
		return "", fmt.Errorf("config: refusing to save profile %q to %s: %w; only a key verified against the store is saved", name, s.Path, err)
	}
	p.VerifiedAt = p.VerifiedAt.UTC().Truncate(time.Second)
	err := s.update(func(f *File) error {
		f.Profiles[name] = p
		return nil
	})
	if err != nil {
		return "", err
	}
	return s.Path, nil
}

// Delete removes the named profile. The previous file, with the profile,
// is kept as the backup. A missing profile wraps ErrProfileNotFound.
func (s *Store) Delete(name string) error {
	return s.update(func(f *File) error {
		if _, ok := f.Profiles[name]; !ok {
			return fmt.Errorf("config: there is no profile %q in %s: %w", name, s.Path, ErrProfileNotFound)
		}
		delete(f.Profiles, name)
		return nil
	})
}

// update is the one write path. Under the lock it re-reads the file (so a
// profile another process saved meanwhile is kept), refuses to touch a file
// it cannot parse, applies change, copies the current file to the backup,
// and atomically replaces the file. A crash at any point leaves the file
// either as it was or as intended.
func (s *Store) update(change func(*File) error) error {
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()

	old, exists, err := s.read()
	if err != nil {
		return err
	}
	f := newFile()
	if exists {
		if f, err = decode(s.Path, old); err != nil {
			return err
		}
	}
	if err := change(f); err != nil {
		return err
	}
	f.Version = CurrentVersion
	data, err := encode(f)
	if err != nil {
		return err
	}
	if exists && bytes.Equal(old, data) {
		return nil // nothing changed; keep the older backup rather than a copy of this file
	}

	s.removeStaleTemps()
	if exists {
		if err := writeAtomic(s.fsys(), s.backupPath(), old); err != nil {
			return fmt.Errorf("config: cannot write the backup %s: %w: check that you can write to %s; %s was not changed",
				s.backupPath(), err, filepath.Dir(s.Path), s.Path)
		}
	}
	if err := writeAtomic(s.fsys(), s.Path, data); err != nil {
		return fmt.Errorf("config: cannot write %s: %w: check that you can write to %s; the file was not changed",
			s.Path, err, filepath.Dir(s.Path))
	}
	return nil
}

// backupPath is where the previous working version is kept.
func (s *Store) backupPath() string { return s.Path + ".bak" }

// read returns the file's bytes and whether it exists.
func (s *Store) read() ([]byte, bool, error) {
	data, err := os.ReadFile(s.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, readError(s.Path, err)
	}
	return data, true, nil
}

// removeStaleTemps deletes temp files left by a writer that was killed
// between creating and renaming them (".config.json123…",
// ".config.json.bak123…"). It runs under the lock, and only lock holders
// create such files, so none of them is in use.
func (s *Store) removeStaleTemps() {
	dir, base := filepath.Split(s.Path)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isTempName(e.Name(), base) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// isTempName reports whether name is a temp file for base or its backup:
// "." + base, optionally ".bak", then only digits.
func isTempName(name, base string) bool {
	rest, ok := strings.CutPrefix(name, "."+base)
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, ".bak")
	return rest != "" && strings.Trim(rest, "0123456789") == ""
}

// checkName keeps profile names to something that is safe in a file, a
// flag and a terminal line.
func checkName(name string) error {
	ok := name != "" && len(name) <= 64 && strings.Trim(name,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == ""
	if !ok {
		return fmt.Errorf("config: profile name %q is not valid: use 1 to 64 letters, digits, '.', '_' or '-'", name)
	}
	return nil
}

// verified reports why p is not a verified profile, or nil. Only a
// profile the wizard checked against the store carries all of these.
func (p Profile) verified() error {
	switch {
	case p.VerifiedAt.IsZero():
		return errors.New("it has no verified_at time, so it was never checked against the store")
	case p.ConsumerKey == "":
		return errors.New("the consumer key is empty")
	case p.ConsumerSecret == "":
		return errors.New("the consumer secret is empty")
	case p.Home == "":
		return errors.New("the store's home URL is empty")
	case p.Transport == "":
		return errors.New("the transport is empty")
	case p.Transport != TransportBasic && p.Transport != TransportQuery && p.Transport != TransportOAuth1:
		return fmt.Errorf("the transport %q is not one of %s, %s or %s", p.Transport, TransportBasic, TransportQuery, TransportOAuth1)
	}
	return nil
}
