//go:build unix

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExitIgnoresSignalsItWasNotAskedToCatch: main catches only the
// signals it is given (Ctrl+C and SIGTERM). Catching every signal would
// take a resized terminal (SIGWINCH), a child process ending (SIGCHLD) or
// the runtime's own SIGURG for Ctrl+C. Here a check given no signals to
// catch has its terminal resized while it waits for a silent store: it
// must run to its own verdict, a store problem (exit 2) once --timeout is
// up, not 130.
func TestExitIgnoresSignalsItWasNotAskedToCatch(t *testing.T) {
	addr, accepted := silentStore(t)
	go func() {
		<-accepted
		_ = syscall.Kill(syscall.Getpid(), syscall.SIGWINCH) // ignored unless caught
	}()
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, version: buildVersion{Version: "test"},
		getenv: func(string) string { return "" }}
	code := a.main(context.Background(), []string{"check", "--url", "https://" + addr, "--timeout", "1500ms",
		"--config", filepath.Join(t.TempDir(), "c.json")})
	if code != docStore {
		t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, docStore, stdout.String(), stderr.String())
	}
}
