package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// fieldPrompt starts every text field.
const fieldPrompt = "› "

// storePhase is where S1 stands: typing, waiting for the store, asking
// "Is this your store?", or stopped by a blocker.
type storePhase int

const (
	storeEditing storePhase = iota
	storeChecking
	storeConfirm
	storeBlocked
)

// storeState is S1: the address field, the discovery's checklist and its
// report, and whether the user recognised the store.
type storeState struct {
	input     textinput.Model
	submitted bool           // after the first enter, every problem shows at once
	problem   wooclient.Text // what is wrong with the address as typed
	invalid   *wooclient.Finding
	phase     storePhase
	run       flight
	address   string // the normalised address the report is for
	checks    checklist
	report    *wooclient.Report
	confirmed bool
}

// newStoreState makes S1's field, pre-filled (filtered like typed input)
// and capped at maxAddress.
func newStoreState(address string) storeState {
	ti := textinput.New()
	ti.Prompt = fieldPrompt
	ti.Placeholder = "shop.example.com"
	ti.CharLimit = maxAddress
	ti.SetVirtualCursor(false)
	v, _ := filterInput(address)
	ti.SetValue(v)
	ti.CursorEnd()
	return storeState{input: ti, checks: newChecklist(wooclient.StoreChecks)}
}

// updateStore handles S1's keys in each phase.
func (m Model) updateStore(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	s := &m.store
	switch s.phase {
	case storeEditing, storeChecking:
		switch {
		case key.Matches(msg, m.keys.Check):
			return m.submitStore()
		case key.Matches(msg, m.keys.Back):
			if s.phase == storeChecking {
				s.run, s.phase = s.run.stop(), storeEditing
				return m, nil
			}
			return m.back()
		}
		return m.editStore(msg)
	case storeConfirm:
		switch {
		case key.Matches(msg, m.keys.Yes):
			return m.confirmStore()
		case key.Matches(msg, m.keys.Retry):
			return m.submitStore()
		case key.Matches(msg, m.keys.No, m.keys.Edit, m.keys.Back):
			return m.editAddress()
		}
	case storeBlocked:
		switch {
		case key.Matches(msg, m.keys.Retry):
			return m.submitStore()
		case key.Matches(msg, m.keys.Edit, m.keys.Back):
			return m.editAddress()
		}
	}
	return m, nil
}

// editAddress returns to the field, keeping what was typed.
func (m Model) editAddress() (Model, tea.Cmd) {
	m.store.run = m.store.run.stop()
	m.store.phase = storeEditing
	return m, m.store.input.Focus()
}

// editStore types into the field. Any change cancels a discovery in flight:
// its answer would be for an address no longer on screen.
func (m Model) editStore(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	msg, dropped := filterKey(msg)
	if dropped > 0 {
		m.setNotice(kindWarn, droppedNotice(m.tr, dropped))
	}
	if msg.Text == "" && msg.Code == 0 {
		return m, nil
	}
	before := m.store.input.Value()
	var cmd tea.Cmd
	m.store.input, cmd = m.store.input.Update(msg)
	if m.store.input.Value() != before {
		m.addressChanged()
	}
	return m, cmd
}

// pasteStore puts a paste into the field: a whole address replaces what was
// there (people paste the address again rather than append to it);
// anything else is inserted, filtered and cut to the limit.
func (m Model) pasteStore(msg tea.PasteMsg) (Model, tea.Cmd) {
	if m.store.phase != storeEditing && m.store.phase != storeChecking {
		m, _ = m.editAddress() // the paste below focuses the field again
	}
	text, dropped := filterInput(msg.Content)
	if _, err := wooclient.NormalizeAddress(text); err == nil && len(text) <= maxAddress {
		m.store.input.SetValue(strings.TrimSpace(text))
		m.store.input.CursorEnd()
		m.addressChanged()
		if dropped > 0 {
			m.setNotice(kindWarn, droppedNotice(m.tr, dropped))
		}
		return m, m.store.input.Focus()
	}
	room := maxAddress - len([]rune(m.store.input.Value()))
	switch {
	case len([]rune(text)) > room:
		m.setNotice(kindWarn, m.tr.N("store.paste-too-long", max(room, 0)))
	case dropped > 0:
		m.setNotice(kindWarn, droppedNotice(m.tr, dropped))
	}
	var cmd tea.Cmd
	m.store.input, cmd = m.store.input.Update(tea.PasteMsg{Content: text})
	m.addressChanged()
	return m, tea.Batch(cmd, m.store.input.Focus())
}

