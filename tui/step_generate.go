package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// generateState is S3: the checklist that mirrors WooCommerce's Add key
// screen, the live check that the admin page answers, and in demo mode the
// practice key.
type generateState struct {
	lostSecret bool // S2 said the secret is lost: say why a new key is needed
	probe      flight
	probed     string // the URL result is for
	result     *wooclient.CheckResult
	mint       flight
	minted     wooclient.Credentials // the practice key, until it is scanned
	mintErr    string
}

// addKeyURL is the store's Add key page.
func (m Model) addKeyURL() string {
	return m.confirmedStore().AdminURL(wooclient.PageAddKey)
}

// keyDescription is the description to type in WooCommerce's form: the
// terminal and the date keep the key list's rows identifiable.
func (m Model) keyDescription() string {
	name := safeText(m.deps.TerminalName)
	if name == "" {
		name = "terminal"
	}
	return "POS " + name + " " + m.started.Format("2006-01-02")
}

// startProbe checks, before anyone is sent there, that the Add key page
// answers (a redirect to the login page). The verdict is kept per URL.
func (m Model) startProbe() (Model, tea.Cmd) {
	url := m.addKeyURL()
	g := &m.gen
	if url == "" || (g.probed == url && g.result != nil) || (g.probe.busy() && g.probe.input == url) {
		return m, nil
	}
	g.probe = g.probe.stop()
	f, ctx := m.begin(url, false)
	g.probe, g.result = f, nil
	return m, probeAdminCmd(ctx, m.deps.Checker, f)
}

// adminProbed keeps the admin page's verdict.
func (m Model) adminProbed(msg adminProbedMsg) (Model, tea.Cmd) {
	g := &m.gen
	if !g.probe.answers(msg.run, msg.url) {
		return m, nil
	}
	g.probe = g.probe.stop()
	r := msg.result
	g.probed, g.result = msg.url, &r
	return m, nil
}

// updateGenerate handles S3's keys.
func (m Model) updateGenerate(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	g := &m.gen
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.back()
	case key.Matches(msg, m.keys.Continue):
		line := m.print(stepLine(IconOK, stepGenerate, m.tr.T("generate.line-continue",
			"Step", stepTitle(m.tr, stepGenerate), "Verdict", m.probeVerdict())))
		m, cmd := m.goTo(stepKeys)
		return m, tea.Batch(line, cmd)
	case m.deps.Demo != nil && key.Matches(msg, m.keys.Generate) && !g.mint.busy():
		f, ctx := m.begin(m.keyDescription(), false)
		g.mint, g.mintErr = f, ""
		return m, mintKeyCmd(ctx, m.deps.Demo, f, m.keyDescription())
	case key.Matches(msg, m.keys.Scan) && g.minted.Key != "":
		return m.scanPracticeKey()
	}
	return m.urlKeys(msg, m.addKeyURL())
}

// keyMinted keeps the practice key for the one scan it is shown for.
func (m Model) keyMinted(msg keyMintedMsg) (Model, tea.Cmd) {
	g := &m.gen
	if g.mint.id != msg.run {
		return m, nil
	}
	g.mint = g.mint.stop()
	if msg.err != nil {
		g.mintErr = m.redact(msg.err.Error())
		return m, nil
	}
	g.minted = msg.creds
	return m, nil
}

// scanPracticeKey sends the practice key's QR text ("ck_…|cs_…") to S4
// through the same parsing a real scanner's paste takes. The secret is
// then forgotten here, as WooCommerce forgets it after Generate.
func (m Model) scanPracticeKey() (Model, tea.Cmd) {
	text := m.gen.minted.Key + "|" + m.gen.minted.Secret
	line := m.print(stepLine(IconOK, stepGenerate, m.tr.T("generate.line-scanned", "Key", m.gen.minted.Masked())))
	m.gen.minted = wooclient.Credentials{}
	m, cmd := m.goTo(stepKeys)
	m, paste := m.pasteKeys(text)
	return m, tea.Batch(line, cmd, paste)
}

// probeVerdict is the admin page check in words.
func (m Model) probeVerdict() string {
	r := m.gen.result
	switch {
	case m.gen.probe.busy():
		return m.tr.T("generate.verdict-checking")
	case r == nil:
		return m.tr.T("generate.verdict-unchecked")
	case r.State == wooclient.StateOK:
		return adminAnswers(m.tr, r)
	case r.State == wooclient.StateWarn:
		return m.tr.T("generate.verdict-not-found")
	}
	return m.tr.T("generate.verdict-no-answer")
}

// adminAnswers says how the admin page answered, in the diagnosis's words
// ("answers with the login page").
func adminAnswers(tr *locale.Translator, r *wooclient.CheckResult) string {
	if d := saidCheckDetail(tr, *r); d != "" {
		return tr.T("generate.admin-answers-detail", "Detail", d)
	}
	return tr.T("generate.admin-answers")
}

// generateKeys are S3's keys.
func (m Model) generateKeys() []key.Binding {
	ks := m.urlBindings(m.addKeyURL())
	if m.deps.Demo != nil && !m.gen.mint.busy() && m.gen.minted.Key == "" {
		ks = append(ks, m.keys.Generate)
	}
	if m.gen.minted.Key != "" {
		ks = append(ks, m.keys.Scan)
	}
	return append(ks, m.keys.Continue)
}

