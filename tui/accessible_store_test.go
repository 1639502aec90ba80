package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestAccessibleReprovesBeforeSaving: the line wizard checks the pair again
// when the user says save, and a key deleted meanwhile is not saved.
func TestAccessibleReprovesBeforeSaving(t *testing.T) {
	deps, checker, saver := testDeps()
	checker.revokeAfter = 1 // S4's check passes; the one at save time finds the key gone
	res, out := runLines(t, deps, Options{}, "127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "y", "q", "y")
	if res.Saved || len(saver.saved) != 0 {
		t.Fatalf("a key revoked before saving was saved: %+v", saver.saved)
	}
	if n := len(checker.keyCalls); n != 2 {
		t.Errorf("%d key checks, want the one in S4 and the one at save time", n)
	}
	for _, want := range []string{"Checking the key once more before saving", "Not saved: API02006 unknown-key"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestAccessibleStoreBlockerInS4GoesBackToTheStore: a problem of the store
// found only with a key (here a cache answering for it) is not a reason to
// type keys again; the line wizard says the setup stops and returns to S1.
func TestAccessibleStoreBlockerInS4GoesBackToTheStore(t *testing.T) {
	deps, checker, _ := testDeps()
	f := wooclient.NewFinding(wooclient.CauseRESTCached, fakeHome)
	checker.storeBlocker = &f
	_, out := runLines(t, deps, Options{}, "127.0.0.1:4443", "y", "1", fakeKey, fakeSecret, "q", "y")
	if !strings.Contains(out, "rest-cached") || !strings.Contains(out, "This stops the setup here") {
		t.Fatalf("the cache was not named as a stop:\n%s", out)
	}
	if strings.Count(out, "Step 1 of 7 · S1 Store") != 2 {
		t.Errorf("the wizard did not return to S1:\n%s", out)
	}
	if strings.Contains(out, "Type the keys again") {
		t.Errorf("asked for other keys although the store is in the way:\n%s", out)
	}
}
