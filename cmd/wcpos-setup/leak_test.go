package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// guardFindsEveryForm shows that the guard finds each form a leak can
// take, and passes what may be shown: a pass below means none was there.
func guardFindsEveryForm(t *testing.T) {
	const k, s = "ck_0123456789abcdef0123456789abcdef0abc1234", "cs_fedcba9876543210fedcba9876543210fedcba98"
	var g leakGuard
	g.addPair("test", k, s)
	var split strings.Builder // every 5 characters an escape sequence
	for i := 0; i < len(s); i += 5 {
		split.WriteString(s[i:min(i+5, len(s))] + "\x1b[1m")
	}
	for _, leak := range []string{
		s, strings.ToUpper(s), "cs%5F" + s[3:], "consumer_secret=cs%255F" + s[3:], s[20:27], split.String(),
		"Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(k+":"+s)),
		k, "…" + k[len(k)-8:], "ck_" + strings.Repeat("ab", 20), // the last: a key the guard was not told of
	} {
		if g.leaks("at "+leak+" here") == nil {
			t.Errorf("the guard misses %q", leak)
		}
	}
	for _, fine := range []string{maskedKey(k), "cs_…•••", "key " + maskedKey(k) + " and its secret", "oauth_nonce=54c1ab816c179b1615d85562920531c4"} {
		if l := g.leaks(fine); l != nil {
			t.Errorf("the guard sees a leak in %q: %v", fine, l)
		}
	}
	if l := g.leaks("Secret › "+s, s); l != nil {
		t.Errorf("the revealed secret is not allowed: %v", l)
	}
	if g.leaks("Secret › "+s+" "+k, s) == nil {
		t.Error("allowing the revealed secret lets the key through")
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

// check is part 1: the scenario's check, both pairs, keys from standard
// input and from the environment, human and JSON. The human output names
// no key (only evidence lines may, masked), so the ending is asserted on
// the JSON.
func (r *leakRun) check(t *testing.T) {
	store := []string{"check", "--url", r.s.url, "--cacert", r.s.ca}
	for _, p := range []struct {
		name string
		practicePair
	}{{"terminal", r.terminal}, {"admin", r.admin}} {
		viaEnv := []string{"WCPOS_CONSUMER_KEY=" + p.key, "WCPOS_CONSUMER_SECRET=" + p.secret}
		r.exec(t, r.g, "check, "+p.name+" pair on stdin", p.line()+"\n", nil, append(store, "--keys-stdin")...)
		r.exec(t, r.g, "check, "+p.name+" pair in the environment", "", viaEnv, store...)
		ending, _ := r.checkJSONKey(t, r.g, "check --json, "+p.name+" pair on stdin", p.line()+"\n", nil, append(store, "--keys-stdin")...)
		if ending != maskedKey(p.key) {
			t.Errorf("check --json (%s pair on stdin) names the key %q, want %q", p.name, ending, maskedKey(p.key))
		}
		ending, _ = r.checkJSONKey(t, r.g, "check --json, "+p.name+" pair in the environment", "", viaEnv, store...)
		if ending != maskedKey(p.key) {
			t.Errorf("check --json (%s pair in the environment) names the key %q, want %q", p.name, ending, maskedKey(p.key))
		}
	}
}

// malformed are the terminal pair as people get it wrong: pasted, typed
// or exported.
func (r *leakRun) malformed() []struct{ name, stdin, key, secret string } {
	k, s := r.terminal.key, r.terminal.secret
	return []struct{ name, stdin, key, secret string }{
		{"the secret with a trailing space", k + "|" + s + " \n", k, s + " "},
		{"the secret with a trailing space, on two lines", k + "\n" + s + " \n", k, s + " "},
		{"the key upper-cased", strings.ToUpper(k) + "|" + s + "\n", strings.ToUpper(k), s},
		{"the key and the secret swapped", s + "|" + k + "\n", s, k},
		{"the secret alone", s + "\n", "", s},
	}
}

// checkErrors is part 2 for check: malformed pairs, the secret pasted
// into --url (refused, before any request, without repeating it), and the
// pair given as arguments (refused: keys never come from the command line).
func (r *leakRun) checkErrors(t *testing.T) {
	store := []string{"check", "--url", r.s.url, "--cacert", r.s.ca}
	for _, m := range r.malformed() {
		for _, format := range []string{"", "--json"} {
			what := strings.TrimSpace("check "+format) + ", " + m.name + " on stdin"
			args := append(slices.Clone(store), "--keys-stdin")
			if format != "" {
				args = append(args, format)
			}
			_, _, code := r.exec(t, r.g, what, m.stdin, nil, args...)
			if code != exitOK && code != exitKey && code != exitStore {
				t.Errorf("%s: exit %d, want a verdict (0, 1 or 2)", what, code)
			}
		}
		env := []string{"WCPOS_CONSUMER_KEY=" + m.key, "WCPOS_CONSUMER_SECRET=" + m.secret}
		r.exec(t, r.g, "check, "+m.name+" in the environment", "", env, store...)
	}
	s := r.terminal.secret
	for _, u := range []struct{ name, url string }{
		{"the secret", s},
		{"the secret upper-cased", strings.ToUpper(s)},
		{"the pair", r.terminal.line()},
		{"the store with the pair in its query", r.s.url + "/?consumer_key=" + r.terminal.key + "&consumer_secret=" + s},
		{"the store with the secret percent-encoded", r.s.url + "/wp-json/?consumer_secret=cs%5F" + s[3:]},
	} {
		what := "check --url <" + u.name + ">"
		out, _, code := r.exec(t, r.g, what, r.terminal.line()+"\n", nil, "check", "--url", u.url, "--cacert", r.s.ca, "--keys-stdin")
		if code != exitStore || !strings.Contains(out, "That is an API key, not the store address") {
			t.Errorf("%s: exit %d, want %d with the reason \"That is an API key…\":\n%s", what, code, exitStore, out)
		}
		jsonOut, _, _ := r.exec(t, r.g, what+" --json", "", nil, "check", "--url", u.url, "--json")
		if !strings.Contains(jsonOut, `"requests": 0`) {
			t.Errorf("%s --json: a request was sent to an address holding a key:\n%s", what, outputTail(jsonOut, 500))
		}
	}
	for _, c := range []struct {
		what string
		args []string
	}{
		{"check <key> <secret>", []string{"check", r.terminal.key, s}},
		{"check <secret>", []string{"check", s}},
		{"config show <secret>", []string{"config", "show", s}},
	} {
		what := c.what + " (keys as arguments)"
		if _, _, code := r.exec(t, r.g, what, "", nil, c.args...); code != exitUsage {
			t.Errorf("%s: exit %d, want %d", what, code, exitUsage)
		}
	}
}

// configShow is part 2 for config show: a saved profile holding the
// terminal pair, shown as is and with environment and flag overrides,
// some holding a secret where it does not belong.
func (r *leakRun) configShow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	k, s := r.terminal.key, r.terminal.secret
	if _, err := config.Open(path).Save("default", config.Profile{StoreURL: r.s.url, Home: r.s.url,
		RESTRoot: r.s.url + "/wp-json/", Transport: "basic", ConsumerKey: k, ConsumerSecret: s,
		KeyEnding: k[len(k)-7:], VerifiedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	show := []string{"--config", path, "config", "show"}
	for _, c := range []struct {
		name, want string
		env        []string
		flags      []string
	}{
		{name: "the saved profile", want: maskedKey(k)},
		{name: "the admin pair in the environment", want: maskedKey(r.admin.key),
			env: []string{"WCPOS_CONSUMER_KEY=" + r.admin.key, "WCPOS_CONSUMER_SECRET=" + r.admin.secret}},
		{name: "the admin secret alone in the environment", want: maskedKey(k), env: []string{"WCPOS_CONSUMER_SECRET=" + r.admin.secret}},
		{name: "the pair swapped in the environment", env: []string{"WCPOS_CONSUMER_KEY=" + s, "WCPOS_CONSUMER_SECRET=" + k}},
		{name: "the key upper-cased in the environment", env: []string{"WCPOS_CONSUMER_KEY=" + strings.ToUpper(k)}},
		{name: "the secret, upper-cased, in WCPOS_CONSUMER_KEY", env: []string{"WCPOS_CONSUMER_KEY=" + strings.ToUpper(s)}},
		{name: "WCPOS_STORE_URL with the secret in its query", env: []string{"WCPOS_STORE_URL=" + r.s.url + "/?consumer_secret=" + s}},
		{name: "WCPOS_STORE_URL with the secret percent-encoded", env: []string{"WCPOS_STORE_URL=" + r.s.url + "/?consumer_secret=cs%5F" + s[3:]}},
		{name: "--url with the secret upper-cased", flags: []string{"--url", strings.ToUpper(s)}},
	} {
		out, _, code := r.exec(t, r.g, "config show, "+c.name, "", c.env, append(show, c.flags...)...)
		if code != exitOK || !strings.Contains(out, "cs_…") || c.want != "" && !strings.Contains(out, c.want) {
			t.Errorf("config show, %s: exit %d, want the key as %q and the secret as cs_…:\n%s", c.name, code, c.want, out)
		}
	}
	// What goes to standard error: the warning about a file others may
	// read, and the refusal of a hand-edited file with the secret unquoted.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, _ := r.exec(t, r.g, "config show of a file others may read", "", nil, show...); !strings.Contains(errOut, "chmod 600") {
		t.Errorf("no warning about the file's mode:\n%s", errOut)
	}
	broken := filepath.Join(t.TempDir(), "config.json")
	text := `{"version": 1, "profiles": {"default": {"consumer_key": "` + k + `", "consumer_secret": ` + s + `}}}`
	if err := os.WriteFile(broken, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"config", "show"}, {"check", "--url", r.s.url}} {
		what := strings.Join(args[:min(2, len(args))], " ") + " of a file with the secret unquoted"
		if _, errOut, code := r.exec(t, r.g, what, "", nil, append([]string{"--config", broken}, args...)...); code != exitUsage ||
			!strings.Contains(errOut, "not valid JSON") {
			t.Errorf("%s: exit %d, want %d and \"not valid JSON\":\n%s", what, code, exitUsage, errOut)
		}
	}
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
		p := startScreen(t, nil, "--url", s, "--config", filepath.Join(t.TempDir(), "c.json"))
		p.waitFor(0, "wcpos-setup · S1 Store")
		p.settle()
		p.send("\x03") // ctrl+c
		p.wait()
		r.g.assertNoLeak(t, "the full-screen wizard started with --url <secret>", p.out.String())
	}
}

