package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// permsState is S5: a re-check with the same pair after the admin changed
// the key's permissions, and in demo mode the practice admin's fix.
type permsState struct {
	run    flight
	checks checklist
	fix    flight
}

// permissionBlocker is the first blocker when it is one the key's row in
// WP Admin fixes (Read-only, Write-only): the key stays the same.
func (m Model) permissionBlocker() (wooclient.Finding, bool) {
	b, ok := firstBlocker(m.pair.report)
	if ok && (b.Cause == wooclient.CauseReadOnly || b.Cause == wooclient.CauseWriteOnly) {
		return b, true
	}
	return wooclient.Finding{}, false
}

// updatePermissions handles S5's keys.
func (m Model) updatePermissions(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	_, fixable := m.permissionBlocker()
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.back()
	case key.Matches(msg, m.keys.Continue) && m.passed() && !m.perms.run.busy():
		line := m.print(m.permissionsLine())
		m, cmd := m.goTo(stepReview)
		return m, tea.Batch(line, cmd)
	case key.Matches(msg, m.keys.Recheck) && !m.perms.run.busy():
		m.notice = ""
		return m.startKeyCheck(true)
	case key.Matches(msg, m.keys.Fix) && m.deps.Demo != nil && fixable && !m.perms.fix.busy():
		ending := m.pair.creds().Ending()
		f, ctx := m.begin(ending, false)
		m.perms.fix = f
		return m, grantCmd(ctx, m.deps.Demo, f, ending)
	case fixable:
		return m.urlKeys(msg, m.keysListURL())
	}
	return m, nil
}

// readWriteGranted reports the practice admin's fix; the user then checks
// again with r, as they would after a real admin's change.
func (m Model) readWriteGranted(msg readWriteGrantedMsg) (Model, tea.Cmd) {
	if m.perms.fix.id != msg.run {
		return m, nil
	}
	m.perms.fix = m.perms.fix.stop()
	if msg.err != nil {
		m.setNotice(kindFail, "The practice store did not change the key: "+m.redact(msg.err.Error()))
		return m, nil
	}
	m.setNotice(kindOK, "The practice admin set key …"+safeText(msg.ending)+" to Read/Write. Press r to check again.")
	return m, nil
}

// permissionsLine is S5's line in the transcript.
func (m Model) permissionsLine() string {
	if m.passed() {
		return IconOK + " S5 Permissions: " + abilities(m.tr, m.pair.report.Key) + transportNote(m.tr, m.pair.report.Key)
	}
	b, _ := firstBlocker(m.pair.report)
	return IconFail + " S5 Permissions " + m.pair.creds().Masked() + ": " + findingHeadline(m.tr, b)
}

// permissionsKeys are S5's keys.
func (m Model) permissionsKeys() []key.Binding {
	var ks []key.Binding
	if _, fixable := m.permissionBlocker(); fixable {
		ks = append(ks, m.urlBindings(m.keysListURL())...)
		if m.deps.Demo != nil && !m.perms.fix.busy() {
			ks = append(ks, m.keys.Fix)
		}
	}
	if !m.perms.run.busy() {
		ks = append(ks, m.keys.Recheck)
		if m.passed() {
			ks = append(ks, m.keys.Continue)
		}
	}
	return ks
}

// viewPermissions draws S5: what the key may do, how it travels, and for a
// Read-only or Write-only key the exact change on the key's row.
func (m Model) viewPermissions(p *page) {
	st, rep := m.st, m.pair.report
	masked := m.pair.creds().Masked()
	p.text(st.Heading.Render("What key " + masked + " may do"))
	busy := m.perms.run.busy()
	m.perms.checks.render(p, st, m.tr, m.spin.View(), busy, false)
	if busy || rep == nil {
		return
	}
	if rep.Key != nil && rep.Key.Write {
		p.hanging("  ", "  ", st.Muted.Render("Write was proved without writing anything."))
	}
	if rep.Key != nil && rep.Key.Transport != wooclient.TransportNone {
		p.text("Sent as: " + transportWords(rep.Key.Transport))
	}
	p.blank()
	if m.passed() {
		if renderFindings(p, st, m.tr, rep.Findings) {
			p.blank()
		}
		p.text(st.OK.Render(IconOK) + " Everything the till needs works. Press enter to review.")
		return
	}
	renderFindings(p, st, m.tr, rep.Findings)
	if _, fixable := m.permissionBlocker(); fixable {
		p.blank()
		p.hanging("", "", "In WP Admin, open the key list, find the row ending in "+
			st.Label.Render("…"+m.pair.creds().Ending())+" → Edit → Permissions: "+
			st.Label.Render("Read/Write")+" → Save. The key stays the same: nothing to retype.")
		p.text(st.Muted.Render("Then press r to check again."))
	}
}

// transportWords says how a key travels, for people.
func transportWords(t wooclient.Transport) string {
	switch t {
	case wooclient.TransportBasic:
		return "basic (HTTP Basic over HTTPS)"
	case wooclient.TransportQuery:
		return "query (the key in the address, over HTTPS)"
	case wooclient.TransportOAuth1:
		return "oauth1 (signed; the secret never travels)"
	}
	return string(t)
}
