package tui

import (
	"strconv"
	"strings"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// reportInput is what the support report is made of. Both the wizard and
// the accessible mode build one, so support reads the same report from
// either.
type reportInput struct {
	version, terminal string
	at                time.Time
	store             wooclient.Store
	storeReport       *wooclient.Report // discovery: the store's checks
	keyReport         *wooclient.Report // CheckKeys: the key's checks
	creds             wooclient.Credentials
	path              string
}

// supportReport is the report S7's c copies.
func (m Model) supportReport() string {
	return buildReport(reportInput{
		version: m.opts.Version, terminal: m.deps.TerminalName, at: m.pair.at,
		store: m.confirmedStore(), storeReport: m.store.report, keyReport: m.pair.report,
		creds: m.pair.creds(), path: m.review.path,
	})
}

// buildReport writes the redacted support report: the store, its versions,
// every check with its state and every finding with its code, cause and
// evidence. The key appears masked; the result is passed through
// wooclient.Redact with the pair, so no secret can be in it.
func buildReport(in reportInput) string {
	var b strings.Builder
	english := englishTranslator() // the report is in English
	line := func(label, value string) {
		if value = safeText(value); value != "" {
			b.WriteString(label + value + "\n")
		}
	}
	b.WriteString("wcpos-setup support report\n")
	line("Version:     ", in.version)
	line("Terminal:    ", in.terminal)
	if !in.at.IsZero() {
		line("Verified:    ", in.at.UTC().Format("2006-01-02 15:04:05 UTC"))
	}
	s := in.store
	line("Store:       ", s.Name)
	line("Address:     ", s.URL)
	line("Home:        ", s.Home)
	line("REST root:   ", s.RESTRoot)
	line("WooCommerce: ", orNot(s.WooCommerce, s.WooCommerceActive))
	line("WCPOS:       ", orNot(s.WCPOS, s.WCPOSActive))
	line("Permalinks:  ", map[bool]string{true: "plain", false: "pretty"}[s.PlainPermalinks])
	if in.creds.Key != "" {
		line("Key:         ", in.creds.Masked())
	}
	if k := keyOf(in.keyReport); k != nil {
		line("Transport:   ", string(k.Transport))
		line("Permissions: ", "read "+yesNo(k.Read)+", write "+yesNo(k.Write)+
			", orders "+yesNo(k.Orders)+", products "+yesNo(k.Products))
	}
	line("Saved to:    ", in.path)

	b.WriteString("\nChecks:\n")
	for _, rep := range []*wooclient.Report{in.storeReport, in.keyReport} {
		if rep == nil {
			continue
		}
		for _, c := range rep.Checks {
			b.WriteString("  " + plainState(c.State) + " " + string(c.ID) + " (" + c.ID.Label() + ")")
			if d := safeText(c.Detail); d != "" {
				b.WriteString(": " + d)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\nFindings:\n")
	n := 0
	var requests []string
	for i, rep := range []*wooclient.Report{in.storeReport, in.keyReport} {
		if rep == nil {
			continue
		}
		for _, f := range rep.Findings {
			n++
			for _, l := range plainFinding(english, f) {
				b.WriteString("  " + l + "\n")
			}
			for _, e := range f.Evidence {
				b.WriteString("    Evidence: " + safeText(e.String()) + "\n")
			}
		}
		if rep.Requests > 0 {
			requests = append(requests, []string{"Store check: ", "Key check:   "}[i]+
				strconv.Itoa(rep.Requests)+" requests in "+rep.Elapsed.Round(time.Millisecond).String()+"\n")
		}
	}
	if n == 0 {
		b.WriteString("  none\n")
	}
	if len(requests) > 0 {
		b.WriteString("\n" + strings.Join(requests, ""))
	}
	return redactPair(b.String(), in.creds)
}

// redactPair removes the pair, and anything shaped like a key, from s.
func redactPair(s string, c wooclient.Credentials) string {
	var secrets []string
	for _, v := range []string{c.Secret, c.Key} {
		if strings.TrimSpace(v) != "" {
			secrets = append(secrets, v)
		}
	}
	return wooclient.Redact(s, secrets...)
}

// keyOf is a report's key status, or nil.
func keyOf(rep *wooclient.Report) *wooclient.KeyStatus {
	if rep == nil {
		return nil
	}
	return rep.Key
}

// plainState is a check state as a fixed-width ASCII tag, for the report
// and the accessible mode.
func plainState(s wooclient.State) string {
	switch s {
	case wooclient.StateOK:
		return "[ok]  "
	case wooclient.StateWarn:
		return "[warn]"
	case wooclient.StateFail:
		return "[fail]"
	case wooclient.StateSkipped:
		return "[skip]"
	}
	return "[....]"
}

// yesNo is a permission in the report's words.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// orNot is a version, "active" when only its presence is known, or "not
// found".
func orNot(version string, active bool) string {
	switch {
	case version != "":
		return version
	case active:
		return "active"
	}
	return "not found"
}
