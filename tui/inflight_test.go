package tui

import (
	"context"
	"reflect"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// held is a command tree running the way Bubble Tea runs it, batch members
// concurrently and sequence members in order, on goroutines of its own, so
// a command can stay in flight while the test goes on pressing keys. Its
// messages wait until the test lands them.
type held struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	msgs []tea.Msg
}

// hold starts cmd in the background.
func hold(cmd tea.Cmd) *held {
	hd := &held{}
	hd.wg.Add(1)
	go hd.run(cmd)
	return hd
}

func (hd *held) run(cmd tea.Cmd) {
	defer hd.wg.Done()
	if cmd == nil {
		return
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			hd.wg.Add(1)
			go hd.run(c)
		}
		return
	}
	if v := reflect.ValueOf(msg); msg != nil && v.Type().Name() == "sequenceMsg" {
		for i := 0; i < v.Len(); i++ {
			hd.wg.Add(1)
			hd.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	hd.mu.Lock()
	hd.msgs = append(hd.msgs, msg)
	hd.mu.Unlock()
}

// land waits until every command of the tree has returned and delivers
// their messages, late, to the wizard as it is now.
func (h *harness) land(hd *held) {
	h.t.Helper()
	done := make(chan struct{})
	go func() { hd.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		h.t.Fatal("held commands did not return")
	}
	for _, msg := range hd.msgs {
		h.send(h.classify(msg)...)
	}
}

// gatedChecker is the fake store with a slow key check: CheckKeys hands the
// test its context, then waits until the gate opens, as a store answering
// late does. Once released it answers like the fake whatever happened to
// its context, so a late reply really arrives and must be dropped.
type gatedChecker struct {
	*fakeChecker
	asked chan context.Context
	gate  chan struct{}
}

func newGatedChecker() *gatedChecker {
	return &gatedChecker{asked: make(chan context.Context, 8), gate: make(chan struct{})}
}

// install replaces the harness's checker, keeping the fake it wraps as
// h.checker so its records stay readable.
func (g *gatedChecker) install(d *Deps, _ *Options) {
	g.fakeChecker = d.Checker.(*fakeChecker)
	d.Checker = g
}

func (g *gatedChecker) CheckKeys(ctx context.Context, store wooclient.Store, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report {
	g.asked <- ctx
	<-g.gate
	return g.fakeChecker.CheckKeys(ctx, store, creds, obs)
}

// inFlight waits for the key check that the last command started and
// returns its context.
func (g *gatedChecker) inFlight(t *testing.T) context.Context {
	t.Helper()
	select {
	case ctx := <-g.asked:
		return ctx
	case <-time.After(5 * time.Second):
		t.Fatal("no key check started")
		return nil
	}
}

// release opens the gate for good.
func (g *gatedChecker) release() { close(g.gate) }

// typeLastHeld types text, holding in flight whatever its last key press
// starts (the automatic key check).
func (h *harness) typeLastHeld(text string) *held {
	h.t.Helper()
	r := []rune(text)
	h.typ(string(r[:len(r)-1]))
	last := string(r[len(r)-1:])
	return hold(h.update(tea.KeyPressMsg{Code: r[len(r)-1], Text: last}))
}
