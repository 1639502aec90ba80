package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// wideTranslator says the wizard in English except for the given messages,
// which stand in for a translation: double-width CJK labels (2 cells, 3
// bytes a character) and long German ones.
func wideTranslator(over map[string]string) *locale.Translator {
	var src []locale.Source
	for id, text := range over {
		src = append(src, locale.Source{ID: id, Other: text})
	}
	return locale.NewCatalog(append([][]locale.Source{src}, Sources()...)...).English()
}

// valueColumn is the display column where text starts after a label in a
// line ("店舗    Demo Store" → 8), or -1.
func valueColumn(line, label string) int {
	rest, ok := strings.CutPrefix(line, label)
	if !ok {
		return -1
	}
	return ansi.StringWidth(label) + ansi.StringWidth(rest) - ansi.StringWidth(strings.TrimLeft(rest, " "))
}

func TestTableLinesUpValuesByDisplayWidth(t *testing.T) {
	p := newPage(40, ansi.WcWidth)
	table(p, plainStyles(), [][2]string{
		{"店舗", "a value long enough to wrap onto a second line at forty columns"},
		{"Key", "ck_…abc1234"},
	})
	// 店舗 is 2 characters, 4 cells and 6 bytes: every value starts at cell 6.
	if c := valueColumn(p.lines[0], "店舗"); c != 6 {
		t.Errorf("first value at cell %d, want 6:\n%s", c, p)
	}
	if c := valueColumn(p.lines[1], ""); c != 6 {
		t.Errorf("wrapped value at cell %d, want 6 (under the first):\n%s", c, p)
	}
	if c := valueColumn(p.lines[len(p.lines)-1], "Key"); c != 6 {
		t.Errorf("second value at cell %d, want 6:\n%s", c, p)
	}
}

func TestTablePutsALabelTooWideForTheColumnOnItsOwnLine(t *testing.T) {
	p := newPage(40, ansi.WcWidth)
	table(p, plainStyles(), [][2]string{
		{"Key", "ck_…abc1234"},
		{"Gespeicherte Konfigurationsdatei", "/home/till/.config/wcpos-setup/config.json"},
	})
	// The column stays as wide as the labels that fit a third of the page
	// ("Key", 3 cells); the wide label takes its own line and its value
	// starts below it, at the column.
	if len(p.lines) < 3 || p.lines[0] != "Key  ck_…abc1234" || p.lines[1] != "Gespeicherte Konfigurationsdatei" {
		t.Fatalf("got\n%s", p)
	}
	var value string
	for _, l := range p.lines[2:] {
		if !strings.HasPrefix(l, "     ") || strings.HasPrefix(l, "      ") {
			t.Errorf("value line %q does not start at cell 5", l)
		}
		value += strings.TrimSpace(l)
	}
	if value != "/home/till/.config/wcpos-setup/config.json" {
		t.Errorf("value %q", value)
	}
}

func TestKeyPromptsHaveOneDisplayWidth(t *testing.T) {
	tr := wideTranslator(map[string]string{"keys.key-label": "キー", "keys.secret-label": "Secret"})
	k, s := keyPrompts(tr, ansi.WcWidth)
	if ansi.StringWidth(k) != ansi.StringWidth(s) || k != "キー   › " {
		t.Errorf("prompts %q (%d cells) and %q (%d cells)", k, ansi.StringWidth(k), s, ansi.StringWidth(s))
	}
	h := newHarness(t, func(_ *Deps, o *Options) { o.Tr = tr }).atKeys()
	if w := h.m.pair.key.Width(); w != 80-9-1 { // "Secret › " is 9 cells, and so is "キー   › "
		t.Errorf("key field %d cells wide in an 80-column window", w)
	}
}

func TestSupportReportLinesUpValuesByDisplayWidth(t *testing.T) {
	tr := wideTranslator(map[string]string{"report.store": "店舗:", "report.home": "ホーム:",
		"report.saved-to": "保存先ファイル:"})
	rep := buildReport(tr, reportInput{version: "1", store: fakeStore(), storeReport: storeOK(),
		keyReport: keysReport(fakeKey, true, true, true), creds: goodPair, at: fixedNow, path: "/tmp/c.json"})
	cols := map[string]int{}
	for _, l := range strings.Split(rep, "\n") {
		for _, label := range []string{"店舗:", "ホーム:", "保存先ファイル:", "Version:", "WooCommerce:", "Key check:"} {
			if c := valueColumn(l, label); c >= 0 {
				cols[label] = c
			}
		}
	}
	for label, c := range cols {
		if c != 16 { // 保存先ファイル: is the widest label: 15 cells (22 bytes), then a space
			t.Errorf("%s: value at cell %d, want 16:\n%s", label, c, rep)
		}
	}
	if len(cols) != 6 {
		t.Errorf("found only %v in:\n%s", cols, rep)
	}
}

