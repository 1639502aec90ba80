package main

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/tui/locale"
)

// TestCommandWordsAreSaidAndKnown is tui's TestWizardWordsAreSaidAndKnown
// for the commands: every ID said has English, every English is said.
func TestCommandWordsAreSaidAndKnown(t *testing.T) {
	known := map[string]bool{}
	for _, s := range newCatalog().Sources() {
		known[s.ID] = true
	}
	said, count, err := locale.SaidIn(".", map[string]int{"T": 0, "N": 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(said) < 30 {
		t.Fatalf("found only %d translated calls: the source walk is broken", len(said))
	}
	for id, pos := range said {
		if !known[id] {
			t.Errorf("%s: %q has no English", pos, id)
		}
	}
	for _, s := range cmdWords() {
		if strings.HasPrefix(s.ID, "scenario.") {
			continue // said as "scenario." + name, one per scenario
		}
		if count[s.ID] < 2 {
			t.Errorf("%q is declared but never said", s.ID)
		}
	}
}
