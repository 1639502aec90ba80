package main

import (
	"bytes"
	"cmp"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// Keys as a terminal sends them.
const (
	keyEnter     = "\r"
	keyEsc       = "\x1b"
	keyCtrlC     = "\x03"
	keyCtrlU     = "\x15"
	keyBackspace = "\x7f"
	keyShiftTab  = "\x1b[Z"
	keyCtrlR     = "\x12"
)

// screenTimeout bounds every wait for a screen.
const screenTimeout = 10 * time.Second

// paste wraps text in bracketed-paste markers, as a terminal sends a paste
// or a keyboard-wedge scan.
func paste(text string) string { return "\x1b[200~" + text + "\x1b[201~" }

// terminalKind says whether the pty answers the program's terminal queries.
type terminalKind int

const (
	// answering replies to the background colour query (OSC 11) and to
	// primary device attributes (DA1), as xterm, tmux or a Linux console
	// does. Bubble Tea's own query at start-up is fire and forget, but on a
	// non-zero exit fang's error handler calls lipgloss.HasDarkBackground,
	// which waits up to 2 s on stdin and 2 s more on stdout for an answer:
	// unanswered, "quit without saving" takes 4 s to end the process.
	answering terminalKind = iota
	// silent answers nothing, like a terminal that ignores those queries:
	// start-up and a walk to a saved connection must not wait for it.
	silent
)

// oscBackgroundST is the longest query answered.
const oscBackgroundST = "\x1b]11;?\x1b\\"

// queryReply is a terminal query and what an xterm with a dark background
// answers.
type queryReply struct{ query, reply string }

// queryReplies are the queries answered.
var queryReplies = []queryReply{
	{"\x1b]11;?\a", "\x1b]11;rgb:1e1e/1e1e/1e1e\a"},
	{oscBackgroundST, "\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\"},
	{"\x1b[c", "\x1b[?62;22c"},
}

// ptyOptions is the terminal a wizard runs in. The zero value is an
// answering 80×24 terminal, nothing added to the environment, and
// screenTimeout for each wait.
type ptyOptions struct {
	kind       terminalKind
	rows, cols uint16        // 24 and 80 if zero
	env        []string      // added to the wizard's own environment
	timeout    time.Duration // screenTimeout if zero
}

// ptyWizard is wcpos-setup running in a pseudo-terminal, 80×24 unless its
// ptyOptions say otherwise. A reader goroutine collects everything the
// program writes, so the pty buffer never fills up and blocks it.
type ptyWizard struct {
	tb      testing.TB
	cmd     *exec.Cmd
	pty     *os.File
	start   time.Time // just before the exec
	kind    terminalKind
	timeout time.Duration // bounds expect and wait

	mu      sync.Mutex
	raw     []byte
	grew    chan struct{} // closed and replaced whenever raw grows
	eof     bool
	mark    int // expect looks at raw[mark:]
	scanned int // raw is searched for queries from here

	exited chan struct{} // closed when the process has ended
	read   chan struct{} // closed when the reader has stopped
}

// startWizard runs the binary with args in a fresh 80×24 pseudo-terminal,
// with its own HOME and XDG_CONFIG_HOME.
func startWizard(tb testing.TB, kind terminalKind, args ...string) *ptyWizard {
	tb.Helper()
	return startWizardWith(tb, ptyOptions{kind: kind}, args...)
}

// startWizardWith is startWizard in the terminal opts describe.
func startWizardWith(tb testing.TB, opts ptyOptions, args ...string) *ptyWizard {
	tb.Helper()
	if runtime.GOOS == "windows" {
		tb.Skip("needs a Unix pseudo-terminal")
	}
	size := pty.Winsize{Rows: cmp.Or(opts.rows, 24), Cols: cmp.Or(opts.cols, 80)}
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{"TERM=xterm-256color", "HOME=" + tb.TempDir(), "XDG_CONFIG_HOME=" + tb.TempDir(),
		"PATH=" + os.Getenv("PATH")}, opts.env...)
	w := &ptyWizard{tb: tb, cmd: cmd, kind: opts.kind, timeout: cmp.Or(opts.timeout, screenTimeout),
		grew: make(chan struct{}), exited: make(chan struct{}), read: make(chan struct{})}
	w.start = time.Now()
	f, err := pty.StartWithSize(cmd, &size)
	if err != nil {
		tb.Fatal(err)
	}
	w.pty = f
	go w.collect()
	go func() { _ = cmd.Wait(); close(w.exited) }()
	tb.Cleanup(func() {
		select {
		case <-w.exited:
		default:
			_ = cmd.Process.Kill()
			<-w.exited
		}
		_ = f.Close()
		<-w.read
	})
	return w
}

// collect reads the pty until the program has gone, answering queries.
func (w *ptyWizard) collect() {
	defer close(w.read)
	buf := make([]byte, 64<<10)
	for {
		n, err := w.pty.Read(buf)
		w.mu.Lock()
		w.raw = append(w.raw, buf[:n]...)
		replies := w.repliesLocked()
		if err != nil {
			w.eof = true
		}
		close(w.grew)
		if !w.eof {
			w.grew = make(chan struct{})
		}
		w.mu.Unlock()
		if len(replies) > 0 {
			_, _ = w.pty.Write(replies)
		}
		if err != nil {
			return
		}
	}
}

// repliesLocked answers the queries that arrived since the last call.
func (w *ptyWizard) repliesLocked() []byte {
	if w.kind == silent {
		return nil
	}
	var out []byte
	from := w.scanned
	for {
		at, q := firstQuery(w.raw[from:])
		if at < 0 {
			break
		}
		out = append(out, q.reply...)
		from += at + len(q.query)
	}
	// A query cut in half by a read is searched again with its other half.
	w.scanned = max(from, len(w.raw)-len(oscBackgroundST)+1)
	return out
}

// firstQuery finds the first terminal query in b.
func firstQuery(b []byte) (int, queryReply) {
	at, found := -1, queryReply{}
	for _, q := range queryReplies {
		if i := bytes.Index(b, []byte(q.query)); i >= 0 && (at < 0 || i < at) {
			at, found = i, q
		}
	}
	return at, found
}

// send types keys into the terminal.
func (w *ptyWizard) send(keys string) {
	w.tb.Helper()
	if _, err := w.pty.Write([]byte(keys)); err != nil {
		w.tb.Fatalf("typing %q: %v", keys, err)
	}
}

// offset is how much output has arrived so far.
func (w *ptyWizard) offset() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.raw)
}

