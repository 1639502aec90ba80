package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// doneState is S7: whether the support report was copied.
type doneState struct {
	copied bool
}

// updateDone handles S7's keys: copy the support report, finish.
func (m Model) updateDone(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Finish):
		m.queue(IconOK + " S7 Done")
		return m.quit()
	case key.Matches(msg, m.keys.Report):
		m.done.copied = true
		m.setNotice(kindOK, "Support report copied through the terminal (OSC 52). It holds no secrets.")
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
	st := m.st
	store := m.confirmedStore()
	p.text(st.OK.Render(IconOK) + " " + st.Heading.Render("This terminal is connected."))
	p.blank()
	rows := [][2]string{
		{"Store", storeName(m.tr, store)},
		{"Home", storeHome(store)},
		{"Key", m.pair.creds().Masked() + transportNote(m.tr, m.pair.report.Key)},
		{"May", abilities(m.tr, m.pair.report.Key)},
		{"Saved to", safeText(m.review.path)},
	}
	table(p, st, rows)
	p.blank()
	p.text(st.Muted.Render("If support asks, press c: it copies a report of every check, without any secret."))
}
