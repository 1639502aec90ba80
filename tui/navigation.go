package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// handleKey applies the keys that work everywhere (quit, help, the quit
// question, the QR overlay) and hands the rest to the current step.
func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.confirmQuit {
		switch {
		case key.Matches(msg, m.keys.QuitYes, m.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.keys.QuitNo):
			m.confirmQuit = false
		}
		return m, nil
	}
	if key.Matches(msg, m.keys.Quit) {
		if m.unsaved() {
			m.confirmQuit = true
			return m, nil
		}
		return m.quit()
	}
	switch {
	case m.langs.open:
		return m.languageKey(msg)
	case key.Matches(msg, m.keys.Lang) && m.canSwitchLanguage():
		return m.openLanguages()
	case key.Matches(msg, m.keys.Help):
		m.showHelp = !m.showHelp
		return m, nil
	case key.Matches(msg, m.keys.More):
		return m.scrollBy(1), nil
	case key.Matches(msg, m.keys.Less):
		return m.scrollBy(-1), nil
	}
	if m.qrURL != "" {
		if key.Matches(msg, m.keys.HideQR, m.keys.Back) {
			m.qrURL = ""
		}
		return m, nil
	}
	switch m.step {
	case stepSaved:
		return m.updateSaved(msg)
	case stepStore:
		return m.updateStore(msg)
	case stepLocate:
		return m.updateLocate(msg)
	case stepGenerate:
		return m.updateGenerate(msg)
	case stepKeys:
		return m.updateKeys(msg)
	case stepPermissions:
		return m.updatePermissions(msg)
	case stepReview:
		return m.updateReview(msg)
	case stepDone:
		return m.updateDone(msg)
	}
	return m, nil
}

// handlePaste gives a paste to the step with a field. On S2 and S3 a paste
// that holds a key pair (a scan) jumps to S4 and fills both fields there.
func (m Model) handlePaste(msg tea.PasteMsg) (Model, tea.Cmd) {
	if m.confirmQuit || m.qrURL != "" || m.langs.open {
		return m, nil
	}
	switch m.step {
	case stepStore:
		return m.pasteStore(msg)
	case stepKeys:
		return m.pasteKeys(msg.Content)
	case stepLocate, stepGenerate:
		if k, v, _ := wooclient.ParsePaste(msg.Content); k != "" && v != "" {
			m, cmd := m.goTo(stepKeys)
			m, paste := m.pasteKeys(msg.Content)
			return m, tea.Batch(cmd, paste)
		}
	}
	return m, nil
}

// handleReply routes a command's reply. Replies go to the flight that asked,
// whichever step is showing; a reply no flight waits for is dropped.
func (m Model) handleReply(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case checkProgressedMsg:
		return m.progressed(msg)
	case savedCheckedMsg:
		return m.savedChecked(msg)
	case storeDiscoveredMsg:
		return m.storeDiscovered(msg)
	case keysCheckedMsg:
		return m.keysChecked(msg)
	case adminProbedMsg:
		return m.adminProbed(msg)
	case keyMintedMsg:
		return m.keyMinted(msg)
	case readWriteGrantedMsg:
		return m.readWriteGranted(msg)
	case pairReprovedMsg:
		return m.pairReproved(msg)
	case connectionSavedMsg:
		return m.connectionSaved(msg)
	case languagesListedMsg:
		return m.languagesListed(msg)
	case languageChosenMsg:
		return m.languageChosen(msg)
	case browserOpenedMsg:
		if msg.err != nil {
			m.setNotice(kindWarn, m.tr.T("common.browser-failed", "Error", safeText(m.redact(msg.err.Error())),
				"CopyKey", keyName(m.keys.Copy)))
		} else {
			m.setNotice(kindOK, m.tr.T("common.browser-opened"))
		}
	}
	return m, nil
}

