package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func TestLoadMissingFileIsEmptyConfig(t *testing.T) {
	s := newTestStore(t)
	f, warnings, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if f.Version != CurrentVersion || len(f.Profiles) != 0 || f.Profiles == nil || warnings != nil {
		t.Errorf("Load = %+v, %v; want empty version-%d file, no warnings", f, warnings, CurrentVersion)
	}
	if _, err := os.Stat(s.Path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load created %s (stat err %v)", s.Path, err)
	}
}

func TestSaveRoundTripNormalisesVerifiedAt(t *testing.T) {
	s := newTestStore(t)
	p := testProfile("shop")
	p.VerifiedAt = time.Date(2026, 11, 25, 22, 30, 0, 123456789, time.FixedZone("CET", 3600))
	written, err := s.Save(DefaultProfile, p)
	if err != nil || written != s.Path {
		t.Fatalf("Save = %q, %v; want %q, nil", written, err, s.Path)
	}
	got, ok, err := s.Profile(DefaultProfile)
	if err != nil || !ok {
		t.Fatalf("Profile = %v, %v", ok, err)
	}
	want := p
	want.VerifiedAt = time.Date(2026, 11, 25, 21, 30, 0, 0, time.UTC)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %#v\nwant %#v", got, want)
	}
	if !bytes.Contains(mustRead(t, s.Path), []byte(`"verified_at": "2026-11-25T21:30:00Z"`)) {
		t.Errorf("file does not store verified_at as UTC seconds:\n%s", mustRead(t, s.Path))
	}
	if _, ok, _ := s.Profile("other"); ok {
		t.Error(`Profile("other") exists`)
	}
}

func TestSaveCreatesPrivateFileAndDirectories(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	root := t.TempDir()
	s := Open(filepath.Join(root, "a", "b", "config.json"))
	mustSave(t, s, "one", testProfile("one"))
	mustSave(t, s, "two", testProfile("two")) // creates the backup
	// The modes the README promises, written out rather than taken from
	// the package's constants, so a wrong constant fails here.
	for path, want := range map[string]fs.FileMode{
		filepath.Join(root, "a"):      0o700,
		filepath.Join(root, "a", "b"): 0o700,
		s.Path:                        0o600,
		s.backupPath():                0o600,
		s.lockPath():                  0o600,
	} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", path, got, want)
		}
	}
}

func TestSaveTightensAnOpenFileTo0600(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	s := newTestStore(t)
	mustSave(t, s, "one", testProfile("one"))
	if err := os.Chmod(s.Path, 0o644); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, "two", testProfile("two"))
	if fi, _ := os.Stat(s.Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after Save = %04o, want 0600", fi.Mode().Perm())
	}
}

func TestSaveKeepsPreviousVersionAsBackup(t *testing.T) {
	s := newTestStore(t)
	mustSave(t, s, "one", testProfile("one"))
	if _, err := os.Stat(s.backupPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("first Save made a backup (stat err %v)", err)
	}
	first := mustRead(t, s.Path)

	mustSave(t, s, "one", testProfile("one-renewed"))
	if got := mustRead(t, s.backupPath()); !bytes.Equal(got, first) {
		t.Fatalf("backup after second Save:\n%s\nwant the first version:\n%s", got, first)
	}
	second := mustRead(t, s.Path)

	// Saving what is already there changes nothing, so the backup must keep
	// the first version rather than become a copy of the current file.
	mustSave(t, s, "one", testProfile("one-renewed"))
	if got := mustRead(t, s.backupPath()); !bytes.Equal(got, first) {
		t.Errorf("an unchanged Save replaced the backup:\n%s", got)
	}
	if got := mustRead(t, s.Path); !bytes.Equal(got, second) {
		t.Errorf("an unchanged Save rewrote the file")
	}
}

