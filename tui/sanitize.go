package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
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
func safeText(s string) string { return clean(s, maxShown) }

// safeSaid is safeText for the program's own sentences, said through the
// catalogue: a translation may be far longer than 160 characters, and only
// what came from outside (already through safeText, see saidDetail) needs
// the cap; a generous one stays as a backstop.
func safeSaid(s string) string { return clean(s, 2000) }

// saidDetail says a finding's detail: the engine's Text with every value
// from outside through safeText, then the sentence through safeSaid.
func saidDetail(tr *locale.Translator, f wooclient.Finding) string {
	if f.DetailText.IsZero() {
		return safeText(f.Detail)
	}
	return safeSaid(tr.Text(f.DetailText.MapStrings(safeText)))
}

// saidCheckDetail is saidDetail for a checklist line.
func saidCheckDetail(tr *locale.Translator, r wooclient.CheckResult) string {
	if r.Text.IsZero() {
		return safeText(r.Detail)
	}
	return safeSaid(tr.Text(r.Text.MapStrings(safeText)))
}

// clean is safeText with a cap of n characters.
func clean(s string, cap int) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range s {
		if (r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r)) && r != nbsp && r != narrowNBSP {
			space = b.Len() > 0
			continue
		}
		if dropRune(r) && r != lrm && r != rlm {
			continue
		}
		if n >= cap {
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

// lrm and rlm are U+200E LEFT-TO-RIGHT MARK and U+200F RIGHT-TO-LEFT MARK;
// nbsp and narrowNBSP are the no-break spaces French puts before : ; ? !
// and inside « », kept so a line never starts with the punctuation.
const (
	lrm        = '\u200e'
	rlm        = '\u200f'
	nbsp       = '\u00a0'
	narrowNBSP = '\u202f'
)

// printable keeps of a line the program prints what may reach a terminal:
// line breaks, and every rune dropRune allows plus the direction marks
// Arabic text carries; nothing is collapsed or cut.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\n' || !dropRune(r) || r == lrm || r == rlm {
			b.WriteRune(r)
		}
	}
	return b.String()
}

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