// progressed fills in the checklist of the run the result belongs to and
// waits for the next one; results of a stopped run end their chain.
func (m Model) progressed(msg checkProgressedMsg) (Model, tea.Cmd) {
	switch {
	case m.saved.run.answers(msg.run, msg.input):
		m.saved.checks = m.saved.checks.with(msg.result)
		return m, m.saved.run.events.wait(msg.run, msg.input)
	case m.store.run.answers(msg.run, msg.input):
		m.store.checks = m.store.checks.with(msg.result)
		return m, m.store.run.events.wait(msg.run, msg.input)
	case m.pair.run.answers(msg.run, msg.input):
		m.pair.checks = m.pair.checks.with(msg.result)
		return m, m.pair.run.events.wait(msg.run, msg.input)
	case m.perms.run.answers(msg.run, msg.input):
		m.perms.checks = m.perms.checks.with(msg.result)
		return m, m.perms.run.events.wait(msg.run, msg.input)
	}
	return m, nil
}

// goTo moves forward to s, remembering where esc comes back to.
func (m Model) goTo(s step) (Model, tea.Cmd) {
	if s == m.step {
		return m, nil
	}
	m.history = append(m.history, m.step)
	return m.enter(s)
}

// back returns to the previous step with every value kept; the step left
// behind stops what it had in flight.
func (m Model) back() (Model, tea.Cmd) {
	if len(m.history) == 0 {
		return m, nil
	}
	m = m.stopStep(m.step)
	prev := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	return m.enter(prev)
}

// enter shows step s and runs what it does on arrival.
func (m Model) enter(s step) (Model, tea.Cmd) {
	m.step = s
	m.notice, m.scroll = "", 0
	m.qrURL = ""
	m.store.input.Blur()
	m.pair.key.Blur()
	m.pair.secret.Blur()
	switch s {
	case stepStore:
		if m.store.phase == storeEditing {
			return m, m.store.input.Focus()
		}
	case stepLocate:
		m.locate.whichKey = false
	case stepGenerate:
		return m.startProbe()
	case stepKeys:
		return m.enterKeys()
	}
	return m, nil
}

// stopStep cancels what step s has in flight.
func (m Model) stopStep(s step) Model {
	switch s {
	case stepSaved:
		m.saved.run = m.saved.run.stop()
	case stepStore:
		m.store.run = m.store.run.stop()
		if m.store.phase == storeChecking {
			m.store.phase = storeEditing
		}
	case stepGenerate:
		m.gen.probe = m.gen.probe.stop()
		m.gen.mint = m.gen.mint.stop()
	case stepKeys:
		m.pair.run = m.pair.run.stop()
	case stepPermissions:
		m.perms.run = m.perms.run.stop()
		m.perms.fix = m.perms.fix.stop()
	}
	return m
}

// quit stops everything in flight and ends the program.
func (m Model) quit() (Model, tea.Cmd) {
	for s := stepSaved; s <= lastStep; s++ {
		m = m.stopStep(s)
	}
	m.review.run = m.review.run.stop()
	m.quitting = true
	m.confirmQuit = false
	m.result.Step = m.step.String()
	m.result.Report = m.lastReport
	// The last transcript lines go before the program ends.
	return m, tea.Sequence(append(m.printlns(), tea.Quit)...)
}

// unsaved reports whether quitting would lose work: keys typed (other than
// the saved ones) or a validated connection not yet saved.
func (m Model) unsaved() bool {
	if m.review.saved != "" && m.review.saved == m.currentHash() {
		return false
	}
	k, s := m.pair.key.Value(), m.pair.secret.Value()
	if k == "" && s == "" {
		return false
	}
	if sv := m.opts.Saved; sv != nil && k == sv.Credentials.Key && s == sv.Credentials.Secret {
		return false
	}
	return true
}

// setNotice shows one line of feedback until the step changes.
func (m *Model) setNotice(kind stateKind, text string) {
	m.notice, m.noticeKind = text, kind
}

// navigationWords are what the wizard says about a page it asked the
// browser to open.
var navigationWords = []locale.Source{
	{ID: "common.browser-failed", Other: "The browser did not open: {{.Error}}. Press {{.CopyKey}} to copy the link instead."},
	{ID: "common.browser-opened", Other: "Opened in the browser."},
}
