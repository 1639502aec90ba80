package tui

import (
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// viewStore draws S1: the field and its problem, then the checklist, then
// the store's name and the question, or the blocker.
func (m Model) viewStore(p *page) {
	s := m.store
	p.text(m.st.Heading.Render(m.tr.T("store.heading")))
	p.field(s.input, "")
	switch {
	case s.invalid != nil:
		p.blank()
		renderFinding(p, m.st, m.tr, *s.invalid)
		return
	case !s.problem.IsZero():
		p.hanging("  ", "  ", m.st.Warn.Render(m.tr.Text(s.problem)))
	case s.phase == storeEditing && s.report == nil:
		p.hanging("  ", "  ", m.st.Muted.Render(m.tr.T("store.hint", "CheckKey", keyName(m.keys.Check))))
	}
	if s.phase == storeEditing && s.report == nil {
		return
	}
	p.blank()
	if s.phase == storeChecking {
		p.text(m.st.Muted.Render(m.tr.T("store.checking", "Address", safeText(s.address))))
	}
	blocked := s.phase == storeBlocked
	s.checks.render(p, m.st, m.tr, m.spin.View(), s.phase == storeChecking, blocked || m.compact())
	if s.report == nil || s.phase == storeChecking {
		return
	}
	p.blank()
	if blocked {
		renderFindings(p, m.st, m.tr, s.report.Findings)
		return
	}
	st := s.report.Store
	p.text(m.st.Heading.Render(storeName(m.tr, st)))
	p.url("", m.st.URL, storeHome(st))
	for _, f := range s.report.Findings {
		renderFindingBrief(p, m.st, m.tr, f)
	}
	if s.phase == storeConfirm {
		p.blank()
		p.text(m.st.Heading.Render(m.tr.T("store.confirm", "YesKey", keyName(m.keys.Yes), "NoKey", keyName(m.keys.No))))
	}
}

// storeName is the store's name for display, never empty.
func storeName(tr *locale.Translator, st wooclient.Store) string {
	if n := safeText(st.Name); n != "" {
		return n
	}
	return tr.T("store.no-name")
}

// storeHome is the store's home address for display.
func storeHome(st wooclient.Store) string {
	if h := safeText(st.Home); h != "" {
		return h
	}
	return safeText(st.URL)
}

// storeViewWords are S1's screen: the field, the question and the store
// without a name.
var storeViewWords = []locale.Source{
	{ID: "store.heading", Other: "Store address"},
	{ID: "store.hint", Other: "The address you open the shop with in a browser. Press {{.CheckKey}} to check it."},
	{ID: "store.checking", Other: "Checking {{.Address}} …"},
	{ID: "store.confirm", Other: "Is this your store? ({{.YesKey}}/{{.NoKey}})"},
	{ID: "store.no-name", Other: "(a store without a name)"},
}
