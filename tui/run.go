package tui

import (
	"context"
	"errors"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Run runs the wizard until the user finishes or quits, on Options.In and
// Options.Out (the terminal when nil), or as plain line prompts when
// Options.Accessible is set. It never decides an exit code: Result says
// whether a connection was saved or kept, where, and the last report, and
// cmd turns that into one. The error is for the program itself failing
// (the terminal, or ctx cancelled), not for a store that failed its checks.
func Run(ctx context.Context, deps Deps, opts Options) (Result, error) {
	if deps.Checker == nil {
		return Result{}, errors.New("tui: no Checker given")
	}
	if opts.Accessible {
		return runAccessible(ctx, deps, opts)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	po := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.In != nil {
		po = append(po, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		po = append(po, tea.WithOutput(opts.Out))
	}
	if env, changed := noColorEnviron(os.Environ()); changed {
		po = append(po, tea.WithEnvironment(env))
	}
	final, err := tea.NewProgram(newModel(ctx, deps, opts), po...).Run()
	m, ok := final.(Model)
	if !ok {
		return Result{}, err
	}
	res := m.result
	if res.Step == "" {
		res.Step = m.step.String()
	}
	if res.Report == nil {
		res.Report = m.lastReport
	}
	return res, err
}

// noColorEnviron makes NO_COLOR mean what no-color.org says: any non-empty
// value turns colour off. Bubble Tea's colour profile detection
// (colorprofile.Detect) honours NO_COLOR and TERM=dumb, but reads NO_COLOR
// with strconv.ParseBool, so "NO_COLOR=yes" or "NO_COLOR=0" would keep the
// colours; such values are rewritten to "1".
func noColorEnviron(env []string) ([]string, bool) {
	changed := false
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "NO_COLOR="); ok && v != "" && v != "1" {
			kv, changed = "NO_COLOR=1", true
		}
		out = append(out, kv)
	}
	return out, changed
}
