package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExitCodeOfAFailureIsKeptWhenTheCallerCancels: the context main is
// given is its caller's, not a Ctrl+C. When it has ended but the command
// failed for a reason of its own (here a corrupt configuration file, a
// usage error), that reason's exit code stands.
func TestExitCodeOfAFailureIsKeptWhenTheCallerCancels(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(cfg, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, version: buildVersion{Version: "test"},
		getenv: func(string) string { return "" }}
	if code := a.main(ctx, []string{"check", "--config", cfg, "--url", "shop.example.com"}); code != docUsage {
		t.Errorf("exit %d, want %d\nstderr: %s", code, docUsage, stderr.String())
	}
}

// TestExitDemoServeStoppedByCtrlC: `demo serve` says "Press Ctrl+C to
// stop": stopping it that way is what the user was asked to do, so it ends
// with exit 0 and says the store stopped, unlike an interrupted check.
func TestExitDemoServeStoppedByCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	cmd := exec.Command(binary, "demo", "serve", "--ca-out", filepath.Join(t.TempDir(), "ca.pem"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.AfterFunc(15*time.Second, func() { _ = cmd.Process.Kill() })
	defer deadline.Stop()
	lines := bufio.NewScanner(out)
	for lines.Scan() && lines.Text() != "Press Ctrl+C to stop." {
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	_ = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != docWorks || !strings.Contains(rest.String(), "Practice store stopped.") {
		t.Errorf("exit %d, want %d; after Ctrl+C it printed %q\nstderr: %s", code, docWorks, rest.String(), stderr.String())
	}
}
