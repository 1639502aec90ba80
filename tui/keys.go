package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/wcpos/wcpos-setup/tui/locale"
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
	Lang      key.Binding // pick the wizard's language
	QuitYes   key.Binding
	QuitNo    key.Binding

	// Editing keys of the text fields, listed in the full help only.
	Clear, WordBack, LineEnds key.Binding
}

// newKeyMap builds the bindings, their help in the wizard's language (the
// key names themselves are what is printed on the keys, never translated). The reveal toggle is ctrl+r: alt+r arrives
// as "®" in macOS Terminal unless Option is set as Meta, while ctrl+r
// reaches the program in every common terminal.
func newKeyMap(tr *locale.Translator) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr.T(desc)))
	}
	return keyMap{
		Up:        b("↑/↓", "key.move", "up"),
		Down:      b("↓", "key.down", "down"), // listed under Up's "↑/↓"
		Pick:      b("1-3", "key.pick", "1", "2", "3"),
		Choose:    b("enter", "key.choose", "enter"),
		Check:     b("enter", "key.check", "enter"),
		Continue:  b("enter", "key.continue", "enter"),
		Save:      b("enter", "key.save", "enter"),
		Finish:    b("enter", "key.finish", "enter"),
		Yes:       b("y", "key.yes", "y", "Y"),
		No:        b("n", "key.no", "n", "N"),
		Edit:      b("e", "key.edit-address", "e"),
		Retry:     b("r", "key.retry", "r"),
		Recheck:   b("r", "key.check-again", "r"),
		Open:      b("o", "key.open", "o"),
		Copy:      b("c", "key.copy-link", "c"),
		QR:        b("q", "key.qr-code", "q"),
		HideQR:    b("q", "key.hide-qr", "q"),
		Generate:  b("g", "key.generate-practice-key", "g"),
		Scan:      b("s", "key.scan-it", "s"),
		Fix:       b("f", "key.fix-on-practice-store", "f"),
		NextField: b("tab", "key.next-field", "tab", "down"),
		PrevField: b("shift+tab", "key.previous-field", "shift+tab", "up"),
		Reveal:    b("ctrl+r", "key.show-hide-secret", "ctrl+r"),
		Report:    b("c", "key.copy-support-report", "c"),
		Back:      b("esc", "key.back", "esc"),
		More:      b("pgup/pgdn", "key.scroll", "pgdown"),
		Less:      b("pgup", "key.scroll-up", "pgup"), // listed under More's "pgup/pgdn"
		Quit:      b("ctrl+c", "key.quit", "ctrl+c"),
		Help:      b("?", "key.more-keys", "?"),
		Lang:      b("ctrl+l", "key.language", "ctrl+l"),
		QuitYes:   b("y", "key.quit-without-saving", "y", "Y"),
		QuitNo:    b("n", "key.stay", "n", "N", "esc"),
		Clear:     b("ctrl+u", "key.clear-before-cursor", "ctrl+u"),
		WordBack:  b("ctrl+w", "key.delete-word", "ctrl+w"),
		LineEnds:  b("ctrl+a/e", "key.start-end-of-line", "ctrl+a", "ctrl+e"),
	}
}

// keyHelp adapts a list of bindings to help.KeyMap: the short help is the
// list plus the global keys, the full help groups them in columns.
type keyHelp struct {
	step    []key.Binding
	editing []key.Binding
	global  []key.Binding
	quiet   []key.Binding // work everywhere, listed only in the full help
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
	return append(groups, append(append([]key.Binding(nil), k.global...), k.quiet...))
}

// keyWords are the help texts of the keys.
var keyWords = []locale.Source{
	{ID: "key.move", Other: "move"},
	{ID: "key.down", Other: "down"},
	{ID: "key.pick", Other: "pick"},
	{ID: "key.choose", Other: "choose"},
	{ID: "key.check", Other: "check"},
	{ID: "key.continue", Other: "continue"},
	{ID: "key.save", Other: "save"},
	{ID: "key.finish", Other: "finish"},
	{ID: "key.yes", Other: "yes"},
	{ID: "key.no", Other: "no"},
	{ID: "key.edit-address", Other: "edit address"},
	{ID: "key.retry", Other: "retry"},
	{ID: "key.check-again", Other: "check again"},
	{ID: "key.open", Other: "open"},
	{ID: "key.copy-link", Other: "copy link"},
	{ID: "key.qr-code", Other: "QR code"},
	{ID: "key.hide-qr", Other: "hide QR"},
	{ID: "key.generate-practice-key", Other: "generate practice key"},
	{ID: "key.scan-it", Other: "scan it"},
	{ID: "key.fix-on-practice-store", Other: "fix on practice store"},
	{ID: "key.next-field", Other: "next field"},
	{ID: "key.previous-field", Other: "previous field"},
	{ID: "key.show-hide-secret", Other: "show/hide secret"},
	{ID: "key.copy-support-report", Other: "copy support report"},
	{ID: "key.back", Other: "back"},
	{ID: "key.scroll", Other: "scroll"},
	{ID: "key.scroll-up", Other: "scroll up"},
	{ID: "key.quit", Other: "quit"},
	{ID: "key.more-keys", Other: "more keys"},
	{ID: "key.language", Other: "language"},
	{ID: "key.quit-without-saving", Other: "quit without saving"},
	{ID: "key.stay", Other: "stay"},
	{ID: "key.clear-before-cursor", Other: "clear before cursor"},
	{ID: "key.delete-word", Other: "delete word"},
	{ID: "key.start-end-of-line", Other: "start/end of line"},
}
