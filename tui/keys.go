package tui

import (
	"charm.land/bubbles/v2/key"
)

// keyMap declares every key binding once, with its help text. Several
// actions share a key (enter checks, continues or saves depending on the
// step); each action is still its own binding so the footer names what
// enter does right now. Steps return the bindings that work in their
// current state (stepKeys), and the footer shows exactly those.
type keyMap struct {
	Up, Down  key.Binding
	Pick      key.Binding // digits on a choice list
	Choose    key.Binding
	Check     key.Binding
	Continue  key.Binding
	Save      key.Binding
	Finish    key.Binding
	Yes, No   key.Binding
	Edit      key.Binding
	Retry     key.Binding
	Recheck   key.Binding
	Open      key.Binding
	Copy      key.Binding
	QR        key.Binding
	HideQR    key.Binding
	Generate  key.Binding
	Scan      key.Binding
	Fix       key.Binding
	NextField key.Binding
	PrevField key.Binding
	Reveal    key.Binding
	Report    key.Binding
	Back      key.Binding
	More      key.Binding // scroll a body taller than the window
	Less      key.Binding
	Quit      key.Binding
	Help      key.Binding
	QuitYes   key.Binding
	QuitNo    key.Binding

	// Editing keys of the text fields, listed in the full help only.
	Clear, WordBack, LineEnds key.Binding
}

// newKeyMap builds the bindings. The reveal toggle is ctrl+r: alt+r arrives
// as "®" in macOS Terminal unless Option is set as Meta, while ctrl+r
// reaches the program in every common terminal.
func newKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:        b("↑/↓", "move", "up"),
		Down:      b("↓", "down", "down"), // listed under Up's "↑/↓"
		Pick:      b("1-3", "pick", "1", "2", "3"),
		Choose:    b("enter", "choose", "enter"),
		Check:     b("enter", "check", "enter"),
		Continue:  b("enter", "continue", "enter"),
		Save:      b("enter", "save", "enter"),
		Finish:    b("enter", "finish", "enter"),
		Yes:       b("y", "yes", "y", "Y"),
		No:        b("n", "no", "n", "N"),
		Edit:      b("e", "edit address", "e"),
		Retry:     b("r", "retry", "r"),
		Recheck:   b("r", "check again", "r"),
		Open:      b("o", "open", "o"),
		Copy:      b("c", "copy link", "c"),
		QR:        b("q", "QR code", "q"),
		HideQR:    b("q", "hide QR", "q"),
		Generate:  b("g", "generate practice key", "g"),
		Scan:      b("s", "scan it", "s"),
		Fix:       b("f", "fix on practice store", "f"),
		NextField: b("tab", "next field", "tab", "down"),
		PrevField: b("shift+tab", "previous field", "shift+tab", "up"),
		Reveal:    b("ctrl+r", "show/hide secret", "ctrl+r"),
		Report:    b("c", "copy support report", "c"),
		Back:      b("esc", "back", "esc"),
		More:      b("pgup/pgdn", "scroll", "pgdown"),
		Less:      b("pgup", "scroll up", "pgup"), // listed under More's "pgup/pgdn"
		Quit:      b("ctrl+c", "quit", "ctrl+c"),
		Help:      b("?", "more keys", "?"),
		QuitYes:   b("y", "quit without saving", "y", "Y"),
		QuitNo:    b("n", "stay", "n", "N", "esc"),
		Clear:     b("ctrl+u", "clear before cursor", "ctrl+u"),
		WordBack:  b("ctrl+w", "delete word", "ctrl+w"),
		LineEnds:  b("ctrl+a/e", "start/end of line", "ctrl+a", "ctrl+e"),
	}
}

// keyHelp adapts a list of bindings to help.KeyMap: the short help is the
// list plus the global keys, the full help groups them in columns.
type keyHelp struct {
	step    []key.Binding
	editing []key.Binding
	global  []key.Binding
}

// ShortHelp lists the step's keys, then the global ones.
func (k keyHelp) ShortHelp() []key.Binding {
	out := append([]key.Binding(nil), k.step...)
	return append(out, k.global...)
}

// FullHelp puts the step's keys, the field editing keys and the global keys
// in their own columns.
func (k keyHelp) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{k.step}
	if len(k.editing) > 0 {
		groups = append(groups, k.editing)
	}
	return append(groups, k.global)
}
