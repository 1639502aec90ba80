package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
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
		m.setNotice(kindFail, m.tr.T("perms.practice-fix-failed", "Error", m.redact(msg.err.Error())))
		return m, nil
	}
	m.setNotice(kindOK, m.tr.T("perms.practice-fixed", "Ending", safeText(msg.ending),
		"ReadWrite", m.adminLabel("wpadmin.read-write"), "Recheck", keyName(m.keys.Recheck)))
	return m, nil
}

// permissionsLine is S5's line in the transcript.
func (m Model) permissionsLine() string {
	if m.passed() {
		k := m.pair.report.Key
		return stepLine(IconOK, stepPermissions, m.tr.T("perms.line-ok", "Step", stepTitle(m.tr, stepPermissions),
			"Abilities", abilities(m.tr, k), "Transport", transportNote(m.tr, k)))
	}
	b, _ := firstBlocker(m.pair.report)
	return stepLine(IconFail, stepPermissions, m.tr.T("perms.line-blocked", "Step", stepTitle(m.tr, stepPermissions),
		"Key", m.pair.creds().Masked(), "Finding", findingHeadline(m.tr, b)))
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
	st, rep, tr := m.st, m.pair.report, m.tr
	p.text(st.Heading.Render(tr.T("perms.heading", "Key", m.pair.creds().Masked())))
	busy := m.perms.run.busy()
	m.perms.checks.render(p, st, m.tr, m.spin.View(), busy, false)
	if busy || rep == nil {
		return
	}
	if rep.Key != nil && rep.Key.Write {
		p.hanging("  ", "  ", st.Muted.Render(tr.T("perms.write-proved")))
	}
	if rep.Key != nil && rep.Key.Transport != wooclient.TransportNone {
		p.text(tr.T("perms.sent-as", "Transport", transportWords(tr, rep.Key.Transport)))
	}
	p.blank()
	if m.passed() {
		if renderFindings(p, st, m.tr, rep.Findings) {
			p.blank()
		}
		p.hanging(st.OK.Render(IconOK)+" ", "  ", tr.T("perms.all-works", "Continue", keyName(m.keys.Continue)))
		return
	}
	renderFindings(p, st, m.tr, rep.Findings)
	if _, fixable := m.permissionBlocker(); fixable {
		p.blank()
		p.hanging("", "", tr.T("perms.fix-on-key-row",
			"Ending", st.Label.Render("…"+m.pair.creds().Ending()),
			"Edit", m.adminLabel("wpadmin.edit"),
			"Permissions", m.adminLabel("wpadmin.permissions"),
			"ReadWrite", st.Label.Render(m.adminLabel("wpadmin.read-write"))))
		p.text(st.Muted.Render(tr.T("perms.then-recheck", "Recheck", keyName(m.keys.Recheck))))
	}
}

// transportWords says how a key travels, for people: the transport's name
// as the configuration file and --json spell it, then what it means.
func transportWords(tr *locale.Translator, t wooclient.Transport) string {
	switch t {
	case wooclient.TransportBasic:
		return tr.T("perms.transport-basic", "Transport", string(t))
	case wooclient.TransportQuery:
		return tr.T("perms.transport-query", "Transport", string(t))
	case wooclient.TransportOAuth1:
		return tr.T("perms.transport-oauth1", "Transport", string(t))
	}
	return string(t)
}

// permsWords are S5's words. The instructions name WP Admin's own labels
// as placeholders, filled in the store's language (Model.adminLabel).
var permsWords = []locale.Source{
	{ID: "perms.practice-fix-failed", Other: "The practice store did not change the key: {{.Error}}"},
	{ID: "perms.practice-fixed", Other: "The practice admin set key …{{.Ending}} to {{.ReadWrite}}. Press {{.Recheck}} to check again."},
	{ID: "perms.line-ok", Other: "{{.Step}}: {{.Abilities}}{{.Transport}}"},
	{ID: "perms.line-blocked", Other: "{{.Step}} {{.Key}}: {{.Finding}}"},
	{ID: "perms.heading", Other: "What key {{.Key}} may do"},
	{ID: "perms.write-proved", Other: "Write was proved without writing anything."},
	{ID: "perms.sent-as", Other: "Sent as: {{.Transport}}"},
	{ID: "perms.all-works", Other: "Everything the till needs works. Press {{.Continue}} to review."},
	{ID: "perms.fix-on-key-row", Other: "In WP Admin, open the key list, find the row ending in {{.Ending}} → {{.Edit}} → {{.Permissions}}: {{.ReadWrite}} → Save. The key stays the same: nothing to retype."},
	{ID: "perms.then-recheck", Other: "Then press {{.Recheck}} to check again."},
	{ID: "perms.transport-basic", Other: "{{.Transport}} (HTTP Basic over HTTPS)"},
	{ID: "perms.transport-query", Other: "{{.Transport}} (the key in the address, over HTTPS)"},
	{ID: "perms.transport-oauth1", Other: "{{.Transport}} (signed; the secret never travels)"},
}
