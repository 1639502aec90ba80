package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// anyFullKey is a whole key or secret, known to the test or not: any case,
// the underscore raw or percent-encoded once or twice.
var anyFullKey = regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)[0-9a-f]{40}`)

// longHex is a key's or secret's body, with or without its prefix (nonces
// and probe names in evidence are shorter).
var longHex = regexp.MustCompile(`(?i)[0-9a-f]{40}`)

// guarded is one key or secret a run must not print, and how much of it
// may show: a key its last 7 characters (ck_…abc1234), a secret nothing.
type guarded struct {
	label string
	value string
	parts []string // lower-cased stretches longer than what may show
	b64   []string // the value inside base64 (an HTTP Basic header)
}

// leakGuard finds the keys and secrets of a run in any text: whole, in part,
// in any case, percent-encoded (hex digits do not change) or in base64.
type leakGuard struct{ values []guarded }

// addPair guards a key (8 characters in a row are more than its ending)
// and a secret (7 in a row are as many as a key's ending: a secret shows
// none of its body).
func (g *leakGuard) addPair(label, key, secret string) {
	g.add(label+" key", key, 8)
	g.add(label+" secret", secret, 7)
}

func (g *leakGuard) add(label, value string, window int) {
	value = strings.TrimSpace(value)
	if len(value) < window {
		return
	}
	for _, v := range g.values {
		if strings.EqualFold(v.value, value) {
			return
		}
	}
	gv := guarded{label: label, value: value}
	for i := 0; i+window <= len(value); i++ {
		gv.parts = append(gv.parts, lowerASCII(value[i:i+window]))
	}
	for pad := range 3 { // the three ways the value can fall on base64's 3-byte groups
		enc := base64.StdEncoding.EncodeToString(append(bytes.Repeat([]byte{':'}, pad), value...))
		gv.b64 = append(gv.b64, enc[4:len(enc)-4]) // the part only the value decides
	}
	g.values = append(slices.Clip(g.values), gv) // copies of a guard never share additions
}

// lowerASCII lower-cases A–Z only, so offsets stay those of s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// leaks lists what text shows of the guarded values, once per value, each
// with the line it is on (guarded values named, not shown), and any whole
// key the guard does not know. Values in allow may appear whole: the
// secret on screen while the user reveals it.
func (g leakGuard) leaks(text string, allow ...string) []string {
	plain := text
	if stripped := ansi.Strip(text); stripped != text {
		plain = text + "\n" + stripped // escape sequences must not split a value into safety
	}
	var out []string
	for _, v := range g.values {
		rest := plain
		for _, a := range allow {
			if strings.EqualFold(a, v.value) {
				rest = strings.ReplaceAll(rest, a, "<revealed "+v.label+">")
			}
		}
		lower := lowerASCII(rest)
		if i, p := indexAny(lower, v.parts); i >= 0 {
			out = append(out, fmt.Sprintf("the %s (%q is part of it): %s", v.label, rest[i:i+len(p)], g.context(rest, []int{i, i + len(p)})))
		} else if i, p := indexAny(rest, v.b64); i >= 0 {
			out = append(out, fmt.Sprintf("the %s in base64: %s", v.label, g.context(rest, []int{i, i + len(p)})))
		}
	}
	for _, m := range anyFullKey.FindAllStringIndex(plain, -1) {
		if s := plain[m[0]:m[1]]; !g.known(s) {
			out = append(out, "a key or secret: "+g.context(plain, m))
			break
		}
	}
	return out
}

// indexAny is the first of subs found in s, and where.
func indexAny(s string, subs []string) (int, string) {
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 {
			return i, sub
		}
	}
	return -1, ""
}

// known reports whether a whole key found in text is a guarded value, in
// any case or encoding (its leak is then reported by name).
func (g leakGuard) known(s string) bool {
	for _, v := range g.values {
		if len(v.value) > 3 && strings.HasSuffix(lowerASCII(s), lowerASCII(v.value[3:])) {
			return true
		}
	}
	return false
}

// context is the line around m, every guarded value in it (whole, any
// case or encoding) replaced by its label.
func (g leakGuard) context(s string, m []int) string {
	start := strings.LastIndexAny(s[:m[0]], "\r\n") + 1
	end := len(s)
	if i := strings.IndexAny(s[m[1]:], "\r\n"); i >= 0 {
		end = m[1] + i
	}
	line := s[start:end]
	for _, v := range g.values {
		if len(v.value) > 3 {
			whole := regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)` + regexp.QuoteMeta(v.value[3:]))
			line = whole.ReplaceAllString(line, "<"+v.label+">")
		}
	}
	return strings.TrimSpace(ansi.Strip(anyFullKey.ReplaceAllString(line, "<a key>")))
}

// assertNoLeak fails the test for each leak in text, naming the output.
func (g leakGuard) assertNoLeak(t *testing.T, output, text string, allow ...string) {
	t.Helper()
	for _, l := range g.leaks(text, allow...) {
		t.Errorf("LEAK in %s: %s", output, l)
	}
}

// maskedKey is a key as it may be shown: "ck_…" and its last 7 characters.
func maskedKey(key string) string { return "ck_…" + key[len(key)-7:] }

