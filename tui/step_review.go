package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// reviewState is S6: the save in flight, and where it went or why not.
type reviewState struct {
	run   flight
	saved string // pairHash of the pair last saved, "" before any save
	path  string
	err   string
}

// connection is what S6 saves: the confirmed store and the pair the last
// passing CheckKeys report proved.
func (m Model) connection() Connection {
	return Connection{
		Profile:     orDefault(m.opts.Profile, ""),
		Store:       m.confirmedStore(),
		Credentials: m.pair.parsed().Credentials,
		Key:         *m.pair.report.Key,
		VerifiedAt:  m.pair.at,
	}
}

// saveBlocker says why saving is refused, or "" when it may go ahead.
// Nothing is saved without a passing CheckKeys report for exactly the pair
// and store on screen.
func (m Model) saveBlocker() string {
	switch {
	case m.deps.Saver == nil:
		return "Not saved: this run has nowhere to save to."
	case m.pair.report == nil || m.pair.checked != m.currentHash() || m.currentHash() == "":
		return "Not saved: these keys have not been checked with the store yet. Go back (esc) to S4."
	case !m.passed():
		b, _ := firstBlocker(m.pair.report)
		return "Not saved: " + findingHeadline(m.tr, b) + " still blocks. Go back (esc) to fix it."
	}
	return ""
}

// updateReview handles S6's keys.
func (m Model) updateReview(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.back()
	case key.Matches(msg, m.keys.Save) && !m.review.run.busy():
		if why := m.saveBlocker(); why != "" {
			m.setNotice(kindFail, why)
			return m, nil
		}
		f, _ := m.begin(m.currentHash(), false)
		m.review.run, m.review.err = f, ""
		return m, saveCmd(m.deps.Saver, f, m.connection())
	}
	return m, nil
}

// connectionSaved shows where the connection went, or why it did not.
func (m Model) connectionSaved(msg connectionSavedMsg) (Model, tea.Cmd) {
	r := &m.review
	if !r.run.answers(msg.run, msg.hash) {
		return m, nil
	}
	r.run = r.run.stop()
	r.path = msg.path
	if msg.err != nil {
		r.err = m.redact(msg.err.Error())
		return m, m.print(IconFail + " S6 Not saved: " + r.err)
	}
	conn := m.connection()
	r.saved, r.err = msg.hash, ""
	m.result.Saved, m.result.Path, m.result.Connection = true, msg.path, &conn
	line := m.print(IconOK + " S6 Saved " + conn.Credentials.Masked() + " to " + msg.path)
	m, cmd := m.goTo(stepDone)
	return m, tea.Batch(line, cmd)
}

// reviewKeys are S6's keys.
func (m Model) reviewKeys() []key.Binding {
	if m.review.run.busy() || m.saveBlocker() != "" {
		return nil
	}
	return []key.Binding{m.keys.Save}
}

// viewReview draws S6: everything that will be saved, then the save's
// progress or its error with the path and what to do.
func (m Model) viewReview(p *page) {
	st, rep := m.st, m.pair.report
	store := m.confirmedStore()
	p.text(st.Heading.Render("Review"))
	rows := [][2]string{
		{"Store", storeName(m.tr, store)},
		{"Home", storeHome(store)},
		{"Key", m.pair.creds().Masked()},
	}
	if rep != nil && rep.Key != nil {
		rows = append(rows, [2]string{"Sent as", string(rep.Key.Transport)},
			[2]string{"May", abilities(m.tr, rep.Key)})
	}
	rows = append(rows, [2]string{"Versions", versions(store)},
		[2]string{"Profile", safeText(orDefault(m.opts.Profile, ""))})
	table(p, st, rows)
	if rep != nil {
		for _, f := range rep.Warnings() {
			renderFindingBrief(p, st, m.tr, f)
		}
	}
	p.blank()
	switch r := m.review; {
	case r.run.busy():
		p.text(st.Spinner.Render(m.spin.View()) + " Saving…")
	case r.err != "":
		where := "the configuration file"
		if r.path != "" {
			where = safeText(r.path)
		}
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", "Could not save to "+where+": "+safeText(r.err))
		p.hanging("  ", "  ", st.Muted.Render("Check that the folder exists and this user may write there, then press enter to try again."))
	case m.saveBlocker() != "":
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", m.saveBlocker())
	default:
		p.text("Press enter to save it on this terminal. The previous working file is kept as a backup.")
	}
}

// versions is "WooCommerce 10.0.2 · WCPOS 1.8.2", as far as the store told.
func versions(s wooclient.Store) string {
	var out []string
	if s.WooCommerce != "" {
		out = append(out, "WooCommerce "+safeText(s.WooCommerce))
	}
	if s.WCPOS != "" {
		out = append(out, "WCPOS "+safeText(s.WCPOS))
	}
	if len(out) == 0 {
		return "not reported"
	}
	return strings.Join(out, " · ")
}

// table draws label/value rows with the values aligned.
func table(p *page, st Styles, rows [][2]string) {
	w := 0
	for _, r := range rows {
		w = max(w, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		label := r[0] + strings.Repeat(" ", w-ansi.StringWidth(r[0])) + "  "
		p.hanging(st.Muted.Render(label), strings.Repeat(" ", len(label)), r[1])
	}
}
