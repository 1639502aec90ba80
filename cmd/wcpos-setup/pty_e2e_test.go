package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// toLocate takes a fresh demo wizard from S1 (its address filled in) to S2.
func (w *ptyWizard) toLocate() {
	w.tb.Helper()
	w.expect("S1 Store", "Store address", "ctrl+c quit")
	w.send(keyEnter)
	w.expect("Demo Store", "Is this your store?")
	w.send("y")
	w.expect("S2 Locate keys", "Do you have the consumer key")
}

// toDone takes the demo wizard from S2 to S7: a new practice key,
// generated and scanned (S3), validated on its own (S4), its permissions
// (S5), reviewed and saved (S6).
func (w *ptyWizard) toDone() {
	w.tb.Helper()
	w.send("2")
	w.expect("S3 Generate key", "press g")
	w.send("g")
	w.expect("scan it now (s)")
	w.send("s")
	// S4 validates the scanned pair at once; its screen may not last a frame,
	// its transcript line stays.
	w.expect("S4 Keys: ck_…", "accepted (basic)", "S5 Permissions", "Everything the till needs works")
	w.send(keyEnter)
	w.expect("S6 Review and save", "enter save")
	w.send(keyEnter)
	w.expect("S7 Done", "This terminal is connected.")
}

// savedProfile is the part of the configuration file the wizard is
// responsible for.
type savedProfile struct {
	Transport      string          `json:"transport"`
	ConsumerKey    string          `json:"consumer_key"`
	ConsumerSecret string          `json:"consumer_secret"`
	KeyEnding      string          `json:"key_ending"`
	Permissions    map[string]bool `json:"permissions"`
}

// keyShaped is any full key or secret.
var keyShaped = regexp.MustCompile(`c[ks]_[0-9a-f]{40}`)

// TestWizardEndToEndInPTY walks the whole wizard by keystrokes in a real
// terminal, from no configuration to a saved one, and checks that no secret
// reached the screen on the way.
func TestWizardEndToEndInPTY(t *testing.T) {
	cfg := tempConfig(t)
	w := startWizard(t, answering, "--demo", "--config", cfg)
	w.toLocate()
	w.toDone()
	w.send(keyEnter)
	if code := w.wait(); code != exitOK {
		t.Fatalf("exit code %d, want %d; last screen:\n%s", code, exitOK, lastLines(w.output(), 20))
	}

	fi, err := os.Stat(cfg)
	if err != nil {
		t.Fatalf("the configuration was not saved: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("configuration mode %v, want 0600", fi.Mode().Perm())
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Profiles map[string]savedProfile `json:"profiles"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("configuration is not JSON: %v\n%s", err, data)
	}
	p, ok := file.Profiles["default"]
	if !ok {
		t.Fatalf("no default profile in:\n%s", data)
	}
	if p.Transport != "basic" {
		t.Errorf("transport %q, want basic", p.Transport)
	}
	if len(p.ConsumerKey) != 43 || !strings.HasPrefix(p.ConsumerKey, "ck_") || !strings.HasPrefix(p.ConsumerSecret, "cs_") {
		t.Errorf("saved key %q and secret of %d characters, want ck_ and cs_ of 43", p.ConsumerKey, len(p.ConsumerSecret))
	}
	for _, perm := range []string{"read", "write", "orders", "products"} {
		if !p.Permissions[perm] {
			t.Errorf("permission %s not saved as true: %v", perm, p.Permissions)
		}
	}

	raw := w.output()
	screen := ansi.Strip(raw)
	if !strings.Contains(screen, "ck_…"+p.KeyEnding) {
		t.Errorf("the masked key ck_…%s never showed: is this the output of the run?", p.KeyEnding)
	}
	for _, out := range []string{raw, screen} {
		if strings.Contains(out, p.ConsumerSecret) || strings.Contains(out, strings.TrimPrefix(p.ConsumerSecret, "cs_")) {
			t.Error("the saved secret appeared in the terminal output")
		}
		if m := keyShaped.FindString(out); m != "" {
			t.Errorf("a full key or secret appeared in the terminal output: %s…", m[:10])
		}
	}
}

// hostPort is the demo store's address as S1 shows it.
var hostPort = regexp.MustCompile(`https://(127\.0\.0\.1:\d+)`)

// TestWizardBackToStoreKeepsAddressInPTY goes S1 → S2 → S4 and back with
// esc to S1, where the address as the user typed it (upper-case scheme, so
// it cannot be the pre-filled one) is still in the field.
func TestWizardBackToStoreKeepsAddressInPTY(t *testing.T) {
	cfg := tempConfig(t)
	w := startWizard(t, answering, "--demo", "--config", cfg)
	first := w.expect("S1 Store", "ctrl+c quit")
	m := hostPort.FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("no demo address on S1:\n%s", first)
	}
	typed := "HTTPS://" + m[1]
	w.send(keyCtrlU)
	for _, r := range typed {
		w.send(string(r))
	}
	w.send(keyEnter)
	w.expect("Is this your store?")
	w.send("y")
	w.expect("S2 Locate keys")
	w.send("1")
	w.expect("S4 Enter keys", "Consumer key and secret")
	w.send(keyEsc)
	w.expect("S2 Locate keys")
	w.send(keyEsc)
	back := w.expect("S1 Store", "Is this your store?")
	if !strings.Contains(back, "› "+typed) {
		t.Errorf("back on S1 the field does not hold %q:\n%s", typed, back)
	}
	w.send("y") // the store's report was kept too: on to S2 at once
	w.expect("S2 Locate keys")
	w.send(keyCtrlC) // no keys typed: quits without asking
	if code := w.wait(); code != exitInterrupted {
		t.Errorf("exit code %d, want %d", code, exitInterrupted)
	}
	if _, err := os.Stat(cfg); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a configuration was written without saving: %v", err)
	}
}

// TestWizardQuitWithUnsavedKeyInPTY presses ctrl+c on S4 after one
// character of a key: the wizard asks before losing it, n stays, y quits
// with exit code 130 and nothing saved.
func TestWizardQuitWithUnsavedKeyInPTY(t *testing.T) {
	cfg := tempConfig(t)
	w := startWizard(t, answering, "--demo", "--config", cfg)
	w.toLocate()
	w.send("1")
	w.expect("S4 Enter keys", "Consumer key and secret")
	w.send("c")
	w.expect("Too short: 1 of 43")
	w.send(keyCtrlC)
	w.expect("Quit without saving?", "y quit without saving")
	w.send("n")
	w.expect("next field")
	w.send(keyCtrlC)
	w.expect("Quit without saving?")
	asked := time.Now()
	w.send("y")
	if code := w.wait(); code != exitInterrupted {
		t.Errorf("exit code %d, want %d", code, exitInterrupted)
	}
	// With a terminal that does not answer, fang's error handler makes this
	// 4 s (see answering); this terminal answers.
	t.Logf("quit took %v", time.Since(asked).Round(time.Millisecond))
	if _, err := os.Stat(cfg); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("quitting without saving wrote the configuration: %v", err)
	}
}

