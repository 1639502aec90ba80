package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// The choices of S2, in screen order.
const (
	locateHaveBoth = iota
	locateNeedNew
	locateWhichKey
)

// locateState is S2: "do you have the key and the secret?", and the
// page that tells which key this terminal uses.
type locateState struct {
	cursor   int
	whichKey bool
	reason   *wooclient.Finding // why S0's repair came here
}

// updateLocate handles S2's keys.
func (m Model) updateLocate(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	s := &m.locate
	if s.whichKey {
		switch {
		case key.Matches(msg, m.keys.Back, m.keys.Continue):
			s.whichKey = false
			return m, nil
		}
		return m.urlKeys(msg, m.keysListURL())
	}
	if c, chosen := m.menuKey(msg, &s.cursor, locateWhichKey); chosen {
		return m.chooseLocate(c)
	}
	if key.Matches(msg, m.keys.Back) {
		return m.back()
	}
	return m, nil
}

// chooseLocate acts on a choice: S4 with both parts, S3 for a new key, or
// the which-key page.
func (m Model) chooseLocate(c int) (Model, tea.Cmd) {
	m.locate.cursor = c
	switch c {
	case locateHaveBoth:
		line := m.print(stepLine(IconOK, stepLocate, m.tr.T("locate.line-have-both", "Step", stepTitle(m.tr, stepLocate))))
		m, cmd := m.goTo(stepKeys)
		return m, tea.Batch(line, cmd)
	case locateNeedNew:
		m.gen.lostSecret = true
		line := m.print(stepLine(IconOK, stepLocate, m.tr.T("locate.line-need-new", "Step", stepTitle(m.tr, stepLocate))))
		m, cmd := m.goTo(stepGenerate)
		return m, tea.Batch(line, cmd)
	}
	m.locate.whichKey = true
	return m, nil
}

// knownEnding is this terminal's key as the key list shows it: the saved
// key, or the one typed in S4 when it is well formed.
func (m Model) knownEnding() string {
	if c := m.pair.creds(); c.Key != "" {
		if _, p := wooclient.CheckKey(c.Key); p == nil {
			return c.Ending()
		}
	}
	if sv := m.opts.Saved; sv != nil && sv.Credentials.Key != "" {
		return sv.Credentials.Ending()
	}
	return ""
}

// keysListURL is the store's REST API key list.
func (m Model) keysListURL() string {
	return m.confirmedStore().AdminURL(wooclient.PageKeys)
}

// locateKeys are S2's keys in its current view.
func (m Model) locateKeys() []key.Binding {
	if m.locate.whichKey {
		return append(m.urlBindings(m.keysListURL()), m.keys.Continue)
	}
	return []key.Binding{m.keys.Up, m.keys.Pick, m.keys.Choose}
}

// viewLocate draws S2.
func (m Model) viewLocate(p *page) {
	s := m.locate
	if s.whichKey {
		m.viewWhichKey(p)
		return
	}
	if s.reason != nil {
		renderFindingBrief(p, m.st, m.tr, *s.reason)
		p.blank()
	}
	p.text(m.st.Heading.Render(m.tr.T("locate.question")))
	p.blank()
	renderChoices(p, m.st, []string{
		m.tr.T("locate.have-both"),
		m.tr.T("locate.need-new"),
		m.tr.T("locate.which-key"),
	}, s.cursor)
	p.blank()
	p.text(m.st.Muted.Render(m.tr.T("locate.hint", "KeyPrefix", "ck_", "SecretPrefix", "cs_")))
}

// viewWhichKey draws the page that matches this terminal's key to a row of
// WooCommerce's key list, without anyone reading out a secret.
func (m Model) viewWhichKey(p *page) {
	p.text(m.st.Heading.Render(m.tr.T("locate.which-key")))
	p.blank()
	if e := m.knownEnding(); e != "" {
		p.text(m.tr.T("locate.ends-in", "Ending", m.st.Label.Render(e)))
		row := m.tr.T("locate.key-row", "Label", m.adminLabel("wpadmin.key-ending"), "Ending", e)
		p.text(m.tr.T("locate.find-row", "Row", m.st.Label.Render(row)))
	} else {
		p.text(m.tr.T("locate.no-key-saved"))
	}
	p.text(m.tr.T("locate.last-access", "Column", m.st.Label.Render(m.adminLabel("wpadmin.last-access"))))
	p.blank()
	p.text(m.tr.T("locate.key-list", "Path",
		m.adminPath("wpadmin.woocommerce", "wpadmin.settings", "wpadmin.advanced", "wpadmin.rest-api")))
	p.url("  ", m.st.URL, m.keysListURL())
}

// locateWords are what S2 says: the question, its choices, the page that
// matches this terminal's key to a row of the key list, and the
// transcript lines.
var locateWords = []locale.Source{
	{ID: "locate.question", Other: "Do you have the consumer key and the consumer secret?"},
	{ID: "locate.have-both", Other: "I have the key and the secret"},
	{ID: "locate.need-new", Other: "I have only the key, lost the secret, or I am not sure"},
	{ID: "locate.which-key", Other: "Which key is this terminal using?"},
	{ID: "locate.hint", Other: "The key starts with {{.KeyPrefix}}, the secret with {{.SecretPrefix}}. A secret is shown only once, when the key is made: a lost secret means a new key."},
	{ID: "locate.ends-in", Other: "This terminal's key ends in {{.Ending}}."},
	{ID: "locate.key-row", Other: "{{.Label}} …{{.Ending}}"},
	{ID: "locate.find-row", Other: "In the key list, find the row {{.Row}}."},
	{ID: "locate.no-key-saved", Other: "No key is saved on this terminal yet, so there is no row to match."},
	{ID: "locate.last-access", Other: "Its {{.Column}} column says when the key was last used: a recent time means a till is using it now."},
	{ID: "locate.key-list", Other: "Key list ({{.Path}}):"},
	{ID: "locate.line-have-both", Other: "{{.Step}}: has the key and the secret"},
	{ID: "locate.line-need-new", Other: "{{.Step}}: needs a new key"},
}
