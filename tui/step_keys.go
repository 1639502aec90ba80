package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// keyPrompts are the prompts of S4's two fields in the wizard's language,
// padded to the same display width so the values line up ("Key    › ",
// "Secret › "). The view sets them on each frame, so they follow the
// language without being stored in the fields.
func keyPrompts(tr *locale.Translator, wm ansi.Method) (key, secret string) {
	k, s := tr.T("keys.key-label"), tr.T("keys.secret-label")
	w := max(wm.StringWidth(k), wm.StringWidth(s))
	pad := func(l string) string { return l + strings.Repeat(" ", w-wm.StringWidth(l)) + " " + IconCursor + " " }
	return pad(k), pad(s)
}

// keysState is S4: the two fields, what is wrong with each as typed, the
// live CheckKeys run, and the last report with the pair it is for. The
// report also feeds S5, which re-checks the same pair.
type keysState struct {
	key, secret   textinput.Model
	reveal        bool
	keyProblem    wooclient.Text // what is wrong with the key as typed
	secretProblem wooclient.Text
	findings      []wooclient.Finding // from the parsing: swapped, not a key
	run           flight
	checks        checklist
	report        *wooclient.Report
	checked       string // pairHash the report is for
	at            time.Time
}

// newKeysState makes S4's fields: the secret masked with • (a reveal
// toggle shows it on screen only), both capped at maxKeyField and drawn
// with the terminal's own cursor. Their prompts come from keyPrompts.
func newKeysState() keysState {
	field := func(placeholder string) textinput.Model {
		ti := textinput.New()
		ti.Prompt, ti.Placeholder, ti.CharLimit = "", placeholder, maxKeyField
		ti.SetVirtualCursor(false)
		return ti
	}
	s := keysState{key: field("ck_…"), secret: field("cs_…")}
	s.secret.EchoMode, s.secret.EchoCharacter = textinput.EchoPassword, '•'
	s.checks = newChecklist(wooclient.KeyChecks)
	return s
}

// parsed is the pair as wooclient reads the two fields.
func (s keysState) parsed() wooclient.Parsed {
	return wooclient.ParseCredentials(s.key.Value(), s.secret.Value())
}

// creds is the pair in the fields: cleaned when it parses, raw otherwise.
func (s keysState) creds() wooclient.Credentials {
	if p := s.parsed(); p.OK {
		return p.Credentials
	}
	return wooclient.Credentials{Key: s.key.Value(), Secret: s.secret.Value()}
}

// setPair fills both fields, filtered like typed input.
func (s *keysState) setPair(c wooclient.Credentials) {
	k, _ := filterInput(c.Key)
	v, _ := filterInput(c.Secret)
	s.key.SetValue(k)
	s.key.CursorEnd()
	s.secret.SetValue(v)
	s.secret.CursorEnd()
	s.keyProblem, s.secretProblem = fieldProblems(k, v)
}

// fieldProblems are the sentences under the fields, kept as Texts so the
// view says them in the wizard's language; empty fields say nothing.
func fieldProblems(k, v string) (wooclient.Text, wooclient.Text) {
	var kp, sp wooclient.Text
	if k != "" {
		if _, p := wooclient.CheckKey(k); p != nil {
			kp = p.Text
		}
	}
	if v != "" {
		if _, p := wooclient.CheckSecret(v); p != nil {
			sp = p.Text
		}
	}
	return kp, sp
}

// currentHash identifies the pair on screen on the confirmed store, or ""
// while it does not parse.
func (m Model) currentHash() string {
	p := m.pair.parsed()
	if !p.OK {
		return ""
	}
	return pairHash(m.confirmedStore().Home, p.Credentials)
}

// passed reports whether a passing CheckKeys report exists for exactly the
// pair on screen: the only condition under which anything is saved.
func (m Model) passed() bool {
	r := m.pair.report
	h := m.currentHash()
	return r != nil && h != "" && m.pair.checked == h && r.OK() && r.Key != nil && r.Key.Authenticated
}

// accepted reports whether the store accepted the pair on screen, even if
// its permissions still need fixing (that is S5's business).
func (m Model) accepted() bool {
	r := m.pair.report
	h := m.currentHash()
	return r != nil && h != "" && m.pair.checked == h && r.Key != nil && r.Key.Authenticated
}

