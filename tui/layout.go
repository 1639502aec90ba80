package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// minWidth is the narrowest layout the views try to honour; below it lines
// are still cut to the window, only less gracefully.
const minWidth = 20

// page collects a step's body as lines that already fit the width, and
// remembers where the focused text field's cursor is, so the root can place
// the terminal's real cursor there (it blinks without a timer) and can
// count lines to keep the wizard inside the window.
type page struct {
	width  int
	wm     ansi.Method // how the terminal measures text: see Model.wm
	lines  []string
	cursor *tea.Cursor
}

// newPage starts an empty body of the given width, never narrower than
// minWidth, measured the way the terminal lays text out.
func newPage(width int, wm ansi.Method) *page { return &page{width: max(width, minWidth), wm: wm} }

// newPage starts a body as wide as the window.
func (m Model) newPage() *page { return newPage(m.width, m.wm) }

// text adds a paragraph, word-wrapped to the width; styled text keeps its
// style across the wrap.
func (p *page) text(s string) { p.hanging("", "", s) }

// hanging adds a paragraph whose first line starts with first and whose
// other lines start with rest ("  "), the way list items and findings read.
func (p *page) hanging(first, rest, s string) {
	indent := max(p.wm.StringWidth(first), p.wm.StringWidth(rest))
	avail := max(p.width-indent, 8)
	for _, para := range strings.Split(s, "\n") {
		wrapped := wrapCells(para, avail, p.wm)
		for i, l := range wrapped {
			prefix := rest
			if i == 0 {
				prefix = first
			}
			p.line(prefix + strings.TrimRight(l, " "))
		}
		first = rest
	}
}

// url adds an address broken at its own punctuation, so a long admin URL at
// 40 columns splits where a reader expects.
func (p *page) url(prefix string, style lipgloss.Style, u string) {
	indent := strings.Repeat(" ", p.wm.StringWidth(prefix))
	avail := max(p.width-p.wm.StringWidth(prefix), 8)
	for i, l := range strings.Split(p.wm.Wrap(u, avail, "/?&="), "\n") {
		pre := indent
		if i == 0 {
			pre = prefix
		}
		p.line(pre + style.Render(l))
	}
}

// line adds one line, cut to the width if it is too long.
func (p *page) line(s string) {
	s = truncateCells(s, p.width, p.wm, "…")
	p.lines = append(p.lines, s)
}

// blank adds an empty line, never two in a row nor one at the top.
func (p *page) blank() {
	if len(p.lines) == 0 || p.lines[len(p.lines)-1] == "" {
		return
	}
	p.lines = append(p.lines, "")
}

// field adds a text input, followed by suffix (a ✓ once it is valid), and,
// when it has focus, records where the real cursor goes. The cursor column
// is computed from the display width, so wide characters and the masked
// secret put it in the right place.
func (p *page) field(ti textinput.Model, suffix string) {
	y := len(p.lines)
	p.line(strings.TrimRight(ti.View(), " ") + suffix) // the field pads itself to its width
	if !ti.Focused() {
		return
	}
	c := ti.Cursor()
	if c == nil {
		return
	}
	shown := []rune(ti.Value())
	pos := min(ti.Position(), len(shown))
	if ti.Width() <= 0 || p.wm.StringWidth(string(shown)) < ti.Width() {
		before := string(shown[:pos])
		if ti.EchoMode == textinput.EchoPassword {
			before = strings.Repeat(string(ti.EchoCharacter), p.wm.StringWidth(before))
		}
		c.Position.X = p.wm.StringWidth(ti.Prompt) + p.wm.StringWidth(before)
	}
	c.Position.X = min(c.Position.X, p.width-1)
	c.Position.Y = y
	p.cursor = c
}

// String joins the lines.
func (p *page) String() string { return strings.Join(p.lines, "\n") }

// fitLines cuts every line of s to width: the last guard that nothing the
// wizard prints can overflow the window, whatever it contains.
func fitLines(s string, width int, wm ansi.Method) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = truncateCells(l, width, wm, "…")
	}
	return strings.Join(lines, "\n")
}

// resize reflows the layout and the fields to a new window size.
func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	fieldW := max(m.width-m.wm.StringWidth(fieldPrompt)-1, 8)
	m.store.input.SetWidth(fieldW)
	keyPrompt, _ := keyPrompts(m.tr, m.wm) // both prompts have the same width
	keyW := max(m.width-m.wm.StringWidth(keyPrompt)-1, 8)
	m.pair.key.SetWidth(keyW)
	m.pair.secret.SetWidth(keyW)
	m.help.SetWidth(m.width)
}

// setStyles applies a new look to every component.
func (m *Model) setStyles(st Styles) {
	m.st = st
	m.help.Styles = st.Help
	m.spin.Style = st.Spinner
	m.store.input.SetStyles(st.Input)
	m.pair.key.SetStyles(st.Input)
	m.pair.secret.SetStyles(st.Input)
}

// widest is the width of the widest line of s.
func widest(s string, wm ansi.Method) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, wm.StringWidth(l))
	}
	return w
}
