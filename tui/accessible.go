package tui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// The accessible mode: the same steps, checks and findings as the wizard,
// as plain sequential lines for screen readers and TERM=dumb. It writes no
// escape sequence and moves no cursor; check states are bracketed tags
// ([ok], [warn], [fail], [skip]). It prints nothing back of what is typed: the
// secret is read as an ordinary line, and whether the terminal echoes it is
// the operating system's line discipline, not this program. At any question
// "b" goes back a step, "q" quits and "?" lists these.

// errQuit and errBack are the answers "q" and "b".
var (
	errQuit = errors.New("quit")
	errBack = errors.New("back")
)

// lineUI is the accessible mode's state: what the steps have learnt so far.
type lineUI struct {
	ctx  context.Context
	deps Deps
	opts Options
	tr   *locale.Translator // the language every line speaks
	in   *bufio.Scanner
	out  io.Writer
	mu   sync.Mutex // observers print from the diagnosis goroutines

	store     *wooclient.Report // the recognised store's discovery
	creds     wooclient.Credentials
	keyReport *wooclient.Report
	minted    wooclient.Credentials
	path      string
	result    Result
}

// runAccessible is Run for the accessible mode: stdin and stdout when
// Options gives no In or Out, and the same Result.
func runAccessible(ctx context.Context, deps Deps, opts Options) (Result, error) {
	in, out := opts.In, opts.Out
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stdout
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024) // a 10 kB paste is one line
	tr := opts.Tr
	if tr == nil {
		tr = englishTranslator()
	}
	a := &lineUI{ctx: ctx, deps: deps, opts: opts, tr: tr, in: sc, out: out}
	err := a.run()
	if a.result.Report == nil {
		a.result.Report = a.last()
	}
	switch {
	case errors.Is(err, errQuit):
		a.say(tr.T("access.quit"))
		return a.result, nil
	case errors.Is(err, io.EOF):
		a.say(tr.T("access.input-ended"))
		return a.result, nil
	}
	return a.result, err
}

// run walks the steps; each returns the next one, or errBack to return to
// the one before.
func (a *lineUI) run() error {
	a.say(a.tr.T("access.intro", "Version", safeText(a.opts.Version)))
	a.say(a.tr.T("access.no-echo", "Back", answerBack, "Quit", answerQuit))
	cur := stepStore
	if a.opts.Saved != nil {
		cur = stepSaved
	}
	var history []step
	for {
		a.result.Step = cur.String()
		a.say("")
		a.say(a.tr.T("frame.step-of", "N", int(cur), "Total", int(lastStep), "Name", stepName(a.tr, cur)))
		next, err := a.step(cur)
		switch {
		case errors.Is(err, errBack):
			if len(history) > 0 {
				cur, history = history[len(history)-1], history[:len(history)-1]
			}
			continue
		case err != nil:
			return err
		case next == cur:
			continue
		case next > lastStep:
			return nil
		}
		history = append(history, cur)
		cur = next
	}
}

// step runs one step.
func (a *lineUI) step(s step) (step, error) {
	switch s {
	case stepSaved:
		return a.savedStep()
	case stepStore:
		return a.storeStep()
	case stepLocate:
		return a.locateStep()
	case stepGenerate:
		return a.generateStep()
	case stepKeys:
		return a.keysStep()
	case stepPermissions:
		return a.permissionsStep()
	case stepReview:
		return a.reviewStep()
	}
	return a.doneStep()
}

// say prints one line. Every line goes through safeText's filtering of
// control characters, so nothing from the store reaches the terminal as an
// escape sequence.
func (a *lineUI) say(line string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintln(a.out, printable(line))
}

// ask prints a question and reads one line. "q" and "b" are answered for
// every question; "?" repeats what they do.
func (a *lineUI) ask(question string) (string, error) {
	for {
		a.say(question)
		if !a.in.Scan() {
			if err := a.in.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}
		line := strings.TrimRight(a.in.Text(), "\r")
		switch strings.ToLower(strings.TrimSpace(line)) {
		case answerQuit, "quit":
			if !a.unsaved() {
				return "", errQuit
			}
			a.say(a.tr.T("frame.quit-unsaved", "YesKey", answerYes, "NoKey", answerNo))
			if a.in.Scan() && strings.EqualFold(strings.TrimSpace(a.in.Text()), answerYes) {
				return "", errQuit
			}
			continue
		case answerBack, "back":
			return "", errBack
		case "?":
			a.say(a.tr.T("access.help", "Back", answerBack, "Quit", answerQuit))
			continue
		}
		return line, nil
	}
}

// unsaved reports whether quitting would lose keys typed in this run.
func (a *lineUI) unsaved() bool {
	if a.creds.IsZero() || a.result.Saved {
		return false
	}
	sv := a.opts.Saved
	return sv == nil || sv.Credentials != a.creds
}

// observe prints each check as its verdict arrives and records which were
// printed, so the ones the report adds later (skipped) are printed once.
func (a *lineUI) observe(printed map[wooclient.CheckID]bool) wooclient.Observer {
	return func(r wooclient.CheckResult) {
		if !r.State.Done() {
			return
		}
		a.mu.Lock()
		seen := printed[r.ID]
		printed[r.ID] = true
		a.mu.Unlock()
		if !seen {
			a.say("  " + a.plainCheck(r))
		}
	}
}

// finish prints the checks the observer did not, then the findings.
func (a *lineUI) finish(rep *wooclient.Report, printed map[wooclient.CheckID]bool) {
	for _, c := range rep.Checks {
		a.mu.Lock()
		seen := printed[c.ID]
		a.mu.Unlock()
		if !seen {
			a.say("  " + a.plainCheck(c))
		}
	}
	for _, f := range rep.Findings {
		for _, l := range plainFinding(a.tr, f) {
			a.say(l)
		}
	}
}

// last is the most recent report of the run.
func (a *lineUI) last() *wooclient.Report {
	if a.keyReport != nil {
		return a.keyReport
	}
	return a.store
}

// now reads the clock (this mode is not a Bubble Tea model: it may).
func (a *lineUI) now() time.Time { return a.deps.now() }
