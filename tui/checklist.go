package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
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
func (c checklist) render(p *page, st Styles, spin string, running, collapse bool) {
	labelW := 0
	for _, id := range c.ids {
		labelW = max(labelW, ansi.StringWidth(id.Label()))
	}
	if !running {
		c = c.settled()
	}
	if collapse {
		c.renderSummary(p, st)
	}
	spun, waiting := false, 0
	for i, id := range c.ids {
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
		label := id.Label()
		row := icon + " " + label
		if d := safeText(r.Detail); d != "" {
			pad := strings.Repeat(" ", labelW-ansi.StringWidth(label))
			if p.width < 50 {
				pad = ""
			}
			row += pad + " " + st.Muted.Render(d)
		} else if r.State == wooclient.StateSkipped {
			row += " " + st.Muted.Render("(skipped)")
		}
		p.line(row)
	}
	if waiting > 0 {
		p.line(st.Muted.Render(IconPending + " " + itoaPlural(waiting, "more to check", "more to check")))
	}
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
func (c checklist) renderSummary(p *page, st Styles) {
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
		p.line(st.OK.Render(IconOK) + " " + st.Muted.Render(itoaPlural(ok, "check passed", "checks passed")))
	}
	if skipped > 0 {
		p.line(st.Muted.Render(IconSkipped + " " + itoaPlural(skipped, "check not run", "checks not run")))
	}
}

// itoaPlural says "1 check passed" or "9 checks passed".
func itoaPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
