package tui

import (
	"errors"
	"strings"

	"github.com/wcpos/wcpos-setup/tui/locale"
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
	a.say(a.tr.T("access.checking-saved", "Address", safeText(addr), "Key", sv.Credentials.Masked()))
	printed := map[wooclient.CheckID]bool{}
	saved := wooclient.Saved{Store: sv.Store, Transport: sv.Key.Transport}
	rep := orUnexpected(a.deps.Checker.CheckSaved(a.ctx, saved, sv.Credentials, a.observe(printed)))
	a.finish(rep, printed)
	a.result.Report = rep
	_, blocked := firstBlocker(rep)
	if !blocked {
		a.say(a.tr.T("access.saved-works", "Abilities", abilities(a.tr, rep.Key), "Transport", transportNote(a.tr, rep.Key)))
	}
	target := repairTarget(rep)
	for {
		ans, err := a.ask(a.tr.T("access.ask-saved", "Keep", "1", "Repair", "2", "Target", stepName(a.tr, target),
			"Over", "3", "Recheck", "r"))
		if err != nil {
			return stepSaved, err
		}
		switch strings.TrimSpace(ans) {
		case "1":
			conn := *sv
			a.result.Kept, a.result.Connection = true, &conn
			a.say(a.tr.T("access.kept"))
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
		q := a.tr.T("access.ask-address")
		if def != "" {
			q = a.tr.T("access.ask-address-again", "Address", safeText(def))
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
		a.say(a.tr.T("store.checking", "Address", addr))
		printed := map[wooclient.CheckID]bool{}
		rep := orUnexpected(a.deps.Checker.Discover(a.ctx, addr, a.observe(printed)))
		a.finish(rep, printed)
		a.result.Report = rep
		if _, blocked := firstBlocker(rep); blocked {
			a.say(a.tr.T("access.store-blocked"))
			continue
		}
		a.say(a.tr.T("access.store-found", "Name", storeName(a.tr, rep.Store), "Home", storeHome(rep.Store)))
		yes, err := a.yesNo(a.tr.T("store.confirm", "YesKey", answerYes, "NoKey", answerNo))
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
		case answerYes, "yes":
			return true, nil
		case answerNo, "no":
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

// accessStepsWords are the accessible mode's words for S0 and S1.
var accessStepsWords = []locale.Source{
	{ID: "access.checking-saved", Other: "Checking the saved connection: {{.Address}}, key {{.Key}}"},
	{ID: "access.saved-works", Other: "It works: {{.Abilities}}{{.Transport}}."},
	{ID: "access.ask-saved", Other: "Type {{.Keep}} to keep it, {{.Repair}} to repair it ({{.Target}}), {{.Over}} to start over, {{.Recheck}} to check again:"},
	{ID: "access.kept", Other: "Kept the saved connection."},
	{ID: "access.ask-address", Other: "Store address (the one you open the shop with in a browser):"},
	{ID: "access.ask-address-again", Other: "Store address (press Enter for {{.Address}}):"},
	{ID: "access.store-blocked", Other: "This stops the setup here. Fix it, then check again."},
	{ID: "access.store-found", Other: "Store: {{.Name}} — {{.Home}}"},
}
