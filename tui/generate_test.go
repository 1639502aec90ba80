package tui

import (
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

const addKeyURL = fakeHome + "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys&create-key=1"

func TestGenerateProbesTheAdminPageAndMirrorsWooCommerce(t *testing.T) {
	h := newHarness(t).atLocate()
	h.press("2")
	h.mustBe(stepGenerate)
	if n := h.checker.count("probe " + addKeyURL); n != 1 {
		t.Fatalf("%d probes of the Add key page", n)
	}
	h.mustShow("A lost secret is never shown again", "Admin page answers with the login page",
		"Description: POS Till-1 2026-11-25", "Shop Manager or Administrator",
		"Read/Write", "Read is the default", "Generate API key", "shown once", "scanner")
	h.press("esc", "2")
	if n := h.checker.count("probe"); n != 1 {
		t.Errorf("the page was probed again (%d): the verdict is kept per URL", n)
	}
}

func TestGenerateCustomLoginURLWarns(t *testing.T) {
	h := newHarness(t)
	h.checker.probe = wooclient.CheckResult{ID: wooclient.CheckAdmin, State: wooclient.StateWarn, Detail: "404"}
	h.atLocate().press("2")
	h.mustShow("Admin page not found", "custom login address", "Log in as usual")
}

func TestGenerateWithoutABrowserSaysWhyAndOffersCopyAndQR(t *testing.T) {
	h := newHarness(t).atLocate()
	h.press("2")
	h.mustShow("No browser here (this is an SSH session", "c copy link", "q QR code")
	h.mustNotShow("o open")
	h.press("o")
	h.mustShow("Cannot open a browser: this is an SSH session")
	if len(h.browser.opened) != 0 {
		t.Fatal("tried to open a browser that is not available")
	}
	h.press("c")
	if len(h.clipboard) != 1 || h.clipboard[0] != addKeyURL {
		t.Fatalf("clipboard %q", h.clipboard)
	}
	h.mustShow("Link copied")
	h.press("q")
	h.mustShow("▀", "q hide QR")
	h.press("q")
	h.mustShow("Description:")
	h.press("enter")
	h.mustBe(stepKeys)
}

func TestGenerateOpensTheBrowserWhenThereIsOne(t *testing.T) {
	h := newHarness(t)
	h.browser.ok = true
	h.m.browser = probeBrowser(h.browser)
	h.atLocate().press("2", "o")
	if len(h.browser.opened) != 1 || h.browser.opened[0] != addKeyURL {
		t.Fatalf("opened %v", h.browser.opened)
	}
	h.mustShow("Opened in the browser")
}

func TestDemoGeneratesAndScansThroughThePastePath(t *testing.T) {
	h := newHarness(t, withDemo).atLocate()
	h.press("2")
	h.mustShow("g generate practice key")
	h.press("g")
	h.mustShow("Practice key ck_…abc1234 made", "scan it now (s)")
	assertScreen(t, h.m)
	h.press("s")
	h.mustBe(stepPermissions)
	if h.m.gen.minted.Secret != "" {
		t.Error("the practice secret was kept after the scan")
	}
	if tr := strings.Join(h.m.transcript, "\n"); secretRe.MatchString(tr) || !strings.Contains(tr, "Practice key ck_…abc1234") {
		t.Errorf("transcript %q", tr)
	}
}
