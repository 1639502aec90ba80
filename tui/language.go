package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// languagePicker is the list a cashier picks the wizard's language from
// (ctrl+l), over whatever step is showing. Switching keeps everything
// typed and checked: only the words change.
type languagePicker struct {
	open   bool
	tags   []string
	names  []string // each language's name in itself; nil until listed
	cursor int
}

// languagesListedMsg carries every language's name in itself.
type languagesListedMsg struct{ tags, names []string }

// languageChosenMsg carries the Translator of the language picked.
type languageChosenMsg struct {
	tr  *locale.Translator
	err error
}

// listLanguagesCmd reads each language's name from its own file; the
// files are embedded, but parsing all twelve is kept out of Update.
func listLanguagesCmd(cat *locale.Catalog) tea.Cmd {
	return func() tea.Msg {
		var msg languagesListedMsg
		for _, tag := range locale.Languages() {
			name := tag
			if tr, err := cat.Translator(tag); err == nil {
				name = tr.Name()
			}
			msg.tags, msg.names = append(msg.tags, tag), append(msg.names, name)
		}
		return msg
	}
}

// chooseLanguageCmd loads the chosen language.
func chooseLanguageCmd(cat *locale.Catalog, tag string) tea.Cmd {
	return func() tea.Msg {
		tr, err := cat.Translator(tag)
		return languageChosenMsg{tr: tr, err: err}
	}
}

// canSwitchLanguage reports whether the languages are at hand (cmd gives
// the catalogue; an embedder may not).
func (m Model) canSwitchLanguage() bool { return m.opts.Catalog != nil }

// openLanguages shows the picker and asks for the languages' names.
func (m Model) openLanguages() (Model, tea.Cmd) {
	m.langs = languagePicker{open: true}
	return m, listLanguagesCmd(m.opts.Catalog)
}

// languagesListed fills the picker, its cursor on the language in use.
func (m Model) languagesListed(msg languagesListedMsg) (Model, tea.Cmd) {
	if !m.langs.open {
		return m, nil
	}
	m.langs.tags, m.langs.names = msg.tags, msg.names
	for i, t := range msg.tags {
		if t == m.tr.Tag() {
			m.langs.cursor = i
		}
	}
	return m, nil
}

// languageKey handles the picker's keys: move, choose, or close.
func (m Model) languageKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	l := &m.langs
	switch {
	case key.Matches(msg, m.keys.Back, m.keys.Lang):
		l.open = false
	case key.Matches(msg, m.keys.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, m.keys.Down):
		l.cursor = min(l.cursor+1, len(l.tags)-1)
	case key.Matches(msg, m.keys.Choose) && l.cursor < len(l.tags):
		l.open = false
		return m, chooseLanguageCmd(m.opts.Catalog, l.tags[l.cursor])
	}
	return m, nil
}

// languageChosen switches every word on screen to the new language. The
// key bindings are rebuilt for their help texts; nothing typed, checked or
// saved changes.
func (m Model) languageChosen(msg languageChosenMsg) (Model, tea.Cmd) {
	if msg.err != nil || msg.tr == nil {
		m.setNotice(kindWarn, m.tr.T("lang.failed"))
		return m, nil
	}
	m.langs.open = false
	m.tr = msg.tr
	m.keys = newKeyMap(m.tr)
	m.resize(m.width, m.height) // S4's field prompts are words: their width changed
	m.setNotice(kindOK, m.tr.T("lang.switched", "Name", m.tr.Name()))
	return m, nil
}

// viewLanguages draws the picker in place of the step's body.
func (m Model) viewLanguages(p *page) {
	p.text(m.st.Heading.Render(m.tr.T("lang.heading")))
	if m.langs.names == nil {
		p.text(m.st.Muted.Render("…"))
		return
	}
	for i, name := range m.langs.names {
		if i == m.langs.cursor {
			p.text(m.st.Selected.Render(IconCursor + " " + name))
			continue
		}
		p.text("  " + name)
	}
	p.blank()
	p.text(m.st.Muted.Render(m.tr.T("lang.hint")))
}

// languageKeys are the picker's keys.
func (m Model) languageKeys() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Choose, m.keys.Back}
}

// rtlHint warns, where the wizard starts, that right-to-left text needs a
// terminal that lays it out: terminals without the bidirectional
// algorithm show Arabic letters in reverse, and the wizard cannot ask the
// terminal which kind it is. The way out is one key away.
func (m Model) rtlHint(p *page) {
	if !m.tr.RTL() || (m.step != stepSaved && m.step != stepStore) {
		return
	}
	hint := m.tr.T("lang.rtl-hint", "Key", keyName(m.keys.Lang))
	if !m.canSwitchLanguage() {
		hint = m.tr.T("lang.rtl-hint-flag")
	}
	p.hanging(m.st.Muted.Render(IconInfo)+" ", "  ", m.st.Muted.Render(hint))
	p.blank()
}

// languageWords are the picker's words.
var languageWords = []locale.Source{
	{ID: "lang.heading", Other: "Language"},
	{ID: "lang.hint", Other: "Everything you typed stays as it is; only the words change."},
	{ID: "lang.switched", Other: "Language: {{.Name}}"},
	{ID: "lang.failed", Other: "That language could not be loaded; the wizard keeps its language."},
	{ID: "lang.rtl-hint", Other: "Right-to-left text needs a terminal that supports it; if this looks reversed, press {{.Key}} for another language."},
	{ID: "lang.rtl-hint-flag", Other: "Right-to-left text needs a terminal that supports it; if this looks reversed, run with --lang en or --accessible."},
}
