package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// keysStep is S4: read the key (or a ck_…|cs_… scan) and the secret, check
// their form, then CheckKeys against the recognised store.
func (a *lineUI) keysStep() (step, error) {
	if a.store == nil {
		return stepStore, nil
	}
	for {
		if err := a.readPair(); err != nil {
			return stepKeys, err
		}
		a.say(a.tr.T("access.checking-key", "Key", a.creds.Masked(), "Store", storeName(a.tr, a.store.Store)))
		printed := map[wooclient.CheckID]bool{}
		rep := orUnexpected(a.deps.Checker.CheckKeys(a.ctx, a.store.Store, a.creds, a.observe(printed)))
		a.finish(rep, printed)
		a.keyReport, a.result.Report = rep, rep
		if rep.Key != nil && rep.Key.Authenticated {
			a.say(a.tr.T("access.accepted", "Transport", transportNote(a.tr, rep.Key)))
			return stepPermissions, nil
		}
		if b, blocked := firstBlocker(rep); blocked && !b.AboutKey() {
			// The store stands in the way (a cache, a firewall, a server
			// error): another key would meet the same, so back to the store.
			a.say(a.tr.T("access.store-blocked"))
			return stepStore, nil
		}
		a.say(a.tr.T("access.not-accepted", "Back", answerBack))
		a.creds = wooclient.Credentials{}
	}
}

// readPair reads a well-formed pair into a.creds: a scan or a pasted pair
// in the key line fills both; each part's problem is said and asked again.
func (a *lineUI) readPair() error {
	if !a.creds.IsZero() {
		ans, err := a.ask(a.tr.T("access.ask-same-key", "Key", a.creds.Masked()))
		if err != nil || strings.TrimSpace(ans) == "" {
			return err
		}
		a.creds = wooclient.Credentials{}
		if a.takePair(ans, "") {
			return nil
		}
	}
	for {
		key, err := a.ask(a.tr.T("access.ask-key", "ConsumerKey", a.adminLabel("wpadmin.consumer-key"),
			"Prefix", "ck_", "Scan", "ck_…|cs_…"))
		if err != nil {
			return err
		}
		if k, s, _ := wooclient.ParsePaste(key); k != "" && s != "" {
			if a.takePair(k, s) {
				return nil
			}
			continue
		}
		// A secret typed first is let through: ParseCredentials swaps it.
		if _, p := wooclient.CheckKey(key); p != nil && !strings.HasPrefix(strings.ToLower(wooclient.CleanField(key)), "cs_") {
			a.say("  " + a.tr.T("access.key-problem", "Problem", p.Text))
			continue
		}
		secret, err := a.ask(a.tr.T("access.ask-secret", "ConsumerSecret", a.adminLabel("wpadmin.consumer-secret"),
			"Prefix", "cs_"))
		if err != nil {
			return err
		}
		if a.takePair(key, secret) {
			return nil
		}
	}
}

// takePair parses the two answers as the wizard parses its two fields and
// keeps them when they are a well-formed pair, saying what was wrong if not.
func (a *lineUI) takePair(key, secret string) bool {
	p := wooclient.ParseCredentials(key, secret)
	if p.Swapped {
		a.say(a.tr.T("access.swapped"))
	}
	if p.OK {
		a.creds = p.Credentials
		return true
	}
	if p.KeyProblem != nil {
		a.say("  " + a.tr.T("access.key-problem", "Problem", p.KeyProblem.Text))
	}
	if p.SecretProblem != nil {
		a.say("  " + a.tr.T("access.secret-problem", "Problem", p.SecretProblem.Text))
	}
	return false
}