// waitFrom waits until the output since from, ANSI stripped, satisfies ok,
// and returns that text and when it arrived; ok is false on timeout or
// when the program has gone.
func (w *ptyWizard) waitFrom(from int, timeout time.Duration, ok func(string) bool) (string, time.Time, bool) {
	var text string
	_, at, done := w.waitRaw(from, timeout, func(raw string) bool {
		text = ansi.Strip(raw)
		return ok(text)
	})
	return text, at, done
}

// waitRaw is waitFrom on the output as written, escape sequences and all.
func (w *ptyWizard) waitRaw(from int, timeout time.Duration, ok func(string) bool) (string, time.Time, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		w.mu.Lock()
		raw, grew, eof := string(w.raw[from:]), w.grew, w.eof
		w.mu.Unlock()
		if ok(raw) {
			return raw, time.Now(), true
		}
		if eof {
			return raw, time.Time{}, false
		}
		select {
		case <-grew:
		case <-deadline.C:
			return raw, time.Time{}, false
		}
	}
}

// expect waits until every needle has appeared on screen since the last
// expect, and returns the text seen. It fails the test with the last screen
// after the wizard's timeout.
func (w *ptyWizard) expect(needles ...string) string {
	w.tb.Helper()
	w.mu.Lock()
	from := w.mark
	w.mu.Unlock()
	text, _, ok := w.waitFrom(from, w.timeout, func(s string) bool {
		for _, n := range needles {
			if !strings.Contains(s, n) {
				return false
			}
		}
		return true
	})
	if !ok {
		w.tb.Fatalf("waited %v for %q; the screen since the last one (ANSI stripped):\n%s", w.timeout, needles, lastLines(text, 30))
	}
	w.mu.Lock()
	w.mark = len(w.raw)
	w.mu.Unlock()
	return text
}

// settle waits until the program has written nothing for quiet, so a
// frame still arriving is not taken for the next one. It gives up after a
// second.
func (w *ptyWizard) settle(quiet time.Duration) { w.settleWithin(quiet, time.Second) }

// settleWithin waits up to limit for the program to write nothing for
// quiet, and returns how much output had arrived then; ok is false if it
// never went quiet.
func (w *ptyWizard) settleWithin(quiet, limit time.Duration) (at int, ok bool) {
	for end := time.Now().Add(limit); time.Now().Before(end); {
		n := w.offset()
		time.Sleep(quiet)
		if w.offset() == n {
			return n, true
		}
	}
	return w.offset(), false
}

// wait waits for the program to end and for the reader to have collected
// all it wrote, and returns its exit code.
func (w *ptyWizard) wait() int {
	w.tb.Helper()
	timeout := time.After(w.timeout)
	for _, done := range []chan struct{}{w.exited, w.read} {
		select {
		case <-done:
		case <-timeout:
			w.tb.Fatalf("the wizard did not end within %v; last screen:\n%s", w.timeout, lastLines(w.output(), 30))
			return -1
		}
	}
	return w.cmd.ProcessState.ExitCode()
}

// output is everything the program wrote, raw.
func (w *ptyWizard) output() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.raw)
}

// lastLines is the end of the ANSI-stripped text, for failure messages.
func lastLines(text string, n int) string {
	lines := strings.Split(strings.ReplaceAll(ansi.Strip(text), "\r", ""), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// tempConfig is a configuration file path in a fresh directory.
func tempConfig(tb testing.TB) string { return filepath.Join(tb.TempDir(), "config.json") }
