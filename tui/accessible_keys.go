package tui

import (
	"strings"

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
		a.say("Checking key " + a.creds.Masked() + " with " + storeName(a.tr, a.store.Store) + " …")
		printed := map[wooclient.CheckID]bool{}
		rep := orUnexpected(a.deps.Checker.CheckKeys(a.ctx, a.store.Store, a.creds, a.observe(printed)))
		a.finish(rep, printed)
		a.keyReport, a.result.Report = rep, rep
		if rep.Key != nil && rep.Key.Authenticated {
			a.say("Accepted" + transportNote(a.tr, rep.Key) + ".")
			return stepPermissions, nil
		}
		a.say("The key was not accepted. Type the keys again, or b to go back.")
		a.creds = wooclient.Credentials{}
	}
}

// readPair reads a well-formed pair into a.creds: a scan or a pasted pair
// in the key line fills both; each part's problem is said and asked again.
func (a *lineUI) readPair() error {
	if !a.creds.IsZero() {
		ans, err := a.ask("Press Enter to use key " + a.creds.Masked() + ", or type another key:")
		if err != nil || strings.TrimSpace(ans) == "" {
			return err
		}
		a.creds = wooclient.Credentials{}
		if a.takePair(ans, "") {
			return nil
		}
	}
	for {
		key, err := a.ask("Consumer key (starts with ck_; a ck_…|cs_… scan fills both):")
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
			a.say("  Key: " + p.Message)
			continue
		}
		secret, err := a.ask("Consumer secret (starts with cs_; it is not printed back):")
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
		a.say("The key and the secret were the other way round; they have been put back.")
	}
	if p.OK {
		a.creds = p.Credentials
		return true
	}
	if p.KeyProblem != nil {
		a.say("  Key: " + p.KeyProblem.Message)
	}
	if p.SecretProblem != nil {
		a.say("  Secret: " + p.SecretProblem.Message)
	}
	return false
}

// permissionsStep is S5: what the key may do; for a Read-only or Write-only
// key the change on its row, then a re-check with the same pair.
func (a *lineUI) permissionsStep() (step, error) {
	for {
		rep := a.keyReport
		a.say("Key " + a.creds.Masked() + " may: " + abilities(a.tr, rep.Key) + transportNote(a.tr, rep.Key) + ".")
		b, blocked := firstBlocker(rep)
		if !blocked {
			a.say("Everything the till needs works.")
			return stepReview, nil
		}
		fixable := b.Cause == wooclient.CauseReadOnly || b.Cause == wooclient.CauseWriteOnly
		if fixable {
			a.say("In WP Admin, open the key list, find the row ending in …" + a.creds.Ending() +
				", then Edit, Permissions: Read/Write, Save. The key stays the same: nothing to retype.")
			a.say("Key list: " + a.adminURL(wooclient.PageKeys))
		}
		q := "Press Enter to check again once it is changed:"
		if fixable && a.deps.Demo != nil {
			q = "Type f to have the practice admin fix it, or press Enter to check again:"
		}
		ans, err := a.ask(q)
		if err != nil {
			return stepPermissions, err
		}
		if strings.EqualFold(strings.TrimSpace(ans), "f") && fixable && a.deps.Demo != nil {
			if err := a.deps.Demo.GrantReadWrite(a.ctx, a.creds.Ending()); err != nil {
				a.say("The practice store did not change the key: " + redactPair(err.Error(), a.creds))
				continue
			}
			a.say("The practice admin set key …" + a.creds.Ending() + " to Read/Write.")
			if _, err := a.ask("Press Enter to check again:"); err != nil {
				return stepPermissions, err
			}
		}
		a.say("Checking key " + a.creds.Masked() + " again …")
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
	a.say("Store:    " + storeName(a.tr, st) + " — " + storeHome(st))
	a.say("Key:      " + a.creds.Masked() + transportNote(a.tr, rep.Key))
	a.say("May:      " + abilities(a.tr, rep.Key))
	a.say("Versions: " + versions(st))
	for {
		yes, err := a.yesNo("Save this connection on this terminal? The previous file is kept as a backup. (y/n)")
		if err != nil {
			return stepReview, err
		}
		if !yes {
			return stepReview, errBack
		}
		if a.deps.Saver == nil || !rep.OK() || rep.Key == nil || !rep.Key.Authenticated {
			a.say("Not saved: the key has not passed its checks.")
			return stepReview, errBack
		}
		conn := Connection{Profile: orDefault(a.opts.Profile, ""), Store: st, Credentials: a.creds,
			Key: *rep.Key, VerifiedAt: a.now()}
		path, err := a.deps.Saver.Save(conn)
		if err != nil {
			a.say("Could not save to " + orDefault(safeText(path), "the configuration file") + ": " + redactPair(err.Error(), a.creds))
			a.say("Check that the folder exists and this user may write there, then try again.")
			continue
		}
		a.path = path
		a.result.Saved, a.result.Path, a.result.Connection = true, path, &conn
		a.say("Saved to " + safeText(path) + ".")
		return stepDone, nil
	}
}

// doneStep is S7: the summary and, on request, the support report printed
// (this mode has no clipboard: OSC 52 would be an escape sequence).
func (a *lineUI) doneStep() (step, error) {
	a.say("This terminal is connected to " + storeName(a.tr, a.store.Store) + " with key " + a.creds.Masked() + ".")
	ans, err := a.ask("Type c to print a support report (it holds no secrets), or press Enter to finish:")
	if err != nil {
		return stepDone, err
	}
	if strings.EqualFold(strings.TrimSpace(ans), "c") {
		rep := buildReport(reportInput{version: a.opts.Version, terminal: a.deps.TerminalName,
			at: a.now(), store: a.store.Store, storeReport: a.store, keyReport: a.keyReport,
			creds: a.creds, path: a.path})
		for _, l := range strings.Split(strings.TrimRight(rep, "\n"), "\n") {
			a.say(l)
		}
	}
	return lastStep + 1, nil
}
