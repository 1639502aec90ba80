package config

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Environment the test binary reads when re-executed as a helper process.
const (
	helperEnv      = "WCPOS_CONFIG_TEST_HELPER" // mode: "save", "saveloop" or "denied"
	helperPathEnv  = "WCPOS_CONFIG_TEST_PATH"
	helperNamesEnv = "WCPOS_CONFIG_TEST_NAMES" // comma-separated profile names
)

// testProfile returns a verified profile whose key and secret are derived
// from seed, so each seed gives a distinct, realistic-looking pair.
func testProfile(seed string) Profile {
	sum := func(s string) string { h := sha1.Sum([]byte(s + seed)); return hex.EncodeToString(h[:]) }
	key := "ck_" + sum("key")
	return Profile{
		StoreURL:           "https://" + seed + ".example.com",
		Home:               "https://" + seed + ".example.com",
		RESTRoot:           "https://" + seed + ".example.com/wp-json/",
		StoreName:          "Shop " + seed,
		Transport:          TransportBasic,
		ConsumerKey:        key,
		ConsumerSecret:     "cs_" + sum("secret"),
		KeyEnding:          key[len(key)-7:],
		Permissions:        Permissions{Read: true, Write: true, Orders: true, Products: true},
		WooCommerceVersion: "10.0.2",
		VerifiedAt:         time.Date(2026, 11, 25, 21, 30, 0, 0, time.UTC),
	}
}

// newTestStore returns a Store on config.json in a fresh directory.
func newTestStore(t *testing.T) *Store {
	t.Helper()
	return Open(filepath.Join(t.TempDir(), "config.json"))
}

// fileBytes is what a file holding exactly these profiles looks like on
// disk, for comparing whole files byte for byte.
func fileBytes(t *testing.T, profiles map[string]Profile) []byte {
	t.Helper()
	data, err := encode(&File{Version: CurrentVersion, Profiles: profiles})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustSave saves or fails the test.
func mustSave(t *testing.T, s *Store, name string, p Profile) {
	t.Helper()
	if _, err := s.Save(name, p); err != nil {
		t.Fatalf("Save(%q): %v", name, err)
	}
}

// mustRead returns a file's bytes or fails the test.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// helperCommand re-executes the test binary as a helper process in mode.
func helperCommand(t *testing.T, mode, path string, names ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(),
		helperEnv+"="+mode,
		helperPathEnv+"="+path,
		helperNamesEnv+"="+strings.Join(names, ","))
	return cmd
}

// crashVersions are the two complete profiles the crash helper alternates
// between; after any kill the file must hold exactly one of them.
func crashVersions() [2]Profile {
	a, b := testProfile("crash-a"), testProfile("crash-b")
	return [2]Profile{a, b}
}

// TestHelperProcess is not a test: it is the body of the child processes
// the concurrency and crash tests start. It does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	s := Open(os.Getenv(helperPathEnv))
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	switch mode {
	case "save":
		for _, name := range strings.Split(os.Getenv(helperNamesEnv), ",") {
			if _, err := s.Save(name, testProfile(name)); err != nil {
				fail(err)
			}
		}
		os.Exit(0)
	case "saveloop":
		versions := crashVersions()
		out := bufio.NewWriter(os.Stdout)
		fmt.Fprintln(out, "ready")
		if err := out.Flush(); err != nil {
			fail(err)
		}
		for i := 1; ; i++ { // start with versions[1]: the parent seeded versions[0]
			if _, err := s.Save(DefaultProfile, versions[i%2]); err != nil {
				fail(err)
			}
		}
	case "denied":
		if err := json.NewEncoder(os.Stdout).Encode(tryLoadAndSave(s)); err != nil {
			fail(err)
		}
		os.Exit(0)
	}
	fail(fmt.Errorf("unknown mode %q", mode))
}

// deniedOutcome is what Load and Save said about a file this user may not
// touch, in a form a child process can hand back to the test.
type deniedOutcome struct {
	LoadErr        string
	LoadPermission bool // errors.Is(err, fs.ErrPermission)
	LoadCorrupt    bool // errors.As(err, *CorruptError)
	SaveErr        string
}

// tryLoadAndSave loads s and tries to save a profile to it.
func tryLoadAndSave(s *Store) deniedOutcome {
	var out deniedOutcome
	var ce *CorruptError
	_, _, err := s.Load()
	if err != nil {
		out.LoadErr = err.Error()
	}
	out.LoadPermission, out.LoadCorrupt = errors.Is(err, fs.ErrPermission), errors.As(err, &ce)
	s.LockTimeout = time.Second
	if _, err := s.Save("b", testProfile("b")); err != nil {
		out.SaveErr = err.Error()
	}
	return out
}