func TestAccessibleStateTagsAndLabelsLineUp(t *testing.T) {
	tr := wideTranslator(map[string]string{"access.state-ok": "成功", "access.state-fail": "échec",
		"access.label-store": "店舗:", "access.label-versions": "Versions:"})
	deps, _, _ := testDeps()
	_, out := runLines(t, deps, Options{Tr: tr}, "127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "y")
	var ok, store, versions int
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(l, "  [成功] "):
			ok = valueColumn(l, "  [成功]")
		case strings.HasPrefix(l, "店舗:"):
			store = valueColumn(l, "店舗:")
		case strings.HasPrefix(l, "Versions:"):
			versions = valueColumn(l, "Versions:")
		}
	}
	// [échec] is 7 cells, [成功] 6: the check after the shorter tag starts
	// one cell later, where it starts after the longer one.
	if ok != 2+7+1 {
		t.Errorf("check after [成功] at cell %d, want 10:\n%s", ok, out)
	}
	if store != 10 || versions != 10 {
		t.Errorf("review values at cells %d and %d, want 10:\n%s", store, versions, out)
	}
}

// TestLaterStepsSpeakTheChosenLanguage renders S4 to S7, the support
// report and the accessible mode in the pseudo-locale (every message
// accented and 40 % longer): no line may outgrow the window, no message
// may be missing (⟦id⟧), and none of these steps' English may be left.
func TestLaterStepsSpeakTheChosenLanguage(t *testing.T) {
	tr, err := locale.NewCatalog(Sources()...).Translator("en-XA")
	if err != nil {
		t.Fatal(err)
	}
	pseudo := func(_ *Deps, o *Options) { o.Tr = tr }
	english := []string{"Consumer key and secret", "Type, paste or scan", "What key", "Sent as",
		"Everything the till needs", "open the key list", "Review", "Versions", "Press enter to save",
		"This terminal is connected", "If support asks", "Support report copied", "support report",
		"Checks:", "Findings:", "Saved to", "Checking key", "Step 6 of 7", "plain mode"}
	check := func(name, text string, width int, english ...string) {
		t.Helper()
		for i, l := range strings.Split(text, "\n") {
			if width > 0 && ansi.StringWidth(l) > width {
				t.Errorf("%s: line %d is %d cells wide in %d: %q", name, i, ansi.StringWidth(l), width, l)
			}
		}
		if strings.Contains(text, "⟦") {
			t.Errorf("%s: a message is missing:\n%s", name, text)
		}
		if strings.Contains(text, "<no value>") {
			t.Errorf("%s: a placeholder was not given:\n%s", name, text)
		}
		for _, e := range english {
			if strings.Contains(text, e) {
				t.Errorf("%s: English %q left:\n%s", name, e, text)
			}
		}
	}
	for _, w := range []int{80, 40} {
		h := newHarnessSize(t, w, 60, pseudo).atKeys()
		h.typ("ck_ABC")
		check("S4 typing", h.view(), w, english...)
		h = newHarnessSize(t, w, 60, pseudo).atKeys()
		h.enterPair(readOnlyKey, readOnlySec)
		check("S5 read-only", h.view(), w, english...)
		h = newHarnessSize(t, w, 60, pseudo).atReview()
		check("S6", h.view(), w, english...)
		h.press("enter", "c")
		check("S7", h.view(), w, english...)
		check("support report", h.clipboard[len(h.clipboard)-1], 0, english...)
	}
	deps, _, _ := testDeps()
	_, out := runLines(t, deps, Options{Tr: tr}, "127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "y", "")
	check("accessible", out, 0, append(english, "[ok]")...) // the report's tags stay ASCII
	_, out = runLines(t, deps, Options{Tr: tr}, "127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "q", "y")
	if !strings.Contains(out, "(y/n)") {
		t.Errorf("the quit question does not name the answers y and n:\n%s", out)
	}
	check("accessible quit", out, 0, append(english, "[ok]")...)
}

func TestKeyFieldsFollowTheLanguageChosenOnTheSpot(t *testing.T) {
	// ctrl+l may switch the language at S4: the fields must then leave
	// room for the new prompts, or a long key would run off a 40-column
	// window.
	h := newHarnessSize(t, 40, 24).atKeys()
	tr := wideTranslator(map[string]string{"keys.key-label": "Verbraucherschlüssel", "keys.secret-label": "Geheimnis"})
	h.send(languageChosenMsg{tr: tr})
	prompt, _ := keyPrompts(tr, ansi.WcWidth)
	if w := h.m.pair.key.Width(); w != 40-ansi.StringWidth(prompt)-1 {
		t.Errorf("key field %d cells wide after the switch, want %d", w, 40-ansi.StringWidth(prompt)-1)
	}
}
