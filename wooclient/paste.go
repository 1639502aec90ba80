package wooclient

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// quoteChars are the quotes that come along when a key is copied from a
// chat, an e-mail or a document.
const quoteChars = "'\"`“”‘’„‚«»"

var (
	// fieldLabelRe is a label copied along with the value from WP Admin or a
	// note: "Consumer key:", "Secret =", "consumer_secret\":".
	fieldLabelRe = regexp.MustCompile(`(?i)^(?:consumer[ _-]?)?(?:key|secret)["']?(?:\s*[:=]\s*|\s+)`)
	// keyTokenRe is a ck_/cs_ word in free text, up to the next separator.
	keyTokenRe = regexp.MustCompile(`[cC][kKsS]_[^\s|,;:"'` + "`" + `“”‘’„‚«»<>{}\[\]()=&?#/\\]*`)
	// keyPrefixRe finds where a second key starts inside a token, as when a
	// scanner types "ck_…cs_…" with nothing between (key bodies have no _).
	keyPrefixRe = regexp.MustCompile(`[cC][kKsS]_`)
)

// CleanField removes what comes along when a key is pasted or scanned, and
// nothing else: blanks around it, invisible characters (zero-width, BOM,
// bidi controls) anywhere, surrounding quotes, a leading label such as
// "Consumer key:", and a trailing comma or semicolon. Blanks inside are kept
// so that CheckKey can point at them.
func CleanField(s string) string {
	s = stripInvisible(s)
	for range 8 { // "Key: 'ck_…'," takes a few rounds; a bound keeps it linear
		prev := s
		s = strings.TrimFunc(s, unicode.IsSpace)
		s = strings.TrimRight(s, ",;")
		s = strings.Trim(s, quoteChars)
		if loc := fieldLabelRe.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s = s[loc[1]:]
		}
		if s == prev {
			break
		}
	}
	return s
}

// stripInvisible drops characters that cannot be seen but break a key or an
// address: zero-width spaces and joiners, word joiner, BOM, soft hyphen and
// bidi controls.
func stripInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2069,
			r == 0xFEFF, r == 0x00AD, r == 0x061C, r == 0x180E:
			return -1
		}
		return r
	}, s)
}

// ParsePaste finds a key and/or a secret in pasted or scanned text: the QR
// text "ck_…|cs_…", both on one line or on two, lines labelled as WP Admin
// shows them, JSON with consumer_key and consumer_secret, or a URL with them
// in the query. When several are present the first well-formed one wins.
// found reports whether anything key-like was found.
func ParsePaste(text string) (key, secret string, found bool) {
	text = stripInvisible(text)
	var keys, secrets []string
	for _, span := range keyTokens(text) {
		tok := CleanField(strings.TrimRight(text[span[0]:span[1]], "."))
		if strings.HasPrefix(strings.ToLower(tok), "cs_") {
			secrets = append(secrets, tok)
		} else {
			keys = append(keys, tok)
		}
	}
	key, secret = pick(keys, validKeyRe), pick(secrets, validSecretRe)
	return key, secret, key != "" || secret != ""
}

// pick returns the first well-formed candidate, or else the first one.
func pick(candidates []string, valid *regexp.Regexp) string {
	for _, c := range candidates {
		if valid.MatchString(c) {
			return c
		}
	}
	if len(candidates) == 0 {
		return ""
	}
	return candidates[0]
}

// keyTokens returns the byte spans of the ck_/cs_ words in s. A word must not
// continue another ("truck_parts" holds none), and a word with a second
// prefix inside is split there.
func keyTokens(s string) [][2]int {
	var out [][2]int
	for _, loc := range keyTokenRe.FindAllStringIndex(s, -1) {
		if loc[0] > 0 && isWordByte(s[loc[0]-1]) {
			continue
		}
		start := loc[0]
		for _, in := range keyPrefixRe.FindAllStringIndex(s[loc[0]:loc[1]], -1) {
			if in[0] > 0 {
				out = append(out, [2]int{start, loc[0] + in[0]})
				start = loc[0] + in[0]
			}
		}
		out = append(out, [2]int{start, loc[1]})
	}
	return out
}

// isWordByte reports an ASCII letter, digit or underscore: a byte that makes
// a following "ck_" part of another word.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// Parsed is the outcome of reading the key and secret fields together.
type Parsed struct {
	// Credentials is set only when OK.
	Credentials Credentials
	// Key and Secret are the cleaned fields after splitting a paste and
	// swapping: what the fields should now show.
	Key, Secret   string
	KeyProblem    *FieldProblem
	SecretProblem *FieldProblem
	// Swapped reports that the fields held each other's value (now fixed).
	Swapped bool
	// Findings holds keys-swapped (info) when fixed, and a blocker for each
	// field problem with the problem's message as detail.
	Findings []Finding
	// OK reports that both fields are well-formed.
	OK bool
}

