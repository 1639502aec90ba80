package tui

import (
	"errors"
	"strings"
	"testing"
)

func TestReadOnlyKeyStopsAtS5AndRechecksWithoutRetyping(t *testing.T) {
	h := newHarness(t).atKeys()
	h.enterPair(readOnlyKey, readOnlySec)
	h.mustBe(stepPermissions)
	h.mustShow("API02005 read-only", "Key is Read-only", "row ending in …2345678",
		"Permissions: Read/Write", "The key stays the same", "section=keys")
	h.press("enter")
	h.mustBe(stepPermissions) // a blocker: enter does not continue
	h.press("r")
	h.mustShow("API02005 read-only")
	h.checker.granted = true // the admin changed the key's permissions
	h.press("r")
	h.mustShow("Everything the till needs works")
	if n := len(h.checker.keyCalls); n != 3 {
		t.Fatalf("%d key checks, want 3", n)
	}
	for _, c := range h.checker.keyCalls {
		if c.Key != readOnlyKey || c.Secret != readOnlySec {
			t.Fatalf("re-check used other credentials: %v", c)
		}
	}
	h.press("enter")
	h.mustBe(stepReview)
}

func TestDemoFixGrantsReadWriteThenRecheck(t *testing.T) {
	h := newHarness(t, withDemo).atKeys()
	h.enterPair(readOnlyKey, readOnlySec)
	h.mustShow("f fix on practice store")
	h.press("f")
	if got := h.demo.grants; len(got) != 1 || got[0] != "2345678" {
		t.Fatalf("grants: %v", got)
	}
	h.mustShow("set key …2345678 to Read/Write", "Press r to check again")
	h.press("r", "enter")
	h.mustBe(stepReview)
}

func TestPermissionsFooterShowsOnlyWorkingKeys(t *testing.T) {
	h := newHarness(t).atPermissions()
	h.mustShow("r check again", "enter continue")
	h.mustNotShow("c copy link", "q QR code", "f fix", "o open")
}

func TestSaveReceivesTheVerifiedConnection(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("enter")
	h.mustBe(stepDone)
	if len(h.saver.saved) != 1 {
		t.Fatalf("saved %d times", len(h.saver.saved))
	}
	c := h.saver.saved[0]
	if c.Credentials.Key != fakeKey || c.Credentials.Secret != fakeSecret || c.Store.Home != fakeHome ||
		!c.Key.Write || !c.Key.Read || c.Profile != "default" || !c.VerifiedAt.Equal(fixedNow) {
		t.Errorf("saved %+v", c)
	}
	h.mustShow("Saved to", fakeSavedPath)
	if !h.m.result.Saved || h.m.result.Path != fakeSavedPath {
		t.Errorf("result %+v", h.m.result)
	}
}

func TestSaveErrorShowsPathAndWhatToDo(t *testing.T) {
	h := newHarness(t).atReview()
	h.saver.err = errors.New("open " + fakeSavedPath + ": permission denied")
	h.press("enter")
	h.mustBe(stepReview)
	h.mustShow("Could not save to", "permission denied", "try again")
	h.saver.err = nil
	h.press("enter")
	h.mustBe(stepDone)
}

func TestSaveRefusedWithoutAPassingReportForThisPair(t *testing.T) {
	h := newHarness(t).atReview()
	h.m.pair.checked = "a different pair"
	h.press("enter")
	h.mustBe(stepReview)
	if len(h.saver.saved) != 0 {
		t.Fatal("saved without a passing report for the pair on screen")
	}
	h.mustShow("Not saved: these keys have not been checked")
}

