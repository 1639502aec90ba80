package main

import (
	"bytes"
	"net"
	"regexp"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// humanCheck renders a report the way `check` prints it, with the
// environment given.
func humanCheck(t *testing.T, env map[string]string, r *wooclient.Report, noKey bool, code int) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeHuman(&b, 0, func(k string) string { return env[k] }, newCatalog().English(), r, noKey, code); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCheckHumanOutputFollowsTheREADME compares the human output with the
// README's example of `check`: the store line, one line per check with
// ✓/!/✗ (– for a check not run), each finding with its code, cause,
// severity, What/Cashier/Admin/Open/Docs lines and evidence, then the
// verdict. Lines only appear when they have something to say.
func TestCheckHumanOutputFollowsTheREADME(t *testing.T) {
	const home = "https://127.0.0.1:18443"
	readOnly := wooclient.NewFinding("read-only", home)
	readOnly.Detail = "the key ending in 15d3c5a has Read permission only"
	readOnly.Evidence = []wooclient.Evidence{{Request: "POST " + home + "/wp-json/wc/v3/wcpos-setup-probe-1 (basic)",
		Status: 401, Code: "woocommerce_rest_authentication_error"}}
	rep := &wooclient.Report{
		Store: wooclient.Store{URL: home, Home: home, Name: "Demo Store"},
		Checks: []wooclient.CheckResult{
			{ID: wooclient.CheckReachable, State: wooclient.StateOK, Detail: "127.0.0.1:18443 answers"},
			{ID: wooclient.CheckCertificate, State: wooclient.StateSkipped},
			{ID: wooclient.CheckPermalinks, State: wooclient.StateWarn, Detail: "plain"},
			{ID: wooclient.CheckWrite, State: wooclient.StateFail, Detail: "the key has Read permission only"},
		},
		Findings: []wooclient.Finding{readOnly},
	}
	out := humanCheck(t, map[string]string{"NO_COLOR": "1"}, rep, false, docKeyProblem)
	for _, want := range []string{
		"wcpos-setup check " + home + "\n\nStore: Demo Store — " + home + "\n\n",
		"✓ Store reachable            127.0.0.1:18443 answers\n",
		"– Certificate",
		"! Permalinks                 plain\n",
		"✗ Write                      the key has Read permission only\n",
		"\nAPI02005 read-only — Key is Read-only (blocker)\n" +
			"  What:    the key ending in 15d3c5a has Read permission only\n" +
			"  Cashier: " + readOnly.Message + "\n" +
			"  Admin:   " + readOnly.Fix + "\n" +
			"  Open:    " + home + "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys\n" +
			"  Docs:    https://docs.wcpos.com/error-codes/API02005\n" +
			"  · POST " + home + "/wp-json/wc/v3/wcpos-setup-probe-1 (basic) → 401 woocommerce_rest_authentication_error",
		"\n✗ Not working: a key or permission problem (exit 1).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "No key given") {
		t.Errorf("a check with a key says none was given:\n%s", out)
	}

	// No store name, a warning without detail, admin page or code: none of
	// those lines; the verdict counts the warning.
	skew := wooclient.NewFinding("clock-skew", "")
	skew.AdminURL = ""
	rep = &wooclient.Report{Store: wooclient.Store{URL: home}, Findings: []wooclient.Finding{skew}}
	out = humanCheck(t, map[string]string{"NO_COLOR": "1"}, rep, true, docWorks)
	for _, unwanted := range []string{"Store:", "What:", "Open:", "Docs:"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("output has an empty %q line:\n%s", unwanted, out)
		}
	}
	for _, want := range []string{"clock-skew — Terminal clock is off (warning)", "No key given: store checks only.",
		"\n✓ Works, with 1 warning.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out = humanCheck(t, map[string]string{"NO_COLOR": "1"}, &wooclient.Report{Store: rep.Store}, false, docWorks)
	if !strings.HasSuffix(out, "\n✓ Works.\n") {
		t.Errorf("a clean check does not end with ✓ Works.:\n%s", out)
	}
	out = humanCheck(t, map[string]string{"NO_COLOR": "1"}, rep, false, docStore)
	if !strings.HasSuffix(out, "\n✗ Not working: a store or network problem (exit 2).\n") {
		t.Errorf("exit 2 verdict:\n%s", out)
	}
}

// TestCheckColourFollowsTheAppEnvironment: colour is decided from the
// environment the command runs with (here CLICOLOR_FORCE, colour even into
// a pipe), not from the test process's own environment.
func TestCheckColourFollowsTheAppEnvironment(t *testing.T) {
	rep := &wooclient.Report{Store: wooclient.Store{URL: "https://shop.example.com"},
		Checks: []wooclient.CheckResult{{ID: wooclient.CheckReachable, State: wooclient.StateOK}}}
	forced := map[string]string{"TERM": "xterm-256color", "CLICOLOR_FORCE": "1"}
	if out := humanCheck(t, forced, rep, false, docWorks); !strings.Contains(out, "\x1b[32m✓") {
		t.Errorf("CLICOLOR_FORCE=1 gave no colour:\n%q", out)
	}
	if out := humanCheck(t, map[string]string{"TERM": "xterm-256color"}, rep, false, docWorks); strings.Contains(out, "\x1b[") {
		t.Errorf("colour into a pipe without CLICOLOR_FORCE:\n%q", out)
	}
}

// TestCheckHelpShowsTheDocumentedDefaults: --timeout defaults to 45s, as
// the README's flag list says.
func TestCheckHelpShowsTheDocumentedDefaults(t *testing.T) {
	out, _, code := inProcess(t, "", nil, "check", "--help")
	if code != docWorks || !regexp.MustCompile(`--timeout\s.*\(45s\)`).MatchString(out) {
		t.Errorf("exit %d; --timeout's default is not 45s:\n%s", code, out)
	}
}

// TestErrorsMaskShortKeyLikeArguments: a mistyped, short key pasted where a
// command was expected is not echoed either, not even in part.
func TestErrorsMaskShortKeyLikeArguments(t *testing.T) {
	for _, arg := range []string{"ck_f00d", "ck_f00d42", "CK_F00D4"} {
		_, errOut, code := inProcess(t, "", nil, arg)
		if code != docUsage || strings.Contains(strings.ToLower(errOut), "f00d") {
			t.Errorf("%s: exit %d, stderr:\n%s", arg, code, errOut)
		}
	}
}

// TestCheckSpeaksTheChosenLanguage: --lang, or WCPOS_SETUP_LANG, makes
// check speak that language: its verdict is the German catalogue's, not
// the English one (the exit code and JSON stay the same in every language).
func TestCheckSpeaksTheChosenLanguage(t *testing.T) {
	de, err := newCatalog().Translator("de")
	if err != nil {
		t.Fatal(err)
	}
	english := "✗ Not working: a store or network problem (exit 2)."
	german := "✗ " + de.T("out.store-problem")
	if german == english {
		t.Fatal("the German catalogue has no German verdict")
	}
	cfg := "--config=" + t.TempDir() + "/c.json"
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"check", "--lang", "de", "--url", "mailto:shop@example.com", cfg}, german},
		{map[string]string{"WCPOS_SETUP_LANG": "de"}, []string{"check", "--url", "mailto:shop@example.com", cfg}, german},
		{map[string]string{"LANG": "C"}, []string{"check", "--url", "mailto:shop@example.com", cfg}, english},
	} {
		out, _, code := inProcess(t, "", tc.env, tc.args...)
		if code != docStore || !strings.HasSuffix(out, "\n"+tc.want+"\n") {
			t.Errorf("%v %v: exit %d, output ends %q, want %q", tc.env, tc.args, code, out[max(0, len(out)-80):], tc.want)
		}
	}
}

// TestCheckSaysEvidenceNotesInTheLanguage: an evidence line's note (what
// the network said, where a redirect led) is said in the chosen language
// like the rest of the diagnosis, while --json keeps the English note.
func TestCheckSaysEvidenceNotesInTheLanguage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	cfg := "--config=" + t.TempDir() + "/c.json"
	out, _, _ := inProcess(t, "", nil, "check", "--lang", "de", "--url", addr, cfg)
	if !strings.Contains(out, "· GET "+addr+"/ (an dieser Adresse und diesem Port lauscht nichts)") ||
		strings.Contains(out, "nothing is listening") {
		t.Errorf("the evidence note is not German:\n%s", out)
	}
	js, _, _ := inProcess(t, "", nil, "check", "--lang", "de", "--json", "--url", addr, cfg)
	if !strings.Contains(js, `"note": "nothing is listening at that address and port"`) {
		t.Errorf("--json lost the English note:\n%s", js)
	}
}
