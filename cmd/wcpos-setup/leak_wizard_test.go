package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// walked asserts that a wizard run reached its end: saved, with the
// support report printed naming the key masked, or stopped at a blocker.
// It returns the guard with the saved pair added.
func (r *leakRun) walked(t *testing.T, out, path string) leakGuard {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		stopped := strings.Contains(out, "This stops the setup here") || strings.Contains(out, "Press Enter to check again once it is changed")
		if !stopped || r.scenario == "healthy" {
			t.Fatalf("the walk neither saved nor stopped at a blocker:\n%s", outputTail(out, 3000))
		}
		return r.g
	}
	saved, g := r.savedConfig(t, r.g, path)
	if !strings.Contains(out, "Saved to "+path) || !strings.Contains(out, "wcpos-setup support report") ||
		!strings.Contains(out, "Key:         "+maskedKey(saved.key)) {
		t.Errorf("no save, or no support report naming the key as %s:\n%s", maskedKey(saved.key), outputTail(out, 3000))
	}
	return g
}

// lineDemo is part 3 on the wizard's own practice store (--demo), in
// process, answered line by line. The scenario's keys are made inside and
// never printed, so besides the practice key the walk saves (read from the
// file) the output is searched for any whole key and any key's body.
func (r *leakRun) lineDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wcpos", "config.json")
	ls := startLines(t, nil, "--demo", "--scenario", r.scenario, "--accessible", "--config", path)
	ls.converse(&lineBot{})
	out := ls.stdout.String() + ls.stderr.String()
	g := r.walked(t, out, path)
	g.assertNoLeak(t, "the accessible wizard (--demo)", out)
	if m := longHex.FindStringIndex(out); m != nil {
		t.Errorf("LEAK in the accessible wizard (--demo): 40 hex digits, a key or secret without its prefix: %s", g.context(out, m))
	}
}

// lineTyped is part 3 with keys the test knows: the accessible wizard on
// `demo serve`, the terminal pair in the environment (S0 checks it), the
// admin pair typed where a key is asked for.
func (r *leakRun) lineTyped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wcpos", "config.json")
	env := map[string]string{"WCPOS_STORE_URL": r.s.url, "WCPOS_CONSUMER_KEY": r.terminal.key, "WCPOS_CONSUMER_SECRET": r.terminal.secret}
	ls := startLines(t, env, "--accessible", "--cacert", r.s.ca, "--config", path)
	ls.converse(&lineBot{typed: r.admin})
	out := ls.stdout.String() + ls.stderr.String()
	g := r.walked(t, out, path)
	g.assertNoLeak(t, "the accessible wizard (typed keys)", out)
	if !strings.Contains(out, "key "+maskedKey(r.terminal.key)) {
		t.Errorf("S0 does not name the saved key as %s:\n%s", maskedKey(r.terminal.key), outputTail(out, 2000))
	}
	if strings.Contains(out, "Consumer key (starts with ck_") &&
		(!strings.Contains(out, "Key: In capitals") || !strings.Contains(out, "the other way round")) {
		t.Errorf("the upper-cased key and the swapped pair were not both answered:\n%s", outputTail(out, 3000))
	}
}

// wizardURL starts the wizard with the secret pasted into --url or
// WCPOS_STORE_URL: the accessible mode offers the address back in its
// first question, the full-screen one fills S1's field with it.
func (r *leakRun) wizardURL(t *testing.T) {
	s := r.terminal.secret
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"--url <secret>", nil, []string{"--url", s}},
		{"WCPOS_STORE_URL with the secret in its query", map[string]string{"WCPOS_STORE_URL": r.s.url + "/?consumer_secret=" + s}, nil},
	} {
		ls := startLines(t, c.env, append([]string{"--accessible", "--config", filepath.Join(t.TempDir(), "c.json")}, c.args...)...)
		ls.converse(&lineBot{})
		r.g.assertNoLeak(t, "the accessible wizard started with "+c.name, ls.stdout.String()+ls.stderr.String())
	}
	if fullScreenScenarios[r.scenario] {
		p := startLeakScreen(t, nil, "--url", s, "--config", filepath.Join(t.TempDir(), "c.json"))
		p.waitShown(0, "wcpos-setup · S1 Store")
		p.drawn()
		p.send(keyCtrlC)
		p.wait()
		r.g.assertNoLeak(t, "the full-screen wizard started with --url <secret>", p.output())
	}
}
