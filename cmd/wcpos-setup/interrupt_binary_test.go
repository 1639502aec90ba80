package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckExits130OnCtrlC runs `check` as a script would and sends it
// SIGINT (what Ctrl+C sends) while it waits: on a silent store, and on
// standard input for --keys-stdin (a cashier who started typing the keys
// and gave up). Both times it must stop at once with exit 130 and say so.
func TestCheckExits130OnCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	addr, accepted := silentStore(t)
	for name, tc := range map[string]struct {
		args    []string
		waitFor func()
	}{
		"silent store": {[]string{"check", "--url", "https://" + addr}, func() {
			select {
			case <-accepted:
			case <-time.After(10 * time.Second):
				t.Error("the check never reached the store")
			}
		}},
		"keys on standard input": {[]string{"check", "--keys-stdin", "--url", "https://" + addr}, func() {
			time.Sleep(300 * time.Millisecond) // let it block on the read
		}},
	} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(binary, append(tc.args, "--config", filepath.Join(t.TempDir(), "c.json"))...)
			stdin, err := cmd.StdinPipe() // held open: no keys ever come
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			tc.waitFor()
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				<-done
				t.Fatalf("still running 5 s after Ctrl+C\nstderr: %s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != docInterrupted {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, docInterrupted, stdout.String(), stderr.String())
			}
			if !strings.Contains(stderr.String(), "Interrupted.") {
				t.Errorf("stderr %q does not say it was interrupted", stderr.String())
			}
		})
	}
}