// fullScreen is part 4: the real binary in a pseudo-terminal on `demo
// serve`. The terminal pair is pasted into S4 (bracketed paste), shown
// with ctrl+r and hidden again. Its secret may appear only between the
// two presses, where the user asked to see it: not before, not after,
// never in the transcript printed to the scrollback, nor in the support
// report copied through OSC 52. No other secret may appear at all.
func (r *leakRun) fullScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wcpos", "config.json")
	args := []string{"--cacert", r.s.ca, "--config", path}
	var p *screenRun
	if r.scenario == "wrong-pair" {
		// the broken pair as the saved connection: S0 checks it, repair goes to S2
		p = startScreen(t, []string{"WCPOS_STORE_URL=" + r.s.url, "WCPOS_CONSUMER_KEY=" + r.terminal.key,
			"WCPOS_CONSUMER_SECRET=" + r.terminal.secret}, args...)
		p.waitFor(0, "S0 Saved connection "+maskedKey(r.terminal.key))
		p.settle()
		p.step("2", "S2 Locate keys")
	} else {
		p = startScreen(t, nil, append(args, "--url", r.s.url)...)
		p.waitFor(0, "wcpos-setup · S1 Store")
		p.settle()
		p.send("\r")
		p.waitFor(0, "Is this your store?")
		p.settle()
		p.step("y", "S2 Locate keys")
	}
	p.step("1", "S4 Enter keys")
	bracketed := func(k practicePair) string { return "\x1b[200~" + k.line() + "\x1b[201~" }
	if r.scenario == "wrong-pair" {
		from := p.mark()
		p.send(bracketed(r.terminal))
		p.waitFor(from, "✗ S4 Keys "+maskedKey(r.terminal.key))
	} else {
		p.step(bracketed(r.terminal), "S5 Permissions")
		p.step("\x1b", "S4 Enter keys") // back, to see the pair the store accepted
	}
	before := p.settle()
	p.send("\x12") // ctrl+r: reveal
	p.waitFor(before, r.terminal.secret)
	p.settle()
	hide := p.mark()
	p.send("\x12") // ctrl+r: hide
	p.waitFor(hide, strings.Repeat("•", 43))
	after := p.settle()
	want := exitOK
	switch r.scenario {
	case "wrong-pair":
		p.step(bracketed(r.admin), "S5 Permissions")
	case "read-only":
		p.send("\x03") // ctrl+c, then yes: quit without saving
		p.settle()
		p.send("y")
		want = exitKey
	default:
		p.step("\r", "S5 Permissions")
	}
	if want == exitOK {
		p.step("\r", "S6 Review and save")
		p.step("\r", "S7 Done")
		from := p.mark()
		p.send("c") // the support report, copied through OSC 52
		p.waitFor(from, "\x1b]52;")
		p.settle()
		p.send("\r")
	}
	if code := p.wait(); code != want {
		t.Errorf("the wizard ended with exit %d, want %d", code, want)
	}
	r.assertScreen(t, p.out.String(), path, before, after)
}

