package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// The transcript: when a step finishes (or stops on a problem), one short
// plain line is printed above the live area with tea.Println, for example
//
//	✓ S1 Store: Demo Store — https://127.0.0.1:4443
//	✗ S4 Keys ck_…abc1234: API02006 wrong-pair · Secret does not match the key
//	✓ S4 Keys: ck_…abc1234 accepted (basic)
//
// so the terminal's scrollback reads as a record a support person can go
// through with the cashier. Lines name keys only masked (ck_…abc1234) and
// never a secret: callers pass masked values, and print redacts once more.

// IconNext starts a transcript line that says where the wizard went.
const IconNext = "→"

// stepLine is one transcript line: the icon, the step's code, which reads
// the same in every language so a support person and a cashier agree on
// it, then what happened, in the wizard's language.
func stepLine(icon string, s step, text string) string {
	return icon + " " + s.Code() + " " + text
}

// transcriptPrintedMsg says the lines handed to Bubble Tea were printed,
// so the next ones may go.
type transcriptPrintedMsg struct{}

// print adds a line to the transcript and prints it above the live area.
// Callers pass masked values only; the line is redacted once more.
func (m *Model) print(line string) tea.Cmd {
	m.queue(line)
	return m.flush()
}

// queue adds a line to the transcript without printing it yet.
func (m *Model) queue(line string) {
	line = m.redact(safeSaid(line))
	if n := len(m.transcript); n > 0 && m.transcript[n-1] == line {
		return // S5's re-check already said it
	}
	m.transcript = append(m.transcript, line)
	// One Println per screen line: Bubble Tea inserts a printed block above
	// the live area by scrolling as many rows as the block is tall, and the
	// live area leaves only one row free (see rows), so a line the terminal
	// would wrap is wrapped here.
	for _, l := range wrapCells(line, max(m.width, minWidth), m.wm) {
		m.outbox = append(m.outbox, strings.TrimRight(l, " "))
	}
}

// flush prints the queued lines. Commands run concurrently, so lines from
// two updates could overtake each other: one batch is in flight at a time,
// printed in order by tea.Sequence, and the next goes when it has landed.
func (m *Model) flush() tea.Cmd {
	if m.printing || len(m.outbox) == 0 {
		return nil
	}
	m.printing = true
	cmds := m.printlns()
	cmds = append(cmds, func() tea.Msg { return transcriptPrintedMsg{} })
	return tea.Sequence(cmds...)
}

// printlns takes the queued lines as Println commands.
func (m *Model) printlns() []tea.Cmd {
	var cmds []tea.Cmd
	for _, l := range m.outbox {
		cmds = append(cmds, tea.Println(l))
	}
	m.outbox = nil
	return cmds
}

// redact removes the pair being worked on (and any key-shaped text) from a
// string that came from an error or the store.
func (m Model) redact(s string) string {
	return redactPair(s, m.pair.creds())
}
