package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
)

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
