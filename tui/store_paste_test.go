package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestStorePasteOfAWholeAddressReplacesItQuietly: a paste the engine takes
// as an address replaces the field, up to the longest address it accepts,
// and says nothing unless it had to remove characters.
func TestStorePasteOfAWholeAddressReplacesItQuietly(t *testing.T) {
	const prefix = "https://127.0.0.1:4443/"
	longest := prefix + strings.Repeat("a", 2048-len(prefix))
	if _, err := wooclient.NormalizeAddress(longest); err != nil {
		t.Fatalf("the engine refuses a %d-character address: %v", len(longest), err)
	}
	for _, addr := range []string{prefix, longest} {
		h := newHarness(t, withAddress("old-shop.example.com"))
		h.paste(addr)
		if v := h.m.store.input.Value(); v != addr {
			t.Errorf("pasting a %d-character address left %d characters", len(addr), len(v))
		}
		if h.m.notice != "" {
			t.Errorf("a clean address paste got the notice %q", h.m.notice)
		}
	}
	h := newHarness(t, withAddress("old-shop.example.com"))
	h.paste("https://127.0.0.1:4443/\u200b")
	if v := h.m.store.input.Value(); v != prefix || h.m.notice != "Removed 1 invisible or control character from the input." {
		t.Errorf("field %q, notice %q", v, h.m.notice)
	}
}

// TestStorePasteTooLongSaysHowMuchWasKept: text that is no address is
// inserted and cut at the field's limit, and the notice gives the number
// of characters that really went in.
func TestStorePasteTooLongSaysHowMuchWasKept(t *testing.T) {
	h := newHarness(t, withAddress("shop"))
	before := len([]rune(h.m.store.input.Value()))
	h.paste(strings.Repeat("x y ", 1000)) // spaces: no address
	gained := len([]rune(h.m.store.input.Value())) - before
	m := regexp.MustCompile(`only the first (\d+) characters were kept`).FindStringSubmatch(h.m.notice)
	if m == nil || m[1] != strconv.Itoa(gained) || gained <= 0 || gained >= 4000 {
		t.Errorf("notice %q, but the field gained %d of 4000 characters", h.m.notice, gained)
	}
}

// TestSavedScreenNamesTheStoreAsItAnswers: S0 shows the store's name as
// the live check found it, and the saved name while the store gives none.
func TestSavedScreenNamesTheStoreAsItAnswers(t *testing.T) {
	renamed := func(_ *Deps, o *Options) { o.Saved.Store.Name = "Old Shop Name" }
	h := newHarness(t, withSaved(goodPair), renamed)
	h.mustShow("Demo Store — ")
	h.mustNotShow("Old Shop Name")

	h = newHarness(t, withSaved(goodPair), renamed)
	h.checker.discover = func(string) *wooclient.Report { r := storeOK(); r.Store.Name = ""; return r }
	h.press("r")
	h.mustShow("Old Shop Name — ")
}
