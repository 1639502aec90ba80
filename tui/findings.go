package tui

import (
	"github.com/wcpos/wcpos-setup/tui/locale"
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
// Secret does not match the key". The code and the cause stay as they are
// in every language, so support recognises them; the title is translated.
func findingHeadline(tr *locale.Translator, f wooclient.Finding) string {
	return tr.T("finding.headline", "Label", safeText(f.Label()), "Title", safeSaid(tr.Title(f.Cause)))
}

// narrowWidth is where views turn terse: below it a finding leaves out what
// the support report has anyway (the store's words, the docs page, which
// its code names).
const narrowWidth = 60

// renderFinding shows one finding in full: its label and title, the
// cashier's sentence, the admin's sentence, what the store said, the admin
// page that fixes it and the WCPOS docs page. Everything goes through
// safeText: details and evidence quote the store, which may be hostile.
func renderFinding(p *page, st Styles, tr *locale.Translator, f wooclient.Finding) {
	narrow := p.width < narrowWidth
	icon := st.stateIcon(findingKind(f.Severity)) + " "
	p.hanging(icon, "  ", st.Label.Render(findingHeadline(tr, f)))
	p.hanging("  ", "  ", safeSaid(tr.Message(f.Cause)))
	if f.Fix != "" {
		p.hanging("  ", "  ", st.Muted.Render(tr.T("finding.admin")+" ")+safeSaid(tr.Fix(f.Cause)))
	}
	if d := saidDetail(tr, f); d != "" && !narrow {
		p.hanging("  ", "  ", st.Muted.Render(tr.T("finding.found")+" "+d))
	}
	if u := safeText(f.AdminURL); u != "" {
		p.url("  "+tr.T("finding.page")+" ", st.URL, u)
	}
	if u := tr.DocsURL(f.Code); u != "" && !narrow {
		p.url("  "+tr.T("finding.docs")+" ", st.URL, u)
	}
}

// renderFindingBrief shows a finding in short: its headline and the
// cashier's sentence, or the headline alone for information. Steps that
// only report a problem fixed elsewhere (S0, S2) use it; the step that
// fixes it shows it in full.
func renderFindingBrief(p *page, st Styles, tr *locale.Translator, f wooclient.Finding) {
	icon := st.stateIcon(findingKind(f.Severity)) + " "
	p.hanging(icon, "  ", st.Label.Render(findingHeadline(tr, f)))
	if f.Severity != wooclient.SeverityInfo {
		p.hanging("  ", "  ", safeSaid(tr.Message(f.Cause)))
	}
}

// renderFindings shows a report's findings: the one to act on first in
// full (the first blocker, or with none the first warning, so the admin's
// fix is on screen), the rest briefly. It returns whether anything was
// shown.
func renderFindings(p *page, st Styles, tr *locale.Translator, fs []wooclient.Finding) bool {
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
			renderFinding(p, st, tr, f)
			continue
		}
		renderFindingBrief(p, st, tr, f)
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
// The tag names the severity in brackets ("[blocker]").
func plainFinding(tr *locale.Translator, f wooclient.Finding) []string {
	sev := f.Severity
	if sev != wooclient.SeverityBlocker && sev != wooclient.SeverityWarning {
		sev = wooclient.SeverityInfo
	}
	lines := []string{"[" + tr.Severity(sev) + "] " + findingHeadline(tr, f), "  " + safeSaid(tr.Message(f.Cause))}
	if f.Fix != "" {
		lines = append(lines, "  "+tr.T("finding.admin")+" "+safeSaid(tr.Fix(f.Cause)))
	}
	if d := saidDetail(tr, f); d != "" {
		lines = append(lines, "  "+tr.T("finding.found")+" "+d)
	}
	if u := safeText(f.AdminURL); u != "" {
		lines = append(lines, "  "+tr.T("finding.page")+" "+u)
	}
	if u := tr.DocsURL(f.Code); u != "" {
		lines = append(lines, "  "+tr.T("finding.docs")+" "+u)
	}
	return lines
}

// findingWords are the words around every finding: its headline and the
// labels of the admin's fix, what was found and the pages that help.
var findingWords = []locale.Source{
	{ID: "finding.headline", Other: "{{.Label}} · {{.Title}}"},
	{ID: "finding.admin", Other: "Admin:"},
	{ID: "finding.found", Other: "Found:"},
	{ID: "finding.page", Other: "Page:"},
	{ID: "finding.docs", Other: "Docs:"},
}
