package tui

import (
	"charm.land/bubbles/v2/textinput"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// viewKeys draws S4: the two fields with what is wrong under each, then the
// live check and, after a failure, the findings with both fixes.
func (m Model) viewKeys(p *page) {
	s, st := m.pair, m.st
	p.text(st.Heading.Render("Consumer key and secret"))
	m.keyField(p, s.key)
	fieldNote(p, st, s.keyProblem)
	p.field(s.secret, validMark(st, s.secret.Value(), s.secretProblem))
	fieldNote(p, st, s.secretProblem)
	for _, f := range s.findings {
		renderFindingBrief(p, st, m.tr, f)
	}
	busy := s.run.busy()
	hasReport := s.report != nil && s.checked == m.currentHash() && s.checked != ""
	if !busy && !hasReport {
		p.blank()
		p.text(st.Muted.Render("Type, paste or scan them (a ck_…|cs_… scan fills both). They are checked with the store as soon as both look right."))
		return
	}
	p.blank()
	if busy {
		p.text(st.Muted.Render("Checking the key with " + storeName(m.tr, m.confirmedStore()) + " …"))
	}
	failed := hasReport && !m.accepted()
	s.checks.render(p, st, m.tr, m.spin.View(), busy, failed)
	if busy {
		return
	}
	p.blank()
	if failed {
		renderFindings(p, st, m.tr, s.report.Findings)
		p.blank()
		p.text(st.Muted.Render("What you typed is kept: fix it above, or esc to go back."))
		return
	}
	p.text(st.OK.Render(IconOK) + " Accepted. Press enter for the permissions.")
}

// keyField draws the key field. When it does not have the focus and holds
// a well-formed key, it shows the key as WooCommerce's list does
// (ck_…abc1234): enough to match the row, nothing for an onlooker.
func (m Model) keyField(p *page, ti textinput.Model) {
	mark := validMark(m.st, ti.Value(), m.pair.keyProblem)
	if ti.Focused() || mark == "" {
		p.field(ti, mark)
		return
	}
	in := m.st.Input.Blurred
	p.line(in.Prompt.Render(ti.Prompt) + in.Text.Render(wooclient.MaskKey(ti.Value())) + mark)
}

// validMark is the ✓ after a field whose value is well formed.
func validMark(st Styles, value, problem string) string {
	if value == "" || problem != "" {
		return ""
	}
	return " " + st.OK.Render(IconOK)
}

// fieldNote is the line under a field that has a problem.
func fieldNote(p *page, st Styles, problem string) {
	if problem != "" {
		p.hanging("  ", "  ", st.Warn.Render(safeText(problem)))
	}
}