// outputTail is the end of an output, for a timeout's message.
func outputTail(s string, n int) string {
	if len(s) > n {
		s = "…" + s[len(s)-n:]
	}
	return s
}

// lockedBuffer is a bytes.Buffer the program writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *lockedBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *lockedBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// lineBot answers the accessible wizard so that it walks a scenario to the
// end it allows, or stops at the blocker: in demo mode it repairs the
// saved connection with a key the practice admin makes (scanned, then
// fixed to Read/Write if need be); with a pair to type it starts over and
// types it, upper-cased first (refused) and swapped (put back). Then it
// saves and asks for the support report. Where only an admin could go on
// (a store blocker, a key no click fixes) it quits.
type lineBot struct {
	typed practicePair
	asked map[string]int
}

// rule is the answers to a question, by how often it was asked before.
func (b *lineBot) rule(q string) (string, []string, bool) {
	saved, have := "2", "2" // repair; no key yet: the practice admin makes one
	key, secret := []string{"q"}, []string{"q"}
	if b.typed.key != "" {
		saved, have = "3", "1" // start over; I have the key and the secret
		key = []string{strings.ToUpper(b.typed.key), b.typed.secret, b.typed.line()}
		secret = []string{b.typed.key}
	}
	for _, r := range []struct {
		prefix  string
		answers []string
	}{
		{"Type 1 to keep it, 2 to repair it", []string{saved}},
		{"Store address", []string{"", "q"}}, // the address given; quit at a blocker
		{"Is this your store?", []string{"y"}},
		{"Type 1, 2 or 3:", []string{have}},
		{"Type g to have the practice store generate", []string{"g", "s"}},
		{"Press Enter when you have the key and the secret", []string{""}},
		{"Press Enter to use key", []string{""}},
		{"Consumer key", key},
		{"Consumer secret", secret},
		{"Type f to have the practice admin fix it", []string{"f"}},
		{"Press Enter to check again once it is changed", []string{"q"}},
		{"Press Enter to check again", []string{""}},
		{"Save this connection", []string{"y"}},
		{"Type c to print a support report", []string{"c"}},
		{"Quit without saving?", []string{"y"}},
	} {
		if strings.HasPrefix(q, r.prefix) {
			return r.prefix, r.answers, true
		}
	}
	return "", nil, false
}

// knows reports whether q is a question the bot answers.
func (b *lineBot) knows(q string) bool {
	_, _, ok := b.rule(q)
	return ok
}

// answer answers q and counts it asked.
func (b *lineBot) answer(q string) string {
	prefix, answers, _ := b.rule(q)
	if b.asked == nil {
		b.asked = map[string]int{}
	}
	n := b.asked[prefix]
	b.asked[prefix]++
	return answers[min(n, len(answers)-1)]
}

// lineSession is the accessible wizard running in process, its standard
// input a pipe the test answers on, question by question.
type lineSession struct {
	t              *testing.T
	stdin          *io.PipeWriter
	stdout, stderr lockedBuffer
	code           chan int
}

// startLines runs the app in this process with args and env.
func startLines(t *testing.T, env map[string]string, args ...string) *lineSession {
	t.Helper()
	r, w := io.Pipe()
	s := &lineSession{t: t, stdin: w, code: make(chan int, 1)}
	a := &app{stdin: r, stdout: &s.stdout, stderr: &s.stderr, version: "test",
		getenv: func(k string) string { return env[k] }}
	go func() {
		// Named signals: with none, every signal would cancel the run, the
		// SIGCHLD of other tests' processes included.
		code := a.main(context.Background(), args, os.Interrupt)
		_ = r.CloseWithError(io.EOF) // an answer written after the end fails instead of blocking
		s.code <- code
	}()
	t.Cleanup(func() { _ = w.Close() })
	return s
}

// converse answers each question with answer(question) until the program
// ends, and returns its exit code. A question is the last line printed,
// printed since the previous answer, when answer knows it.
func (s *lineSession) converse(bot *lineBot) int {
	s.t.Helper()
	from := 0
	for n := 0; ; n++ {
		if n > 60 {
			s.t.Fatalf("more than 60 questions; the walk goes round in circles:\n%s", outputTail(s.stdout.String(), 3000))
		}
		q, code, ended := s.nextQuestion(from, bot.knows)
		if ended {
			return code
		}
		line := bot.answer(q)
		from = len(s.stdout.String())
		if _, err := io.WriteString(s.stdin, line+"\n"); err != nil {
			s.t.Fatalf("answering %q: %v\n%s", q, err, outputTail(s.stdout.String(), 3000))
		}
	}
}

// nextQuestion waits for a question printed after from, or the end.
func (s *lineSession) nextQuestion(from int, known func(string) bool) (string, int, bool) {
	s.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case code := <-s.code:
			return "", code, true
		case <-deadline:
			s.t.Fatalf("no question after 20s; the output ends:\n%s\nstderr: %s", outputTail(s.stdout.String(), 3000), s.stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
		out := s.stdout.String()
		if len(out) <= from || !strings.HasSuffix(out, "\n") {
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out[from:], "\n"), "\n")
		if q := lines[len(lines)-1]; q != "" {
			if known(q) {
				return q, 0, false
			}
		}
	}
}

