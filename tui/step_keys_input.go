package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// updateKeys handles S4's keys: moving between the fields, the reveal
// toggle, enter, and typing, which validates on every keystroke.
func (m Model) updateKeys(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	s := &m.pair
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.back()
	case key.Matches(msg, m.keys.Reveal):
		s.reveal = !s.reveal
		s.secret.EchoMode = textinput.EchoPassword
		if s.reveal {
			s.secret.EchoMode = textinput.EchoNormal
		}
		return m, nil
	case key.Matches(msg, m.keys.NextField, m.keys.PrevField):
		return m.switchField()
	case key.Matches(msg, m.keys.Continue):
		return m.submitKeys()
	}
	msg, dropped := filterKey(msg)
	if dropped > 0 {
		m.setNotice(kindWarn, droppedNotice(m.tr, dropped))
	}
	if msg.Text == "" && msg.Code == 0 {
		return m, nil
	}
	field := &s.key
	if s.secret.Focused() {
		field = &s.secret
	}
	before := field.Value()
	var cmd tea.Cmd
	*field, cmd = field.Update(msg)
	if field.Value() == before {
		return m, cmd
	}
	m, v := m.pairChanged()
	return m, tea.Batch(cmd, v)
}

// switchField moves the focus to the other field.
func (m Model) switchField() (Model, tea.Cmd) {
	s := &m.pair
	if s.key.Focused() {
		s.key.Blur()
		return m, s.secret.Focus()
	}
	s.secret.Blur()
	return m, s.key.Focus()
}

// submitKeys is enter: on to S5 once the store accepted the pair, a new
// check after a failure, or the next field while one is still empty. A
// keyboard-wedge scanner ends its pair with enter: that lands here and is
// harmless, the check having started already.
func (m Model) submitKeys() (Model, tea.Cmd) {
	s := &m.pair
	switch {
	case m.accepted():
		return m.goTo(stepPermissions)
	case s.run.busy():
		return m, nil
	case m.currentHash() != "":
		s.report, s.checked = nil, ""
		return m.startKeyCheck(false)
	case s.key.Focused():
		return m.switchField()
	}
	return m, nil
}

// pasteKeys handles a paste or a scan into S4. A pair ("ck_…|cs_…", the
// text of WooCommerce's QR code) fills both fields; a complete key or
// secret replaces the content of its own field, whichever has the focus;
// anything else is inserted, filtered and cut to the field's limit, with a
// message saying so.
func (m Model) pasteKeys(text string) (Model, tea.Cmd) {
	s := &m.pair
	if k, v, _ := wooclient.ParsePaste(text); k != "" && v != "" {
		s.setPair(wooclient.Credentials{Key: k, Secret: v})
		s.key.Blur()
		m.setNotice(kindOK, m.tr.T("keys.filled-from-paste"))
		focus := s.secret.Focus()
		m, cmd := m.pairChanged()
		return m, tea.Batch(focus, cmd)
	}
	clean, dropped := filterInput(text)
	if k, p := wooclient.CheckKey(clean); p == nil {
		return m.pasteWhole(false, k)
	}
	if v, p := wooclient.CheckSecret(clean); p == nil {
		return m.pasteWhole(true, v)
	}
	if !s.key.Focused() && !s.secret.Focused() {
		s.key.Focus()
	}
	field := &s.key
	if s.secret.Focused() {
		field = &s.secret
	}
	room := maxKeyField - len([]rune(field.Value()))
	if n := len([]rune(clean)); n > room {
		m.setNotice(kindWarn, m.tr.N("keys.paste-cut", n, "Kept", max(room, 0)))
	} else if dropped > 0 {
		m.setNotice(kindWarn, droppedNotice(m.tr, dropped))
	}
	*field, _ = field.Update(tea.PasteMsg{Content: clean})
	return m.pairChanged()
}

// pasteWhole puts a complete key or secret into its own field, replacing
// what was there, and says so when it was pasted into the other field.
func (m Model) pasteWhole(secret bool, value string) (Model, tea.Cmd) {
	field, moved := &m.pair.key, m.tr.T("keys.pasted-key-moved")
	if secret {
		field, moved = &m.pair.secret, m.tr.T("keys.pasted-secret-moved")
	}
	if !field.Focused() && (m.pair.key.Focused() || m.pair.secret.Focused()) {
		m.setNotice(kindInfo, moved)
	}
	field.SetValue(value)
	field.CursorEnd()
	return m.pairChanged()
}

// pairChanged runs after every change to the fields: a pair typed into one
// field by a keyboard-wedge scanner is split (the rest of the scan then
// lands in the secret field), swapped fields are put back once they make a
// valid pair, the problems under the fields are updated, and a complete
// pair is validated at once.
func (m Model) pairChanged() (Model, tea.Cmd) {
	s := &m.pair
	var focus tea.Cmd
	for _, f := range []*textinput.Model{&s.key, &s.secret} {
		if len(f.Value()) <= 43 || !f.Focused() {
			continue
		}
		if k, sec, _ := wooclient.ParsePaste(f.Value()); k != "" && sec != "" {
			s.setPair(wooclient.Credentials{Key: k, Secret: sec})
			s.key.Blur()
			focus = s.secret.Focus()
			m.setNotice(kindOK, m.tr.T("keys.scanned"))
			break
		}
	}
	var swapped tea.Cmd
	p := s.parsed()
	if p.Swapped && p.OK {
		s.setPair(p.Credentials)
		m.setNotice(kindInfo, m.tr.T("keys.swapped"))
		swapped = m.print(stepLine(IconInfo, stepKeys, m.tr.T("keys.line-swapped")))
	}
	s.keyProblem, s.secretProblem = fieldProblems(s.key.Value(), s.secret.Value())
	s.findings = nil
	for _, f := range p.Findings {
		if f.Cause == wooclient.CauseNotAKey {
			s.findings = append(s.findings, f)
		}
	}
	m, cmd := m.autoValidate()
	return m, tea.Batch(focus, swapped, cmd)
}

// pairKeys are S4's keys.
func (m Model) pairKeys() []key.Binding {
	ks := []key.Binding{m.keys.NextField, m.keys.Reveal}
	if m.accepted() || (m.currentHash() != "" && !m.pair.run.busy()) {
		ks = append(ks, m.keys.Continue)
	}
	return ks
}

// keysInputWords are what S4 says about a paste, a scan or swapped fields.
var keysInputWords = []locale.Source{
	{ID: "keys.filled-from-paste", Other: "Key and secret filled in from the paste or scan."},
	{ID: "keys.paste-cut",
		One:   "The paste had {{.Count}} character; a key has 43. Only the first {{.Kept}} were kept.",
		Other: "The paste had {{.Count}} characters; a key has 43. Only the first {{.Kept}} were kept."},
	{ID: "keys.pasted-key-moved", Other: "That was the key: it went into the key field."},
	{ID: "keys.pasted-secret-moved", Other: "That was the secret: it went into the secret field."},
	{ID: "keys.scanned", Other: "Scanned: key and secret filled in."},
	{ID: "keys.swapped", Other: "The key and the secret were in each other's fields; they have been put back."},
	{ID: "keys.line-swapped", Other: "Keys: the key and the secret were in each other's fields; put back"},
}
