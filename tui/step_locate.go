package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
		line := m.print(IconOK + " S2 Locate keys: has the key and the secret")
		m, cmd := m.goTo(stepKeys)
		return m, tea.Batch(line, cmd)
	case locateNeedNew:
		m.gen.lostSecret = true
		line := m.print(IconOK + " S2 Locate keys: needs a new key")
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
		renderFindingBrief(p, m.st, *s.reason)
		p.blank()
	}
	p.text(m.st.Heading.Render("Do you have the consumer key and the consumer secret?"))
	p.blank()
	renderChoices(p, m.st, []string{
		"I have the key and the secret",
		"I have only the key, lost the secret, or I am not sure",
		"Which key is this terminal using?",
	}, s.cursor)
	p.blank()
	p.text(m.st.Muted.Render("The key starts with ck_, the secret with cs_. A secret is shown only once, when the key is made: a lost secret means a new key."))
}

// viewWhichKey draws the page that matches this terminal's key to a row of
// WooCommerce's key list, without anyone reading out a secret.
func (m Model) viewWhichKey(p *page) {
	p.text(m.st.Heading.Render("Which key is this terminal using?"))
	p.blank()
	if e := m.knownEnding(); e != "" {
		p.text("This terminal's key ends in " + m.st.Label.Render(e) + ".")
		p.text("In the key list, find the row " + m.st.Label.Render("Consumer key ending in …"+e) + ".")
	} else {
		p.text("No key is saved on this terminal yet, so there is no row to match.")
	}
	p.text("Its " + m.st.Label.Render("Last access") + " column says when the key was last used: a recent time means a till is using it now.")
	p.blank()
	p.text("Key list (WooCommerce → Settings → Advanced → REST API):")
	p.url("  ", m.st.URL, m.keysListURL())
}
