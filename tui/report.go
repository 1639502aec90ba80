package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
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

// supportReport is the report S7's c copies, in the wizard's language.
func (m Model) supportReport() string {
	return buildReport(m.tr, reportInput{
		version: m.opts.Version, terminal: m.deps.TerminalName, at: m.pair.at,
		store: m.confirmedStore(), storeReport: m.store.report, keyReport: m.pair.report,
		creds: m.pair.creds(), path: m.review.path,
	})
}

// buildReport writes the redacted support report: the store, its versions,
// every check with its state and every finding with its code, cause and
// evidence. Labels and sentences are in the user's language; what support
// searches for (check IDs, codes, slugs, addresses, versions, the
// timestamp, the evidence) stays as it is in every language. The key
// appears masked; the result is passed through wooclient.Redact with the
// pair, so no secret can be in it.
func buildReport(tr *locale.Translator, in reportInput) string {
	var b strings.Builder
	labels := reportLabels(tr)
	line := func(label, value string) {
		if value = safeText(value); value != "" {
			b.WriteString(labels.pad(label) + value + "\n")
		}
	}
	b.WriteString(tr.T("report.title") + "\n")
	line(labels.version, in.version)
	line(labels.terminal, in.terminal)
	if !in.at.IsZero() {
		line(labels.verified, in.at.UTC().Format("2006-01-02 15:04:05 UTC"))
	}
	s := in.store
	line(labels.store, s.Name)
	line(labels.address, s.URL)
	line(labels.home, s.Home)
	line(labels.restRoot, s.RESTRoot)
	line(labels.woocommerce, orNot(tr, s.WooCommerce, s.WooCommerceActive))
	line(labels.wcpos, orNot(tr, s.WCPOS, s.WCPOSActive))
	permalinks := tr.T("report.permalinks-pretty")
	if s.PlainPermalinks {
		permalinks = tr.T("report.permalinks-plain")
	}
	line(labels.permalinks, permalinks)
	if in.creds.Key != "" {
		line(labels.key, in.creds.Masked())
	}
	if k := keyOf(in.keyReport); k != nil {
		line(labels.transport, string(k.Transport))
		line(labels.permissions, tr.T("report.permissions-value", "Read", yesNo(tr, k.Read),
			"Write", yesNo(tr, k.Write), "Orders", yesNo(tr, k.Orders), "Products", yesNo(tr, k.Products)))
	}
	line(labels.savedTo, in.path)

	b.WriteString("\n" + tr.T("report.checks") + "\n")
	for _, rep := range []*wooclient.Report{in.storeReport, in.keyReport} {
		if rep == nil {
			continue
		}
		for _, c := range rep.Checks {
			b.WriteString("  " + plainState(c.State) + " " + string(c.ID) + " (" + tr.Check(c.ID) + ")")
			if d := saidCheckDetail(tr, c); d != "" {
				b.WriteString(": " + d)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n" + tr.T("report.findings") + "\n")
	n := 0
	var requests []string
	for i, rep := range []*wooclient.Report{in.storeReport, in.keyReport} {
		if rep == nil {
			continue
		}
		for _, f := range rep.Findings {
			n++
			for _, l := range plainFinding(tr, f) {
				b.WriteString("  " + l + "\n")
			}
			for _, e := range f.Evidence {
				b.WriteString("    " + tr.T("report.evidence", "Evidence", safeText(tr.Evidence(e))) + "\n")
			}
		}
		if rep.Requests > 0 {
			requests = append(requests, labels.pad([]string{labels.storeCheck, labels.keyCheck}[i])+
				tr.N("report.requests", rep.Requests, "Elapsed", rep.Elapsed.Round(time.Millisecond).String())+"\n")
		}
	}
	if n == 0 {
		b.WriteString("  " + tr.T("report.no-findings") + "\n")
	}
	if len(requests) > 0 {
		b.WriteString("\n" + strings.Join(requests, ""))
	}
	return redactPair(b.String(), in.creds)
}

// reportLabelSet is the support report's labels in one language, and the
// width of its value column: one cell more than the widest label, in
// display cells, so the values line up in any script.
type reportLabelSet struct {
	version, terminal, verified, store, address, home, restRoot string
	woocommerce, wcpos, permalinks, key, transport, permissions string
	savedTo, storeCheck, keyCheck                               string
	width                                                       int
}

// reportLabels says the report's labels. WooCommerce and WCPOS are product
// names, the same in every language.
func reportLabels(tr *locale.Translator) reportLabelSet {
	l := reportLabelSet{
		version: tr.T("report.version"), terminal: tr.T("report.terminal"),
		verified: tr.T("report.verified"), store: tr.T("report.store"),
		address: tr.T("report.address"), home: tr.T("report.home"),
		restRoot: tr.T("report.rest-root"), woocommerce: "WooCommerce:", wcpos: "WCPOS:",
		permalinks: tr.T("report.permalinks"), key: tr.T("report.key"),
		transport: tr.T("report.transport"), permissions: tr.T("report.permissions"),
		savedTo: tr.T("report.saved-to"), storeCheck: tr.T("report.store-check"),
		keyCheck: tr.T("report.key-check"),
	}
	for _, s := range []string{l.version, l.terminal, l.verified, l.store, l.address, l.home,
		l.restRoot, l.woocommerce, l.wcpos, l.permalinks, l.key, l.transport, l.permissions,
		l.savedTo, l.storeCheck, l.keyCheck} {
		l.width = max(l.width, ansi.WcWidth.StringWidth(s)+1)
	}
	return l
}

// pad is a label followed by the spaces up to the value column.
func (l reportLabelSet) pad(label string) string {
	return label + strings.Repeat(" ", max(l.width-ansi.WcWidth.StringWidth(label), 1))
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

// plainState is a check state as a fixed-width ASCII tag, for the support
// report. It stays English in every language: support reads and searches
// reports from every shop, and the tag sits beside the check's ID, which
// is not translated either. The accessible mode says states in the user's
// language (lineUI.stateTag).
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
func yesNo(tr *locale.Translator, b bool) string {
	if b {
		return tr.T("report.yes")
	}
	return tr.T("report.no")
}

// orNot is a version, "active" when only its presence is known, or "not
// found".
func orNot(tr *locale.Translator, version string, active bool) string {
	switch {
	case version != "":
		return version
	case active:
		return tr.T("report.active")
	}
	return tr.T("report.not-found")
}

// reportWords are the support report's labels and words. Each label keeps
// its colon, as languages differ in how they set it ("Version :" in French).
var reportWords = []locale.Source{
	{ID: "report.title", Other: "wcpos-setup support report"},
	{ID: "report.version", Other: "Version:"},
	{ID: "report.terminal", Other: "Terminal:"},
	{ID: "report.verified", Other: "Verified:"},
	{ID: "report.store", Other: "Store:"},
	{ID: "report.address", Other: "Address:"},
	{ID: "report.home", Other: "Home:"},
	{ID: "report.rest-root", Other: "REST root:"},
	{ID: "report.permalinks", Other: "Permalinks:"},
	{ID: "report.permalinks-plain", Other: "plain"},
	{ID: "report.permalinks-pretty", Other: "pretty"},
	{ID: "report.key", Other: "Key:"},
	{ID: "report.transport", Other: "Transport:"},
	{ID: "report.permissions", Other: "Permissions:"},
	{ID: "report.permissions-value", Other: "read {{.Read}}, write {{.Write}}, orders {{.Orders}}, products {{.Products}}"},
	{ID: "report.yes", Other: "yes"},
	{ID: "report.no", Other: "no"},
	{ID: "report.active", Other: "active"},
	{ID: "report.not-found", Other: "not found"},
	{ID: "report.saved-to", Other: "Saved to:"},
	{ID: "report.checks", Other: "Checks:"},
	{ID: "report.findings", Other: "Findings:"},
	{ID: "report.evidence", Other: "Evidence: {{.Evidence}}"},
	{ID: "report.no-findings", Other: "none"},
	{ID: "report.store-check", Other: "Store check:"},
	{ID: "report.key-check", Other: "Key check:"},
	{ID: "report.requests", One: "{{.Count}} request in {{.Elapsed}}", Other: "{{.Count}} requests in {{.Elapsed}}"},
}
