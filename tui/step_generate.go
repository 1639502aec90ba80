package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
	"strconv"
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
		line := m.print(IconOK + " S3 Generate key: " + m.probeVerdict())
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
	line := m.print(IconOK + " S3 Practice key " + m.gen.minted.Masked() + " generated and scanned")
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
		return "checking that the admin page answers…"
	case r == nil:
		return "admin page not checked"
	case r.State == wooclient.StateOK:
		return adminAnswers(r)
	case r.State == wooclient.StateWarn:
		return "Admin page not found: the store may use a custom login address"
	}
	return "Admin page did not answer"
}

// adminAnswers says how the admin page answered, in the diagnosis's words
// ("answers with the login page").
func adminAnswers(r *wooclient.CheckResult) string {
	if d := safeText(r.Detail); d != "" {
		return "Admin page " + d
	}
	return "Admin page answers"
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
	g, st := m.gen, m.st
	if g.lostSecret {
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", "A lost secret is never shown again: make a new key.")
	}
	switch r := g.result; {
	case g.probe.busy():
		p.text(st.Spinner.Render(m.spin.View()) + " " + st.Muted.Render("Checking that the admin page answers…"))
	case r != nil && r.State == wooclient.StateOK:
		p.hanging(st.OK.Render(IconOK)+" ", "  ", adminAnswers(r))
	case r != nil && r.State == wooclient.StateWarn:
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", "Admin page not found: a custom login address? Log in as usual, then WooCommerce → Settings → Advanced → REST API → Add key.")
	case r != nil:
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", "Admin page did not answer"+detailNote(r.Detail)+". Log in to WP Admin the usual way.")
	}
	m.browserLine(p)
	p.blank()
	p.text(st.Heading.Render("In WP Admin, make a key for this till:"))
	p.hanging(" 1 ", "   ", "Open the Add key page:")
	p.url("   ", st.URL, m.addKeyURL())
	steps := []string{
		"Description: " + st.Label.Render(m.keyDescription()),
		"User: a Shop Manager or Administrator",
		"Permissions: " + st.Label.Render("Read/Write") + st.Warn.Render(" (Read is the default!)"),
		"Click Generate API key",
		"Copy the key and the secret (the secret is shown once), or scan WooCommerce's QR code with the till's scanner",
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
		p.text(st.Spinner.Render(m.spin.View()) + " Generating a practice key…")
	case g.mintErr != "":
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", "The practice store did not make a key: "+safeText(g.mintErr))
	case g.minted.Key != "":
		p.hanging(st.OK.Render(IconOK)+" ", "  ", "Practice key "+g.minted.Masked()+" made. Secret shown once: scan it now (s).")
	default:
		p.text(st.Muted.Render("Practice store: press g to have its admin generate the key."))
	}
}

// detailNote is ": detail" when there is one.
func detailNote(d string) string {
	if d = safeText(d); d != "" {
		return ": " + d
	}
	return ""
}
