package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/wcpos/wcpos-setup/tui/locale"
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
func writeHuman(out io.Writer, getenv func(string) string, tr *locale.Translator, r *wooclient.Report, noKey bool, code int) error {
	w := colorprofile.NewWriter(out, environ(getenv))
	st := newHumanStyles()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", st.bold.Render("wcpos-setup check"), r.Store.URL)
	if r.Store.Name != "" {
		fmt.Fprintf(&b, "%s\n\n", tr.T("out.store-line", "Name", r.Store.Name, "Home", r.Store.Home))
	}
	labels := make([]string, len(r.Checks))
	for i, c := range r.Checks {
		labels[i] = tr.Check(c.ID)
	}
	col := max(columnWidth(labels...), 26)
	for i, c := range r.Checks {
		icon := map[wooclient.State]string{wooclient.StateOK: st.ok.Render("✓"), wooclient.StateWarn: st.warn.Render("!"),
			wooclient.StateFail: st.fail.Render("✗")}[c.State]
		if icon == "" {
			icon = st.dim.Render("–")
		}
		fmt.Fprintf(&b, "%s %s %s\n", icon, padCells(labels[i], col), st.dim.Render(tr.CheckDetail(c)))
	}
	if noKey {
		b.WriteString("\n" + st.dim.Render(tr.T("out.no-key")) + "\n")
	}
	for _, f := range r.Findings {
		writeFinding(&b, st, tr, f)
	}
	b.WriteString("\n" + verdict(st, tr, r, code) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// columnWidth is the widest of some labels in terminal cells, counted the
// way terminals lay out plain output (wcwidth: a CJK character takes two,
// a Devanagari vowel sign one, an accent none).
func columnWidth(labels ...string) int {
	w := 0
	for _, l := range labels {
		w = max(w, ansi.WcWidth.StringWidth(l))
	}
	return w
}

// labelled writes label/value rows with the values in one column, as far
// in as the widest (translated) label: indent, label, padding, gap, value.
func labelled(w io.Writer, indent, gap string, rows [][2]string) {
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = r[0]
	}
	col := columnWidth(labels...)
	for _, r := range rows {
		fmt.Fprintf(w, "%s%s%s%s\n", indent, padCells(r[0], col), gap, r[1])
	}
}

// padCells pads s with spaces to w cells.
func padCells(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.WcWidth.StringWidth(s)))
}

// writeFinding prints one finding, the way support reads it on the phone.
func writeFinding(b *strings.Builder, st humanStyles, tr *locale.Translator, f wooclient.Finding) {
	style := map[wooclient.Severity]lipgloss.Style{wooclient.SeverityBlocker: st.fail, wooclient.SeverityWarning: st.warn}[f.Severity]
	fmt.Fprintf(b, "\n%s — %s (%s)\n", style.Render(f.Label()), tr.Title(f.Cause), tr.Severity(f.Severity))
	rows := [][2]string{}
	if d := tr.Detail(f); d != "" {
		rows = append(rows, [2]string{tr.T("out.what"), d})
	}
	rows = append(rows, [2]string{tr.T("out.cashier"), tr.Message(f.Cause)}, [2]string{tr.T("out.admin"), tr.Fix(f.Cause)})
	if f.AdminURL != "" {
		rows = append(rows, [2]string{tr.T("out.open"), f.AdminURL})
	}
	if d := tr.DocsURL(f.Code); d != "" {
		rows = append(rows, [2]string{tr.T("out.docs"), d})
	}
	labelled(b, "  ", " ", rows)
	for _, e := range f.Evidence {
		fmt.Fprintf(b, "  %s\n", st.dim.Render("· "+e.String()))
	}
}

func verdict(st humanStyles, tr *locale.Translator, r *wooclient.Report, code int) string {
	switch code {
	case exitOK:
		if w := len(r.Warnings()); w > 0 {
			return st.ok.Render("✓ " + tr.N("out.works-warnings", w))
		}
		return st.ok.Render("✓ " + tr.T("out.works"))
	case exitKey:
		return st.fail.Render("✗ " + tr.T("out.key-problem"))
	}
	return st.fail.Render("✗ " + tr.T("out.store-problem"))
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
