package tui

import (
	"testing"
	"time"
)

// TestS6ProvesThePairAgainBeforeSaving: enter in S6 first checks the pair
// once more, and only a pair that still passes is saved, with the time of
// that last proof.
func TestS6ProvesThePairAgainBeforeSaving(t *testing.T) {
	h := newHarness(t).atReview()
	before := h.checker.count("keys ")
	later := fixedNow.Add(3 * time.Minute)
	h.m.deps.Now = func() time.Time { return later }
	h.press("enter")
	if n := h.checker.count("keys ") - before; n != 1 {
		t.Fatalf("%d key checks at save time, want 1", n)
	}
	h.mustBe(stepDone)
	if len(h.saver.saved) != 1 {
		t.Fatalf("%d connections saved", len(h.saver.saved))
	}
	if got := h.saver.saved[0].VerifiedAt; !got.Equal(later) {
		t.Errorf("VerifiedAt %v, want the re-check's time %v", got, later)
	}
}

// TestS6DoesNotSaveAKeyRevokedDuringReview: a key deleted on the store while
// the review was on screen is not saved, and S6 says why.
func TestS6DoesNotSaveAKeyRevokedDuringReview(t *testing.T) {
	h := newHarness(t).atReview()
	h.checker.mu.Lock()
	h.checker.revoked = true
	h.checker.mu.Unlock()
	h.press("enter")
	h.mustBe(stepReview)
	if len(h.saver.saved) != 0 {
		t.Fatalf("a revoked key was saved: %+v", h.saver.saved)
	}
	h.mustShow("Not saved:", "unknown-key")
	if h.m.result.Saved {
		t.Error("the result says saved")
	}
}
