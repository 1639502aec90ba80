package tui

import (
	"strings"

	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// locateStep is S2: does the cashier have both parts, and which key is this
// terminal using.
func (a *lineUI) locateStep() (step, error) {
	for {
		a.say(a.tr.T("locate.question"))
		a.say("  1 " + a.tr.T("locate.have-both"))
		a.say("  2 " + a.tr.T("locate.need-new"))
		a.say("  3 " + a.tr.T("locate.which-key"))
		ans, err := a.ask(a.tr.T("access.ask-choice", "First", "1", "Second", "2", "Third", "3"))
		if err != nil {
			return stepLocate, err
		}
		switch strings.TrimSpace(ans) {
		case "1":
			return stepKeys, nil
		case "2":
			a.say(a.tr.T("access.make-new-key"))
			return stepGenerate, nil
		case "3":
			if sv := a.opts.Saved; sv != nil && sv.Credentials.Ending() != "" {
				a.say(a.tr.T("access.key-ends-in", "Ending", sv.Credentials.Ending(),
					"KeyEnding", a.adminLabel("wpadmin.key-ending")))
			} else {
				a.say(a.tr.T("locate.no-key-saved"))
			}
			a.say(a.tr.T("access.last-access-column", "LastAccess", a.adminLabel("wpadmin.last-access")))
			a.say(a.tr.T("access.key-list", "URL", a.adminURL(wooclient.PageKeys)))
		}
	}
}

// generateStep is S3: check the Add key page answers, then the numbered
// list of what to do in WP Admin; in demo mode g makes a practice key and s
// scans it. WP Admin's screens, fields and buttons are named as the
// store's admin sees them (adminLabel).
func (a *lineUI) generateStep() (step, error) {
	url := a.adminURL(wooclient.PageAddKey)
	a.say(a.tr.T("access.checking-admin"))
	r := a.deps.Checker.ProbeAdmin(a.ctx, url)
	switch r.State {
	case wooclient.StateOK:
		a.say("  " + a.stateTag(r.State) + " " + adminAnswers(a.tr, &r))
	case wooclient.StateWarn:
		a.say("  " + a.stateTag(r.State) + " " + a.tr.T("access.admin-not-found",
			"WooCommerce", a.adminLabel("wpadmin.woocommerce"), "Settings", a.adminLabel("wpadmin.settings"),
			"Advanced", a.adminLabel("wpadmin.advanced"), "RESTAPI", a.adminLabel("wpadmin.rest-api"),
			"AddKey", a.adminLabel("wpadmin.add-key")))
	default:
		tag := a.stateTag(wooclient.StateFail)
		if d := saidCheckDetail(a.tr, r); d != "" {
			a.say("  " + tag + " " + a.tr.T("generate.admin-failed-detail", "Detail", d))
		} else {
			a.say("  " + tag + " " + a.tr.T("generate.admin-failed"))
		}
	}
	name := orDefault(safeText(a.deps.TerminalName), a.tr.T("access.unnamed-terminal"))
	desc := "POS " + name + " " + a.now().Format("2006-01-02") // typed into WP Admin as it is
	a.say(a.tr.T("generate.heading"))
	a.say("  1 " + a.tr.T("access.open-add-key", "AddKey", a.adminLabel("wpadmin.add-key"), "URL", url))
	a.say("  2 " + a.tr.T("generate.step-description", "Field", a.adminLabel("wpadmin.description-field"), "Value", desc))
	a.say("  3 " + a.tr.T("generate.step-user", "Field", a.adminLabel("wpadmin.user")))
	a.say("  4 " + a.tr.T("access.set-read-write", "Permissions", a.adminLabel("wpadmin.permissions"),
		"ReadWrite", a.adminLabel("wpadmin.read-write"), "Read", a.adminLabel("wpadmin.read")))
	a.say("  5 " + a.tr.T("generate.step-click", "Button", a.adminLabel("wpadmin.generate-api-key")))
	a.say("  6 " + a.tr.T("generate.step-copy"))
	for {
		q := a.tr.T("access.ask-have-new-key")
		if a.deps.Demo != nil {
			q = a.tr.T("access.ask-practice-key", "Generate", answerGenerate, "Scan", answerScan)
		}
		ans, err := a.ask(q)
		if err != nil {
			return stepGenerate, err
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "":
			return stepKeys, nil
		case answerGenerate:
			if a.deps.Demo == nil {
				continue
			}
			c, err := a.deps.Demo.MintKey(a.ctx, desc)
			if err != nil {
				a.say(a.tr.T("generate.mint-failed", "Error", redactPair(err.Error(), a.creds)))
				continue
			}
			a.minted = c
			a.say(a.tr.T("access.minted", "Key", c.Masked(), "Scan", answerScan))
		case answerScan:
			if a.minted.Key == "" {
				continue
			}
			p := wooclient.ParseCredentials(a.minted.Key+"|"+a.minted.Secret, "")
			a.minted = wooclient.Credentials{}
			if p.OK {
				a.creds = p.Credentials
				a.say(a.tr.T("access.scanned", "Key", a.creds.Masked()))
			}
			return stepKeys, nil
		}
	}
}

// The answers of the practice store in S3, typed the same in every
// language.
const answerGenerate, answerScan = "g", "s"

// accessLocateWords are the accessible mode's own words for S2 and S3;
// the sentences it shares with the wizard's S2 and S3 are theirs.
var accessLocateWords = []locale.Source{
	{ID: "access.ask-choice", Other: "Type {{.First}}, {{.Second}} or {{.Third}}:"},
	{ID: "access.make-new-key", Other: "A secret is never shown again: make a new key. The old one can be revoked afterwards."},
	{ID: "access.key-ends-in", Other: "This terminal's key ends in {{.Ending}}. In the key list, find the row \"{{.KeyEnding}} …{{.Ending}}\"."},
	{ID: "access.last-access-column", Other: "Its {{.LastAccess}} column says when the key was last used."},
	{ID: "access.checking-admin", Other: "Checking that the admin page answers …"},
	{ID: "access.admin-not-found", Other: "Admin page not found: a custom login address? Log in as usual, then {{.WooCommerce}} > {{.Settings}} > {{.Advanced}} > {{.RESTAPI}} > {{.AddKey}}."},
	{ID: "access.unnamed-terminal", Other: "terminal"},
	{ID: "access.open-add-key", Other: "Open the {{.AddKey}} page: {{.URL}}"},
	{ID: "access.set-read-write", Other: "{{.Permissions}}: {{.ReadWrite}}. {{.Read}} is the default: change it."},
	{ID: "access.ask-have-new-key", Other: "Press Enter when you have the key and the secret:"},
	{ID: "access.ask-practice-key", Other: "Type {{.Generate}} to have the practice store generate the key, {{.Scan}} to scan it, or press Enter when you have both:"},
	{ID: "access.minted", Other: "Practice key {{.Key}} made. Secret shown once: type {{.Scan}} to scan it now."},
	{ID: "access.scanned", Other: "Scanned: key {{.Key}} and its secret."},
}
