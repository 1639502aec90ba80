package tui

import (
	"github.com/wcpos/wcpos-setup/wooclient"
)

// viewStore draws S1: the field and its problem, then the checklist, then
// the store's name and the question, or the blocker.
func (m Model) viewStore(p *page) {
	s := m.store
	p.text(m.st.Heading.Render("Store address"))
	p.field(s.input, "")
	switch {
	case s.invalid != nil:
		p.blank()
		renderFinding(p, m.st, *s.invalid)
		return
	case s.problem != "":
		p.hanging("  ", "  ", m.st.Warn.Render(s.problem))
	case s.phase == storeEditing && s.report == nil:
		p.hanging("  ", "  ", m.st.Muted.Render("The address you open the shop with in a browser. Press enter to check it."))
	}
	if s.phase == storeEditing && s.report == nil {
		return
	}
	p.blank()
	if s.phase == storeChecking {
		p.text(m.st.Muted.Render("Checking " + safeText(s.address) + " …"))
	}
	blocked := s.phase == storeBlocked
	s.checks.render(p, m.st, m.spin.View(), s.phase == storeChecking, blocked || m.compact())
	if s.report == nil || s.phase == storeChecking {
		return
	}
	p.blank()
	if blocked {
		renderFindings(p, m.st, s.report.Findings)
		return
	}
	st := s.report.Store
	p.text(m.st.Heading.Render(storeName(st)))
	p.url("", m.st.URL, storeHome(st))
	for _, f := range s.report.Findings {
		renderFindingBrief(p, m.st, f)
	}
	if s.phase == storeConfirm {
		p.blank()
		p.text(m.st.Heading.Render("Is this your store? (y/n)"))
	}
}

// storeName is the store's name for display, never empty.
func storeName(st wooclient.Store) string {
	if n := safeText(st.Name); n != "" {
		return n
	}
	return "(a store without a name)"
}

// storeHome is the store's home address for display.
func storeHome(st wooclient.Store) string {
	if h := safeText(st.Home); h != "" {
		return h
	}
	return safeText(st.URL)
}
