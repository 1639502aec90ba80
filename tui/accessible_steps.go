package tui

import (
	"errors"
	"strings"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// savedStep is S0: check the saved connection, then keep, repair or start
// over. Repair goes to the step repairTarget names, as in the wizard.
func (a *lineUI) savedStep() (step, error) {
	sv := a.opts.Saved
	addr := sv.Store.URL
	if addr == "" {
		addr = sv.Store.Home
	}
	a.say("Checking the saved connection: " + safeText(addr) + ", key " + sv.Credentials.Masked())
	printed := map[wooclient.CheckID]bool{}
	rep := orUnexpected(a.deps.Checker.Check(a.ctx, addr, sv.Credentials, a.observe(printed)))
	a.finish(rep, printed)
	a.result.Report = rep
	_, blocked := firstBlocker(rep)
	if !blocked {
		a.say("It works: " + abilities(a.tr, rep.Key) + transportNote(a.tr, rep.Key) + ".")
	}
	target := repairTarget(rep)
	for {
		ans, err := a.ask("Type 1 to keep it, 2 to repair it (" + target.String() + "), 3 to start over, r to check again:")
		if err != nil {
			return stepSaved, err
		}
		switch strings.TrimSpace(ans) {
		case "1":
			conn := *sv
			a.result.Kept, a.result.Connection = true, &conn
			a.say("Kept the saved connection.")
			return lastStep + 1, nil
		case "2":
			switch target {
			case stepStore:
				a.store, a.creds = nil, sv.Credentials
			case stepLocate:
				a.store, a.creds = rep, wooclient.Credentials{}
			case stepPermissions:
				a.store, a.creds, a.keyReport = rep, sv.Credentials, rep
			}
			return target, nil
		case "3":
			a.store, a.creds, a.keyReport = nil, wooclient.Credentials{}, nil
			return stepStore, nil
		case "r", "R":
			return stepSaved, nil
		}
	}
}

// storeStep is S1: the address, the discovery, "Is this your store?".
func (a *lineUI) storeStep() (step, error) {
	def := a.opts.Address
	if a.store != nil {
		def = a.store.Store.URL
	} else if def == "" && a.opts.Saved != nil {
		def = a.opts.Saved.Store.URL
	}
	if wooclient.Redact(def) != def {
		def = "" // never repeat a key given as the address
	}
	for {
		q := "Store address (the one you open the shop with in a browser):"
		if def != "" {
			q = "Store address (press Enter for " + safeText(def) + "):"
		}
		ans, err := a.ask(q)
		if err != nil {
			return stepStore, err
		}
		if strings.TrimSpace(ans) == "" {
			ans = def
		}
		addr, nerr := wooclient.NormalizeAddress(ans)
		if nerr != nil {
			var ae *wooclient.AddressError
			f := wooclient.NewFinding(wooclient.CauseInvalidURL, "")
			if errors.As(nerr, &ae) {
				f = ae.Finding()
			}
			for _, l := range plainFinding(a.tr, f) {
				a.say(l)
			}
			continue
		}
		def = addr
		a.say("Checking " + addr + " …")
		printed := map[wooclient.CheckID]bool{}
		rep := orUnexpected(a.deps.Checker.Discover(a.ctx, addr, a.observe(printed)))
		a.finish(rep, printed)
		a.result.Report = rep
		if _, blocked := firstBlocker(rep); blocked {
			a.say("This stops the setup here. Fix it, then check again.")
			continue
		}
		a.say("Store: " + storeName(a.tr, rep.Store) + " — " + storeHome(rep.Store))
		yes, err := a.yesNo("Is this your store? (y/n)")
		if err != nil {
			return stepStore, err
		}
		if yes {
			a.store = rep
			return stepLocate, nil
		}
	}
}

// yesNo asks until the answer is y or n.
func (a *lineUI) yesNo(q string) (bool, error) {
	for {
		ans, err := a.ask(q)
		if err != nil {
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		}
	}
}

// adminURL is the recognised store's admin page.
func (a *lineUI) adminURL(p wooclient.AdminPage) string {
	if a.store == nil {
		return ""
	}
	return a.store.Store.AdminURL(p)
}

// locateStep is S2: does the cashier have both parts, and which key is this
// terminal using.
func (a *lineUI) locateStep() (step, error) {
	for {
		a.say("Do you have the consumer key and the consumer secret?")
		a.say("  1 I have the key and the secret")
		a.say("  2 I have only the key, lost the secret, or I am not sure")
		a.say("  3 Which key is this terminal using?")
		ans, err := a.ask("Type 1, 2 or 3:")
		if err != nil {
			return stepLocate, err
		}
		switch strings.TrimSpace(ans) {
		case "1":
			return stepKeys, nil
		case "2":
			a.say("A secret is never shown again: make a new key. The old one can be revoked afterwards.")
			return stepGenerate, nil
		case "3":
			if sv := a.opts.Saved; sv != nil && sv.Credentials.Ending() != "" {
				a.say("This terminal's key ends in " + sv.Credentials.Ending() + ". In the key list, find the row \"Consumer key ending in …" + sv.Credentials.Ending() + "\".")
			} else {
				a.say("No key is saved on this terminal yet, so there is no row to match.")
			}
			a.say("Its Last access column says when the key was last used.")
			a.say("Key list: " + a.adminURL(wooclient.PageKeys))
		}
	}
}

// generateStep is S3: check the Add key page answers, then the numbered
// list of what to do in WP Admin; in demo mode g makes a practice key and s
// scans it.
func (a *lineUI) generateStep() (step, error) {
	url := a.adminURL(wooclient.PageAddKey)
	a.say("Checking that the admin page answers …")
	r := a.deps.Checker.ProbeAdmin(a.ctx, url)
	switch r.State {
	case wooclient.StateOK:
		a.say("  [ok]   " + adminAnswers(a.tr, &r))
	case wooclient.StateWarn:
		a.say("  [warn] Admin page not found: a custom login address? Log in as usual, then WooCommerce > Settings > Advanced > REST API > Add key.")
	default:
		a.say("  [fail] Admin page did not answer" + detailNote(r.Detail) + ". Log in to WP Admin the usual way.")
	}
	desc := "POS " + orDefault(safeText(a.deps.TerminalName), "terminal") + " " + a.now().Format("2006-01-02")
	a.say("In WP Admin, make a key for this till:")
	a.say("  1 Open the Add key page: " + url)
	a.say("  2 Description: " + desc)
	a.say("  3 User: a Shop Manager or Administrator")
	a.say("  4 Permissions: Read/Write. Read is the default: change it.")
	a.say("  5 Click Generate API key")
	a.say("  6 Copy the key and the secret (the secret is shown once), or scan WooCommerce's QR code with the till's scanner")
	for {
		q := "Press Enter when you have the key and the secret:"
		if a.deps.Demo != nil {
			q = "Type g to have the practice store generate the key, s to scan it, or press Enter when you have both:"
		}
		ans, err := a.ask(q)
		if err != nil {
			return stepGenerate, err
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "":
			return stepKeys, nil
		case "g":
			if a.deps.Demo == nil {
				continue
			}
			c, err := a.deps.Demo.MintKey(a.ctx, desc)
			if err != nil {
				a.say("The practice store did not make a key: " + redactPair(err.Error(), a.creds))
				continue
			}
			a.minted = c
			a.say("Practice key " + c.Masked() + " made. Secret shown once: type s to scan it now.")
		case "s":
			if a.minted.Key == "" {
				continue
			}
			p := wooclient.ParseCredentials(a.minted.Key+"|"+a.minted.Secret, "")
			a.minted = wooclient.Credentials{}
			if p.OK {
				a.creds = p.Credentials
				a.say("Scanned: key " + a.creds.Masked() + " and its secret.")
			}
			return stepKeys, nil
		}
	}
}