// assertScreen checks the byte stream of a full-screen run: the revealed
// secret only between before and after, the transcript and the copied
// report without it, and the pasted key named masked in the transcript.
func (r *leakRun) assertScreen(t *testing.T, raw, path string, before, after int) {
	g := r.g
	var saved practicePair
	if _, err := os.Stat(path); err == nil {
		saved, g = r.savedConfig(t, g, path)
	}
	g.assertNoLeak(t, "the screen before the reveal", raw[:before])
	g.assertNoLeak(t, "the screen while the secret is revealed (only it may show)", raw[before:after], r.terminal.secret)
	g.assertNoLeak(t, "the screen after hiding the secret", raw[after:])
	lines := scrollback(raw)
	g.assertNoLeak(t, "the transcript in the scrollback", strings.Join(lines, "\n"))
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.Contains(l, "S4 Keys") && strings.Contains(l, maskedKey(r.terminal.key))
	}) {
		t.Errorf("the transcript does not name the pasted key as %s:\n%s", maskedKey(r.terminal.key), strings.Join(lines, "\n"))
	}
	reports := clipboardTexts(raw)
	for _, rep := range reports {
		g.assertNoLeak(t, "the support report copied through OSC 52", rep)
	}
	if saved.key != "" && (len(reports) != 1 || !strings.Contains(reports[0], "Key:         "+maskedKey(saved.key))) {
		t.Errorf("want one support report naming the key as %s, got %q", maskedKey(saved.key), reports)
	}
}