// addressChanged stops a stale discovery and re-checks the address as typed.
func (m *Model) addressChanged() {
	s := &m.store
	if s.run.busy() {
		s.run = s.run.stop()
	}
	s.phase = storeEditing
	s.invalid = nil
	s.problem = addressProblem(s.input.Value(), s.submitted)
}

// addressProblem is the sentence shown under the field, kept as the
// engine's Text and said when shown. While the user is still typing, an
// address that could become valid (a scheme half typed, a host without its
// ending yet) is left alone: the wizard stays calm.
func addressProblem(v string, submitted bool) wooclient.Text {
	if strings.TrimSpace(v) == "" && !submitted {
		return wooclient.Text{}
	}
	_, err := wooclient.NormalizeAddress(v)
	if err == nil {
		return wooclient.Text{}
	}
	if !submitted {
		for _, tail := range []string{"x.com", ".com", "x", "/"} {
			if _, e := wooclient.NormalizeAddress(v + tail); e == nil {
				return wooclient.Text{}
			}
		}
	}
	var ae *wooclient.AddressError
	if errors.As(err, &ae) {
		return ae.Text
	}
	return wooclient.CauseInvalidURL.Title() // NormalizeAddress promises an AddressError
}

// submitStore normalises the address and starts the discovery.
func (m Model) submitStore() (Model, tea.Cmd) {
	s := &m.store
	s.submitted = true
	addr, err := wooclient.NormalizeAddress(s.input.Value())
	if err != nil {
		f := wooclient.NewFinding(wooclient.CauseInvalidURL, "")
		var ae *wooclient.AddressError
		if errors.As(err, &ae) {
			f = ae.Finding()
		}
		s.invalid, s.problem = &f, wooclient.Text{}
		return m, nil
	}
	s.run = s.run.stop()
	f, ctx := m.begin(addr, true)
	s.run, s.address, s.phase, s.invalid, s.problem = f, addr, storeChecking, nil, wooclient.Text{}
	s.checks, s.report, s.confirmed = newChecklist(wooclient.StoreChecks), nil, false
	return m, tea.Batch(discoverCmd(ctx, m.deps.Checker, f, addr), f.events.wait(f.id, addr))
}

// storeDiscovered takes the discovery's report if it answers the address
// still on screen: the store's name and a question, or the blocker.
func (m Model) storeDiscovered(msg storeDiscoveredMsg) (Model, tea.Cmd) {
	s := &m.store
	if !s.run.answers(msg.run, msg.address) {
		return m, nil
	}
	s.run = s.run.stop()
	rep := orUnexpected(msg.report)
	s.report, m.lastReport = rep, rep
	s.checks = s.checks.withReport(rep)
	s.input.Blur()
	if b, blocked := firstBlocker(rep); blocked {
		s.phase = storeBlocked
		return m, m.print(stepLine(IconFail, stepStore, m.tr.T("store.line-failed",
			"Step", stepTitle(m.tr, stepStore), "Address", s.address, "Finding", findingHeadline(m.tr, b))))
	}
	s.phase = storeConfirm
	return m, nil
}

// confirmStore is "yes, this is my store": on to S2.
func (m Model) confirmStore() (Model, tea.Cmd) {
	m.store.confirmed = true
	st := m.store.report.Store
	line := m.print(stepLine(IconOK, stepStore, m.tr.T("store.line-ok",
		"Step", stepTitle(m.tr, stepStore), "Name", storeName(m.tr, st), "Home", storeHome(st))))
	m, cmd := m.goTo(stepLocate)
	return m, tea.Batch(line, cmd)
}

// storeKeys are S1's keys in its current phase.
func (m Model) storeKeys() []key.Binding {
	switch m.store.phase {
	case storeConfirm:
		return []key.Binding{m.keys.Yes, m.keys.No, m.keys.Retry}
	case storeBlocked:
		return []key.Binding{m.keys.Retry, m.keys.Edit}
	}
	return []key.Binding{m.keys.Check}
}

// orUnexpected stands in for a checker that returned no report at all.
func orUnexpected(rep *wooclient.Report) *wooclient.Report {
	if rep != nil {
		return rep
	}
	return wooclient.NoReport()
}

// storeWords are what S1 says while the address is typed and checked, and
// its transcript lines.
var storeWords = []locale.Source{
	{ID: "store.paste-too-long",
		One:   "The paste was too long for an address; only the first {{.Count}} character was kept.",
		Other: "The paste was too long for an address; only the first {{.Count}} characters were kept."},
	{ID: "store.line-failed", Other: "{{.Step}} {{.Address}}: {{.Finding}}"},
	{ID: "store.line-ok", Other: "{{.Step}}: {{.Name}} — {{.Home}}"},
}
