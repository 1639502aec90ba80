package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// renderChoices draws a numbered list with the cursor on the chosen line.
func renderChoices(p *page, st Styles, labels []string, cursor int) {
	for i, l := range labels {
		num := strconv.Itoa(i+1) + " "
		if i == cursor {
			p.hanging(st.Selected.Render(IconCursor+" "+num), "    ", st.Selected.Render(l))
			continue
		}
		p.hanging("  "+num, "    ", l)
	}
}

// menuKey handles a choice list's keys, the same on every step that has
// one: ↑/↓ move the cursor within [0, last], a digit or enter returns the
// choice to act on.
func (m Model) menuKey(msg tea.KeyPressMsg, cursor *int, last int) (choice int, chosen bool) {
	switch {
	case key.Matches(msg, m.keys.Up):
		*cursor = max(*cursor-1, 0)
	case key.Matches(msg, m.keys.Down):
		*cursor = min(*cursor+1, last)
	case key.Matches(msg, m.keys.Pick):
		return int(msg.Code - '1'), true
	case key.Matches(msg, m.keys.Choose):
		return *cursor, true
	}
	return 0, false
}