// TestWizardEndToEndInGermanPTY walks the demo wizard to a saved file in
// German, chosen the way a till's system chooses it (LANG), and checks
// that every step spoke German: the phrases are the German translation's
// (tui/locale/locales/de.toml), and the English ones never appear.
func TestWizardEndToEndInGermanPTY(t *testing.T) {
	cfg := tempConfig(t)
	w := startWizardWith(t, ptyOptions{kind: answering, env: []string{"LANG=de_DE.UTF-8"}}, "--demo", "--config", cfg)
	w.expect("S1 Shop", "Shop-Adresse", "ctrl+l Sprache", "ctrl+c beenden")
	w.send(keyEnter)
	w.expect("Demo Store", "Ist das Ihr Shop?")
	w.send("y")
	w.expect("S2 Schlüssel finden", "Haben Sie den")
	w.send("2")
	w.expect("S3 Schlüssel erstellen", "Drücken Sie g", "„API-Schlüssel erstellen“ (Generate API key)")
	w.send("g")
	w.expect("Scannen Sie es jetzt (s)")
	w.send("s")
	w.expect("angenommen", "S5 Berechtigungen", "Alles, was die Kasse braucht")
	w.send(keyEnter)
	w.expect("S6 Prüfen und speichern", "enter speichern")
	w.send(keyEnter)
	w.expect("S7 Fertig", "Diese Kasse ist verbunden.")
	w.send(keyEnter)
	if code := w.wait(); code != exitOK {
		t.Fatalf("exit code %d, want %d; last screen:\n%s", code, exitOK, lastLines(w.output(), 20))
	}
	if fi, err := os.Stat(cfg); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("configuration not saved as 0600: %v", err)
	}
	screen := ansi.Strip(w.output())
	for _, english := range []string{"Store address", "Is this your store", "Do you have the consumer key",
		"This terminal is connected", "Everything the till needs works", "ctrl+c quit"} {
		if strings.Contains(screen, english) {
			t.Errorf("English %q on the German wizard's screen", english)
		}
	}
}

// TestDemoSiteLanguageNamesWPAdminInIt runs the English wizard on a
// practice store set up as a German site: S3 names WP Admin's button the
// way WooCommerce's German translation does, with the English beside it.
func TestDemoSiteLanguageNamesWPAdminInIt(t *testing.T) {
	w := startWizardWith(t, ptyOptions{kind: answering, rows: 40, cols: 120, env: []string{"LANG=C"}},
		"--demo", "--site-lang", "de-DE", "--config", tempConfig(t))
	w.toLocate()
	w.send("2")
	w.expect("S3 Generate key", "“API-Schlüssel erstellen” (Generate API key)")
}
