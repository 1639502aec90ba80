package tui

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// wrapCells breaks one paragraph into lines no wider than width cells,
// measured the way the terminal lays them out (wm), at the places Unicode's
// line breaking algorithm (UAX #14) allows: after spaces, between two
// Chinese or Japanese characters but never before 。、」 or after 「, never
// at a no-break space. A run with no break opportunity wider than the line
// is cut between grapheme clusters. Escape sequences (styles) are kept in
// place and take no room, so a style runs on across the break.
func wrapCells(s string, width int, wm ansi.Method) []string {
	width = max(edgeSafe(s, width), 1)
	if wm.StringWidth(s) <= width {
		return []string{s}
	}
	breaks := breakOpportunities(ansi.Strip(s))
	var lines []string
	var cur strings.Builder
	curW, plainPos, lastBreak, lastSoft := 0, 0, -1, -1
	prev := ""
	state := byte(ansi.NormalState)
	for rest := s; rest != ""; {
		seq, w, n, newState := wm.DecodeSequenceInString(rest, state, nil)
		state, rest = newState, rest[n:]
		if isEscape(seq) {
			cur.WriteString(seq)
			continue
		}
		if breaks[plainPos] {
			lastBreak = cur.Len()
		}
		if prev == "/" || prev == "-" {
			lastSoft = cur.Len() // inside an address or a path: only if nothing better
		}
		prev = seq
		plainPos += len(seq)
		for curW+w > width && curW > 0 && seq != " " { // a space at the end may hang: it is trimmed
			line := cur.String()
			if lastBreak <= 0 && lastSoft > 0 {
				lastBreak = lastSoft
			}
			if lastBreak <= 0 { // nowhere to break: cut before this cluster
				lines = append(lines, line)
				cur.Reset()
				curW, lastSoft = 0, -1
				break
			}
			lines = append(lines, strings.TrimRight(line[:lastBreak], " "))
			tail := strings.TrimLeft(line[lastBreak:], " ")
			cur.Reset()
			cur.WriteString(tail)
			curW, lastBreak, lastSoft = wm.StringWidth(tail), -1, -1
		}
		if curW == 0 && seq == " " {
			continue // no line starts with the space it broke at
		}
		cur.WriteString(seq)
		curW += w
	}
	return append(lines, strings.TrimRight(cur.String(), " "))
}

// breakOpportunities marks the byte offsets of plain text before which a
// line may break: after every breaking space, and the UAX #14 opportunities
// next to a Chinese or Japanese character, which are written without
// spaces. The other UAX #14 opportunities (after a slash or a hyphen) are
// left out: they would split addresses, paths and key names that read
// better whole on the next line.
func breakOpportunities(plain string) map[int]bool {
	out := map[int]bool{}
	for i, r := range plain {
		if breakingSpace(r) {
			out[i+utf8.RuneLen(r)] = true // also before "/", which UAX #14 keeps with the word before
		}
	}
	pos, state := 0, -1
	for rest := plain; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if rest == "" {
			break
		}
		before, _ := utf8.DecodeLastRuneInString(seg)
		after, _ := utf8.DecodeRuneInString(rest)
		if unspaced(before) || unspaced(after) {
			out[pos] = true
		}
	}
	return out
}

// breakingSpace reports spaces a line may break after: not the no-break
// spaces French puts before : ; ? ! and inside « ».
func breakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// unspaced reports characters of scripts written without spaces between
// words, where a line may break between any two characters (within the
// UAX #14 rules that keep 。 and 」 off the start of a line).
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef // CJK and full-width punctuation
}

// isEscape reports a control or escape sequence rather than printable text.
func isEscape(seq string) bool {
	return seq != "" && (seq[0] < 0x20 || seq[0] == 0x7f || seq[0] == 0x9b || seq[0] == 0x9d)
}

// truncateCells cuts s to width cells as wm measures them, ending in tail
// when anything was cut. (ansi's own Truncate can leave a line one cell
// too wide when a cluster's code points are counted one by one, as with
// Devanagari conjuncts under wcwidth.)
func truncateCells(s string, width int, wm ansi.Method, tail string) string {
	width = edgeSafe(s, width)
	if wm.StringWidth(s) <= width {
		return s
	}
	room := max(width-wm.StringWidth(tail), 0)
	var b strings.Builder
	w := 0
	state := byte(ansi.NormalState)
	for rest := s; rest != ""; {
		seq, sw, n, newState := wm.DecodeSequenceInString(rest, state, nil)
		state, rest = newState, rest[n:]
		if isEscape(seq) {
			b.WriteString(seq)
			continue
		}
		if w+sw > room {
			break
		}
		b.WriteString(seq)
		w += sw
	}
	return b.String() + tail
}

// edgeSafe keeps text with combining marks (Devanagari vowel signs and
// viramas) out of the window's last column: a mark written there, after
// the terminal has moved to its pending wrap, lands on the wrong letter in
// common terminals (tmux shows इसे as इेस). Other text may fill the line.
func edgeSafe(s string, width int) int {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }) >= 0 {
		return width - 1
	}
	return width
}
