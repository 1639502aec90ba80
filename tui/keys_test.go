package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

func TestKeysValidateAutomaticallyWithoutEnter(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ(fakeKey)
	h.press("tab")
	h.typ(fakeSecret[:len(fakeSecret)-1])
	if n := h.checker.count("keys"); n != 0 {
		t.Fatalf("%d key checks before the secret was complete", n)
	}
	h.mustShow("Too short: 42 of 43 characters.")
	h.typ(fakeSecret[len(fakeSecret)-1:]) // no enter
	if n := h.checker.count("keys"); n != 1 {
		t.Fatalf("%d key checks after the pair was complete, want 1", n)
	}
	h.mustBe(stepPermissions)
	if got := h.checker.keyCalls[0]; got.Key != fakeKey || got.Secret != fakeSecret || h.checker.lastStore.Home != fakeHome {
		t.Errorf("checked %v on %q", got, h.checker.lastStore.Home)
	}
	tr := strings.Join(h.m.transcript, "\n")
	if !strings.Contains(tr, "✓ S4 Keys: ck_…abc1234 accepted (basic)") || secretRe.MatchString(tr) {
		t.Errorf("transcript: %q", tr)
	}
}

func TestKeysReplyForChangedPairIsIgnored(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ(fakeKey)
	h.press("tab")
	h.typ(fakeSecret[:len(fakeSecret)-1])
	late := h.update(keyMsg(fakeSecret[len(fakeSecret)-1:]))
	if !h.m.pair.run.busy() {
		t.Fatal("no check in flight once both fields were valid")
	}
	h.press("backspace") // the pair changes while the store answers
	if h.m.pair.run.busy() {
		t.Fatal("the edit did not cancel the check")
	}
	h.drain(late)
	h.mustBe(stepKeys)
	if h.m.pair.report != nil {
		t.Fatal("a reply for the old pair was taken")
	}
	h.typ(fakeSecret[len(fakeSecret)-1:])
	h.mustBe(stepPermissions)
}

func TestKeysUnknownKeyShowsBothFixesAndKeepsWhatWasTyped(t *testing.T) {
	h := newHarness(t).atKeys()
	other := "ck_9999999999999999999999999999999999999999"
	h.enterPair(other, fakeSecret)
	h.mustBe(stepKeys)
	h.mustShow("API02006 unknown-key", "Key not on this store", "Admin: Create a new Read/Write key",
		"create-key=1", "What you typed is kept")
	if h.m.pair.key.Value() != other || h.m.pair.secret.Value() != fakeSecret {
		t.Fatal("the fields lost what was typed")
	}
	assertScreen(t, h.m)
	h.press("enter") // enter checks again with the same values
	if n := h.checker.count("keys"); n != 2 {
		t.Errorf("enter after a failure: %d checks, want 2", n)
	}
}

func TestKeysWrongPair(t *testing.T) {
	h := newHarness(t).atKeys()
	h.enterPair(fakeKey, wrongSecret)
	h.mustBe(stepKeys)
	h.mustShow("API02006 wrong-pair", "Secret does not match the key", "Consumer secret is invalid.")
	if tr := strings.Join(h.m.transcript, "\n"); !strings.Contains(tr, "✗ S4 Keys ck_…abc1234: API02006 wrong-pair") {
		t.Errorf("transcript: %q", tr)
	}
}

func TestKeysScanPasteFillsBothFields(t *testing.T) {
	h := newHarness(t).atKeys()
	h.paste(fakeKey + "|" + fakeSecret)
	h.mustBe(stepPermissions)
	if h.m.pair.key.Value() != fakeKey || h.m.pair.secret.Value() != fakeSecret {
		t.Fatalf("fields: %q", h.m.pair.key.Value())
	}
}

func TestKeysPasteOnS3JumpsToS4(t *testing.T) {
	h := newHarness(t).atLocate()
	h.press("2")
	h.mustBe(stepGenerate)
	h.paste("Consumer key: " + fakeKey + "\nConsumer secret: " + fakeSecret)
	h.mustBe(stepPermissions)
}

func TestKeysSwappedFieldsArePutBack(t *testing.T) {
	h := newHarness(t).atKeys()
	h.enterPair(fakeSecret, fakeKey)
	h.mustBe(stepPermissions)
	if h.m.pair.key.Value() != fakeKey || h.m.pair.secret.Value() != fakeSecret {
		t.Fatalf("not swapped back: key field %q", wooclient.MaskKey(h.m.pair.key.Value()))
	}
	if tr := strings.Join(h.m.transcript, "\n"); !strings.Contains(tr, "were in each other's fields") {
		t.Errorf("the swap is not in the transcript: %q", tr)
	}
}

func TestKeysWholeSecretPastedIntoKeyFieldGoesToItsField(t *testing.T) {
	h := newHarness(t).atKeys()
	h.paste(fakeSecret)
	if h.m.pair.secret.Value() != fakeSecret || h.m.pair.key.Value() != "" {
		t.Fatal("the secret did not go to the secret field")
	}
	h.mustShow("That was the secret")
}

func TestKeysWedgeScannerTypingAPairIsSplit(t *testing.T) {
	h := newHarness(t).atKeys()
	scan := fakeKey + "|" + fakeSecret
	h.typ(scan[:len(scan)-1]) // typed as key presses into the key field
	late := h.update(keyMsg(scan[len(scan)-1:]))
	h.press("enter") // the scanner's enter, while the store is asked
	h.mustBe(stepKeys)
	h.drain(late)
	h.mustBe(stepPermissions)
	if n := h.checker.count("keys"); n != 1 {
		t.Errorf("%d key checks for one scan, want 1", n)
	}
	if h.m.pair.key.Value() != fakeKey || h.m.pair.secret.Value() != fakeSecret {
		t.Errorf("scan not split: key %q", wooclient.MaskKey(h.m.pair.key.Value()))
	}
}

func TestKeysRevealShowsTheSecretOnScreenOnly(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ(fakeKey)
	h.press("tab")
	h.typ(fakeSecret[:20])
	h.mustNotShow(fakeSecret[:20])
	h.mustShow("••••••••••••••••••••")
	h.press("ctrl+r")
	h.mustShow(fakeSecret[:20])
	h.press("ctrl+r")
	h.mustNotShow(fakeSecret[:20])
	for _, l := range h.m.transcript {
		if strings.Contains(l, fakeSecret[3:20]) {
			t.Errorf("secret in transcript: %q", l)
		}
	}
}

func TestKeysBlurredKeyIsMasked(t *testing.T) {
	h := newHarness(t).atKeys()
	h.typ(fakeKey)
	h.mustShow(fakeKey) // the field being typed into shows what is typed
	h.press("tab")
	h.mustShow("Key    › ck_…abc1234")
	assertScreen(t, h.m)
}