func TestProfilesSaveTwoThenDeleteOne(t *testing.T) {
	s := newTestStore(t)
	mustSave(t, s, "till-1", testProfile("a"))
	mustSave(t, s, "till-2", testProfile("b"))
	names, err := s.Names()
	if err != nil || !slices.Equal(names, []string{"till-1", "till-2"}) {
		t.Fatalf("Names = %v, %v; want both", names, err)
	}
	if err := s.Delete("till-1"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	f, _, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]Profile{"till-2": testProfile("b")}; !reflect.DeepEqual(f.Profiles, want) {
		t.Errorf("after Delete: %v, want only till-2", f.Profiles)
	}
	bak, err := Open(s.backupPath()).Names()
	if err != nil || !slices.Equal(bak, []string{"till-1", "till-2"}) {
		t.Errorf("backup after Delete has %v, %v; want the deleted profile kept", bak, err)
	}
	if err := s.Delete("till-1"); !errors.Is(err, ErrProfileNotFound) {
		t.Errorf("Delete of a missing profile = %v, want ErrProfileNotFound", err)
	}
}

func TestSaveRefusesUnverifiedProfile(t *testing.T) {
	tests := map[string]func(*Profile){
		"never verified":    func(p *Profile) { p.VerifiedAt = time.Time{} },
		"no key":            func(p *Profile) { p.ConsumerKey = "" },
		"no secret":         func(p *Profile) { p.ConsumerSecret = "" },
		"no home":           func(p *Profile) { p.Home = "" },
		"no transport":      func(p *Profile) { p.Transport = "" },
		"unknown transport": func(p *Profile) { p.Transport = "carrier-pigeon" },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			s := newTestStore(t)
			mustSave(t, s, DefaultProfile, testProfile("working"))
			before := mustRead(t, s.Path)
			p := testProfile("new")
			spoil(&p)
			if _, err := s.Save(DefaultProfile, p); err == nil || !strings.Contains(err.Error(), "refusing") {
				t.Errorf("Save = %v, want a refusal", err)
			}
			if !bytes.Equal(mustRead(t, s.Path), before) {
				t.Error("the working profile was replaced")
			}
		})
	}
	for _, name := range []string{"", "a b", "../x", strings.Repeat("x", 65), "ünï"} {
		if _, err := newTestStore(t).Save(name, testProfile("x")); err == nil {
			t.Errorf("Save(%q) accepted an invalid profile name", name)
		}
	}
}

func TestSaveWaitsForLockThenGivesUp(t *testing.T) {
	s := newTestStore(t)
	held := flock.New(s.lockPath())
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	s.LockTimeout = 50 * time.Millisecond
	_, err := s.Save(DefaultProfile, testProfile("x"))
	if err == nil || !strings.Contains(err.Error(), "another wcpos-setup") {
		t.Errorf("Save under a held lock = %v, want a lock timeout", err)
	}
	if _, statErr := os.Stat(s.Path); !errors.Is(statErr, fs.ErrNotExist) {
		t.Error("Save wrote without the lock")
	}
	if err := held.Unlock(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, DefaultProfile, testProfile("x"))
}

func TestSaveRemovesTempFilesOfKilledWriters(t *testing.T) {
	s := newTestStore(t)
	dir := filepath.Dir(s.Path)
	stale := []string{".config.json123", ".config.json.bak456"}
	kept := []string{".config.jsonx1", "other.json123", ".other.json123"}
	for _, name := range append(slices.Clone(stale), kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustSave(t, s, DefaultProfile, testProfile("x"))
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stale temp file %s was not removed", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("unrelated file %s was removed: %v", name, err)
		}
	}
}

func TestLoadWarnsAboutOpenPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	s := newTestStore(t)
	mustSave(t, s, DefaultProfile, testProfile("x"))
	if _, warnings, _ := s.Load(); len(warnings) != 0 {
		t.Errorf("warnings for a 0600 file in a 0700 dir: %q", warnings)
	}
	if err := os.Chmod(s.Path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, warnings, err := s.Load()
	want := "config.json is readable by other users (mode 0644); run chmod 600 " + s.Path
	if err != nil || !slices.Contains(warnings, want) {
		t.Errorf("Load = %q, %v; want warning %q", warnings, err, want)
	}
	dir := filepath.Dir(s.Path)
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	_, warnings, _ = s.Load()
	if len(warnings) != 2 || !strings.Contains(warnings[1], "chmod 700 "+dir) {
		t.Errorf("warnings with a 0777 directory: %q; want one naming chmod 700 %s", warnings, dir)
	}
}
