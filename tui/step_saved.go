package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// The choices of S0, in screen order.
const (
	choiceKeep = iota
	choiceRepair
	choiceStartOver
)

// savedState is S0: the live check of the saved connection and the choice
// made about it.
type savedState struct {
	run    flight
	checks checklist
	report *wooclient.Report
	at     time.Time
	cursor int
}

// savedAddress is the address the saved connection is checked at.
func (m Model) savedAddress() string {
	if sv := m.opts.Saved; sv != nil {
		if sv.Store.URL != "" {
			return sv.Store.URL
		}
		return sv.Store.Home
	}
	return ""
}

// startSavedCheck runs CheckSaved on the saved connection: the store and
// the key together, at the saved home and REST root.
func (m *Model) startSavedCheck() tea.Cmd {
	addr := m.savedAddress()
	m.saved.run = m.saved.run.stop()
	f, ctx := m.begin(addr, true)
	m.saved.run, m.saved.report = f, nil
	m.saved.checks = newChecklist(wooclient.StoreChecks, wooclient.KeyChecks)
	sv := m.opts.Saved
	saved := wooclient.Saved{Store: sv.Store, Transport: sv.Key.Transport}
	return tea.Batch(checkSavedCmd(ctx, m.deps.Checker, m.deps.now, f, saved, sv.Credentials),
		f.events.wait(f.id, addr))
}

// savedChecked shows the verdict and preselects what fits it.
func (m Model) savedChecked(msg savedCheckedMsg) (Model, tea.Cmd) {
	s := &m.saved
	if !s.run.answers(msg.run, msg.input) {
		return m, nil
	}
	s.run = s.run.stop()
	rep := orUnexpected(msg.report)
	s.report, s.at, m.lastReport = rep, msg.at, rep
	s.checks = s.checks.withReport(rep)
	ending := m.opts.Saved.Credentials.Masked()
	if b, blocked := firstBlocker(rep); blocked {
		s.cursor = choiceRepair
		return m, m.print(stepLine(IconFail, stepSaved, m.tr.T("saved.line-failed",
			"Step", stepTitle(m.tr, stepSaved), "Key", ending, "Finding", findingHeadline(m.tr, b))))
	}
	s.cursor = choiceKeep
	return m, m.print(stepLine(IconOK, stepSaved, m.tr.T("saved.line-works", "Step", stepTitle(m.tr, stepSaved),
		"Store", storeName(m.tr, rep.Store), "Key", ending, "Transport", transportNote(m.tr, rep.Key))))
}

// updateSaved handles S0's keys: move, pick, re-check.
func (m Model) updateSaved(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	s := &m.saved
	if c, chosen := m.menuKey(msg, &s.cursor, choiceStartOver); chosen {
		return m.chooseSaved(c)
	}
	if key.Matches(msg, m.keys.Recheck) && !s.run.busy() {
		return m, m.startSavedCheck()
	}
	return m, nil
}

// chooseSaved acts on a choice. Keep and repair wait for the verdict.
func (m Model) chooseSaved(c int) (Model, tea.Cmd) {
	m.saved.cursor = c
	if c == choiceStartOver {
		return m.startOver()
	}
	if m.saved.report == nil {
		m.setNotice(kindInfo, m.tr.T("saved.still-running"))
		return m, nil
	}
	if c == choiceKeep {
		conn := *m.opts.Saved
		m.result.Kept, m.result.Connection = true, &conn
		m.queue(stepLine(IconOK, stepSaved, m.tr.T("saved.line-kept")))
		return m.quit()
	}
	return m.repairSaved()
}

// repairTarget is the step that fixes a report's first blocker: the store
// for network, site and server causes, S2 for a key the store refuses, S5
// for a key that works but may not do enough.
func repairTarget(rep *wooclient.Report) step {
	b, blocked := firstBlocker(rep)
	if !blocked {
		return stepStore
	}
	switch b.Cause {
	case wooclient.CauseUnknownKey, wooclient.CauseWrongPair, wooclient.CauseKeyMalformed,
		wooclient.CauseSecretMalformed, wooclient.CauseNotAKey:
		return stepLocate
	case wooclient.CauseReadOnly, wooclient.CauseWriteOnly, wooclient.CauseUserCapability:
		return stepPermissions
	}
	return stepStore
}

// repairSaved carries what the check proved into the step that fixes the
// cause, so nothing already known is asked again.
func (m Model) repairSaved() (Model, tea.Cmd) {
	rep, sv := m.saved.report, m.opts.Saved
	target := repairTarget(rep)
	m.store.input.SetValue(m.savedAddress())
	m.store.address, m.store.report = m.savedAddress(), rep
	m.store.checks = newChecklist(wooclient.StoreChecks).withReport(checksOf(rep, wooclient.StoreChecks))
	switch target {
	case stepStore:
		m.store.phase, m.store.confirmed = storeEditing, false
		if _, blocked := firstBlocker(rep); blocked {
			m.store.phase = storeBlocked
		}
		m.pair.setPair(sv.Credentials)
	case stepLocate:
		m.store.phase, m.store.confirmed = storeConfirm, true
		if b, ok := firstBlocker(rep); ok {
			m.locate.reason = &b
		}
	case stepPermissions:
		m.store.phase, m.store.confirmed = storeConfirm, true
		m.pair.setPair(sv.Credentials)
		m.pair.report, m.pair.at = rep, m.saved.at
		m.pair.checked = pairHash(rep.Store.Home, sv.Credentials)
		m.pair.checks = newChecklist(wooclient.KeyChecks).withReport(checksOf(rep, wooclient.KeyChecks))
		m.perms.checks = m.pair.checks
	}
	line := m.print(stepLine(IconNext, stepSaved, m.tr.T("saved.line-repair", "Step", stepName(m.tr, target))))
	m, cmd := m.goTo(target)
	return m, tea.Batch(line, cmd)
}

