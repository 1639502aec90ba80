package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/wooclient"
)

func TestSpinnerTicksOnlyWhileSomethingIsInFlight(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	cmd := h.update(keyMsg("enter"))
	if !h.m.spinning || cmd == nil {
		t.Fatal("the spinner did not start with the discovery")
	}
	tick := h.m.spin.Tick()
	if next := h.update(tick); next == nil {
		t.Fatal("a tick while busy must schedule the next one")
	}
	h.drain(cmd)
	if h.m.busy() {
		t.Fatal("still busy")
	}
	if next := h.update(h.m.spin.Tick()); next != nil {
		t.Fatal("an idle wizard keeps ticking")
	}
	if h.m.spinning {
		t.Fatal("the spinner thinks it is still running")
	}
}

func TestNoColorAnyValueTurnsColourOff(t *testing.T) {
	env, changed := noColorEnviron([]string{"TERM=xterm-256color", "NO_COLOR=yes"})
	if !changed || env[1] != "NO_COLOR=1" {
		t.Fatalf("NO_COLOR=yes → %v", env)
	}
	if _, changed := noColorEnviron([]string{"NO_COLOR="}); changed {
		t.Error("an empty NO_COLOR must not turn colour off")
	}
	if _, changed := noColorEnviron([]string{"NO_COLOR=1"}); changed {
		t.Error("NO_COLOR=1 needs no rewrite")
	}
}

func TestStylesFollowTheBackground(t *testing.T) {
	dark, light := NewStyles(true), NewStyles(false)
	if dark.OK.Render("x") == light.OK.Render("x") {
		t.Error("light and dark styles are the same")
	}
	h := newHarness(t)
	h.send(tea.BackgroundColorMsg{Color: lipglossWhite{}})
	if h.m.st.QRLight {
		t.Error("a light background should draw the dark QR modules")
	}
}

type lipglossWhite struct{}

func (lipglossWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestQRCodeIsSquareAndScannableShape(t *testing.T) {
	lines, err := qrLines(addKeyURL, true)
	if err != nil {
		t.Fatal(err)
	}
	w := ansi.StringWidth(lines[0])
	if w != 41 || len(lines) != 21 { // version 5: 37 modules + 2×2 quiet zone
		t.Fatalf("%d×%d", w, len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Fatal("ragged QR code")
		}
	}
	if strings.Trim(lines[0], "█") != "" {
		t.Error("on a dark terminal the quiet zone must be drawn light")
	}
	dark, _ := qrLines(addKeyURL, false)
	if strings.TrimSpace(dark[0]) != "" {
		t.Error("on a light terminal the quiet zone is the background")
	}
}

func TestQRSaysWhatItNeedsWhenTheWindowIsSmall(t *testing.T) {
	h := newHarnessSize(t, 40, 24).atLocate()
	h.press("2", "q")
	h.mustShow("needs 41 columns")
	h = newHarnessSize(t, 80, 16).atLocate()
	h.press("2", "q")
	h.mustShow("rows; this window has 16")
}

func TestSupportReportListsEveryCheckAndNoSecret(t *testing.T) {
	store := storeOK()
	store.Findings = []wooclient.Finding{withDetail(wooclient.NewFinding(wooclient.CauseAuthHeaderStripped, fakeHome), "", wooclient.Evidence{Request: "GET " + fakeHome + "/wp-json/wc/v3/system_status?consumer_secret=" + fakeSecret, Status: 401})}
	rep := buildReport(englishTranslator(), reportInput{version: "1", store: store.Store, storeReport: store,
		keyReport: keysReport(fakeKey, true, true, true), creds: goodPair, at: fixedNow})
	for _, id := range append(append([]wooclient.CheckID(nil), wooclient.StoreChecks...), wooclient.KeyChecks...) {
		if !strings.Contains(rep, string(id)) {
			t.Errorf("report lacks check %s", id)
		}
	}
	for _, want := range []string{"API06003 auth-header-stripped", "Evidence: GET", "WooCommerce: 10.0.2", "WCPOS:       1.8.2", "ck_…abc1234"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	if strings.Contains(rep, fakeSecret) || secretRe.MatchString(rep) || strings.Contains(rep, fakeSecret[3:]) {
		t.Errorf("secret in report:\n%s", rep)
	}
}

func TestRunQuitsOnCtrlCAndReportsWhereItStopped(t *testing.T) {
	deps, _, _ := testDeps()
	in, w := io.Pipe()
	var out bytes.Buffer
	go func() {
		time.Sleep(100 * time.Millisecond)
		_, _ = w.Write([]byte{0x03}) // ctrl+c
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := Run(ctx, deps, Options{In: in, Out: &out})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Saved || res.Step != "S1 Store" {
		t.Fatalf("result %+v", res)
	}
	// Without a terminal the renderer has no size to draw text in; the
	// window title proves the wizard's view reached the output.
	if !strings.Contains(out.String(), "wcpos-setup · S1 Store") {
		t.Errorf("the wizard was not drawn:\n%q", out.String())
	}
}

func TestRunNeedsAChecker(t *testing.T) {
	if _, err := Run(context.Background(), Deps{}, Options{}); err == nil {
		t.Fatal("Run without a Checker must fail")
	}
}

func TestResizeReflowsTheFields(t *testing.T) {
	h := newHarness(t).atKeys()
	h.send(tea.WindowSizeMsg{Width: 50, Height: 20})
	if w := h.m.pair.key.Width(); w != 50-ansi.StringWidth("Key    › ")-1 { // the English prompt
		t.Errorf("key field width %d after resize", w)
	}
	assertScreen(t, h.m)
}

func TestAddressIsPrefilledFromOptions(t *testing.T) {
	h := newHarness(t, withAddress("https://127.0.0.1:4443/wp-admin/"))
	if v := h.m.store.input.Value(); v != "https://127.0.0.1:4443/wp-admin/" {
		t.Fatalf("field %q", v)
	}
	h.press("enter")
	if n := h.checker.count("discover " + fakeHome); n != 1 {
		t.Fatalf("the admin page address was not normalised to the store (%d)", n)
	}
}
