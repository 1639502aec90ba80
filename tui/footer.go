package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// activeKeys is what the footer shows: the keys that work right now.
func (m Model) activeKeys() keyHelp {
	k := keyHelp{global: []key.Binding{m.keys.Help, m.keys.Quit}}
	switch {
	case m.confirmQuit:
		return keyHelp{step: []key.Binding{m.keys.QuitYes, m.keys.QuitNo}}
	case m.langs.open:
		k.step = m.languageKeys()
		return k
	case m.qrURL != "":
		k.step = []key.Binding{m.keys.HideQR}
		return k
	}
	switch {
	case !m.canSwitchLanguage():
	case m.step == stepSaved || m.step == stepStore:
		k.global = append([]key.Binding{m.keys.Lang}, k.global...)
	default:
		k.quiet = append(k.quiet, m.keys.Lang)
	}
	k.step = m.stepKeys()
	if len(m.history) > 0 || m.stepHasInnerBack() {
		k.global = append([]key.Binding{m.keys.Back}, k.global...)
	}
	if m.fieldFocused() {
		k.editing = []key.Binding{m.keys.Clear, m.keys.WordBack, m.keys.LineEnds}
	}
	return k
}

// stepKeys returns the current step's bindings in its current state.
func (m Model) stepKeys() []key.Binding {
	switch m.step {
	case stepSaved:
		return m.savedKeys()
	case stepStore:
		return m.storeKeys()
	case stepLocate:
		return m.locateKeys()
	case stepGenerate:
		return m.generateKeys()
	case stepKeys:
		return m.pairKeys()
	case stepPermissions:
		return m.permissionsKeys()
	case stepReview:
		return m.reviewKeys()
	case stepDone:
		return m.doneKeys()
	}
	return nil
}

// stepHasInnerBack reports whether esc does something inside the step even
// with no step to go back to (leaving the store's result for its field).
func (m Model) stepHasInnerBack() bool {
	return m.step == stepStore && m.store.phase != storeEditing ||
		m.step == stepLocate && m.locate.whichKey
}

// fieldFocused reports whether a text field takes the typing.
func (m Model) fieldFocused() bool {
	return m.store.input.Focused() || m.pair.key.Focused() || m.pair.secret.Focused()
}

// footerLines is the quit question or the key help; scrolls adds the
// scroll keys when the body does not fit.
func (m Model) footerLines(scrolls bool) []string {
	k := m.activeKeys()
	if scrolls {
		k.global = append([]key.Binding{m.keys.More}, k.global...)
	}
	if m.confirmQuit {
		p := m.newPage()
		p.text(m.st.Warn.Render(m.tr.T("frame.quit-unsaved", "YesKey", keyName(m.keys.QuitYes), "NoKey", keyName(m.keys.QuitNo))))
		return append(p.lines, m.shortHelpLines(k.ShortHelp())...)
	}
	if !m.showHelp {
		return m.shortHelpLines(k.ShortHelp())
	}
	// Full help: the columns side by side when they fit, stacked otherwise.
	var cols []string
	for _, g := range k.FullHelp() {
		if len(g) > 0 {
			cols = append(cols, m.help.FullHelpView([][]key.Binding{g}))
		}
	}
	row := lipgloss.JoinHorizontal(lipgloss.Top, intersperse(cols, "    ")...)
	if widest(row, m.wm) > m.width {
		row = strings.Join(cols, "\n")
	}
	return strings.Split(row, "\n")
}

// keyName is what is printed on a binding's key ("c", "enter"). Sentences
// that name a key take it as a placeholder, so no translation can change
// the key a cashier is told to press.
func keyName(b key.Binding) string { return b.Help().Key }

// intersperse puts sep between the columns.
func intersperse(cols []string, sep string) []string {
	var out []string
	for i, c := range cols {
		if i > 0 {
			out = append(out, sep)
		}
		out = append(out, c)
	}
	return out
}

// shortHelpLines lays the keys that work now over as many lines as the
// width needs, so a narrow window loses none of them.
func (m Model) shortHelpLines(bindings []key.Binding) []string {
	hs := m.help.Styles
	sep := hs.ShortSeparator.Render(" • ")
	var lines []string
	cur, curW := "", 0
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		item := hs.ShortKey.Render(b.Help().Key) + " " + hs.ShortDesc.Render(b.Help().Desc)
		w := m.wm.StringWidth(item)
		if cur != "" && curW+3+w > m.width {
			lines, cur, curW = append(lines, cur), "", 0
		}
		if cur != "" {
			cur, curW = cur+sep, curW+3
		}
		cur, curW = cur+item, curW+w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
