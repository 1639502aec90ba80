package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestWidthFollowsTheRenderer: the wizard measures text the way Bubble
// Tea's renderer will draw it. The renderer counts grapheme clusters once
// the terminal reports mode 2027 set, reset (it can be switched on) or
// permanently set (tea.go); not recognised or permanently reset leaves it
// counting code points, and so does any other mode's report.
func TestWidthFollowsTheRenderer(t *testing.T) {
	for _, tc := range []struct {
		name  string
		msg   tea.ModeReportMsg
		graph bool
	}{
		{"2027 set", tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet}, true},
		{"2027 reset", tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset}, true},
		{"2027 permanently set", tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModePermanentlySet}, true},
		{"2027 permanently reset", tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModePermanentlyReset}, false},
		{"2027 not recognised", tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeNotRecognized}, false},
		{"another mode set", tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeSet}, false},
	} {
		hs := scenarios[0].build(t, 80, 24)
		hs.update(tc.msg)
		if got := hs.m.wm == ansi.GraphemeWidth; got != tc.graph {
			t.Errorf("%s: counting graphemes %v, want %v", tc.name, got, tc.graph)
		}
	}
}

// TestGivenAddressIsWhatWasTyped: the address field starts with the
// address cmd passed, else the saved connection's as typed when it was
// saved, else its home (older files kept only the home).
func TestGivenAddressIsWhatWasTyped(t *testing.T) {
	saved := func(url, home string) *Connection {
		return &Connection{Store: wooclient.Store{URL: url, Home: home}}
	}
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"passed", Options{Address: "shop.example", Saved: saved("old.example", "https://old.example")}, "shop.example"},
		{"saved as typed", Options{Saved: saved("shop.example/shop", "https://shop.example/shop")}, "shop.example/shop"},
		{"saved home only", Options{Saved: saved("", "https://shop.example")}, "https://shop.example"},
		{"nothing", Options{}, ""},
	} {
		if got := (Model{opts: tc.opts}).givenAddress(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