// enterKeys focuses the first field that needs work and validates a pair
// that is already complete.
func (m Model) enterKeys() (Model, tea.Cmd) {
	s := &m.pair
	var cmd tea.Cmd
	if s.key.Value() == "" || !s.keyProblem.IsZero() {
		cmd = s.key.Focus()
	} else {
		cmd = s.secret.Focus()
	}
	m, v := m.autoValidate()
	return m, tea.Batch(cmd, v)
}

// autoValidate starts CheckKeys as soon as both fields look right, without
// waiting for enter, and stops a run whose pair is no longer on screen.
func (m Model) autoValidate() (Model, tea.Cmd) {
	s := &m.pair
	h := m.currentHash()
	switch {
	case h == "":
		s.run = s.run.stop()
		return m, nil
	case h == s.checked && s.report != nil, s.run.busy() && s.run.input == h:
		return m, nil
	}
	return m.startKeyCheck(false)
}

// startKeyCheck runs CheckKeys on the pair on screen: for S4's automatic
// validation, or for S5's re-check with the same pair (forPerms).
func (m Model) startKeyCheck(forPerms bool) (Model, tea.Cmd) {
	h := m.currentHash()
	if h == "" || m.deps.Checker == nil {
		return m, nil
	}
	m.pair.run, m.perms.run = m.pair.run.stop(), m.perms.run.stop()
	f, ctx := m.begin(h, true)
	if forPerms {
		m.perms.run, m.perms.checks = f, newChecklist(wooclient.KeyChecks)
	} else {
		m.pair.run, m.pair.checks = f, newChecklist(wooclient.KeyChecks)
	}
	creds := m.pair.parsed().Credentials
	return m, tea.Batch(checkKeysCmd(ctx, m.deps.Checker, m.deps.now, f, m.confirmedStore(), creds),
		f.events.wait(f.id, h))
}

// keysChecked takes a CheckKeys report when its run and pair are still the
// ones on screen; a reply for a pair the user has since changed is dropped.
func (m Model) keysChecked(msg keysCheckedMsg) (Model, tea.Cmd) {
	from := stepKeys
	switch {
	case m.pair.run.answers(msg.run, msg.hash):
		m.pair.run = m.pair.run.stop()
	case m.perms.run.answers(msg.run, msg.hash):
		m.perms.run, from = m.perms.run.stop(), stepPermissions
	default:
		return m, nil
	}
	if msg.hash != m.currentHash() {
		return m, nil
	}
	rep := orUnexpected(msg.report)
	m.pair.report, m.pair.checked, m.pair.at, m.lastReport = rep, msg.hash, msg.at, rep
	m.pair.checks = newChecklist(wooclient.KeyChecks).withReport(rep)
	m.perms.checks = m.pair.checks
	masked := m.pair.creds().Masked()
	if from == stepPermissions {
		return m, m.print(m.permissionsLine())
	}
	if !m.accepted() {
		b, _ := firstBlocker(rep)
		return m, m.print(stepLine(IconFail, stepKeys, m.tr.T("keys.line-refused", "Key", masked,
			"Finding", findingHeadline(m.tr, b))))
	}
	line := m.print(stepLine(IconOK, stepKeys, m.tr.T("keys.line-accepted", "Key", masked,
		"Transport", transportNote(m.tr, rep.Key))))
	var perms tea.Cmd
	if !m.passed() {
		perms = m.print(m.permissionsLine())
	}
	m, cmd := m.goTo(stepPermissions)
	return m, tea.Sequence(line, perms, cmd)
}

// keysWords are S4's field labels and its lines in the transcript (after
// the step code, which stepLine puts first in every language).
var keysWords = []locale.Source{
	{ID: "keys.key-label", Other: "Key"},
	{ID: "keys.secret-label", Other: "Secret"},
	{ID: "keys.line-refused", Other: "Keys {{.Key}}: {{.Finding}}"},
	{ID: "keys.line-accepted", Other: "Keys: {{.Key}} accepted{{.Transport}}"},
}