// ParseCredentials reads the key and secret fields as typed. A "ck_…|cs_…"
// scan or a two-part paste in either field fills both; fields holding each
// other's value are swapped back with a keys-swapped finding; the same value
// in both is named; each field's problem becomes a finding.
func ParseCredentials(keyField, secretField string) Parsed {
	var p Parsed
	k, s := CleanField(keyField), CleanField(secretField)
	if pk, ps, _ := ParsePaste(keyField); pk != "" && ps != "" {
		k, s = pk, ps
	} else if pk, ps, _ := ParsePaste(secretField); pk != "" && ps != "" {
		k, s = pk, ps
	}
	keyIsSecret := strings.HasPrefix(strings.ToLower(k), "cs_")
	secretIsKey := strings.HasPrefix(strings.ToLower(s), "ck_")
	if keyIsSecret && (secretIsKey || s == "") || secretIsKey && k == "" {
		k, s, p.Swapped = s, k, true
		p.Findings = append(p.Findings, NewFinding(CauseKeysSwapped, ""))
	}
	p.Key, p.KeyProblem = CheckKey(k)
	p.Secret, p.SecretProblem = CheckSecret(s)
	if p.Secret != "" && (p.Secret == p.Key || len(p.Key) > 3 && len(p.Secret) > 3 &&
		strings.EqualFold(p.Key[:3], "ck_") && strings.EqualFold(p.Secret[:3], "cs_") && p.Key[3:] == p.Secret[3:]) {
		p.SecretProblem = fieldProblem(CauseSecretMalformed, say("field.same-as-key", nil), 0)
	}
	for _, fp := range []*FieldProblem{p.KeyProblem, p.SecretProblem} {
		if fp != nil {
			p.Findings = append(p.Findings, NewFinding(fp.Cause, "").With(fp.Text))
		}
	}
	p.OK = p.KeyProblem == nil && p.SecretProblem == nil
	if p.OK {
		p.Credentials = Credentials{Key: p.Key, Secret: p.Secret}
	}
	return p
}

var (
	appPasswordRe = regexp.MustCompile(`^[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}$|^[A-Za-z0-9]{24}$`)
	lowerHexRe    = regexp.MustCompile(`^[0-9a-f]+$`)
	emailRe       = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)
	userNameRe    = regexp.MustCompile(`^[A-Za-z0-9._@-]{1,32}$`)
	webAddressRe  = regexp.MustCompile(`(?i)^(?:[a-z][a-z0-9+.-]*://|www\.)|^[^\s/@]+\.[a-z]{2,}(?::\d+)?/`)
)

// notAKey recognises the things people paste instead of a WooCommerce key,
// so the wizard can say what they are instead of "malformed". It returns
// the message ID that names it, or "" for anything that may be a mistyped
// key.
func notAKey(s string) string {
	prefixed := len(s) >= 2 && strings.EqualFold(s[:2], "ck") || len(s) >= 2 && strings.EqualFold(s[:2], "cs")
	switch {
	case strings.HasPrefix(s, "eyJ") || strings.HasPrefix(strings.ToLower(s), "bearer "):
		return "field.jwt"
	case webAddressRe.MatchString(s):
		return "field.web-address"
	case emailRe.MatchString(s):
		return "field.email"
	case appPasswordRe.MatchString(s) && !lowerHexRe.MatchString(s):
		return "field.app-password"
	case userNameRe.MatchString(s) && !prefixed && !lowerHexRe.MatchString(strings.ToLower(s)):
		return "field.user-name"
	}
	return ""
}

// printable reports whether every rune can be shown as itself.
func printable(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || r == unicode.ReplacementChar {
			return false
		}
	}
	return true
}

// showRune names one character for a message: “G” when it can be shown,
// U+XXXX when it is a control, blank or escape that must never be echoed.
func showRune(r rune) any {
	if printable([]rune{r}) {
		return say("field.char-quoted", Args{"Char": string(r)})
	}
	return fmt.Sprintf("U+%04X", r)
}

// blankName names a blank character found inside a key.
func blankName(r rune) Text {
	switch r {
	case ' ':
		return say("field.blank-space", nil)
	case '\t':
		return say("field.blank-tab", nil)
	case '\n', '\r', 0x85, 0x2028, 0x2029:
		return say("field.blank-newline", nil)
	}
	return say("field.blank-codepoint", Args{"Code": fmt.Sprintf("U+%04X", r)})
}