// viewGenerate draws S3: the admin page's verdict, then the steps of
// WooCommerce's Add key screen in its own order and words.
func (m Model) viewGenerate(p *page) {
	g, st, tr := m.gen, m.st, m.tr
	if g.lostSecret {
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", tr.T("generate.lost-secret"))
	}
	switch r := g.result; {
	case g.probe.busy():
		p.text(st.Spinner.Render(m.spin.View()) + " " + st.Muted.Render(tr.T("generate.checking")))
	case r != nil && r.State == wooclient.StateOK:
		p.hanging(st.OK.Render(IconOK)+" ", "  ", adminAnswers(tr, r))
	case r != nil && r.State == wooclient.StateWarn:
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", tr.T("generate.admin-not-found", "Path", m.adminPath(
			"wpadmin.woocommerce", "wpadmin.settings", "wpadmin.advanced", "wpadmin.rest-api", "wpadmin.add-key")))
	case r != nil:
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", m.adminFailed(r))
	}
	m.browserLine(p)
	p.blank()
	p.text(st.Heading.Render(tr.T("generate.heading")))
	p.hanging(" 1 ", "   ", tr.T("generate.open-page", "Page", m.adminLabel("wpadmin.add-key")))
	p.url("   ", st.URL, m.addKeyURL())
	readDefault := st.Warn.Render(tr.T("generate.read-is-default", "Read", m.adminLabel("wpadmin.read")))
	steps := []string{
		tr.T("generate.step-description", "Field", m.adminLabel("wpadmin.description-field"),
			"Value", st.Label.Render(m.keyDescription())),
		tr.T("generate.step-user", "Field", m.adminLabel("wpadmin.user")),
		tr.T("generate.step-permissions", "Field", m.adminLabel("wpadmin.permissions"),
			"Value", st.Label.Render(m.adminLabel("wpadmin.read-write")), "Note", readDefault),
		tr.T("generate.step-click", "Button", m.adminLabel("wpadmin.generate-api-key")),
		tr.T("generate.step-copy"),
	}
	for i, s := range steps {
		p.hanging(" "+strconv.Itoa(i+2)+" ", "   ", s)
	}
	m.viewPracticeKey(p)
}

// viewPracticeKey shows the demo's practice key, masked: its secret is
// never drawn, only scanned.
func (m Model) viewPracticeKey(p *page) {
	g, st := m.gen, m.st
	switch {
	case m.deps.Demo == nil:
		return
	case g.mint.busy():
		p.text(st.Spinner.Render(m.spin.View()) + " " + m.tr.T("generate.minting"))
	case g.mintErr != "":
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", m.tr.T("generate.mint-failed", "Error", safeText(g.mintErr)))
	case g.minted.Key != "":
		p.hanging(st.OK.Render(IconOK)+" ", "  ", m.tr.T("generate.minted", "Key", g.minted.Masked(), "ScanKey", keyName(m.keys.Scan)))
	default:
		p.text(st.Muted.Render(m.tr.T("generate.demo-hint", "GenerateKey", keyName(m.keys.Generate))))
	}
}

// adminFailed says that the admin page did not answer, with how it failed
// when the diagnosis knows.
func (m Model) adminFailed(r *wooclient.CheckResult) string {
	if d := saidCheckDetail(m.tr, *r); d != "" {
		return m.tr.T("generate.admin-failed-detail", "Detail", d)
	}
	return m.tr.T("generate.admin-failed")
}

// generateWords are what S3 says: the admin page's verdict, the steps of
// WooCommerce's Add key screen (its screens, fields and buttons are
// placeholders, named as the store's admin sees them), the practice key
// and the transcript lines.
var generateWords = []locale.Source{
	{ID: "generate.lost-secret", Other: "A lost secret is never shown again: make a new key."},
	{ID: "generate.checking", Other: "Checking that the admin page answers…"},
	{ID: "generate.admin-answers", Other: "Admin page answers"},
	{ID: "generate.admin-answers-detail", Other: "Admin page {{.Detail}}"},
	{ID: "generate.admin-not-found", Other: "Admin page not found: a custom login address? Log in as usual, then {{.Path}}."},
	{ID: "generate.admin-failed", Other: "Admin page did not answer. Log in to WP Admin the usual way."},
	{ID: "generate.admin-failed-detail", Other: "Admin page did not answer: {{.Detail}}. Log in to WP Admin the usual way."},
	{ID: "generate.heading", Other: "In WP Admin, make a key for this till:"},
	{ID: "generate.open-page", Other: "Open the {{.Page}} page:"},
	{ID: "generate.step-description", Other: "{{.Field}}: {{.Value}}"},
	{ID: "generate.step-user", Other: "{{.Field}}: a Shop Manager or Administrator"},
	{ID: "generate.step-permissions", Other: "{{.Field}}: {{.Value}} {{.Note}}"},
	{ID: "generate.read-is-default", Other: "({{.Read}} is the default!)"},
	{ID: "generate.step-click", Other: "Click {{.Button}}"},
	{ID: "generate.step-copy", Other: "Copy the key and the secret (the secret is shown once), or scan WooCommerce's QR code with the till's scanner"},
	{ID: "generate.minting", Other: "Generating a practice key…"},
	{ID: "generate.mint-failed", Other: "The practice store did not make a key: {{.Error}}"},
	{ID: "generate.minted", Other: "Practice key {{.Key}} made. Secret shown once: scan it now ({{.ScanKey}})."},
	{ID: "generate.demo-hint", Other: "Practice store: press {{.GenerateKey}} to have its admin generate the key."},
	{ID: "generate.verdict-checking", Other: "checking that the admin page answers…"},
	{ID: "generate.verdict-unchecked", Other: "admin page not checked"},
	{ID: "generate.verdict-not-found", Other: "Admin page not found: the store may use a custom login address"},
	{ID: "generate.verdict-no-answer", Other: "Admin page did not answer"},
	{ID: "generate.line-continue", Other: "{{.Step}}: {{.Verdict}}"},
	{ID: "generate.line-scanned", Other: "Practice key {{.Key}} generated and scanned"},
}
