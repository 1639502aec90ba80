package locale

import (
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// pseudoTag is the pseudo-locale: English with every letter accented and
// every message about 40 % longer, in brackets. Layout tests render every
// screen in it to catch text that does not wrap, columns that do not
// stretch and English that never went through the catalogue.
const pseudoTag = "en-XA"

// pseudoMessages derives the pseudo-locale from the English sources.
func pseudoMessages(sources []Source) []*i18n.Message {
	out := make([]*i18n.Message, 0, len(sources))
	for _, s := range sources {
		m := &i18n.Message{ID: s.ID, Other: pseudo(s.Other)}
		if s.One != "" {
			m.One = pseudo(s.One)
		}
		switch s.ID {
		case "format.date", "wpadmin.quote":
			m.Other = s.Other // a layout and a bare label stay usable
		}
		out = append(out, m)
	}
	return out
}

var accents = map[rune]rune{
	'a': 'á', 'b': 'ƀ', 'c': 'ç', 'd': 'ď', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'í', 'j': 'ĵ',
	'k': 'ķ', 'l': 'ĺ', 'm': 'ɱ', 'n': 'ñ', 'o': 'ó', 'p': 'þ', 'q': 'ǫ', 'r': 'ŕ', 's': 'š', 't': 'ţ',
	'u': 'ú', 'v': 'ṽ', 'w': 'ŵ', 'x': 'ẋ', 'y': 'ý', 'z': 'ž',
	'A': 'Á', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ď', 'E': 'É', 'F': 'Ƒ', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Í', 'J': 'Ĵ',
	'K': 'Ķ', 'L': 'Ĺ', 'M': 'Ṁ', 'N': 'Ñ', 'O': 'Ó', 'P': 'Þ', 'Q': 'Ǫ', 'R': 'Ŕ', 'S': 'Š', 'T': 'Ţ',
	'U': 'Ú', 'V': 'Ṽ', 'W': 'Ŵ', 'X': 'Ẋ', 'Y': 'Ý', 'Z': 'Ž',
}

// pseudo accents one template's text, leaves its {{…}} actions alone, and
// pads it to about 140 % of its length.
func pseudo(src string) string {
	var b strings.Builder
	letters := 0
	for rest := src; rest != ""; {
		if strings.HasPrefix(rest, "{{") {
			end := strings.Index(rest, "}}")
			if end < 0 {
				end = len(rest) - 2
			}
			b.WriteString(rest[:end+2])
			rest = rest[end+2:]
			continue
		}
		r := []rune(rest)[0]
		if a, ok := accents[r]; ok {
			r = a
			letters++
		}
		b.WriteRune(r)
		rest = rest[len(string([]rune(rest)[:1])):]
	}
	pad := (letters*2 + 4) / 5
	return "[" + b.String() + " " + strings.Repeat("·", pad) + "]"
}
