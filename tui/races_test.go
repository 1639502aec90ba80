package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestEscFromS4CancelsTheKeyCheckAndDropsItsLateReply: the cashier leaves
// S4 while the store is still judging the pair. The check's context must be
// cancelled at once, and when the store's answer arrives anyway it must
// change nothing: no step change, no report, no transcript line. Back on S4
// the pair is checked afresh, and that answer counts.
func TestEscFromS4CancelsTheKeyCheckAndDropsItsLateReply(t *testing.T) {
	g := newGatedChecker()
	h := newHarness(t, g.install).atKeys()
	h.typ(fakeKey)
	h.press("tab")
	late := h.typeLastHeld(fakeSecret)
	ctx := g.inFlight(t)
	if !h.m.pair.run.busy() {
		t.Fatal("the key check is not in flight")
	}

	h.press("esc")
	h.mustBe(stepLocate)
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("the check's context after esc: %v, want cancelled", ctx.Err())
	}
	if h.m.busy() {
		t.Error("something is still in flight after esc")
	}
	printed, lastReport := len(h.printed), h.m.lastReport

	g.release()
	h.land(late)
	h.mustBe(stepLocate)
	if h.m.pair.report != nil || h.m.pair.checked != "" || h.m.lastReport != lastReport {
		t.Errorf("the late reply was taken: report %v, checked %q", h.m.pair.report, h.m.pair.checked)
	}
	if got := h.printed[printed:]; len(got) != 0 {
		t.Errorf("the late reply printed %q", got)
	}
	if len(h.m.history) != 1 || h.m.history[0] != stepStore { // S2 on screen, S1 behind it
		t.Errorf("history %v, want [S1]", h.m.history)
	}

	h.press("1")
	g.inFlight(t)
	h.mustBe(stepPermissions)
	if n := h.checker.count("keys "); n != 2 {
		t.Errorf("%d key checks, want 2: the pair must be checked again", n)
	}
}

// TestS5EnterWaitsForTheRecheckOnScreen: after the admin changed the key
// back to Read, r re-checks it. While that check runs, enter must not move
// on with the earlier passing report, and once the read-only answer lands
// enter stays on S5 with the blocker.
func TestS5EnterWaitsForTheRecheckOnScreen(t *testing.T) {
	g := newGatedChecker()
	h := newHarness(t, g.install).atKeys()
	h.checker.granted = true
	h.typ(readOnlyKey)
	h.press("tab")
	first := h.typeLastHeld(readOnlySec)
	g.inFlight(t)
	g.release()
	h.land(first)
	h.mustBe(stepPermissions)
	h.mustShow("Everything the till needs works")

	g.gate = make(chan struct{}) // the next check waits again
	h.checker.granted = false    // the admin set the key back to Read
	recheck := hold(h.update(keyMsg("r")))
	g.inFlight(t)
	h.press("enter")
	h.mustBe(stepPermissions)
	h.mustNotShow("Everything the till needs works")

	g.release()
	h.land(recheck)
	h.mustBe(stepPermissions)
	h.mustShow("API02005 read-only", "✗ Write")
	h.press("enter")
	h.mustBe(stepPermissions)
	if len(h.saver.saved) != 0 {
		t.Error("saved")
	}
}

// TestCtrlCAsksWhenOnlyTheSecretOfTheSavedPairChanged: the saved pair is
// filled in when a saved connection is changed; quitting at once loses
// nothing, but once the cashier has retyped the secret alone (or the key
// alone) that typing would be lost, so ctrl+c asks.
func TestCtrlCAsksWhenOnlyTheSecretOfTheSavedPairChanged(t *testing.T) {
	edits := map[string]func(h *harness){
		"nothing": func(*harness) {},
		"secret": func(h *harness) {
			h.m.pair.key.Blur()
			h.m.pair.secret.Focus()
			h.press("backspace")
			h.typ("8") // cs_…fe5ec7e8: well formed, another secret
		},
		"key": func(h *harness) {
			h.m.pair.secret.Blur()
			h.m.pair.key.Focus()
			h.press("backspace")
			h.typ("5") // ck_…abc1235
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, withSaved(goodPair))
			h.press("2") // works; change it: S1 with the saved pair kept
			h.mustBe(stepStore)
			h.press("enter", "y", "1")
			h.mustBe(stepPermissions) // the saved pair, checked again
			h.press("esc")
			h.mustBe(stepKeys)
			edit(h)
			if name != "nothing" && h.m.pair.key.Value()+h.m.pair.secret.Value() == fakeKey+fakeSecret {
				t.Fatal("the edit changed nothing")
			}
			h.press("ctrl+c")
			asked := !h.quit && h.m.confirmQuit
			if want := name != "nothing"; asked != want {
				t.Errorf("after changing %s: asked %v, want %v (quit %v)", name, asked, want, h.quit)
			}
		})
	}
}

// TestLateReplyForAPairNoLongerOnScreenIsDropped: the answer for a pair
// arrives after the secret was edited (the edit stopped that check) and
// must not become the report of the new pair.
func TestLateReplyForAPairNoLongerOnScreenIsDropped(t *testing.T) {
	g := newGatedChecker()
	h := newHarness(t, g.install).atKeys()
	h.typ(fakeKey)
	h.press("tab")
	late := h.typeLastHeld(fakeSecret)
	ctx := g.inFlight(t)
	h.press("backspace")
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("editing the pair did not cancel its check: %v", ctx.Err())
	}
	g.release()
	h.land(late)
	h.mustBe(stepKeys)
	if h.m.pair.report != nil || h.m.accepted() {
		t.Error("the reply for the old pair was taken for the pair on screen")
	}
	for _, l := range h.printed {
		if strings.Contains(l, "S4 Keys") {
			t.Errorf("printed %q", l)
		}
	}
}