// checksOf keeps only the given lines of a full report (S0's Check has
// both the store's and the key's).
func checksOf(rep *wooclient.Report, ids []wooclient.CheckID) *wooclient.Report {
	out := &wooclient.Report{}
	for _, c := range rep.Checks {
		for _, id := range ids {
			if c.ID == id {
				out.Checks = append(out.Checks, c)
			}
		}
	}
	return out
}

// startOver forgets every value and begins at S1 with an empty field.
func (m Model) startOver() (Model, tea.Cmd) {
	m.saved.run = m.saved.run.stop()
	m.store = newStoreState("")
	m.pair = newKeysState()
	m.locate, m.gen, m.perms = locateState{}, generateState{}, permsState{}
	m.setStyles(m.st)
	m.resize(m.width, m.height)
	line := m.print(stepLine(IconNext, stepSaved, m.tr.T("saved.line-start-over")))
	m, cmd := m.goTo(stepStore)
	return m, tea.Batch(line, cmd)
}

// savedKeys are S0's keys: the choices, and a re-check once done.
func (m Model) savedKeys() []key.Binding {
	ks := []key.Binding{m.keys.Up, m.keys.Pick, m.keys.Choose}
	if !m.saved.run.busy() {
		ks = append(ks, m.keys.Recheck)
	}
	return ks
}

// viewSaved draws S0: which connection, the live checklist, the verdict
// and the three choices.
func (m Model) viewSaved(p *page) {
	s, sv := m.saved, m.opts.Saved
	name := sv.Store.Name
	if s.report != nil && s.report.Store.Name != "" {
		name = s.report.Store.Name
	}
	profile := m.tr.T("saved.profile", "Profile", safeText(orDefault(sv.Profile, m.opts.Profile)))
	p.text(m.st.Heading.Render(m.tr.T("saved.heading")) + m.st.Muted.Render(" · "+profile))
	if n := safeText(name); n != "" {
		p.text(n + m.st.Muted.Render(" — "+safeText(m.savedAddress())))
	} else {
		p.text(safeText(m.savedAddress()))
	}
	p.text(m.tr.T("saved.key-line", "Key", sv.Credentials.Masked()))
	p.blank()
	done := s.report != nil
	s.checks.render(p, m.st, m.tr, m.spin.View(), s.run.busy(), done || m.compact())
	if done {
		p.blank()
		if b, blocked := firstBlocker(s.report); blocked {
			renderFindingBrief(p, m.st, m.tr, b)
		} else {
			p.hanging(m.st.OK.Render(IconOK)+" ", "  ", m.tr.T("saved.works",
				"Abilities", abilities(m.tr, s.report.Key), "Transport", transportNote(m.tr, s.report.Key)))
			for _, w := range s.report.Warnings() {
				renderFindingBrief(p, m.st, m.tr, w)
			}
		}
	}
	p.blank()
	labels := []string{m.tr.T("saved.keep"), m.tr.T("saved.repair"), m.tr.T("saved.start-over")}
	if done {
		if _, blocked := firstBlocker(s.report); blocked {
			labels[choiceRepair] = m.tr.T("saved.repair-at", "Step", stepName(m.tr, repairTarget(s.report)))
		} else {
			labels[choiceRepair] = m.tr.T("saved.change-at", "Step", stepName(m.tr, stepStore))
		}
	}
	renderChoices(p, m.st, labels, s.cursor)
}

// orDefault returns s, or def when s is empty, or "default".
func orDefault(s, def string) string {
	switch {
	case s != "":
		return s
	case def != "":
		return def
	}
	return "default"
}

// savedWords are what S0 says: the saved connection, its verdict, the
// three choices and the transcript lines.
var savedWords = []locale.Source{
	{ID: "saved.heading", Other: "Saved connection"},
	{ID: "saved.profile", Other: "profile {{.Profile}}"},
	{ID: "saved.key-line", Other: "Key {{.Key}}"},
	{ID: "saved.works", Other: "It works: {{.Abilities}}{{.Transport}}"},
	{ID: "saved.keep", Other: "Keep it"},
	{ID: "saved.repair", Other: "Repair it"},
	{ID: "saved.start-over", Other: "Start over"},
	{ID: "saved.repair-at", Other: "Repair it ({{.Step}})"},
	{ID: "saved.change-at", Other: "Change it ({{.Step}})"},
	{ID: "saved.still-running", Other: "The check is still running; keep or repair once it is done."},
	{ID: "saved.line-failed", Other: "{{.Step}} {{.Key}}: {{.Finding}}"},
	{ID: "saved.line-works", Other: "{{.Step}}: {{.Store}}, key {{.Key}} works{{.Transport}}"},
	{ID: "saved.line-kept", Other: "Kept the saved connection"},
	{ID: "saved.line-repair", Other: "Repair: going to {{.Step}}"},
	{ID: "saved.line-start-over", Other: "Starting over"},
}
