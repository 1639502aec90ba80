package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// leakScreenTimeout bounds each wait in a full-screen leak run: the
// scenarios run in parallel, each with its own store and processes.
const leakScreenTimeout = 20 * time.Second

// startLeakScreen starts the wizard in a 100×40 terminal that answers its
// queries, env added to its environment.
func startLeakScreen(t *testing.T, env []string, args ...string) *ptyWizard {
	t.Helper()
	return startWizardWith(t, ptyOptions{rows: 40, cols: 100, env: env, timeout: leakScreenTimeout}, args...)
}

// waitShown waits until what the program wrote after from contains want,
// as written (a window title, an OSC 52 copy) or with escape sequences
// stripped. A key or secret waited for is not repeated in the failure.
func (w *ptyWizard) waitShown(from int, want string) {
	w.tb.Helper()
	shown := func(raw string) bool { return strings.Contains(raw, want) || strings.Contains(ansi.Strip(raw), want) }
	if _, _, ok := w.waitRaw(from, w.timeout, shown); !ok {
		w.tb.Fatalf("waited %v for %q; the screen output ends:\n%s", w.timeout,
			anyFullKey.ReplaceAllString(want, "<the secret>"), outputTail(ansi.Strip(w.output()), 2500))
	}
}

// drawn waits until the program has written nothing for 150 ms, the frame
// for the last key drawn, and returns how much it had written by then. It
// fails the test if the screen is still changing after 10 s.
func (w *ptyWizard) drawn() int {
	w.tb.Helper()
	at, ok := w.settleWithin(150*time.Millisecond, 10*time.Second)
	if !ok {
		w.tb.Fatalf("the screen never settled; it ends:\n%s", outputTail(ansi.Strip(w.output()), 2500))
	}
	return at
}

// step types keys and waits for the window title of the step they lead
// to, then for its frame to be drawn.
func (w *ptyWizard) step(keys, title string) {
	w.tb.Helper()
	from := w.offset()
	w.send(keys)
	w.waitShown(from, "wcpos-setup · "+title)
	w.drawn()
}

// fullScreen is part 4: the real binary in a pseudo-terminal on `demo
// serve`. The terminal pair is pasted into S4 (bracketed paste), shown
// with ctrl+r and hidden again. Its secret may appear only between the
// two presses, where the user asked to see it: not before, not after,
// never in the transcript printed to the scrollback, nor in the support
// report copied through OSC 52. No other secret may appear at all.
func (r *leakRun) fullScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wcpos", "config.json")
	args := []string{"--cacert", r.s.ca, "--config", path}
	var p *ptyWizard
	if r.scenario == "wrong-pair" {
		// the broken pair as the saved connection: S0 checks it, repair goes to S2
		p = startLeakScreen(t, []string{"WCPOS_STORE_URL=" + r.s.url, "WCPOS_CONSUMER_KEY=" + r.terminal.key,
			"WCPOS_CONSUMER_SECRET=" + r.terminal.secret}, args...)
		p.waitShown(0, "S0 Saved connection "+maskedKey(r.terminal.key))
		p.drawn()
		p.step("2", "S2 Locate keys")
	} else {
		p = startLeakScreen(t, nil, append(args, "--url", r.s.url)...)
		p.waitShown(0, "wcpos-setup · S1 Store")
		p.drawn()
		p.send(keyEnter)
		p.waitShown(0, "Is this your store?")
		p.drawn()
		p.step("y", "S2 Locate keys")
	}
	p.step("1", "S4 Enter keys")
	if r.scenario == "wrong-pair" {
		from := p.offset()
		p.send(paste(r.terminal.line()))
		p.waitShown(from, "✗ S4 Keys "+maskedKey(r.terminal.key))
	} else {
		p.step(paste(r.terminal.line()), "S5 Permissions")
		p.step(keyEsc, "S4 Enter keys") // back, to see the pair the store accepted
	}
	before := p.drawn()
	p.send(keyCtrlR) // reveal
	p.waitShown(before, r.terminal.secret)
	p.drawn()
	hide := p.offset()
	p.send(keyCtrlR) // hide
	p.waitShown(hide, strings.Repeat("•", 43))
	after := p.drawn()
	want := exitOK
	switch r.scenario {
	case "wrong-pair":
		p.step(paste(r.admin.line()), "S5 Permissions")
	case "read-only":
		p.send(keyCtrlC) // then yes: quit without saving
		p.drawn()
		p.send("y")
		want = exitKey
	default:
		p.step(keyEnter, "S5 Permissions")
	}
	if want == exitOK {
		p.step(keyEnter, "S6 Review and save")
		p.step(keyEnter, "S7 Done")
		from := p.offset()
		p.send("c") // the support report, copied through OSC 52
		p.waitShown(from, "\x1b]52;")
		p.drawn()
		p.send(keyEnter)
	}
	if code := p.wait(); code != want {
		t.Errorf("the wizard ended with exit %d, want %d", code, want)
	}
	r.assertScreen(t, p.output(), path, before, after)
}

// assertScreen checks the byte stream of a full-screen run: the revealed
// secret only between before and after, the transcript and the copied
// report without it, and the pasted key named masked in the transcript.
func (r *leakRun) assertScreen(t *testing.T, raw, path string, before, after int) {
	g := r.g
	var saved practicePair
	if _, err := os.Stat(path); err == nil {
		saved, g = r.savedConfig(t, g, path)
	}
	g.assertNoLeak(t, "the screen before the reveal", raw[:before])
	g.assertNoLeak(t, "the screen while the secret is revealed (only it may show)", raw[before:after], r.terminal.secret)
	g.assertNoLeak(t, "the screen after hiding the secret", raw[after:])
	lines := scrollback(raw)
	g.assertNoLeak(t, "the transcript in the scrollback", strings.Join(lines, "\n"))
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.Contains(l, "S4 Keys") && strings.Contains(l, maskedKey(r.terminal.key))
	}) {
		t.Errorf("the transcript does not name the pasted key as %s:\n%s", maskedKey(r.terminal.key), strings.Join(lines, "\n"))
	}
	reports := clipboardTexts(raw)
	for _, rep := range reports {
		g.assertNoLeak(t, "the support report copied through OSC 52", rep)
	}
	if saved.key != "" && (len(reports) != 1 || !strings.Contains(reports[0], "Key:         "+maskedKey(saved.key))) {
		t.Errorf("want one support report naming the key as %s, got %q", maskedKey(saved.key), reports)
	}
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
