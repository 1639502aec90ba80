package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// How the accessible mode says things: check lines and their state tags,
// WP Admin's labels, and the answers it reads.

// plainCheck is one checklist line: "[ok]   Store reachable: TLS 1.3".
func (a *lineUI) plainCheck(r wooclient.CheckResult) string {
	label := a.tr.Check(r.ID)
	if d := saidCheckDetail(a.tr, r); d != "" {
		label = a.tr.T("access.check-detail", "Check", label, "Detail", d)
	}
	return a.stateTag(r.State) + " " + label
}

// stateTag is a check state as a bracketed tag in the user's language,
// padded to the widest tag so the labels after it line up: "[ok]  ".
// Unlike the support report's tags (plainState), these are translated: a
// screen reader speaks them in the user's language, and an English word
// read by a German or Japanese voice comes out garbled. The brackets stay,
// so a listener still hears where the state ends and the check begins.
func (a *lineUI) stateTag(s wooclient.State) string {
	tags := map[wooclient.State]string{
		wooclient.StateOK: a.tr.T("access.state-ok"), wooclient.StateWarn: a.tr.T("access.state-warn"),
		wooclient.StateFail: a.tr.T("access.state-fail"), wooclient.StateSkipped: a.tr.T("access.state-skipped"),
	}
	tag, ok := tags[s]
	if !ok {
		tag = "...."
	}
	w := 0
	for _, t := range tags {
		w = max(w, ansi.WcWidth.StringWidth(t))
	}
	return "[" + tag + "]" + strings.Repeat(" ", max(w-ansi.WcWidth.StringWidth(tag), 0))
}

// adminLabel names a WP Admin screen or button as the store's admin sees
// it, like Model.adminLabel.
func (a *lineUI) adminLabel(id string) string {
	var lang string
	if a.store != nil {
		lang = a.store.Store.Language
	}
	return a.tr.AdminLabel(lang, id)
}

// The answers the accessible mode reads. They are what the user types, so
// they are the same in every language (as the wizard's keys are) and
// reach the sentences as placeholders.
const (
	answerYes, answerNo    = "y", "n"
	answerBack, answerQuit = "b", "q"
)

// accessWords are the accessible mode's own words: its frame and the
// check states.
var accessWords = []locale.Source{
	{ID: "access.check-detail", Other: "{{.Check}}: {{.Detail}}"},
	{ID: "access.quit", Other: "Quit. Nothing was saved."},
	{ID: "access.input-ended", Other: "Input ended. Nothing was saved."},
	{ID: "access.intro", Other: "wcpos-setup {{.Version}}, plain mode. Answer each question and press Enter."},
	{ID: "access.no-echo", Other: "Nothing you type is printed back by this program. At any question: {{.Back}} goes back, {{.Quit}} quits."},
	{ID: "access.help", Other: "Type your answer and press Enter. {{.Back}} goes back a step, {{.Quit}} quits."},
	{ID: "access.state-ok", Other: "ok"},
	{ID: "access.state-warn", Other: "warn"},
	{ID: "access.state-fail", Other: "fail"},
	{ID: "access.state-skipped", Other: "skip"},
}
