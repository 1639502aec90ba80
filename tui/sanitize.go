package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// Field limits: no store address is longer than maxAddress, no key or secret
// longer than maxKeyField; longer input is a paste gone wrong and is cut.
const (
	maxAddress  = 2048
	maxKeyField = 200
	// maxShown caps any single string from outside (a store name, an error)
	// on screen, so a hostile store cannot fill the window.
	maxShown = 160
)

// dropRune reports whether r must never reach the terminal from input or
// from the store: controls (ESC starts every escape sequence), invalid
// UTF-8, and format characters (zero-width spaces, bidi overrides) that make
// what is shown differ from what is stored.
func dropRune(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case unicode.IsControl(r):
		return true
	case unicode.Is(unicode.Cf, r):
		return true
	case r == '\u2028' || r == '\u2029': // line and paragraph separators
		return true
	}
	return false
}

// filterInput removes from typed or pasted text what dropRune rejects, tabs
// and newlines included, and says how many characters went, so the wizard
// can tell the user instead of silently changing what they typed.
func filterInput(s string) (kept string, dropped int) {
	if s == "" {
		return "", 0
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if dropRune(r) {
			dropped++
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), dropped
}

// safeText makes a string from outside the program (a store's name, an
// error, a path) safe to print: dropped runes removed, runs of whitespace
// collapsed to one space, and the length capped with an ellipsis. The
// left-to-right and right-to-left marks survive: the Translator puts them
// around addresses and codes in Arabic text, and on their own they are
// invisible and reorder nothing but neighbouring punctuation.
func safeText(s string) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if dropRune(r) && r != lrm && r != rlm {
			continue
		}
		if n >= maxShown {
			b.WriteString("…")
			break
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// lrm and rlm are U+200E LEFT-TO-RIGHT MARK and U+200F RIGHT-TO-LEFT MARK.
const (
	lrm = '\u200e'
	rlm = '\u200f'
)

// droppedNotice is the message shown when input lost characters.
func droppedNotice(tr *locale.Translator, n int) string {
	return tr.N("common.dropped-characters", n)
}

// filterKey removes what dropRune rejects from a key press's text; a press
// left with no text and no key code is to be ignored.
func filterKey(msg tea.KeyPressMsg) (tea.KeyPressMsg, int) {
	if msg.Text == "" {
		return msg, 0
	}
	kept, n := filterInput(msg.Text)
	if n == 0 {
		return msg, 0
	}
	msg.Text = kept
	if kept == "" {
		msg.Code = 0
	}
	return msg, n
}

// sanitizeWords are what the wizard says when it filtered what was typed.
var sanitizeWords = []locale.Source{
	{ID: "common.dropped-characters",
		One:   "Removed {{.Count}} invisible or control character from the input.",
		Other: "Removed {{.Count}} invisible or control characters from the input."},
}