// screenRun is the real binary in a pseudo-terminal; out holds every byte
// it wrote, escape sequences included.
type screenRun struct {
	t    *testing.T
	tty  *os.File
	cmd  *exec.Cmd
	out  lockedBuffer
	done chan struct{}
}

// startScreen starts the binary in a 100×40 pseudo-terminal.
func startScreen(t *testing.T, env []string, args ...string) *screenRun {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color"}, env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	s := &screenRun{t: t, tty: tty, cmd: cmd, done: make(chan struct{})}
	go s.read()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = tty.Close()
	})
	return s
}

// terminalQuery is what the program asks the terminal: its background
// colour (OSC 11) and its attributes (DA1).
var terminalQuery = regexp.MustCompile(`\x1b\]11;\?|\x1b\[c`)

// read keeps what the program writes and answers its queries as a dark
// xterm would: unanswered, each waits out a timeout when the program ends.
func (s *screenRun) read() {
	defer close(s.done)
	buf := make([]byte, 32<<10)
	seen := 0 // queries before this offset are answered
	for {
		n, err := s.tty.Read(buf)
		_, _ = s.out.Write(buf[:n])
		out := s.out.String()
		next := max(seen, len(out)-len("\x1b]11;?")+1) // a query cut in two is found whole next time
		for _, m := range terminalQuery.FindAllStringIndex(out[seen:], -1) {
			if out[seen+m[0]:seen+m[1]] == "\x1b[c" {
				_, _ = s.tty.WriteString("\x1b[?62;22c")
			} else {
				_, _ = s.tty.WriteString("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\")
			}
			next = max(next, seen+m[1])
		}
		seen = next
		if err != nil {
			return // EIO once the program has exited
		}
	}
}

// send types keys; the terminal hands them to the program as they come.
func (s *screenRun) send(keys string) {
	s.t.Helper()
	if _, err := s.tty.WriteString(keys); err != nil {
		s.t.Fatalf("typing %q: %v", keys, err)
	}
}

// step types keys and waits for the window title of the step they lead
// to, then for its frame to be drawn.
func (s *screenRun) step(keys, title string) {
	s.t.Helper()
	from := s.mark()
	s.send(keys)
	s.waitFor(from, "wcpos-setup · "+title)
	s.settle()
}

// mark is how many bytes the program has written so far.
func (s *screenRun) mark() int { return len(s.out.String()) }

// waitFor waits until what the program wrote after from contains want,
// as written (a window title) or with escape sequences stripped.
func (s *screenRun) waitFor(from int, want string) {
	s.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if out := s.out.String()[from:]; strings.Contains(out, want) || strings.Contains(ansi.Strip(out), want) {
			return
		}
	}
	s.t.Fatalf("waited 20s for %q; the screen output ends:\n%s", anyFullKey.ReplaceAllString(want, "<the secret>"),
		outputTail(ansi.Strip(s.out.String()), 2500))
}

// settle waits until the program has written nothing for a moment: the
// frame for the last key is drawn.
func (s *screenRun) settle() int {
	s.t.Helper()
	last, since := -1, time.Now()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if n := s.mark(); n != last {
			last, since = n, time.Now()
		} else if time.Since(since) > 150*time.Millisecond {
			return n
		}
	}
	s.t.Fatalf("the screen never settled; it ends:\n%s", outputTail(ansi.Strip(s.out.String()), 2500))
	return 0
}

// wait waits for the program to end and returns its exit code.
func (s *screenRun) wait() int {
	s.t.Helper()
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.t.Fatalf("the wizard did not end; the screen output ends:\n%s", outputTail(ansi.Strip(s.out.String()), 2500))
	}
	_ = s.cmd.Wait()
	return s.cmd.ProcessState.ExitCode()
}

// insertLines is the renderer's "insert lines above" (CSI n L), after which
// Bubble Tea writes the transcript lines, each ending in CR LF.
var insertLines = regexp.MustCompile(`\x1b\[(\d*)L`)

// scrollback returns the transcript: the lines printed above the live area.
func scrollback(raw string) []string {
	var lines []string
	for _, m := range insertLines.FindAllStringSubmatchIndex(raw, -1) {
		n := 1
		if m[3] > m[2] {
			_, _ = fmt.Sscan(raw[m[2]:m[3]], &n)
		}
		rest := raw[m[1]:]
		for range n {
			i := strings.Index(rest, "\r\n")
			if i < 0 {
				break
			}
			if l := ansi.Strip(rest[:i]); l != "" {
				lines = append(lines, l)
			}
			rest = rest[i+2:]
		}
	}
	return lines
}

// clipboardTexts returns the texts the program put on the clipboard (OSC 52).
func clipboardTexts(raw string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\x1b\]52;[a-z]*;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)`).FindAllStringSubmatch(raw, -1) {
		if b, err := base64.StdEncoding.DecodeString(m[1]); err == nil {
			out = append(out, string(b))
		}
	}
	return out
}
