package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

func withCatalog(d *Deps, o *Options) { o.Catalog = locale.NewCatalog(Sources()...) }

func ctrlL() tea.KeyPressMsg { return tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl} }

// TestLanguageKeyIsOfferedOnS1 checks the cashier can see how to change
// the language where the wizard starts, and only when it can.
func TestLanguageKeyIsOfferedOnS1(t *testing.T) {
	if v := newHarness(t, withCatalog).view(); !strings.Contains(v, "ctrl+l language") {
		t.Errorf("S1 footer does not offer ctrl+l:\n%s", v)
	}
	if v := newHarness(t).view(); strings.Contains(v, "ctrl+l") {
		t.Errorf("without languages the footer must not offer ctrl+l:\n%s", v)
	}
}

// TestSwitchingLanguageKeepsWhatWasTyped walks ctrl+l on S1 with an address
// half typed: the picker lists the languages, esc closes it unchanged, and
// picking one changes every word but not the address.
func TestSwitchingLanguageKeepsWhatWasTyped(t *testing.T) {
	h := newHarness(t, withCatalog)
	h.typ("shop.example")
	h.send(ctrlL())
	if v := h.view(); !strings.Contains(v, "Language") || !strings.Contains(v, "English") {
		t.Fatalf("picker not shown:\n%s", v)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyEscape})
	if h.m.langs.open || h.m.tr.Tag() != "en" {
		t.Fatal("esc must close the picker and keep the language")
	}
	h.send(ctrlL())
	h.send(languageChosenMsg{tr: pseudoTr(t)})
	if got := h.m.store.input.Value(); got != "shop.example" {
		t.Errorf("address after switching = %q; want it kept", got)
	}
	v := h.view()
	if strings.Contains(v, "Store address") || !strings.Contains(v, "shop.example") {
		t.Errorf("after switching, the words must change and the address stay:\n%s", v)
	}
	if h.m.keys.Quit.Help().Desc == "quit" {
		t.Error("key help still in English after switching")
	}
	h.mustSayAll()
}

// TestLanguagePickerTypesNothing checks that keys meant for the picker
// never reach the address field behind it.
func TestLanguagePickerTypesNothing(t *testing.T) {
	h := newHarness(t, withCatalog)
	h.send(ctrlL())
	h.typ("jk")
	h.send(tea.PasteMsg{Content: "paste"})
	if got := h.m.store.input.Value(); got != "" {
		t.Errorf("typing into the picker reached the address: %q", got)
	}
}
