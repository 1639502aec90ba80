package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// hostileInputs are what a confused paste, a broken scanner or an attacker
// can put into a field.
var hostileInputs = map[string]string{
	"10kB paste":     strings.Repeat("ck_0123456789abcdefXYZ ", 450),
	"ANSI colour":    "\x1b[31mred\x1b[0m shop",
	"OSC 52 write":   "\x1b]52;c;ZXZpbA==\x07shop.com",
	"clear screen":   "\x1b[2J\x1b[Hshop.com",
	"C0 and C1":      "ab\x00\x07\x08\x1b\x7f\u0085\u009bcd",
	"bidi override":  "\u202eten.pohs\u202c",
	"zero width":     "sh\u200bop\u200d.com\ufeff",
	"emoji":          "🏪🧾💳 👩‍👩‍👧 shop",
	"arabic":         "متجر.مثال",
	"newlines":       "shop\r\n.com\ttab",
	"wide CJK":       "店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺店铺",
	"invalid UTF-8":  "shop\xff\xfe.com",
	"key with junk":  "ck_0123\x1b[2K456789abcdef0123456789abcdef0abc1234",
	"long no spaces": strings.Repeat("x", 3000),
}

// TestHostileInputNeverReachesTheTerminal feeds every hostile input to every
// field, pasted and typed, and checks every screen: no escape sequence, no
// control character, no line wider than the window, at 80 and 40 columns.
func TestHostileInputNeverReachesTheTerminal(t *testing.T) {
	fields := map[string]func(h *harness){
		"address": func(h *harness) {},
		"key":     func(h *harness) { h.atKeys() },
		"secret":  func(h *harness) { h.atKeys().press("tab") },
	}
	for field, open := range fields {
		for name, in := range hostileInputs {
			for _, typed := range []bool{false, true} {
				if typed && len(in) > 400 {
					in = in[:400] // typing 10 kB one key at a time proves nothing more
				}
				t.Run(field+"/"+name+map[bool]string{true: "/typed", false: "/pasted"}[typed], func(t *testing.T) {
					h := newHarness(t)
					open(h)
					if typed {
						h.typ(in)
					} else {
						h.paste(in)
					}
					for _, w := range []int{80, 40} {
						h.m.resize(w, 24)
						assertScreen(t, h.m)
					}
					if f := h.m.store.input.Value(); len([]rune(f)) > maxAddress {
						t.Errorf("address field holds %d characters", len([]rune(f)))
					}
					for _, f := range []string{h.m.pair.key.Value(), h.m.pair.secret.Value()} {
						if len([]rune(f)) > maxKeyField {
							t.Errorf("key field holds %d characters", len([]rune(f)))
						}
						if strings.ContainsAny(f, "\x1b\x00\u202e\u200b") {
							t.Errorf("a control or invisible character entered a field: %q", f)
						}
					}
				})
			}
		}
	}
}

func TestHostileInputIsNamedNotSilentlyDropped(t *testing.T) {
	h := newHarness(t)
	h.paste("sh\u200bop.com")
	h.mustShow("Removed 1 invisible or control character")
	h = newHarness(t).atKeys()
	h.paste(hostileInputs["10kB paste"])
	h.mustShow("characters; a key has 43. Only the first 200 were kept.")
}

func TestHostileStoreAnswersAreCleaned(t *testing.T) {
	h := newHarness(t)
	h.checker.discover = func(string) *wooclient.Report {
		rep := storeOK()
		rep.Store.Name = "\x1b]0;pwned\x07Evil \u202eerotS\x1b[2J " + strings.Repeat("🧾", 300)
		rep.Checks[0].Detail = "\x1b[31m200\x1b[0m"
		rep.Findings = []wooclient.Finding{withDetail(wooclient.NewFinding(wooclient.CauseRESTBlocked, fakeHome), "\x1b[5mblink\r\n"+strings.Repeat("A", 5000))}
		return rep
	}
	h.typ("127.0.0.1:4443")
	h.press("enter")
	for _, w := range []int{80, 40, 20} {
		h.m.resize(w, 24)
		assertScreen(t, h.m)
	}
	h.press("y")
	for _, l := range h.m.transcript {
		if strings.ContainsAny(l, "\x1b\x07\u202e") {
			t.Errorf("transcript line carries control characters: %q", l)
		}
	}
}

func TestEveryStepFitsNarrowAndTinyWindows(t *testing.T) {
	for _, sc := range scenarios {
		for _, size := range [][2]int{{40, 20}, {30, 12}, {20, 8}, {120, 40}} {
			hs := sc.build(t, size[0], size[1])
			assertScreen(t, hs.m)
			hs.send(tea.WindowSizeMsg{Width: size[0] + 7, Height: size[1] + 3})
			assertScreen(t, hs.m)
		}
	}
}
