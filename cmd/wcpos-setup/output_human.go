package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// humanStyles colour the check output; colorprofile drops the colour when
// the output is not a terminal or NO_COLOR is set.
type humanStyles struct {
	ok, warn, fail, dim, bold lipgloss.Style
}

func newHumanStyles() humanStyles {
	return humanStyles{
		ok:   lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
		warn: lipgloss.NewStyle().Foreground(lipgloss.Color("3")),
		fail: lipgloss.NewStyle().Foreground(lipgloss.Color("1")),
		dim:  lipgloss.NewStyle().Faint(true),
		bold: lipgloss.NewStyle().Bold(true),
	}
}

// writeHuman prints one line per check with ✓/!/✗, then each finding with
// its code, cause, fix, admin page and evidence, then the verdict.
func writeHuman(out io.Writer, getenv func(string) string, r *wooclient.Report, noKey bool, code int) error {
	w := colorprofile.NewWriter(out, environ(getenv))
	st := newHumanStyles()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", st.bold.Render("wcpos-setup check"), r.Store.URL)
	if r.Store.Name != "" {
		fmt.Fprintf(&b, "Store: %s — %s\n\n", r.Store.Name, r.Store.Home)
	}
	for _, c := range r.Checks {
		icon := map[wooclient.State]string{wooclient.StateOK: st.ok.Render("✓"), wooclient.StateWarn: st.warn.Render("!"),
			wooclient.StateFail: st.fail.Render("✗")}[c.State]
		if icon == "" {
			icon = st.dim.Render("–")
		}
		fmt.Fprintf(&b, "%s %-26s %s\n", icon, c.ID.Label(), st.dim.Render(c.Detail))
	}
	if noKey {
		b.WriteString(st.dim.Render("\nNo key given: store checks only. Keys come from the profile, WCPOS_CONSUMER_KEY/SECRET or --keys-stdin.") + "\n")
	}
	for _, f := range r.Findings {
		writeFinding(&b, st, f)
	}
	b.WriteString("\n" + verdict(st, r, code) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFinding prints one finding, the way support reads it on the phone.
func writeFinding(b *strings.Builder, st humanStyles, f wooclient.Finding) {
	style := map[wooclient.Severity]lipgloss.Style{wooclient.SeverityBlocker: st.fail, wooclient.SeverityWarning: st.warn}[f.Severity]
	fmt.Fprintf(b, "\n%s — %s (%s)\n", style.Render(f.Label()), f.Title, f.Severity)
	if f.Detail != "" {
		fmt.Fprintf(b, "  What:    %s\n", f.Detail)
	}
	fmt.Fprintf(b, "  Cashier: %s\n  Admin:   %s\n", f.Message, f.Fix)
	if f.AdminURL != "" {
		fmt.Fprintf(b, "  Open:    %s\n", f.AdminURL)
	}
	if d := f.DocsURL(); d != "" {
		fmt.Fprintf(b, "  Docs:    %s\n", d)
	}
	for _, e := range f.Evidence {
		fmt.Fprintf(b, "  %s\n", st.dim.Render("· "+e.String()))
	}
}

func verdict(st humanStyles, r *wooclient.Report, code int) string {
	switch code {
	case exitOK:
		if w := len(r.Warnings()); w > 0 {
			return st.ok.Render("✓ Works") + fmt.Sprintf(", with %d warning(s).", w)
		}
		return st.ok.Render("✓ Works.")
	case exitKey:
		return st.fail.Render("✗ Not working: a key or permission problem") + " (exit 1)."
	}
	return st.fail.Render("✗ Not working: a store or network problem") + " (exit 2)."
}

// environ rebuilds the environment colorprofile reads (NO_COLOR, TERM…)
// from the app's getenv, so tests control it.
func environ(getenv func(string) string) []string {
	var env []string
	for _, k := range []string{"TERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM"} {
		if v := getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	if len(env) == 0 {
		return os.Environ()
	}
	return env
}