// permissionsStep is S5: what the key may do; for a Read-only or Write-only
// key the change on its row, then a re-check with the same pair.
func (a *lineUI) permissionsStep() (step, error) {
	for {
		rep := a.keyReport
		a.say(a.tr.T("access.key-may", "Key", a.creds.Masked(), "Abilities", abilities(a.tr, rep.Key),
			"Transport", transportNote(a.tr, rep.Key)))
		b, blocked := firstBlocker(rep)
		if !blocked {
			a.say(a.tr.T("access.all-works"))
			return stepReview, nil
		}
		fixable := b.Cause == wooclient.CauseReadOnly || b.Cause == wooclient.CauseWriteOnly
		if fixable {
			a.say(a.tr.T("access.fix-on-key-row", "Ending", a.creds.Ending(), "Edit", a.adminLabel("wpadmin.edit"),
				"Permissions", a.adminLabel("wpadmin.permissions"), "ReadWrite", a.adminLabel("wpadmin.read-write")))
			a.say(a.tr.T("access.key-list", "URL", a.adminURL(wooclient.PageKeys)))
		}
		q := a.tr.T("access.ask-recheck-when-changed")
		if fixable && a.deps.Demo != nil {
			q = a.tr.T("access.ask-practice-fix", "Fix", answerFix)
		}
		ans, err := a.ask(q)
		if err != nil {
			return stepPermissions, err
		}
		if strings.EqualFold(strings.TrimSpace(ans), answerFix) && fixable && a.deps.Demo != nil {
			if err := a.deps.Demo.GrantReadWrite(a.ctx, a.creds.Ending()); err != nil {
				a.say(a.tr.T("perms.practice-fix-failed", "Error", redactPair(err.Error(), a.creds)))
				continue
			}
			a.say(a.tr.T("access.practice-fixed", "Ending", a.creds.Ending(), "ReadWrite", a.adminLabel("wpadmin.read-write")))
			if _, err := a.ask(a.tr.T("access.ask-recheck")); err != nil {
				return stepPermissions, err
			}
		}
		a.say(a.tr.T("access.checking-key-again", "Key", a.creds.Masked()))
		printed := map[wooclient.CheckID]bool{}
		a.keyReport = orUnexpected(a.deps.Checker.CheckKeys(a.ctx, a.store.Store, a.creds, a.observe(printed)))
		a.result.Report = a.keyReport
		a.finish(a.keyReport, printed)
	}
}

// reviewStep is S6: what will be saved, and the save itself. Nothing is
// saved without the passing report of exactly this pair.
func (a *lineUI) reviewStep() (step, error) {
	rep, st := a.keyReport, a.store.Store
	rows := [][2]string{
		{a.tr.T("access.label-store"), storeName(a.tr, st) + " — " + storeHome(st)},
		{a.tr.T("access.label-key"), a.creds.Masked() + transportNote(a.tr, rep.Key)},
		{a.tr.T("access.label-may"), abilities(a.tr, rep.Key)},
		{a.tr.T("access.label-versions"), versions(a.tr, st)},
	}
	w := 0
	for _, r := range rows {
		w = max(w, ansi.WcWidth.StringWidth(r[0]))
	}
	for _, r := range rows { // aligned for a sighted helper; a screen reader skips the spaces
		a.say(r[0] + strings.Repeat(" ", w-ansi.WcWidth.StringWidth(r[0])+1) + r[1])
	}
	for {
		yes, err := a.yesNo(a.tr.T("access.ask-save", "Yes", answerYes, "No", answerNo))
		if err != nil {
			return stepReview, err
		}
		if !yes {
			return stepReview, errBack
		}
		if a.deps.Saver == nil || !rep.OK() || rep.Key == nil || !rep.Key.Authenticated {
			a.say(a.tr.T("access.not-passed"))
			return stepReview, errBack
		}
		// Prove the pair again right before saving: a key revoked or
		// demoted while the review was read is never saved as working.
		a.say(a.tr.T("access.reproving"))
		rep = orUnexpected(a.deps.Checker.CheckKeys(a.ctx, st, a.creds, nil))
		a.keyReport, a.result.Report = rep, rep
		if !rep.OK() || rep.Key == nil || !rep.Key.Authenticated {
			b, _ := firstBlocker(rep)
			a.say(a.tr.T("access.not-saved-now", "Finding", findingHeadline(a.tr, b)))
			return stepReview, errBack
		}
		conn := Connection{Profile: orDefault(a.opts.Profile, ""), Store: st, Credentials: a.creds,
			Key: *rep.Key, VerifiedAt: a.now()}
		path, err := a.deps.Saver.Save(conn)
		if err != nil {
			a.say(saveFailed(a.tr, path, redactPair(err.Error(), a.creds)))
			a.say(a.tr.T("access.save-failed-hint"))
			continue
		}
		a.path = path
		a.result.Saved, a.result.Path, a.result.Connection = true, path, &conn
		a.say(a.tr.T("access.saved", "Path", safeText(path)))
		return stepDone, nil
	}
}

