package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
)

// inProcess runs the command line in this process with its own input,
// output and environment, and returns stdout, stderr and the exit code.
func inProcess(t *testing.T, stdin string, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr, version: buildVersion{Version: "test"},
		getenv: func(k string) string { return env[k] }}
	code := a.main(context.Background(), args)
	return stdout.String(), stderr.String(), code
}

func TestExplain(t *testing.T) {
	out, _, code := inProcess(t, "", nil, "explain", "API02006")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"API02006 unknown-key", "API02006 wrong-pair", "API02006 key-malformed",
		"https://docs.wcpos.com/error-codes/API02006", "For the cashier:", "For the admin:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain API02006 lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = inProcess(t, "", nil, "explain", "read-only")
	if !strings.Contains(out, "API02005 read-only") || strings.Contains(out, "write-only") {
		t.Errorf("explain read-only:\n%s", out)
	}
	out, _, _ = inProcess(t, "", nil, "explain")
	for _, c := range []string{"invalid-url", "dns", "plain-permalinks", "auth-header-stripped", "user-lacks-capability",
		"rest-api-not-found", "rewrite-rules-missing", "rest-cached", "maintenance", "store-moved", "check-incomplete"} {
		if !strings.Contains(out, c) {
			t.Errorf("the list lacks %s", c)
		}
	}
	_, errOut, code := inProcess(t, "", nil, "explain", "API99999")
	if code != exitUsage || !strings.Contains(errOut, "explain") {
		t.Errorf("unknown code: exit %d, stderr %q", code, errOut)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.json")
	_, errOut, code := inProcess(t, "", nil, "check", "--config", cfg)
	if code != exitUsage || !strings.Contains(strings.ToLower(errOut), "no store address") {
		t.Errorf("no address: exit %d, %q", code, errOut)
	}
	if err := os.WriteFile(cfg, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = inProcess(t, "", nil, "check", "--config", cfg, "--url", "shop.example.com")
	if code != exitUsage || !strings.Contains(errOut, "not valid JSON") {
		t.Errorf("corrupt config: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(cfg); string(b) != "{not json" {
		t.Error("a corrupt configuration was changed")
	}
	_, _, code = inProcess(t, "", nil, "check", "--bogus")
	if code != exitUsage {
		t.Errorf("unknown flag: exit %d", code)
	}
	_, errOut, code = inProcess(t, "", nil, "--demo", "--scenario", "nope", "--accessible")
	if code != exitUsage || !strings.Contains(strings.ToLower(errOut), "unknown scenario") {
		t.Errorf("unknown scenario: exit %d, %q", code, errOut)
	}
}

func TestWizardRefusesWithoutTerminal(t *testing.T) {
	_, errOut, code := inProcess(t, "", map[string]string{"TERM": "xterm"}, "--config", filepath.Join(t.TempDir(), "c.json"))
	if code != exitUsage || !strings.Contains(errOut, "wcpos-setup check") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestCheckInvalidAddress(t *testing.T) {
	out, _, code := inProcess(t, "", nil, "check", "--config", filepath.Join(t.TempDir(), "c.json"), "--url", "mailto:shop@example.com")
	if code != exitStore || !strings.Contains(out, "API06001 invalid-url") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestConfigShowSources shows where each value comes from, flag over
// environment over file, with the secret never shown.
func TestConfigShowSources(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.json")
	const key, secret = "ck_0123456789abcdef0123456789abcdef0abc1234", "cs_fedcba9876543210fedcba9876543210fedcba98"
	_, err := config.Open(path).Save("default", config.Profile{StoreURL: "https://file.example", Home: "https://file.example",
		RESTRoot: "https://file.example/wp-json/", Transport: "basic", ConsumerKey: key, ConsumerSecret: secret,
		KeyEnding: "abc1234", VerifiedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := inProcess(t, "", map[string]string{"WCPOS_SETUP_CONFIG": path}, "config", "show")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{path + " (environment)", "https://file.example", "ck_…abc1234", "file"} {
		if !strings.Contains(out, want) {
			t.Errorf("config show lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, secret) || strings.Contains(out, key) || strings.Contains(out, "fedcba98") {
		t.Errorf("config show reveals the secret or the full key:\n%s", out)
	}
	env := map[string]string{"WCPOS_SETUP_CONFIG": path, "WCPOS_STORE_URL": "https://env.example",
		"WCPOS_CONSUMER_KEY": "ck_1111111111111111111111111111111111111111"}
	out, _, _ = inProcess(t, "", env, "config", "show")
	if !strings.Contains(out, "https://env.example") || !strings.Contains(out, "ck_…1111111") || !strings.Contains(out, "environment") {
		t.Errorf("environment does not win over the file:\n%s", out)
	}
	out, _, _ = inProcess(t, "", env, "--config", path, "config", "show", "--url", "https://flag.example")
	if !strings.Contains(out, "https://flag.example") || !strings.Contains(out, path+" (flag)") {
		t.Errorf("flags do not win:\n%s", out)
	}
}

func TestErrorsMaskKeyLikeArguments(t *testing.T) {
	const key, secret = "ck_0123456789abcdef0123456789abcdef0abc1234", "cs_fedcba9876543210fedcba9876543210fedcba98"
	for _, args := range [][]string{{"check", key, secret}, {"config", "show", secret}, {strings.ToUpper(secret)}, {"cs%5Ffedcba98765"}} {
		_, errOut, code := inProcess(t, "", nil, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
		low := strings.ToLower(errOut)
		if strings.Contains(low, "fedcba98") || strings.Contains(low, "0123456789abcdef0") {
			t.Errorf("%v: the error repeats a secret or a key:\n%s", args, errOut)
		}
	}
}
