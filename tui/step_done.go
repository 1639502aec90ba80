package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// doneState is S7: whether the support report was copied.
type doneState struct {
	copied bool
}

// updateDone handles S7's keys: copy the support report, finish.
func (m Model) updateDone(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Finish):
		m.queue(stepLine(IconOK, stepDone, stepTitle(m.tr, stepDone)))
		return m.quit()
	case key.Matches(msg, m.keys.Report):
		m.done.copied = true
		m.setNotice(kindOK, m.tr.T("done.report-copied"))
		return m, tea.SetClipboard(m.supportReport())
	case key.Matches(msg, m.keys.Back):
		return m.back()
	}
	return m, nil
}

// doneKeys are S7's keys.
func (m Model) doneKeys() []key.Binding {
	return []key.Binding{m.keys.Report, m.keys.Finish}
}

// viewDone draws S7: what was set up and where it was saved.
func (m Model) viewDone(p *page) {
	st, tr := m.st, m.tr
	store := m.confirmedStore()
	p.hanging(st.OK.Render(IconOK)+" ", "  ", st.Heading.Render(tr.T("done.heading")))
	p.blank()
	rows := [][2]string{
		{tr.T("review.store"), storeName(m.tr, store)},
		{tr.T("review.home"), storeHome(store)},
		{tr.T("review.key"), m.pair.creds().Masked() + transportNote(m.tr, m.pair.report.Key)},
		{tr.T("review.may"), abilities(m.tr, m.pair.report.Key)},
		{tr.T("done.saved-to"), safeText(m.review.path)},
	}
	table(p, st, rows)
	p.blank()
	p.text(st.Muted.Render(tr.T("done.report-hint", "Report", keyName(m.keys.Report))))
}

// doneWords are S7's words; its table's other labels are S6's.
var doneWords = []locale.Source{
	{ID: "done.report-copied", Other: "Support report copied through the terminal (OSC 52). It holds no secrets."},
	{ID: "done.heading", Other: "This terminal is connected."},
	{ID: "done.saved-to", Other: "Saved to"},
	{ID: "done.report-hint", Other: "If support asks, press {{.Report}}: it copies a report of every check, without any secret."},
}
