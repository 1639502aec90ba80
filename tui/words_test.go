package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/tui/locale"
)

// TestWizardWordsAreSaidAndKnown holds the wizard's English and its code
// together: an ID said without English would reach a cashier as ⟦id⟧, a
// word never said would be translated for nothing, and an ID given twice
// would make one of its two sentences silently win.
func TestWizardWordsAreSaidAndKnown(t *testing.T) {
	known := map[string]bool{}
	for _, list := range Sources() {
		for _, s := range list {
			known[s.ID] = true
		}
	}
	for _, id := range []string{"language.name", "format.date", "wpadmin.quote", "wpadmin.quote-english"} {
		known[id] = true // the locale package's own
	}
	said, count, err := locale.SaidIn(".", map[string]int{"T": 0, "N": 0, "AdminLabel": 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(said) < 200 {
		t.Fatalf("found only %d translated calls: the source walk is broken", len(said))
	}
	for id, pos := range said {
		if !known[id] {
			t.Errorf("%s: %q has no English", pos, id)
		}
	}
	seen := map[string]bool{}
	for _, s := range wizardWords() {
		if seen[s.ID] {
			t.Errorf("%q is declared twice", s.ID)
		}
		seen[s.ID] = true
		if count[s.ID] < 2 {
			t.Errorf("%q is declared but never said", s.ID)
		}
		if strings.TrimSpace(s.Other) == "" {
			t.Errorf("%q has no English", s.ID)
		}
	}
}
