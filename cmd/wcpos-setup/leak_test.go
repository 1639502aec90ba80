package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
)

// fullScreenScenarios are also walked in the full-screen wizard, in a
// pseudo-terminal: a pair that works, one the store accepts but may only
// read, and one it refuses, so the secret is revealed in each state of S4.
var fullScreenScenarios = map[string]bool{"healthy": true, "read-only": true, "wrong-pair": true}

// TestNoSecretLeaks drives every demo scenario through every output of the
// program: check (human and JSON, keys from standard input and from the
// environment) and its error paths, config show, the accessible wizard, the
// full-screen wizard in a pseudo-terminal, and the saved file. It fails on
// any sign of a secret or a full key, whole or in part, in any case,
// percent-encoded or in base64; a key may show only as ck_… and its last 7
// characters, and must show so where a key is named.
//
// The keys come from `demo serve`, which prints its practice keys on
// purpose: that process's own output is the one output not checked.
func TestNoSecretLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	t.Run("the guard finds every form", guardFindsEveryForm)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			r := newLeakRun(t, sc.name)
			t.Run("check", r.check)
			t.Run("check errors", r.checkErrors)
			t.Run("config show", r.configShow)
			t.Run("accessible wizard, demo", r.lineDemo)
			t.Run("accessible wizard, typed keys", r.lineTyped)
			t.Run("secret in the wizard's --url", r.wizardURL)
			if fullScreenScenarios[sc.name] {
				t.Run("full-screen wizard", r.fullScreen)
			}
		})
	}
}

// practicePair is a consumer key and a secret (in wrong-pair, another key's).
type practicePair struct{ key, secret string }

func (p practicePair) line() string { return p.key + "|" + p.secret }

func practicePairOf(s string) practicePair {
	k, v, _ := strings.Cut(s, "|")
	return practicePair{k, v}
}

// leakRun is one scenario's `demo serve`, its two pairs, and the guard
// that knows them.
type leakRun struct {
	scenario        string
	s               served
	terminal, admin practicePair
	g               leakGuard
}

func newLeakRun(t *testing.T, scenario string) *leakRun {
	s := demoServe(t, scenario)
	r := &leakRun{scenario: scenario, s: s, terminal: practicePairOf(s.terminal), admin: practicePairOf(s.admin)}
	r.g.addPair("terminal", r.terminal.key, r.terminal.secret)
	r.g.addPair("admin", r.admin.key, r.admin.secret)
	return r
}

// exec runs the binary and fails on a leak in its standard output or
// error, which it returns with the exit code.
func (r *leakRun) exec(t *testing.T, g leakGuard, what, stdin string, env []string, args ...string) (string, string, int) {
	t.Helper()
	out, errOut, code := run(t, stdin, env, args...)
	g.assertNoLeak(t, what+" (stdout)", out)
	g.assertNoLeak(t, what+" (stderr)", errOut)
	return out, errOut, code
}

// checkJSONKey runs `check --json` and returns the key ending it reports.
func (r *leakRun) checkJSONKey(t *testing.T, g leakGuard, what, stdin string, env []string, args ...string) (string, int) {
	t.Helper()
	out, _, code := r.exec(t, g, what, stdin, env, append(args, "--json")...)
	var res checkJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%s: not JSON (%v):\n%s", what, err, outputTail(out, 2000))
	}
	if res.Key == nil {
		return "", code
	}
	return res.Key.Ending, code
}

// savedConfig is part 5: the saved file, the one place the secret lives,
// is 0600 in a 0700 directory, nothing beside it (the lock) holds the
// secret, and config show and check of it show the key only masked. It
// returns the saved pair, and the guard with it added.
func (r *leakRun) savedConfig(t *testing.T, g leakGuard, path string) (practicePair, leakGuard) {
	t.Helper()
	f, _, err := config.Open(path).Load()
	if err != nil {
		t.Fatalf("the saved file: %v", err)
	}
	p, ok := f.Profiles["default"]
	if !ok || p.ConsumerSecret == "" {
		t.Fatalf("no default profile with a secret in %s", path)
	}
	g.addPair("saved", p.ConsumerKey, p.ConsumerSecret)
	dir := filepath.Dir(path)
	if mode := permOf(t, dir); mode != 0o700 {
		t.Errorf("the configuration directory %s has mode %v, want 0700", dir, mode)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		switch e.Name() {
		case "config.json", "config.json.bak": // the file and its backup
			if mode := permOf(t, name); mode != 0o600 {
				t.Errorf("%s holds the secret with mode %v, want 0600", e.Name(), mode)
			}
		default: // the lock, and nothing else, may be beside them
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			g.assertNoLeak(t, "the file "+e.Name()+" beside the configuration", string(data))
		}
	}
	out, _, _ := r.exec(t, g, "config show of the saved file", "", nil, "--config", path, "config", "show")
	if !strings.Contains(out, maskedKey(p.ConsumerKey)) || !strings.Contains(out, "cs_…") {
		t.Errorf("config show of the saved file does not show the key as %s and the secret as cs_…:\n%s", maskedKey(p.ConsumerKey), out)
	}
	if ending, _ := r.checkJSONKey(t, g, "check of the saved profile", "", nil, "--config", path, "--cacert", r.s.ca, "check"); ending != maskedKey(p.ConsumerKey) {
		t.Errorf("check of the saved profile names the key %q, want %q", ending, maskedKey(p.ConsumerKey))
	}
	return practicePair{p.ConsumerKey, p.ConsumerSecret}, g
}

// permOf is the permission bits of a file.
func permOf(t *testing.T, name string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// outputTail is the end of an output, for a timeout's message.
func outputTail(s string, n int) string {
	if len(s) > n {
		s = "…" + s[len(s)-n:]
	}
	return s
}
