package tui

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// harness drives a Model the way Bubble Tea would: it calls Update, runs the
// commands it returns and feeds their messages back, except the spinner's
// ticks (so frames stay fixed and tests never sleep). What the commands do
// to the terminal (clipboard, quit) is recorded.
type harness struct {
	t         *testing.T
	m         Model
	checker   *fakeChecker
	saver     *fakeSaver
	browser   *fakeBrowser
	demo      *fakeDemo
	clipboard []string
	printed   []string // lines printed above the live area, in order
	quit      bool
}

type setup func(*Deps, *Options)

func withSaved(c wooclient.Credentials) setup {
	return func(_ *Deps, o *Options) {
		o.Saved = &Connection{Profile: "default", Store: fakeStore(), Credentials: c,
			Key: wooclient.KeyStatus{Ending: c.Masked(), Transport: wooclient.TransportQuery}, VerifiedAt: fixedNow}
	}
}

func withDemo(d *Deps, _ *Options) { d.Demo = &fakeDemo{checker: d.Checker.(*fakeChecker)} }

func withAddress(a string) setup { return func(_ *Deps, o *Options) { o.Address = a } }

// newHarness builds a wizard with fakes, plain styles (so any escape
// sequence in a view is a leak) and an 80×24 window, and runs Init.
func newHarness(t *testing.T, opts ...setup) *harness {
	return newHarnessSize(t, 80, 24, opts...)
}

func newHarnessSize(t *testing.T, w, h int, opts ...setup) *harness {
	t.Helper()
	hs := &harness{t: t, checker: newFakeChecker(), saver: &fakeSaver{},
		browser: &fakeBrowser{ok: false, why: NoBrowser{Kind: NoBrowserOverSSH}}}
	deps := Deps{Checker: hs.checker, Saver: hs.saver, Browser: hs.browser,
		Now: nowFixed, TerminalName: "Till-1"}
	o := Options{Profile: "default", Version: "1.0.0-test"}
	if harnessLanguage != nil {
		o.Tr, o.Catalog = harnessLanguage.Tr, harnessLanguage.Catalog
	}
	for _, f := range opts {
		f(&deps, &o)
	}
	if d, ok := deps.Demo.(*fakeDemo); ok {
		hs.demo = d
	}
	hs.m = newModel(context.Background(), deps, o)
	hs.m.setStyles(plainStyles())
	hs.m.resize(w, h)
	hs.drain(hs.m.Init())
	return hs
}

// send delivers messages and everything their commands lead to.
func (h *harness) send(msgs ...tea.Msg) {
	h.t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for i := 0; len(queue) > 0; i++ {
		if i > 2000 {
			h.t.Fatal("message loop did not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		var cmd tea.Cmd
		var next tea.Model
		next, cmd = h.m.Update(msg)
		h.m = next.(Model)
		queue = append(queue, h.run(cmd)...)
	}
}

// update delivers one message without running its commands, which are
// returned to be run later (to deliver a reply late, after an edit).
func (h *harness) update(msg tea.Msg) tea.Cmd {
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	return cmd
}

// drain runs a command and delivers its messages.
func (h *harness) drain(cmd tea.Cmd) { h.send(h.run(cmd)...) }

// run executes a command tree and returns the messages meant for Update.
func (h *harness) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(5 * time.Second):
		h.t.Fatal("a command blocked: its reply depends on a command not run yet")
	}
	return h.classify(msg)
}

// classify records what a command's message does to the terminal, runs the
// commands a batch or sequence holds, and returns the messages for Update.
func (h *harness) classify(msg tea.Msg) []tea.Msg {
	switch msg := msg.(type) {
	case nil, spinner.TickMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, h.run(c)...)
		}
		return out
	case tea.QuitMsg:
		h.quit = true
		return nil
	}
	v := reflect.ValueOf(msg)
	switch v.Type().Name() {
	case "sequenceMsg":
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, h.run(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	case "setClipboardMsg":
		h.clipboard = append(h.clipboard, fmt.Sprint(msg))
		return nil
	case "printLineMessage":
		h.printed = append(h.printed, v.FieldByName("messageBody").String())
		return nil
	case "backgroundColorMsg":
		return nil
	}
	return []tea.Msg{msg}
}

// press sends key presses by name: "enter", "esc", "ctrl+c", "a"…
func (h *harness) press(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

// typ types text one key press at a time, as a person or a wedge scanner.
func (h *harness) typ(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (h *harness) paste(s string) { h.t.Helper(); h.send(tea.PasteMsg{Content: s}) }

// view is the screen as text.
func (h *harness) view() string { return ansi.Strip(h.m.View().Content) }

func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp},
		"down": {Code: tea.KeyDown}, "backspace": {Code: tea.KeyBackspace},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+r": {Code: 'r', Mod: tea.ModCtrl},
		"ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	if k, ok := special[name]; ok {
		return k
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// secretRe finds a full key or secret.
var secretRe = regexp.MustCompile(`c[ks]_[0-9a-f]{40}`)

// assertScreen checks what must hold for every screen: no escape sequence
// at all (plain styles: any ESC came from input or the store), no line
// wider than the window, no more lines than it has, no key or secret.
func assertScreen(t *testing.T, m Model) {
	t.Helper()
	content := m.View().Content
	if i := strings.IndexByte(content, 0x1b); i >= 0 {
		t.Fatalf("escape sequence in view at %d: %q", i, content[max(0, i-20):min(len(content), i+20)])
	}
	for _, r := range content {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			t.Fatalf("control character %U in view", r)
		}
	}
	lines := strings.Split(content, "\n")
	if len(lines) > m.rows() {
		t.Errorf("view has %d lines, window %d (one row stays free for the transcript):\n%s", len(lines), m.height, content)
	}
	for i, l := range lines {
		if w := m.wm.StringWidth(l); w > m.width {
			t.Errorf("line %d is %d wide, window %d: %q", i+1, w, m.width, l)
		}
	}
	if secretRe.MatchString(content) || strings.Contains(content, fakeSecret) || strings.Contains(content, readOnlySec) {
		t.Errorf("a key or secret is on screen:\n%s", content)
	}
}
