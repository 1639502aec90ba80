package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// binary is the wcpos-setup executable built once for the tests that run
// it as a user or a script would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "wcpos-setup-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "wcpos-setup")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// served is a running `demo serve`.
type served struct {
	url, ca, terminal, admin string
}

var (
	urlLine      = regexp.MustCompile(`HTTPS:\s+(\S+)`)
	caLine       = regexp.MustCompile(`CA file:\s+(\S+)`)
	adminLine    = regexp.MustCompile(`admin \(Read/Write\):\s+(\S+)`)
	terminalLine = regexp.MustCompile(`terminal \([^)]*\):\s+(\S+)`)
)

// demoServe starts `wcpos-setup demo serve` for a scenario and reads the
// address, CA file and practice keys it prints.
func demoServe(t *testing.T, scenario string) served {
	t.Helper()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	cmd := exec.Command(binary, "demo", "serve", "--scenario", scenario, "--ca-out", ca)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	var text strings.Builder
	sc := bufio.NewScanner(out)
	deadline := time.AfterFunc(10*time.Second, func() { _ = cmd.Process.Kill() })
	defer deadline.Stop()
	for sc.Scan() {
		text.WriteString(sc.Text() + "\n")
		if strings.HasPrefix(sc.Text(), "Press Ctrl+C") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	s := served{url: find(t, urlLine, text.String()), ca: find(t, caLine, text.String()), admin: find(t, adminLine, text.String())}
	s.terminal = s.admin
	if m := terminalLine.FindStringSubmatch(text.String()); m != nil {
		s.terminal = m[1]
	}
	return s
}

func find(t *testing.T, re *regexp.Regexp, text string) string {
	t.Helper()
	m := re.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("%v not found in:\n%s", re, text)
	}
	return m[1]
}

// run runs the binary with stdin and a private environment, returning
// stdout, stderr and the exit code.
func run(t *testing.T, stdin string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}
