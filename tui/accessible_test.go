package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// runLines runs the accessible mode with the given input lines.
func runLines(t *testing.T, deps Deps, o Options, lines ...string) (Result, string) {
	t.Helper()
	var out bytes.Buffer
	o.Accessible = true
	o.In = strings.NewReader(strings.Join(lines, "\n") + "\n")
	o.Out = &out
	res, err := Run(context.Background(), deps, o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	text := out.String()
	if strings.ContainsAny(text, "\x1b\r") {
		t.Errorf("escape or carriage return in the accessible output")
	}
	if secretRe.MatchString(text) || strings.Contains(text, fakeSecret) {
		t.Errorf("secret in the accessible output:\n%s", text)
	}
	return res, text
}

func testDeps() (Deps, *fakeChecker, *fakeSaver) {
	c, s := newFakeChecker(), &fakeSaver{}
	return Deps{Checker: c, Saver: s, Now: nowFixed, TerminalName: "Till-1"}, c, s
}

func TestAccessibleWholeFlowByLines(t *testing.T) {
	deps, _, saver := testDeps()
	res, out := runLines(t, deps, Options{Version: "test"},
		"127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "y", "c")
	if !res.Saved || res.Path != fakeSavedPath || len(saver.saved) != 1 {
		t.Fatalf("result %+v, saved %d", res, len(saver.saved))
	}
	if c := saver.saved[0]; c.Credentials.Key != fakeKey || c.Credentials.Secret != fakeSecret || !c.Key.Write {
		t.Errorf("saved %v", c)
	}
	for _, want := range []string{
		"Step 1 of 7 · S1 Store", "[ok]   Store reachable: 200 in 12 ms", "Is this your store? (y/n)",
		"Step 4 of 7 · S4 Enter keys", "Accepted (basic).", "Everything the till needs works.",
		"Saved to " + fakeSavedPath, "wcpos-setup support report", "[ok]   key-accepted",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAccessibleFailuresPrintTheSameFindings(t *testing.T) {
	deps, checker, saver := testDeps()
	calls := 0
	checker.discover = func(string) *wooclient.Report {
		calls++
		if calls == 1 {
			return storeUntrusted()
		}
		return storeOK()
	}
	res, out := runLines(t, deps, Options{},
		"my shop",        // not an address
		"127.0.0.1:4443", // untrusted certificate
		"",               // Enter: check the same address again
		"y", "1",
		fakeKey, wrongSecret, // wrong pair
		readOnlyKey, readOnlySec, // read-only
		"", // check again: still read-only
		"q", "y")
	if res.Saved || len(saver.saved) != 0 {
		t.Fatal("saved after failures")
	}
	for _, want := range []string{
		"[blocker] API06001 invalid-url", "has a space in it",
		"[fail] Certificate: signed by an unknown authority", "[blocker] API01005 tls-untrusted",
		"Admin: Install a certificate", "[blocker] API02006 wrong-pair", "Page: " + fakeHome + "/wp-admin/",
		"[blocker] API02005 read-only", "find the row ending in …2345678", "Quit without saving?", "Nothing was saved.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAccessibleSavedConnectionKept(t *testing.T) {
	deps, _, saver := testDeps()
	o := Options{}
	withSaved(goodPair)(&deps, &o)
	res, out := runLines(t, deps, o, "1")
	if !res.Kept || res.Saved || len(saver.saved) != 0 {
		t.Fatalf("result %+v", res)
	}
	if !strings.Contains(out, "It works: read, write, orders, products (basic).") {
		t.Errorf("output:\n%s", out)
	}
}

func TestAccessibleDemoGeneratesScansAndFixes(t *testing.T) {
	deps, checker, saver := testDeps()
	demo := &fakeDemo{checker: checker, readOnly: true}
	deps.Demo = demo
	res, out := runLines(t, deps, Options{}, "127.0.0.1:4443", "y", "2", "g", "s", "", "f", "", "y", "")
	if !res.Saved || demo.minted != 1 || len(saver.saved) != 1 || len(demo.grants) != 1 {
		t.Fatalf("result %+v minted %d\n%s", res, demo.minted, out)
	}
	if !strings.Contains(out, "Practice key ck_…2345678 made") || !strings.Contains(out, "Description: POS Till-1 2026-11-25") ||
		!strings.Contains(out, "[blocker] API02005 read-only") || !strings.Contains(out, "set key …") {
		t.Errorf("output:\n%s", out)
	}
}

func TestAccessibleBackAndEndOfInput(t *testing.T) {
	deps, _, _ := testDeps()
	res, out := runLines(t, deps, Options{}, "127.0.0.1:4443", "y", "b", "n")
	if res.Saved || !strings.Contains(out, "Input ended. Nothing was saved.") {
		t.Fatalf("result %+v\n%s", res, out)
	}
	if strings.Count(out, "Step 1 of 7 · S1 Store") != 2 {
		t.Errorf("b did not go back to S1:\n%s", out)
	}
}
