package tui

import (
	"charm.land/bubbles/v2/textinput"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// viewKeys draws S4: the two fields with what is wrong under each, then the
// live check and, after a failure, the findings with both fixes.
func (m Model) viewKeys(p *page) {
	s, st := m.pair, m.st
	s.key.Prompt, s.secret.Prompt = keyPrompts(m.tr, m.wm)
	p.text(st.Heading.Render(m.tr.T("keys.heading")))
	m.keyField(p, s.key)
	m.fieldNote(p, s.keyProblem)
	p.field(s.secret, validMark(st, s.secret.Value(), s.secretProblem))
	m.fieldNote(p, s.secretProblem)
	for _, f := range s.findings {
		renderFindingBrief(p, st, m.tr, f)
	}
	busy := s.run.busy()
	hasReport := s.report != nil && s.checked == m.currentHash() && s.checked != ""
	if !busy && !hasReport {
		p.blank()
		p.text(st.Muted.Render(m.tr.T("keys.instructions", "Scan", "ck_…|cs_…")))
		return
	}
	p.blank()
	if busy {
		p.text(st.Muted.Render(m.tr.T("keys.checking", "Store", storeName(m.tr, m.confirmedStore()))))
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
		p.text(st.Muted.Render(m.tr.T("keys.kept-fix-above", "Back", keyName(m.keys.Back))))
		return
	}
	p.hanging(st.OK.Render(IconOK)+" ", "  ", m.tr.T("keys.accepted-next", "Continue", keyName(m.keys.Continue)))
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
func validMark(st Styles, value string, problem wooclient.Text) string {
	if value == "" || !problem.IsZero() {
		return ""
	}
	return " " + st.OK.Render(IconOK)
}

// fieldNote is the line under a field that has a problem, in the wizard's
// language. The problem's arguments (a character as typed) are made safe
// before they are put into the sentence.
func (m Model) fieldNote(p *page, problem wooclient.Text) {
	if !problem.IsZero() {
		p.hanging("  ", "  ", m.st.Warn.Render(m.tr.Text(problem.MapStrings(safeText))))
	}
}

// keysViewWords are S4's heading and the sentences around its check.
var keysViewWords = []locale.Source{
	{ID: "keys.heading", Other: "Consumer key and secret"},
	{ID: "keys.instructions", Other: "Type, paste or scan them (a {{.Scan}} scan fills both). They are checked with the store as soon as both look right."},
	{ID: "keys.checking", Other: "Checking the key with {{.Store}} …"},
	{ID: "keys.kept-fix-above", Other: "What you typed is kept: fix it above, or {{.Back}} to go back."},
	{ID: "keys.accepted-next", Other: "Accepted. Press {{.Continue}} for the permissions."},
}
