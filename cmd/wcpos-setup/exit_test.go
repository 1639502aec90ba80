package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// The exit codes as the README's table "check --json and exit codes"
// documents them, written out here so that a wrong constant fails.
const (
	docWorks       = 0
	docKeyProblem  = 1
	docStore       = 2
	docUsage       = 3
	docInterrupted = 130
)

// TestReportExitFollowsTheDocumentedTable: 0 when nothing blocks (warnings
// and information allowed), 1 for key and permission blockers, 2 for a
// store or network blocker, which wins wherever it is listed ("checked
// first: a key cannot be judged on a store that does not answer").
func TestReportExitFollowsTheDocumentedTable(t *testing.T) {
	const home = "https://shop.example.com"
	// Causes by the names the README's findings catalogue gives them.
	f := func(cause string) wooclient.Finding { return wooclient.NewFinding(wooclient.Cause(cause), home) }
	tests := []struct {
		name     string
		findings []wooclient.Finding
		want     int
	}{
		{"nothing found", nil, docWorks},
		{"warnings and information", []wooclient.Finding{f("auth-header-stripped"), f("redirected")}, docWorks},
		{"unknown key", []wooclient.Finding{f("unknown-key")}, docKeyProblem},
		{"read-only and a warning", []wooclient.Finding{f("clock-skew"), f("read-only")}, docKeyProblem},
		{"two key blockers", []wooclient.Finding{f("wrong-pair"), f("user-lacks-capability")}, docKeyProblem},
		{"store blocker alone", []wooclient.Finding{f("woocommerce-missing")}, docStore},
		{"store blocker listed before a key blocker", []wooclient.Finding{f("tls-untrusted"), f("unknown-key")}, docStore},
		{"key blocker listed before a store blocker", []wooclient.Finding{f("read-only"), f("plain-permalinks")}, docStore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &wooclient.Report{Store: wooclient.Store{URL: home, Home: home}, Findings: tt.findings}
			for _, fd := range tt.findings {
				if fd.Title == string(fd.Cause) {
					t.Fatalf("%s is not in the findings catalogue", fd.Cause)
				}
			}
			if got := reportExit(rep); got != tt.want {
				t.Errorf("reportExit = %d, want %d", got, tt.want)
			}
			var human, js bytes.Buffer
			if err := writeHuman(&human, 0, func(string) string { return "" }, newCatalog().English(), rep, false, tt.want); err != nil {
				t.Fatal(err)
			}
			verdicts := map[int]string{docWorks: "✓ Works", docKeyProblem: "a key or permission problem (exit 1).",
				docStore: "a store or network problem (exit 2)."}
			if !strings.Contains(human.String(), verdicts[tt.want]) {
				t.Errorf("human verdict lacks %q:\n%s", verdicts[tt.want], human.String())
			}
			if err := writeJSON(&js, rep, true, tt.want, "test"); err != nil {
				t.Fatal(err)
			}
			want := `"exit_code": ` + strconv.Itoa(tt.want)
			if !strings.Contains(js.String(), want) || strings.Contains(js.String(), `"ok": true`) != (tt.want == docWorks) {
				t.Errorf("JSON disagrees with exit %d:\n%s", tt.want, js.String())
			}
		})
	}
}

// TestExitCodeOfErrors maps what a command returns: a usage error is 3, an
// interruption 130, anything cobra returns (unknown flag) 3, nothing 0.
func TestExitCodeOfErrors(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{nil, docWorks},
		{usageError(context.DeadlineExceeded), docUsage},
		{context.Canceled, docInterrupted},
		{&exitError{code: docKeyProblem}, docKeyProblem},
		{net.UnknownNetworkError("x"), docUsage},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	if got := (&exitError{code: 2}).Error(); got != "exit status 2" {
		t.Errorf("an exitError without a cause says %q", got)
	}
}

// silentStore accepts connections and never answers, like a store whose
// PHP workers are all stuck. It reports each connection on accepted.
func silentStore(t *testing.T) (addr string, accepted <-chan struct{}) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan struct{}, 64)
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			select {
			case ch <- struct{}{}:
			default:
			}
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return ln.Addr().String(), ch
}

// TestCheckInterruptedExits130 cancels a check while it waits, on a silent
// store or for keys on standard input that never come: the exit code is
// 130, one line says so, and no verdict is printed (the diagnosis did not
// finish, so it has none).
func TestCheckInterruptedExits130(t *testing.T) {
	addr, accepted := silentStore(t)
	reachedStore := func() {
		select {
		case <-accepted:
		case <-time.After(10 * time.Second):
			t.Error("the check never reached the store")
		}
	}
	readingKeys := func() { time.Sleep(200 * time.Millisecond) }
	for _, tc := range []struct {
		args    []string
		waitFor func()
	}{
		{[]string{"check", "--url", "https://" + addr}, reachedStore},
		{[]string{"check", "--json", "--url", "https://" + addr}, reachedStore},
		{[]string{"check", "--keys-stdin", "--url", "https://" + addr}, readingKeys},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		go func() { tc.waitFor(); cancel() }()
		stdin, typist := io.Pipe() // nobody ever types
		var stdout, stderr bytes.Buffer
		a := &app{stdin: stdin, stdout: &stdout, stderr: &stderr, version: buildVersion{Version: "test"},
			getenv: func(string) string { return "" }}
		start := time.Now()
		exited := make(chan int, 1)
		go func() { exited <- a.main(ctx, append(tc.args, "--config", filepath.Join(t.TempDir(), "c.json"))) }()
		var code int
		select {
		case code = <-exited:
		case <-time.After(8 * time.Second):
			_ = typist.Close() // let a stuck read end, so the test fails instead of hanging
			code = <-exited
			t.Errorf("%v: still running 8 s after the interruption", tc.args)
		}
		cancel()
		_ = typist.Close()
		if code != docInterrupted {
			t.Errorf("%v: exit %d, want %d\nstdout: %s\nstderr: %s", tc.args, code, docInterrupted, stdout.String(), stderr.String())
		}
		if !strings.Contains(stderr.String(), "Interrupted.") {
			t.Errorf("%v: stderr %q does not say it was interrupted", tc.args, stderr.String())
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: a verdict was printed for an interrupted check:\n%s", tc.args, stdout.String())
		}
		t.Logf("%v: stopped %v after it started", tc.args, time.Since(start).Round(time.Millisecond))
	}
}
