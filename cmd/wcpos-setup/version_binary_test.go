package main

import (
	"context"
	"debug/buildinfo"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A release build's stamp, and the line the README says it prints.
const (
	stampFlags  = "-X main.version=1.2.3 -X main.commit=0123456789abcdef0123456789abcdef01234567 -X main.date=2026-11-25T21:30:00Z"
	stampedLine = "1.2.3 (commit 0123456789ab, 2026-11-25T21:30:00Z)"
)

// buildWith builds the command with extra go build flags into a temporary
// directory.
func buildWith(t *testing.T, flags ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "wcpos-setup")
	args := append(append([]string{"build"}, flags...), "-o", bin, ".")
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin
}

// TestVersionFromLinkerFlags builds the binary the way a release does and
// checks --version, -v and check --json.
func TestVersionFromLinkerFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := buildWith(t, "-ldflags", stampFlags)
	for _, flag := range []string{"--version", "-v"} {
		out, err := exec.Command(bin, flag).Output()
		if err != nil {
			t.Fatalf("%s: %v", flag, err)
		}
		if want := "wcpos-setup version " + stampedLine + "\n"; string(out) != want {
			t.Errorf("%s printed %q, want %q", flag, out, want)
		}
	}

	s := demoServe(t, "healthy")
	cmd := exec.Command(bin, "check", "--json", "--url", s.url, "--cacert", s.ca)
	cmd.Env = []string{"HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir()}
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("check --json: %v\n%s", err, stdout)
	}
	var res map[string]any
	if err := json.Unmarshal(stdout, &res); err != nil {
		t.Fatalf("not JSON (%v):\n%s", err, stdout)
	}
	if res["version"] != stampedLine {
		t.Errorf(`check --json "version" is %q, want %q`, res["version"], stampedLine)
	}
}

// TestVersionFromBuildInfo builds the binary the way `go build` does
// (asking for VCS stamping, which a checkout with .git gets) and checks
// --version against what Go recorded in it, read back with debug/buildinfo.
func TestVersionFromBuildInfo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := buildWith(t, "-buildvcs=true")
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := string(out)
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	known := false
	if v := info.Main.Version; v != "" && v != "(devel)" {
		known = true
		if !strings.HasPrefix(line, "wcpos-setup version "+v+" (") && line != "wcpos-setup version "+v+"\n" {
			t.Errorf("Go recorded module version %s; --version printed %q", v, line)
		}
	}
	if rev := settings["vcs.revision"]; rev != "" {
		known = true
		for _, want := range []string{"commit " + rev[:12], settings["vcs.time"]} {
			if !strings.Contains(line, want) {
				t.Errorf("Go recorded %s at %s; --version printed %q, without %q", rev, settings["vcs.time"], line, want)
			}
		}
		if dirty := strings.Contains(line, ", dirty"); dirty != (settings["vcs.modified"] == "true") {
			t.Errorf("vcs.modified=%s; --version printed %q", settings["vcs.modified"], line)
		}
	}
	if !known && line != "wcpos-setup version dev\n" {
		t.Errorf("Go recorded neither a version nor a commit; --version printed %q, want the bare dev", line)
	}
	if known && strings.HasPrefix(line, "wcpos-setup version dev\n") {
		t.Errorf("--version printed a bare dev although Go recorded %s %v", info.Main.Version, settings)
	}
	t.Logf("module version %q, revision %q: %s", info.Main.Version, settings["vcs.revision"], strings.TrimSpace(line))
}

// TestSupportReportCarriesTheVersion walks the accessible demo wizard to
// its support report and looks for the whole version line.
func TestSupportReportCarriesTheVersion(t *testing.T) {
	r, w := io.Pipe()
	s := &lineSession{t: t, stdin: w, code: make(chan int, 1)}
	a := &app{stdin: r, stdout: &s.stdout, stderr: &s.stderr, getenv: func(string) string { return "" },
		version: buildVersion{Version: "1.2.3", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2026-11-25T21:30:00Z"}}
	go func() {
		code := a.main(context.Background(), []string{"--demo", "--accessible", "--config", filepath.Join(t.TempDir(), "config.json")}, os.Interrupt)
		_ = r.CloseWithError(io.EOF)
		s.code <- code
	}()
	t.Cleanup(func() { _ = w.Close() })
	if code := s.converse(&lineBot{}); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, outputTail(s.stdout.String(), 3000))
	}
	out := s.stdout.String()
	if !strings.Contains(out, "wcpos-setup support report\nVersion:     "+stampedLine+"\n") {
		t.Errorf("the support report lacks the version line %q:\n%s", stampedLine, outputTail(out, 3000))
	}
}
