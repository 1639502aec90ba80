package tui

import (
	tea "charm.land/bubbletea/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapCells(t *testing.T) {
	tests := []struct {
		name, in string
		width    int
		wm       ansi.Method
		want     []string
	}{
		{"fits", "a short line", 20, ansi.WcWidth, []string{"a short line"}},
		{"at spaces", "the key and the secret", 10, ansi.WcWidth, []string{"the key", "and the", "secret"}},
		{"a space may hang", "abcde fghij", 5, ansi.WcWidth, []string{"abcde", "fghij"}},
		{"no break at a no-break space", "il sait\u00a0: oui", 8, ansi.WcWidth, []string{"il", "sait\u00a0:", "oui"}},
		{"path kept whole after a space", "saved to /a/b/c.json now", 16, ansi.WcWidth, []string{"saved to", "/a/b/c.json now"}},
		{"too long: after a slash", "/home/till/config.json", 12, ansi.WcWidth, []string{"/home/till/", "config.json"}},
		{"too long, nowhere to break", "abcdefghij", 4, ansi.WcWidth, []string{"abcd", "efgh", "ij"}},
		// Japanese breaks between characters, but 。 never starts a line.
		{"Japanese", "ストアの住所です。次へ", 8, ansi.WcWidth, []string{"ストアの", "住所で", "す。次へ"}},
		{"icon stays with Japanese", "✓ 接続しました", 8, ansi.WcWidth, []string{"✓ 接続し", "ました"}},
		// Hindi vowel signs take a cell each under wcwidth, none as graphemes.
		{"Hindi by code point", "कि कि कि", 4, ansi.WcWidth, []string{"कि", "कि", "कि"}},
		{"Hindi by grapheme", "कि कि कि", 4, ansi.GraphemeWidth, []string{"कि कि", "कि"}},
	}
	for _, tt := range tests {
		if got := wrapCells(tt.in, tt.width, tt.wm); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: wrapCells(%q, %d) = %q; want %q", tt.name, tt.in, tt.width, got, tt.want)
		}
	}
}

// TestWrapCellsKeepsStylesAndText checks that wrapping styled text loses
// nothing but the spaces it broke at, and that every line fits.
func TestWrapCellsKeepsStylesAndText(t *testing.T) {
	in := "\x1b[2mThe store took too long to answer;\x1b[0m check this terminal's \x1b[1minternet\x1b[0m connection."
	for _, w := range []int{8, 13, 21, 40} {
		lines := wrapCells(in, w, ansi.WcWidth)
		for _, l := range lines {
			if ansi.WcWidth.StringWidth(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
		joined := strings.Join(lines, "")
		if strings.Count(joined, "\x1b[") != strings.Count(in, "\x1b[") {
			t.Errorf("width %d: escape sequences lost: %q", w, joined)
		}
		if strings.ReplaceAll(ansi.Strip(joined), " ", "") != strings.ReplaceAll(ansi.Strip(in), " ", "") {
			t.Errorf("width %d: text changed: %q", w, ansi.Strip(joined))
		}
	}
}

// TestEveryScreenFitsWhenTheTerminalCountsGraphemes repeats the layout
// test for a terminal that reports grapheme clustering (mode 2027): the
// wizard then measures as the renderer does, clusters rather than code
// points, and every screen must fit that way too.
func TestEveryScreenFitsWhenTheTerminalCountsGraphemes(t *testing.T) {
	if raceEnabled {
		t.Skip("a pure layout sweep: run by go test without -race")
	}
	for _, tag := range []string{"hi-IN", "ja", "ar", "de"} {
		for _, sc := range scenarios {
			t.Run(tag+"/"+sc.name, func(t *testing.T) {
				speaking(t, tag)
				hs := sc.build(t, 40, 24)
				hs.update(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
				if hs.m.wm != ansi.GraphemeWidth {
					t.Fatal("mode 2027 reported, but the wizard still measures code points")
				}
				assertScreen(t, hs.m)
			})
		}
	}
}

func TestTruncateCells(t *testing.T) {
	s := "✗ सर्टिफ़िकेट signed by an unknown authority"
	for _, wm := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for w := 1; w <= 45; w++ {
			got := truncateCells(s, w, wm, "…")
			if wm.StringWidth(got) > w {
				t.Errorf("width %d: %q is %d wide", w, got, wm.StringWidth(got))
			}
		}
	}
	if got := truncateCells("\x1b[1mbold\x1b[0m text", 6, ansi.WcWidth, "…"); got != "\x1b[1mbold\x1b[0m …" {
		t.Errorf("styled truncate = %q", got)
	}
}
