package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

var goodPair = wooclient.Credentials{Key: fakeKey, Secret: fakeSecret}

func TestSavedConnectionIsCheckedFirstAndKept(t *testing.T) {
	h := newHarness(t, withSaved(goodPair))
	h.mustBe(stepSaved)
	store := fakeStore()
	if n := h.checker.count("saved " + store.Home + " " + store.RESTRoot + " query"); n != 1 {
		t.Fatalf("%d checks of the saved connection at its saved home, root and transport (calls %v)", n, h.checker.calls)
	}
	h.mustShow("Demo Store", "Key ck_…abc1234", "It works: read, write, orders, products (basic)", "1 Keep it")
	h.press("1")
	if !h.quit || !h.m.result.Kept || h.m.result.Connection == nil || h.m.result.Saved {
		t.Fatalf("keep: quit %v result %+v", h.quit, h.m.result)
	}
	if len(h.saver.saved) != 0 {
		t.Error("keeping the saved connection wrote the file")
	}
}

func TestSavedRepairOfAnUnknownKeyGoesToS2(t *testing.T) {
	h := newHarness(t, withSaved(wooclient.Credentials{Key: "ck_9999999999999999999999999999999999999999", Secret: fakeSecret}))
	h.mustShow("API02006 unknown-key", "Repair it (S2 Locate keys)")
	if h.m.saved.cursor != choiceRepair {
		t.Error("repair is not preselected for a failing connection")
	}
	h.press("enter")
	h.mustBe(stepLocate)
	h.mustShow("API02006 unknown-key", "Do you have the consumer key")
	h.press("3")
	h.mustShow("ends in 9999999", "Consumer key ending in …9999999", "Last access", "section=keys")
	h.press("esc", "esc")
	h.mustBe(stepSaved)
}

func TestSavedRepairOfAReadOnlyKeyGoesToS5AndRechecksTheSavedPair(t *testing.T) {
	h := newHarness(t, withSaved(wooclient.Credentials{Key: readOnlyKey, Secret: readOnlySec}))
	h.mustShow("API02005 read-only", "Repair it (S5 Permissions)")
	h.press("2")
	h.mustBe(stepPermissions)
	h.mustShow("API02005 read-only", "row ending in …2345678", "✓ Read", "✗ Write")
	h.checker.granted = true
	h.press("r")
	if got := h.checker.keyCalls; len(got) != 1 || got[0].Key != readOnlyKey || got[0].Secret != readOnlySec {
		t.Fatalf("re-check: %v", got)
	}
	h.press("enter", "enter")
	h.mustBe(stepDone)
	if len(h.saver.saved) != 1 || h.saver.saved[0].Credentials.Key != readOnlyKey {
		t.Fatal("the repaired connection was not saved")
	}
}

func TestSavedRepairOfAStoreProblemGoesToS1WithTheFinding(t *testing.T) {
	h := newHarness(t, withSaved(goodPair))
	h.checker.discover = func(string) *wooclient.Report { return storeUntrusted() }
	h.press("r") // check again, now failing
	h.mustShow("API01005 tls-untrusted", "Repair it (S1 Store)")
	h.press("2")
	h.mustBe(stepStore)
	h.mustShow("API01005 tls-untrusted", "r retry")
	if v := h.m.store.input.Value(); v != fakeHome {
		t.Fatalf("address %q", v)
	}
	h.checker.discover = func(string) *wooclient.Report { return storeOK() }
	h.press("r", "y", "1") // the saved pair is filled in and validated at once
	h.mustBe(stepPermissions)
}

func TestSavedStartOverBeginsEmpty(t *testing.T) {
	h := newHarness(t, withSaved(goodPair))
	h.press("3")
	h.mustBe(stepStore)
	if h.m.store.input.Value() != "" || h.m.pair.key.Value() != "" || !h.m.store.input.Focused() {
		t.Fatal("start over kept values")
	}
	h.press("esc")
	h.mustBe(stepSaved)
	if tr := strings.Join(h.m.transcript, "\n"); !strings.Contains(tr, "Starting over") {
		t.Errorf("transcript %q", tr)
	}
}

func TestSavedChoicesWaitForTheVerdict(t *testing.T) {
	deps, o := Deps{Checker: newFakeChecker(), Saver: &fakeSaver{}}, Options{}
	h := &harness{t: t, checker: deps.Checker.(*fakeChecker)}
	withSaved(goodPair)(&deps, &o)
	h.m = newModel(t.Context(), deps, o)
	h.m.setStyles(plainStyles())
	pending := h.m.Init()
	if !h.m.busy() {
		t.Fatal("the saved check is not in flight")
	}
	h.press("1")
	if h.quit {
		t.Fatal("kept before the verdict")
	}
	h.mustShow("still running")
	h.drain(pending)
	h.press("1")
	if !h.quit {
		t.Fatal("keep after the verdict did not quit")
	}
}