// doneStep is S7: the summary and, on request, the support report printed
// (this mode has no clipboard: OSC 52 would be an escape sequence).
func (a *lineUI) doneStep() (step, error) {
	a.say(a.tr.T("access.connected", "Store", storeName(a.tr, a.store.Store), "Key", a.creds.Masked()))
	ans, err := a.ask(a.tr.T("access.ask-report", "Report", answerReport))
	if err != nil {
		return stepDone, err
	}
	if strings.EqualFold(strings.TrimSpace(ans), answerReport) {
		rep := buildReport(a.tr, reportInput{version: a.opts.Version, terminal: a.deps.TerminalName,
			at: a.now(), store: a.store.Store, storeReport: a.store, keyReport: a.keyReport,
			creds: a.creds, path: a.path})
		for _, l := range strings.Split(strings.TrimRight(rep, "\n"), "\n") {
			a.say(l)
		}
	}
	return lastStep + 1, nil
}

// The answers of S5 and S7 in the accessible mode, typed the same in
// every language.
const answerFix, answerReport = "f", "c"

// accessKeysWords are the accessible mode's words for S4 to S7.
var accessKeysWords = []locale.Source{
	{ID: "access.checking-key", Other: "Checking key {{.Key}} with {{.Store}} …"},
	{ID: "access.accepted", Other: "Accepted{{.Transport}}."},
	{ID: "access.not-accepted", Other: "The key was not accepted. Type the keys again, or {{.Back}} to go back."},
	{ID: "access.ask-same-key", Other: "Press Enter to use key {{.Key}}, or type another key:"},
	{ID: "access.ask-key", Other: "{{.ConsumerKey}} (starts with {{.Prefix}}; a {{.Scan}} scan fills both):"},
	{ID: "access.ask-secret", Other: "{{.ConsumerSecret}} (starts with {{.Prefix}}; it is not printed back):"},
	{ID: "access.key-problem", Other: "Key: {{.Problem}}"},
	{ID: "access.secret-problem", Other: "Secret: {{.Problem}}"},
	{ID: "access.swapped", Other: "The key and the secret were the other way round; they have been put back."},
	{ID: "access.key-may", Other: "Key {{.Key}} may: {{.Abilities}}{{.Transport}}."},
	{ID: "access.all-works", Other: "Everything the till needs works."},
	{ID: "access.fix-on-key-row", Other: "In WP Admin, open the key list, find the row ending in …{{.Ending}}, then {{.Edit}}, {{.Permissions}}: {{.ReadWrite}}, Save. The key stays the same: nothing to retype."},
	{ID: "access.key-list", Other: "Key list: {{.URL}}"},
	{ID: "access.ask-recheck-when-changed", Other: "Press Enter to check again once it is changed:"},
	{ID: "access.ask-practice-fix", Other: "Type {{.Fix}} to have the practice admin fix it, or press Enter to check again:"},
	{ID: "access.practice-fixed", Other: "The practice admin set key …{{.Ending}} to {{.ReadWrite}}."},
	{ID: "access.ask-recheck", Other: "Press Enter to check again:"},
	{ID: "access.checking-key-again", Other: "Checking key {{.Key}} again …"},
	{ID: "access.label-store", Other: "Store:"},
	{ID: "access.label-key", Other: "Key:"},
	{ID: "access.label-may", Other: "May:"},
	{ID: "access.label-versions", Other: "Versions:"},
	{ID: "access.ask-save", Other: "Save this connection on this terminal? The previous file is kept as a backup. ({{.Yes}}/{{.No}})"},
	{ID: "access.not-passed", Other: "Not saved: the key has not passed its checks."},
	{ID: "access.reproving", Other: "Checking the key once more before saving …"},
	{ID: "access.not-saved-now", Other: "Not saved: {{.Finding}}."},
	{ID: "access.save-failed-hint", Other: "Check that the folder exists and this user may write there, then try again."},
	{ID: "access.saved", Other: "Saved to {{.Path}}."},
	{ID: "access.connected", Other: "This terminal is connected to {{.Store}} with key {{.Key}}."},
	{ID: "access.ask-report", Other: "Type {{.Report}} to print a support report (it holds no secrets), or press Enter to finish:"},
}
