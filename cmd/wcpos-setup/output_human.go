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
//
// width is the terminal's (lineWidth), 0 for one line per item.
func writeHuman(out io.Writer, width int, getenv func(string) string, tr *locale.Translator, r *wooclient.Report, noKey bool, code int) error {
	w := colorprofile.NewWriter(out, environ(getenv))
	st := newHumanStyles()
	var b strings.Builder
	whole(&b, width, st.bold.Render("wcpos-setup check")+" ", r.Store.URL)
	b.WriteString("\n")
	if r.Store.Name != "" {
		hang(&b, width, "", tr.T("out.store-line", "Name", r.Store.Name, "Home", r.Store.Home), nil)
		b.WriteString("\n")
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
		hang(&b, width, icon+" "+padCells(labels[i], col)+" ", tr.CheckDetail(c), st.dim.Render)
	}
	if noKey {
		b.WriteString("\n")
		hang(&b, width, "", tr.T("out.no-key"), st.dim.Render)
	}
	for _, f := range r.Findings {
		writeFinding(&b, width, st, tr, f)
	}
	b.WriteString("\n")
	icon, text, style := verdict(st, tr, r, code)
	hang(&b, width, style.Render(icon)+" ", text, style.Render)
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
// in as the widest (translated) label: indent, label, padding, gap, value;
// a value longer than width wraps under its own start (0: never).
func labelled(w io.Writer, width int, indent, gap string, rows [][2]string) {
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = r[0]
	}
	col := columnWidth(labels...)
	for _, r := range rows {
		if isAddress(r[1]) {
			whole(w, width, indent+padCells(r[0], col)+gap, r[1])
			continue
		}
		hang(w, width, indent+padCells(r[0], col)+gap, r[1], nil)
	}
}

// padCells pads s with spaces to w cells.
func padCells(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.WcWidth.StringWidth(s)))
}

// writeFinding prints one finding, the way support reads it on the phone.
func writeFinding(b *strings.Builder, width int, st humanStyles, tr *locale.Translator, f wooclient.Finding) {
	style := map[wooclient.Severity]lipgloss.Style{wooclient.SeverityBlocker: st.fail, wooclient.SeverityWarning: st.warn}[f.Severity]
	b.WriteString("\n")
	hang(b, width, "", fmt.Sprintf("%s — %s (%s)", style.Render(f.Label()), tr.Title(f.Cause), tr.Severity(f.Severity)), nil)
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
	labelled(b, width, "  ", " ", rows)
	for _, e := range f.Evidence {
		hang(b, width, "  "+st.dim.Render("·")+" ", tr.Evidence(e), st.dim.Render)
	}
}

// verdict is the last line: its icon, its words and their colour.
func verdict(st humanStyles, tr *locale.Translator, r *wooclient.Report, code int) (icon, text string, style lipgloss.Style) {
	switch code {
	case exitOK:
		if w := len(r.Warnings()); w > 0 {
			return "✓", tr.N("out.works-warnings", w), st.ok
		}
		return "✓", tr.T("out.works"), st.ok
	case exitKey:
		return "✗", tr.T("out.key-problem"), st.fail
	}
	return "✗", tr.T("out.store-problem"), st.fail
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
