package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// reviewState is S6: the re-check and the save in flight, and where it went
// or why not.
type reviewState struct {
	run     flight
	proving bool   // the flight is the re-check before saving, not the save
	saved   string // pairHash of the pair last saved, "" before any save
	path    string
	err     string
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
	back := keyName(m.keys.Back)
	switch {
	case m.deps.Saver == nil:
		return m.tr.T("review.nowhere-to-save")
	case m.pair.report == nil || m.pair.checked != m.currentHash() || m.currentHash() == "":
		return m.tr.T("review.not-checked", "Back", back, "Step", stepKeys.Code())
	case !m.passed():
		b, _ := firstBlocker(m.pair.report)
		return m.tr.T("review.still-blocked", "Finding", findingHeadline(m.tr, b), "Back", back)
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
		f, ctx := m.begin(m.currentHash(), false)
		m.review.run, m.review.err, m.review.proving = f, "", true
		return m, reproveCmd(ctx, m.deps.Checker, m.deps.now, f, m.confirmedStore(), m.pair.parsed().Credentials)
	}
	return m, nil
}

// pairReproved saves the connection when the pair still passes, with the
// fresh report and time; otherwise the failing report replaces the old one,
// so S6 shows what blocks now and nothing is saved.
func (m Model) pairReproved(msg pairReprovedMsg) (Model, tea.Cmd) {
	r := &m.review
	if !r.run.answers(msg.run, msg.hash) {
		return m, nil
	}
	r.run, r.proving = r.run.stop(), false
	m.pair.report, m.pair.at, m.lastReport = orUnexpected(msg.report), msg.at, orUnexpected(msg.report)
	m.pair.checked = msg.hash
	if why := m.saveBlocker(); why != "" {
		return m, m.print(stepLine(IconFail, stepReview, why))
	}
	f, _ := m.begin(msg.hash, false)
	r.run = f
	return m, saveCmd(m.deps.Saver, f, m.connection())
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
		return m, m.print(stepLine(IconFail, stepReview, m.tr.T("review.line-not-saved", "Error", r.err)))
	}
	conn := m.connection()
	r.saved, r.err = msg.hash, ""
	m.result.Saved, m.result.Path, m.result.Connection = true, msg.path, &conn
	line := m.print(stepLine(IconOK, stepReview, m.tr.T("review.line-saved",
		"Key", conn.Credentials.Masked(), "Path", msg.path)))
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
	st, rep, tr := m.st, m.pair.report, m.tr
	store := m.confirmedStore()
	p.text(st.Heading.Render(tr.T("review.heading")))
	rows := [][2]string{
		{tr.T("review.store"), storeName(m.tr, store)},
		{tr.T("review.home"), storeHome(store)},
		{tr.T("review.key"), m.pair.creds().Masked()},
	}
	if rep != nil && rep.Key != nil {
		rows = append(rows, [2]string{tr.T("review.sent-as"), string(rep.Key.Transport)},
			[2]string{tr.T("review.may"), abilities(m.tr, rep.Key)})
	}
	rows = append(rows, [2]string{tr.T("review.versions"), versions(tr, store)},
		[2]string{tr.T("review.profile"), safeText(orDefault(m.opts.Profile, ""))})
	table(p, st, rows)
	if rep != nil {
		for _, f := range rep.Warnings() {
			renderFindingBrief(p, st, m.tr, f)
		}
	}
	p.blank()
	switch r := m.review; {
	case r.run.busy() && r.proving:
		p.text(st.Spinner.Render(m.spin.View()) + " " + tr.T("review.reproving"))
	case r.run.busy():
		p.text(st.Spinner.Render(m.spin.View()) + " " + tr.T("review.saving"))
	case r.err != "":
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", saveFailed(tr, r.path, r.err))
		p.hanging("  ", "  ", st.Muted.Render(tr.T("review.save-failed-hint", "Save", keyName(m.keys.Save))))
	case m.saveBlocker() != "":
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", m.saveBlocker())
	default:
		p.text(tr.T("review.press-save", "Save", keyName(m.keys.Save)))
	}
}

// saveFailed says where a save failed and why; both come from outside the
// program (a path, an error) and are made safe here.
func saveFailed(tr *locale.Translator, path, err string) string {
	if path = safeText(path); path == "" {
		return tr.T("review.save-failed-no-path", "Error", safeText(err))
	}
	return tr.T("review.save-failed", "Path", path, "Error", safeText(err))
}

// versions is "WooCommerce 10.0.2 · WCPOS 1.8.2", as far as the store told:
// product names and versions, the same in every language.
func versions(tr *locale.Translator, s wooclient.Store) string {
	var out []string
	if s.WooCommerce != "" {
		out = append(out, "WooCommerce "+safeText(s.WooCommerce))
	}
	if s.WCPOS != "" {
		out = append(out, "WCPOS "+safeText(s.WCPOS))
	}
	if len(out) == 0 {
		return tr.T("review.versions-not-reported")
	}
	return strings.Join(out, " · ")
}

// table draws label/value rows with the values aligned in one column, as
// wide as the widest label in display cells (labels are translated: a
// German or Japanese one is wider than the English). The column takes at
// most a third of the page, so values keep room at 40 columns; a label
// wider than that goes on its own line, its value below at the column.
func table(p *page, st Styles, rows [][2]string) {
	limit := max(p.width/3, 8)
	w := 0
	for _, r := range rows {
		if lw := p.wm.StringWidth(r[0]); lw <= limit {
			w = max(w, lw)
		}
	}
	indent := strings.Repeat(" ", w+2)
	for _, r := range rows {
		lw := p.wm.StringWidth(r[0])
		if lw > w {
			p.text(st.Muted.Render(r[0]))
			p.hanging(indent, indent, r[1])
			continue
		}
		p.hanging(st.Muted.Render(r[0]+strings.Repeat(" ", w-lw)+"  "), indent, r[1])
	}
}

// reviewWords are S6's words; S7's table shares its labels.
var reviewWords = []locale.Source{
	{ID: "review.nowhere-to-save", Other: "Not saved: this run has nowhere to save to."},
	{ID: "review.not-checked", Other: "Not saved: these keys have not been checked with the store yet. Go back ({{.Back}}) to {{.Step}}."},
	{ID: "review.still-blocked", Other: "Not saved: {{.Finding}} still blocks. Go back ({{.Back}}) to fix it."},
	{ID: "review.line-not-saved", Other: "Not saved: {{.Error}}"},
	{ID: "review.line-saved", Other: "Saved {{.Key}} to {{.Path}}"},
	{ID: "review.heading", Other: "Review"},
	{ID: "review.store", Other: "Store"},
	{ID: "review.home", Other: "Home"},
	{ID: "review.key", Other: "Key"},
	{ID: "review.sent-as", Other: "Sent as"},
	{ID: "review.may", Other: "May"},
	{ID: "review.versions", Other: "Versions"},
	{ID: "review.profile", Other: "Profile"},
	{ID: "review.saving", Other: "Saving…"},
	{ID: "review.reproving", Other: "Checking the key once more before saving…"},
	{ID: "review.save-failed", Other: "Could not save to {{.Path}}: {{.Error}}"},
	{ID: "review.save-failed-no-path", Other: "Could not save to the configuration file: {{.Error}}"},
	{ID: "review.save-failed-hint", Other: "Check that the folder exists and this user may write there, then press {{.Save}} to try again."},
	{ID: "review.press-save", Other: "Press {{.Save}} to save it on this terminal. The previous working file is kept as a backup."},
	{ID: "review.versions-not-reported", Other: "not reported"},
}
