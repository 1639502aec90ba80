package tui

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// onContext rebuilds the harness's wizard on ctx, the context Run hands it.
func (h *harness) onContext(ctx context.Context) *harness {
	h.t.Helper()
	h.m = newModel(ctx, h.m.deps, h.m.opts)
	h.m.setStyles(plainStyles())
	h.m.resize(80, 24)
	h.drain(h.m.Init())
	return h
}

// startKeyCheckHeld walks to S4 and types the fake pair, holding the key
// check it starts; it returns the check's context.
func (h *harness) startKeyCheckHeld(g *gatedChecker) (*held, context.Context) {
	h.t.Helper()
	h.atKeys()
	h.typ(fakeKey)
	h.press("tab")
	hd := h.typeLastHeld(fakeSecret)
	return hd, g.inFlight(h.t)
}

// TestEndingRunsContextCancelsTheCheckInFlight: when the program's
// context ends (SIGTERM, the terminal closing), a check in flight is
// cancelled with it rather than left talking to the store.
func TestEndingRunsContextCancelsTheCheckInFlight(t *testing.T) {
	g := newGatedChecker()
	ctx, cancel := context.WithCancel(context.Background())
	h := newHarness(t, g.install).onContext(ctx)
	late, checkCtx := h.startKeyCheckHeld(g)
	cancel()
	if !errors.Is(checkCtx.Err(), context.Canceled) {
		t.Errorf("the check's context after Run's ended: %v", checkCtx.Err())
	}
	g.release()
	h.land(late)
}

// TestWizardWithoutAContextStillChecks: a nil context is taken as
// context.Background, not a crash at the first check.
func TestWizardWithoutAContextStillChecks(t *testing.T) {
	//lint:ignore SA1012 a nil context is what this test gives the wizard
	h := newHarness(t).onContext(nil)
	h.atKeys().enterPair(fakeKey, fakeSecret)
	h.mustBe(stepPermissions)
}

// TestQuitCancelsWhatIsInFlight: quitting, here after confirming that the
// typed keys may be lost, cancels the key check still running.
func TestQuitCancelsWhatIsInFlight(t *testing.T) {
	g := newGatedChecker()
	h := newHarness(t, g.install)
	late, checkCtx := h.startKeyCheckHeld(g)
	h.press("ctrl+c", "y")
	if !h.quit {
		t.Fatal("did not quit")
	}
	if !errors.Is(checkCtx.Err(), context.Canceled) {
		t.Errorf("the check's context after quitting: %v", checkCtx.Err())
	}
	g.release()
	h.land(late)
}

// TestSpinnerStartsWithEveryCheck: a check that starts also starts the
// spinner's tick, so the cashier sees it working; typing before it must
// not leave the wizard believing a spinner already runs.
func TestSpinnerStartsWithEveryCheck(t *testing.T) {
	h := newHarness(t)
	h.typ("127.0.0.1:4443")
	hd := hold(h.update(keyMsg("enter")))
	hd.wg.Wait()
	ticks := 0
	for _, msg := range hd.msgs {
		if _, ok := msg.(spinner.TickMsg); ok {
			ticks++
		}
	}
	if ticks != 1 {
		t.Errorf("%d spinner ticks scheduled with the discovery, want 1", ticks)
	}
	h.land(hd)
}

// TestWindowWithAZeroSideIsIgnored: a size of 0 in either direction is no
// terminal to lay out for (Bubble Tea sends 0×0 when it cannot tell); the
// wizard keeps the size it had.
func TestWindowWithAZeroSideIsIgnored(t *testing.T) {
	h := newHarness(t)
	for _, size := range []tea.WindowSizeMsg{{Width: 0, Height: 30}, {Width: 100, Height: 0}, {}} {
		h.send(size)
		if h.m.width != 80 || h.m.height != 24 {
			t.Errorf("after %dx%d the wizard is %dx%d, want 80x24", size.Width, size.Height, h.m.width, h.m.height)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if h.m.width != 100 || h.m.height != 30 {
		t.Errorf("a real size was not taken: %dx%d", h.m.width, h.m.height)
	}
}

// slowAdmin is the fake store with an Add key page that answers late.
type slowAdmin struct {
	*fakeChecker
	asked chan struct{}
	gate  chan struct{}
	calls atomic.Int32
}

func (s *slowAdmin) ProbeAdmin(ctx context.Context, url string) wooclient.CheckResult {
	s.calls.Add(1)
	s.asked <- struct{}{}
	<-s.gate
	return s.fakeChecker.ProbeAdmin(ctx, url)
}

// TestS3ProbeInFlightIsNotSentTwice: the cashier goes on to S4 while the
// Add key page is still being checked and comes back; the check already
// under way is the one that answers, no second request goes out.
func TestS3ProbeInFlightIsNotSentTwice(t *testing.T) {
	s := &slowAdmin{asked: make(chan struct{}, 4), gate: make(chan struct{})}
	h := newHarness(t, func(d *Deps, _ *Options) {
		s.fakeChecker = d.Checker.(*fakeChecker)
		d.Checker = s
	}).atLocate()
	probe := hold(h.update(keyMsg("2")))
	h.mustBe(stepGenerate)
	select {
	case <-s.asked:
	case <-time.After(5 * time.Second):
		t.Fatal("the Add key page was not checked")
	}
	h.press("enter")
	h.mustBe(stepKeys)
	h.press("esc")
	h.mustBe(stepGenerate)
	if n := s.calls.Load(); n != 1 {
		t.Errorf("%d checks of the Add key page, want the one in flight", n)
	}
	close(s.gate)
	h.land(probe)
	h.mustShow("Admin page answers with the login page")
}
