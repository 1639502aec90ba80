package tui

import (
	"strings"
)

// The walk to each step along the happy path.
func (h *harness) atLocate() *harness {
	h.t.Helper()
	h.typ("127.0.0.1:4443")
	h.press("enter", "y")
	h.mustBe(stepLocate)
	return h
}

func (h *harness) atKeys() *harness {
	h.t.Helper()
	h.atLocate().press("1")
	h.mustBe(stepKeys)
	return h
}

func (h *harness) enterPair(key, secret string) {
	h.t.Helper()
	h.typ(key)
	h.press("tab")
	h.typ(secret)
}

func (h *harness) atPermissions() *harness {
	h.t.Helper()
	h.atKeys().enterPair(fakeKey, fakeSecret)
	h.mustBe(stepPermissions)
	return h
}

func (h *harness) atReview() *harness {
	h.t.Helper()
	h.atPermissions().press("enter")
	h.mustBe(stepReview)
	return h
}

func (h *harness) mustBe(s step) {
	h.t.Helper()
	if h.m.step != s {
		h.t.Fatalf("at %v, want %v; screen:\n%s", h.m.step, s, h.view())
	}
}

func (h *harness) mustShow(parts ...string) {
	h.t.Helper()
	v := h.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			h.t.Errorf("screen lacks %q:\n%s", p, v)
		}
	}
}

func (h *harness) mustNotShow(parts ...string) {
	h.t.Helper()
	v := h.view()
	for _, p := range parts {
		if strings.Contains(v, p) {
			h.t.Errorf("screen shows %q:\n%s", p, v)
		}
	}
}
