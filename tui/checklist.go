package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// checklist is the list of checks of one diagnosis, filling in as results
// arrive: pending rows wait, the first unfinished row spins while the run is
// in flight, finished rows show ✓, ! or ✗ with the store's detail. It is a
// value: with returns a copy, so an old model never sees a newer result.
type checklist struct {
	ids     []wooclient.CheckID
	results []wooclient.CheckResult // parallel to ids
}

// newChecklist starts every line of the given groups as pending.
func newChecklist(ids ...[]wooclient.CheckID) checklist {
	var c checklist
	for _, group := range ids {
		c.ids = append(c.ids, group...)
	}
	c.results = make([]wooclient.CheckResult, len(c.ids))
	for i, id := range c.ids {
		c.results[i] = wooclient.CheckResult{ID: id, State: wooclient.StatePending}
	}
	return c
}

// with records one result; results for checks not on the list are added at
// the end rather than lost.
func (c checklist) with(r wooclient.CheckResult) checklist {
	out := checklist{ids: append([]wooclient.CheckID(nil), c.ids...),
		results: append([]wooclient.CheckResult(nil), c.results...)}
	for i, id := range out.ids {
		if id == r.ID {
			out.results[i] = r
			return out
		}
	}
	out.ids = append(out.ids, r.ID)
	out.results = append(out.results, r)
	return out
}

// withReport records every check of a finished report.
func (c checklist) withReport(rep *wooclient.Report) checklist {
	if rep == nil {
		return c
	}
	for _, r := range rep.Checks {
		c = c.with(r)
	}
	return c
}

// kindOf maps a check state to its icon class.
func kindOf(s wooclient.State) stateKind {
	switch s {
	case wooclient.StateOK:
		return kindOK
	case wooclient.StateWarn:
		return kindWarn
	case wooclient.StateFail:
		return kindFail
	case wooclient.StateSkipped:
		return kindSkipped
	}
	return kindPending
}

// render draws the rows. spin is the spinner's current frame, shown on the
// first unfinished row while running. With collapse, passed, skipped and
// waiting rows fold into summary lines, so a long list leaves room for what
// went wrong (and, in a small window, for the choices below it).
func (c checklist) render(p *page, st Styles, tr *locale.Translator, spin string, running, collapse bool) {
	labels := make([]string, len(c.ids))
	for i, id := range c.ids {
		labels[i] = tr.Check(id)
	}
	labelW := labelColumn(labels, p.width, p.wm)
	if !running {
		c = c.settled()
	}
	if collapse {
		c.renderSummary(p, st, tr)
	}
	spun, waiting := false, 0
	for i := range c.ids {
		r := c.results[i]
		if collapse && (r.State == wooclient.StateOK || r.State == wooclient.StateSkipped && r.Detail == "") {
			continue
		}
		icon := st.stateIcon(kindOf(r.State))
		if running && !r.State.Done() {
			if spun && collapse {
				waiting++
				continue
			}
			if !spun {
				icon, spun = st.Spinner.Render(spin), true
			}
		}
		label := labels[i]
		var note string
		if d := saidCheckDetail(tr, r); d != "" {
			pad := strings.Repeat(" ", max(labelW-p.wm.StringWidth(label), 0))
			note = pad + " " + st.Muted.Render(d)
		} else if r.State == wooclient.StateSkipped {
			note = " " + st.Muted.Render(tr.T("list.skipped"))
		}
		if p.wm.StringWidth(icon+" "+label) > p.width {
			// A label wider than the window wraps rather than lose its end.
			p.hanging(icon+" ", "  ", label+note)
			continue
		}
		p.line(icon + " " + label + note) // a long detail is cut here; the support report has it in full
	}
	if waiting > 0 {
		p.line(st.Muted.Render(IconPending + " " + tr.N("list.more-to-check", waiting)))
	}
}

// Checklist columns: below alignWidth the details follow their labels
// without alignment; above it the label column is as wide as the widest
// label (in the wizard's language), but leaves minDetail cells for the
// detail beside it, the icon and the two spaces included.
const (
	alignWidth = 50
	minDetail  = 20
)

// labelColumn is the width, in cells, the labels are padded to so the
// details line up: 0 (no alignment) in a narrow window.
func labelColumn(labels []string, width int, wm ansi.Method) int {
	if width < alignWidth {
		return 0
	}
	w := 0
	for _, l := range labels {
		w = max(w, wm.StringWidth(l))
	}
	return min(w, width-minDetail)
}

// settled marks the rows a finished run never reached as skipped.
func (c checklist) settled() checklist {
	out := checklist{ids: c.ids, results: append([]wooclient.CheckResult(nil), c.results...)}
	for i := range out.results {
		if !out.results[i].State.Done() {
			out.results[i].State = wooclient.StateSkipped
		}
	}
	return out
}

// renderSummary folds the passed and the skipped checks into a line each.
func (c checklist) renderSummary(p *page, st Styles, tr *locale.Translator) {
	ok, skipped := 0, 0
	for _, r := range c.results {
		switch r.State {
		case wooclient.StateOK:
			ok++
		case wooclient.StateSkipped:
			if r.Detail == "" { // a skipped line with a detail says why: it stays
				skipped++
			}
		}
	}
	if ok > 0 {
		p.line(st.OK.Render(IconOK) + " " + st.Muted.Render(tr.N("list.checks-passed", ok)))
	}
	if skipped > 0 {
		p.line(st.Muted.Render(IconSkipped + " " + tr.N("list.checks-not-run", skipped)))
	}
}

// listWords are the checklist's own words; the labels and details of its
// lines are the engine's (tr.Check, tr.CheckDetail).
var listWords = []locale.Source{
	{ID: "list.skipped", Other: "(skipped)"},
	{ID: "list.more-to-check", One: "{{.Count}} more to check", Other: "{{.Count}} more to check"},
	{ID: "list.checks-passed", One: "{{.Count}} check passed", Other: "{{.Count}} checks passed"},
	{ID: "list.checks-not-run", One: "{{.Count}} check not run", Other: "{{.Count}} checks not run"},
}
