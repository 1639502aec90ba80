package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

func TestStepNamesAreStable(t *testing.T) {
	want := []string{"S0 Saved connection", "S1 Store", "S2 Locate keys", "S3 Generate key",
		"S4 Enter keys", "S5 Permissions", "S6 Review and save", "S7 Done"}
	for i, w := range want {
		if got := step(i).String(); got != w {
			t.Errorf("step(%d) = %q, want %q", i, got, w)
		}
	}
}

func TestStoreProblemsShowOnlyWhenTheAddressCannotBecomeValid(t *testing.T) {
	h := newHarness(t)
	h.typ("shop")
	h.mustNotShow("domain ending") // could still become shop.com: calm
	h.typ(" x")
	h.mustShow("has a space in it")
	h.press("backspace", "backspace")
	h.mustNotShow("has a space in it")
	h.press("enter") // "shop" submitted: now every problem shows
	h.mustShow("API06001 invalid-url", "Add the domain ending")
	if n := h.checker.count("discover"); n != 0 {
		t.Fatalf("an invalid address was sent to the store (%d discoveries)", n)
	}
}

func TestStoreDiscoveryFillsChecklistThenAsks(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	cmd := h.update(keyMsg("enter"))
	if h.m.store.phase != storeChecking || !h.m.busy() {
		t.Fatalf("enter did not start the discovery: phase %v busy %v", h.m.store.phase, h.m.busy())
	}
	h.mustShow("Checking https://127.0.0.1:4443")
	run := h.m.store.run
	h.update(checkProgressedMsg{run: run.id, input: run.input, // its "wait for more" is not run
		result: wooclient.CheckResult{ID: wooclient.CheckReachable, State: wooclient.StateOK, Detail: "200 in 12 ms"}})
	h.mustShow("✓ Store reachable")
	h.mustNotShow("✓ Certificate")
	h.drain(cmd)
	h.mustShow("Demo Store", "Is this your store? (y/n)")
	if h.m.busy() {
		t.Error("still busy after the reply")
	}
	h.press("y")
	h.mustBe(stepLocate)
	if got := strings.Join(h.m.transcript, "\n"); !strings.Contains(got, "✓ S1 Store: Demo Store — https://127.0.0.1:4443") {
		t.Errorf("transcript: %q", got)
	}
}

func TestStoreNoReturnsToTheFieldKeepingIt(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	h.press("enter", "n")
	h.mustBe(stepStore)
	if h.m.store.phase != storeEditing || !h.m.store.input.Focused() || h.m.store.input.Value() != "127.0.0.1:4443" {
		t.Fatalf("n: phase %v focused %v value %q", h.m.store.phase, h.m.store.input.Focused(), h.m.store.input.Value())
	}
}

func TestStoreBlockerStopsWithTheFixAndRetries(t *testing.T) {
	h := newHarness(t)
	h.checker.discover = func(string) *wooclient.Report { return storeUntrusted() }
	h.typ("127.0.0.1:4443")
	h.press("enter")
	h.mustShow("API01005 tls-untrusted", "Certificate not trusted", "Admin: Install a certificate",
		"https://docs.wcpos.com/error-codes/API01005")
	h.press("y")
	h.mustBe(stepStore) // a blocker cannot be confirmed past
	h.press("r")
	if n := h.checker.count("discover"); n != 2 {
		t.Fatalf("r: %d discoveries, want 2", n)
	}
	h.checker.discover = func(string) *wooclient.Report { return storeOK() }
	h.press("e")
	if !h.m.store.input.Focused() || h.m.store.input.Value() != "127.0.0.1:4443" {
		t.Fatalf("e did not return to the field with the value kept")
	}
	h.press("enter", "y")
	h.mustBe(stepLocate)
}

func TestStoreReplyForAnEditedAddressIsDropped(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	late := h.update(keyMsg("enter"))
	h.typ("0") // the address changes: the discovery in flight is stale
	if h.m.busy() {
		t.Fatal("editing did not cancel the discovery")
	}
	h.drain(late)
	if h.m.store.report != nil || h.m.store.phase != storeEditing {
		t.Fatalf("stale reply taken: phase %v", h.m.store.phase)
	}
	h.mustNotShow("Is this your store?")
}

func TestStoreEscWhileCheckingCancels(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	late := h.update(keyMsg("enter"))
	h.press("esc")
	if h.m.busy() || h.m.store.phase != storeEditing {
		t.Fatal("esc did not stop the check")
	}
	h.drain(late)
	if h.m.store.report != nil {
		t.Fatal("reply of a cancelled check was taken")
	}
}

func TestStorePastedAddressReplacesTheField(t *testing.T) {
	h := newHarness(t, withAddress("old-shop.example.com"))
	h.paste("  https://127.0.0.1:4443/wp-admin/  ")
	if v := h.m.store.input.Value(); v != "https://127.0.0.1:4443/wp-admin/" {
		t.Fatalf("field %q", v)
	}
	h.press("enter", "y")
	h.mustBe(stepLocate)
}