func TestDoneCopiesARedactedReportAndQuits(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("enter", "c")
	if len(h.clipboard) != 1 {
		t.Fatalf("clipboard: %d copies", len(h.clipboard))
	}
	rep := h.clipboard[0]
	for _, want := range []string{"Demo Store", "WooCommerce: 10.0.2", "[ok]   key-accepted", "ck_…abc1234", "capabilities"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	if secretRe.MatchString(rep) || strings.Contains(rep, fakeSecret) {
		t.Errorf("secret in report:\n%s", rep)
	}
	h.press("enter")
	if !h.quit || !h.m.result.Saved {
		t.Fatalf("enter on S7: quit %v result %+v", h.quit, h.m.result)
	}
}

func TestCtrlCQuitsAtOnceWhenNothingWouldBeLost(t *testing.T) {
	h := newHarness(t).atLocate()
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestCtrlCAsksWhenTypedKeysWouldBeLost(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ("ck_12")
	h.press("ctrl+c")
	if h.quit {
		t.Fatal("quit without asking")
	}
	h.mustShow("Quit without saving?")
	h.press("n")
	if h.quit || h.m.confirmQuit {
		t.Fatal("n did not cancel")
	}
	h.press("ctrl+c", "y")
	if !h.quit {
		t.Fatal("y did not quit")
	}
}

func TestCtrlCAsksBeforeDroppingAValidatedConnection(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("ctrl+c")
	if h.quit || !h.m.confirmQuit {
		t.Fatal("did not ask")
	}
	h.press("esc", "enter") // stay, then save
	h.mustBe(stepDone)
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("after saving, ctrl+c should quit at once")
	}
}

func TestEscGoesBackOneStepKeepingEveryValue(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("esc")
	h.mustBe(stepPermissions)
	h.press("esc")
	h.mustBe(stepKeys)
	if h.m.pair.key.Value() != fakeKey || h.m.pair.secret.Value() != fakeSecret {
		t.Fatal("keys lost going back")
	}
	h.mustShow("Accepted. Press enter")
	h.press("esc")
	h.mustBe(stepLocate)
	h.press("2")
	h.mustBe(stepGenerate)
	h.press("esc")
	h.mustBe(stepLocate)
	if h.m.locate.cursor != locateNeedNew {
		t.Error("S2 forgot the choice")
	}
	h.press("esc")
	h.mustBe(stepStore)
	h.mustShow("Is this your store?")
	h.press("esc") // from the question back to the field
	if !h.m.store.input.Focused() || h.m.store.input.Value() != "127.0.0.1:4443" {
		t.Fatal("address lost going back")
	}
	h.press("esc") // nothing before S1 without a saved connection
	h.mustBe(stepStore)
	h.press("enter", "y", "1")
	h.mustBe(stepKeys)
	if n := h.checker.count("keys"); n != 1 {
		t.Errorf("the pair already checked was sent again (%d checks)", n)
	}
	h.press("enter")
	h.mustBe(stepPermissions)
}

func TestTranscriptIsPrintedOnceInOrderAndMasked(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("enter", "enter")
	if !h.quit {
		t.Fatal("did not finish")
	}
	want := []string{
		"✓ S1 Store: Demo Store — https://127.0.0.1:4443",
		"✓ S2 Locate keys: has the key and the secret",
		"✓ S4 Keys: ck_…abc1234 accepted (basic)",
		"✓ S5 Permissions: read, write, orders, products (basic)",
		"✓ S6 Saved ck_…abc1234 to " + fakeSavedPath,
		"✓ S7 Done",
	}
	if got := strings.Join(h.printed, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("printed:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestTranscriptLinesWrapToTheWindow(t *testing.T) {
	h := newHarnessSize(t, 40, 20).atLocate()
	for _, l := range h.printed {
		if w := len([]rune(l)); w > 40 {
			t.Errorf("printed line of %d columns in a 40-column window: %q", w, l)
		}
	}
	if len(h.printed) != 2 || !strings.HasPrefix(h.printed[1], "https://") {
		t.Errorf("printed %q", h.printed)
	}
}

func TestCtrlCAsksAgainWhenKeysChangeAfterSaving(t *testing.T) {
	h := newHarness(t).atReview()
	h.press("enter")
	h.mustBe(stepDone)
	h.press("esc", "esc", "esc") // back to S4
	h.mustBe(stepKeys)
	h.press("backspace")
	h.press("ctrl+c")
	if h.quit || !h.m.confirmQuit {
		t.Fatal("new, unsaved keys would be lost without asking")
	}
}
