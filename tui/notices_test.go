package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// keptNotice reads "Only the first N were kept." from a notice.
var keptNotice = regexp.MustCompile(`The paste had (\d+) characters; a key has 43\. Only the first (\d+) were kept\.`)

// TestS4PasteNoticeTellsWhatWasKept: a paste too long for the key field is
// cut, and the notice must tell the truth about it: the number of
// characters pasted, and exactly as many kept as the field gained. A paste
// that fits, or a clean one, says nothing of the kind.
func TestS4PasteNoticeTellsWhatWasKept(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ("ck_0123")
	before := len([]rune(h.m.pair.key.Value()))
	junk := strings.Repeat("a", 500)
	h.paste(junk)
	gained := len([]rune(h.m.pair.key.Value())) - before
	m := keptNotice.FindStringSubmatch(h.m.notice)
	if m == nil {
		t.Fatalf("no notice of the cut paste: %q", h.m.notice)
	}
	if m[1] != "500" || m[2] != strconv.Itoa(gained) || gained <= 0 || gained >= 500 {
		t.Errorf("notice %q, but the field gained %d of 500 characters", h.m.notice, gained)
	}

	// Exactly the room that is left: everything is kept, nothing to say.
	h = newHarness(t).atKeys()
	h.paste(junk)
	full := len([]rune(h.m.pair.key.Value())) // the field's capacity
	h = newHarness(t).atKeys()
	h.typ("ck_")
	h.paste(strings.Repeat("b", full-3))
	if got := len([]rune(h.m.pair.key.Value())); got != full || h.m.notice != "" {
		t.Errorf("a paste that fits: field %d of %d, notice %q", got, full, h.m.notice)
	}

	// A short clean paste: no notice at all; one with an invisible
	// character: the notice names it.
	h = newHarness(t).atKeys()
	h.paste("ck_0123")
	if h.m.notice != "" {
		t.Errorf("a clean paste got the notice %q", h.m.notice)
	}
	h.paste("45\u200b67")
	if h.m.notice != "Removed 1 invisible or control character from the input." || h.m.pair.key.Value() != "ck_0123"+"4567" {
		t.Errorf("after a paste with a zero-width space: %q, field %q", h.m.notice, h.m.pair.key.Value())
	}
}

// TestS2WhichKeyShowsTheKeyTypedInS4: on a fresh terminal, the key typed in
// S4 (well formed, whatever the store said of it) is the one to look for
// in the key list; before any key there is no row to match.
func TestS2WhichKeyShowsTheKeyTypedInS4(t *testing.T) {
	h := newHarness(t).atLocate()
	h.press("3")
	h.mustShow("No key is saved on this terminal yet")
	h.press("esc", "1")
	h.mustBe(stepKeys)
	h.enterPair("ck_9999999999999999999999999999999999999999", fakeSecret) // unknown to the store
	h.mustBe(stepKeys)
	h.press("esc", "3")
	h.mustShow("This terminal's key ends in 9999999", "Consumer key ending in …9999999")
}

// TestSavedConnectionIsCheckedAtItsAddress: the saved check starts from the
// address that was typed (store_url, from which discovery finds home
// again), and from home when a profile has no store_url.
func TestSavedConnectionIsCheckedAtItsAddress(t *testing.T) {
	for _, tc := range []struct{ url, home, want string }{
		{"https://shop.example.com", "https://www.shop.example.com", "https://shop.example.com"},
		{"", "https://www.shop.example.com", "https://www.shop.example.com"},
	} {
		h := newHarness(t, withSaved(goodPair), func(_ *Deps, o *Options) {
			o.Saved.Store.URL, o.Saved.Store.Home = tc.url, tc.home
		})
		if n := h.checker.count("check " + tc.want); n != 1 {
			t.Errorf("store_url %q, home %q: checked %v, want once at %s", tc.url, tc.home, h.checker.calls, tc.want)
		}
	}
}
