package tui

import (
	"github.com/wcpos/wcpos-setup/wooclient"
)

// findingKind maps a severity to its icon class.
func findingKind(s wooclient.Severity) stateKind {
	switch s {
	case wooclient.SeverityBlocker:
		return kindFail
	case wooclient.SeverityWarning:
		return kindWarn
	}
	return kindInfo
}

// findingHeadline is the line a cashier reads out: "API02006 wrong-pair ·
// Secret does not match the key".
func findingHeadline(f wooclient.Finding) string {
	return safeText(f.Label()) + " · " + safeText(f.Title)
}

// narrowWidth is where views turn terse: below it a finding leaves out what
// the support report has anyway (the store's words, the docs page, which
// its code names).
const narrowWidth = 60

// renderFinding shows one finding in full: its label and title, the
// cashier's sentence, the admin's sentence, what the store said, the admin
// page that fixes it and the WCPOS docs page. Everything goes through
// safeText: details and evidence quote the store, which may be hostile.
func renderFinding(p *page, st Styles, f wooclient.Finding) {
	narrow := p.width < narrowWidth
	icon := st.stateIcon(findingKind(f.Severity)) + " "
	p.hanging(icon, "  ", st.Label.Render(findingHeadline(f)))
	p.hanging("  ", "  ", safeText(f.Message))
	if f.Fix != "" {
		p.hanging("  ", "  ", st.Muted.Render("Admin: ")+safeText(f.Fix))
	}
	if d := safeText(f.Detail); d != "" && !narrow {
		p.hanging("  ", "  ", st.Muted.Render("Found: "+d))
	}
	if u := safeText(f.AdminURL); u != "" {
		p.url("  Page: ", st.URL, u)
	}
	if u := f.DocsURL(); u != "" && !narrow {
		p.url("  Docs: ", st.URL, u)
	}
}

// renderFindingBrief shows a finding in short: its headline and the
// cashier's sentence, or the headline alone for information. Steps that
// only report a problem fixed elsewhere (S0, S2) use it; the step that
// fixes it shows it in full.
func renderFindingBrief(p *page, st Styles, f wooclient.Finding) {
	icon := st.stateIcon(findingKind(f.Severity)) + " "
	p.hanging(icon, "  ", st.Label.Render(findingHeadline(f)))
	if f.Severity != wooclient.SeverityInfo {
		p.hanging("  ", "  ", safeText(f.Message))
	}
}

// renderFindings shows a report's findings: the one to act on first in
// full (the first blocker, or with none the first warning, so the admin's
// fix is on screen), the rest briefly. It returns whether anything was
// shown.
func renderFindings(p *page, st Styles, fs []wooclient.Finding) bool {
	lead := -1
	for i, f := range fs {
		if f.Severity == wooclient.SeverityBlocker {
			lead = i
			break
		}
		if f.Severity == wooclient.SeverityWarning && lead < 0 {
			lead = i
		}
	}
	for i, f := range fs {
		if i == lead {
			renderFinding(p, st, f)
			continue
		}
		renderFindingBrief(p, st, f)
	}
	return len(fs) > 0
}

// firstBlocker returns the finding to fix first, if any.
func firstBlocker(rep *wooclient.Report) (wooclient.Finding, bool) {
	if rep == nil {
		return wooclient.Finding{}, false
	}
	bs := rep.Blockers()
	if len(bs) == 0 {
		return wooclient.Finding{}, false
	}
	return bs[0], true
}

// plainFinding renders a finding as plain lines for the accessible mode and
// the support report: no colour, no layout, every sentence on its own line.
func plainFinding(f wooclient.Finding) []string {
	tag := map[wooclient.Severity]string{wooclient.SeverityBlocker: "[blocker]",
		wooclient.SeverityWarning: "[warning]"}[f.Severity]
	if tag == "" {
		tag = "[info]"
	}
	lines := []string{tag + " " + findingHeadline(f), "  " + safeText(f.Message)}
	if f.Fix != "" {
		lines = append(lines, "  Admin: "+safeText(f.Fix))
	}
	if d := safeText(f.Detail); d != "" {
		lines = append(lines, "  Found: "+d)
	}
	if u := safeText(f.AdminURL); u != "" {
		lines = append(lines, "  Page: "+u)
	}
	if u := f.DocsURL(); u != "" {
		lines = append(lines, "  Docs: "+u)
	}
	return lines
}
