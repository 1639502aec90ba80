package wooclient

import (
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// keyLen is the length of a core-generated key or secret: a three-character
// prefix and 40 lower-case hex digits.
const keyLen = 43

var (
	validKeyRe    = regexp.MustCompile(`^ck_[0-9a-f]{40}$`)
	validSecretRe = regexp.MustCompile(`^cs_[0-9a-f]{40}$`)
	// redactRe finds keys and secrets in any text: in any case, and with the
	// underscore percent-encoded (once or twice) as it can be inside URLs.
	redactRe = regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)[0-9a-f]{40}`)
	// basicAuthRe is the credential of a Basic Authorization header, which
	// carries "ck_…:cs_…" in base64.
	basicAuthRe = regexp.MustCompile(`(?i)\bbasic\s+[a-z0-9+/]{4,}={0,2}`)
)

// Credentials is a WooCommerce consumer key and secret. Every way of printing
// it (String, GoString, every fmt verb, slog) masks both, so a pair can be
// passed to a logger or an error message without leaking.
type Credentials struct {
	Key, Secret string
}

// Ending is the last 7 characters of the key, what WooCommerce shows as
// "Consumer key ending in …": the cashier and a support person can agree on
// the row without reading out a secret. It is "" for a key too short to keep
// anything back.
func (c Credentials) Ending() string {
	r := []rune(c.Key)
	if len(r) < 10 || !printable(r[len(r)-7:]) {
		return ""
	}
	return string(r[len(r)-7:])
}

// Masked is the key as it may be shown anywhere ("ck_…abc1234").
func (c Credentials) Masked() string { return MaskKey(c.Key) }

// IsZero reports whether neither part was given.
func (c Credentials) IsZero() bool { return c.Key == "" && c.Secret == "" }

// String shows the pair masked, like %v of a plain struct would.
func (c Credentials) String() string {
	return "{" + MaskKey(c.Key) + " " + MaskSecret(c.Secret) + "}"
}

// GoString masks too, because %#v is what people reach for when debugging.
func (c Credentials) GoString() string {
	return "wooclient.Credentials{Key:" + strconv.Quote(MaskKey(c.Key)) +
		", Secret:" + strconv.Quote(MaskSecret(c.Secret)) + "}"
}

// Format makes every fmt verb print the masked pair, so no verb (%x, %q,
// %+v…) can reach the raw fields.
func (c Credentials) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = io.WriteString(f, c.GoString())
	case verb == 'v' && f.Flag('+'):
		_, _ = io.WriteString(f, "{Key:"+MaskKey(c.Key)+" Secret:"+MaskSecret(c.Secret)+"}")
	case verb == 'q':
		_, _ = io.WriteString(f, strconv.Quote(c.String()))
	default:
		_, _ = io.WriteString(f, c.String())
	}
}

// LogValue masks the pair in structured logs (slog's JSON handler would
// otherwise print the fields).
func (c Credentials) LogValue() slog.Value { return slog.StringValue(c.String()) }

// MaskKey shows a key as WooCommerce identifies it: "ck_…" and the last 7
// characters. Anything else reveals at most its last 4 characters, and a
// secret typed where a key was expected is masked as a secret.
func MaskKey(key string) string {
	if key == "" {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(key), "cs_") {
		return MaskSecret(key)
	}
	r := []rune(key)
	if strings.HasPrefix(key, "ck_") && len(r) >= 10 && printable(r[len(r)-7:]) {
		return "ck_…" + string(r[len(r)-7:])
	}
	if len(r) >= 12 && printable(r[len(r)-4:]) {
		return "…" + string(r[len(r)-4:])
	}
	return "•••"
}

// MaskSecret shows that a secret is there without any character of its body.
func MaskSecret(secret string) string {
	switch {
	case secret == "":
		return ""
	case strings.HasPrefix(strings.ToLower(secret), "cs_"):
		return "cs_…•••"
	default:
		return "•••"
	}
}

// Redact replaces every key and secret in s (any case, also percent-encoded
// inside URLs) with its masked form, and with "[redacted]" the credentials of
// a Basic Authorization header and every occurrence of each extra secret, raw
// or URL-escaped. It is applied to every string that leaves the program:
// errors, evidence, logs.
func Redact(s string, secrets ...string) string {
	// Masking can join what is left into a new match ("…c" + "s_…"), so
	// repeat until none is left; every pass shortens s.
	for redactRe.MatchString(s) {
		s = redactRe.ReplaceAllStringFunc(s, func(m string) string {
			if strings.ToLower(m)[1] == 'k' {
				return "ck_…" + m[len(m)-7:]
			}
			return "cs_…•••"
		})
	}
	s = basicAuthRe.ReplaceAllStringFunc(s, func(m string) string {
		f := strings.Fields(m)
		if b, err := base64.StdEncoding.DecodeString(f[1]); err != nil || !strings.Contains(string(b), ":") {
			return m // "Basic authentication", not a header value
		}
		return f[0] + " [redacted]"
	})
	for _, secret := range secrets {
		if secret == "" {
			continue
		}
		for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
			s = strings.ReplaceAll(s, form, "[redacted]")
		}
	}
	return s
}

// userinfoRe finds a password typed into an address ("user:pass@host").
var userinfoRe = regexp.MustCompile(`(^|//)([^/@:\s]*):[^/\s]*@`)

// maskInput masks every ck_/cs_ word in what was typed, whatever its length,
// and any password in it, so an error can repeat the input without leaking.
func maskInput(s string) string {
	s = userinfoRe.ReplaceAllString(Redact(s), "$1$2:•••@")
	var b strings.Builder
	last := 0
	for _, span := range keyTokens(s) {
		tok := s[span[0]:span[1]]
		b.WriteString(s[last:span[0]])
		switch {
		case strings.Contains(tok, "…"):
			b.WriteString(tok) // already masked by Redact
		case strings.HasPrefix(strings.ToLower(tok), "cs"):
			b.WriteString(MaskSecret("cs_"))
		default:
			b.WriteString(MaskKey(tok))
		}
		last = span[1]
	}
	return b.String() + s[last:]
}

// FieldProblem is what is wrong with one field as typed, for display right
// under the field. Message names at most the single offending character,
// never the field's content, and shows invisible characters as U+XXXX.
type FieldProblem struct {
	Cause   Cause  // CauseKeyMalformed, CauseSecretMalformed or CauseNotAKey
	Message string // short and exact: "Too short: 41 of 43 characters."
	// Text is Message as a message ID and arguments, for saying it in the
	// user's language; Message is its English rendering.
	Text     Text
	Position int // 1-based rune position of the first bad character, 0 if none
}

// fieldProblem builds a problem from its Text.
func fieldProblem(c Cause, t Text, pos int) *FieldProblem {
	return &FieldProblem{Cause: c, Message: t.String(), Text: t, Position: pos}
}

// fieldKind is what differs between checking a key and a secret.
type fieldKind struct {
	prefix, otherPrefix string
	// The message IDs that differ between the fields: empty, the other
	// half pasted here, an upper-case and a non-hex character.
	empty, other, upper, char string
	cause                     Cause
	valid                     *regexp.Regexp
}

// keyKind and secretKind describe the two fields; functions, not variables,
// so nothing at package level can be changed.
func keyKind() fieldKind {
	return fieldKind{"ck_", "cs_", "field.empty-key", "field.is-secret", "field.upper-key", "field.char-key", CauseKeyMalformed, validKeyRe}
}

func secretKind() fieldKind {
	return fieldKind{"cs_", "ck_", "field.empty-secret", "field.is-key", "field.upper-secret", "field.char-secret", CauseSecretMalformed, validSecretRe}
}

// CheckKey cleans the consumer key field and says what, if anything, stops
// it from being a key, so the cashier can fix it before the store is asked.
func CheckKey(field string) (clean string, p *FieldProblem) { return checkField(field, keyKind()) }

// CheckSecret is CheckKey for the consumer secret field.
func CheckSecret(field string) (clean string, p *FieldProblem) {
	return checkField(field, secretKind())
}

// checkField names the first thing wrong with a field, in the order a person
// would fix it: empty, not a key at all, the other half of the pair, then
// character by character, then the length.
func checkField(field string, k fieldKind) (string, *FieldProblem) {
	clean := CleanField(field)
	if clean == "" {
		return clean, fieldProblem(k.cause, say(k.empty, nil), 0)
	}
	if id := notAKey(clean); id != "" {
		return clean, fieldProblem(CauseNotAKey, say(id, nil), 0)
	}
	if k.valid.MatchString(clean) {
		return clean, nil
	}
	bad := func(pos int, t Text) *FieldProblem { return fieldProblem(k.cause, t, pos) }
	lower := strings.ToLower(clean)
	if strings.HasPrefix(lower, k.otherPrefix) {
		return clean, bad(2, say(k.other, nil))
	}
	if clean != lower && clean == strings.ToUpper(clean) && k.valid.MatchString(lower) {
		return clean, bad(1, say("field.capitals", nil))
	}
	runes := []rune(clean)
	for i, r := range runes {
		pos := i + 1
		if i >= keyLen {
			break
		}
		if i < 3 && r == rune(k.prefix[i]) || i >= 3 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			continue
		}
		switch {
		case unicode.IsSpace(r):
			return clean, bad(pos, say("field.blank-at", Args{"Blank": blankName(r), "Pos": pos}))
		case i < 3 && unicode.ToLower(r) == rune(k.prefix[i]), i >= 3 && r >= 'A' && r <= 'F':
			return clean, bad(pos, say(k.upper, Args{"Char": showRune(r), "Pos": pos}))
		case i < 3:
			return clean, bad(pos, say("field.prefix", Args{"Prefix": k.prefix}))
		default:
			return clean, bad(pos, say(k.char, Args{"Char": showRune(r), "Pos": pos}))
		}
	}
	if len(runes) < keyLen {
		return clean, bad(0, say("field.too-short", Args{"Len": len(runes)}))
	}
	if unicode.IsSpace(runes[keyLen]) {
		return clean, bad(keyLen+1, say("field.blank-at", Args{"Blank": blankName(runes[keyLen]), "Pos": keyLen + 1}))
	}
	return clean, bad(keyLen+1, say("field.too-long", Args{"Len": len(runes)}))
}
