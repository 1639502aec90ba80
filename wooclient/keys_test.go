package wooclient

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const testSecret = "cs_89abcdef0123456789abcdef0123456789abcdef"

// withRune returns s with the rune at 1-based position pos replaced by r.
func withRune(s string, pos int, r string) string { return s[:pos-1] + r + s[pos:] }

func TestCheckKey(t *testing.T) {
	malformed := func(msg string, pos int) *FieldProblem {
		return &FieldProblem{Cause: CauseKeyMalformed, Message: msg, Position: pos}
	}
	notKey := func(msg string) *FieldProblem { return &FieldProblem{Cause: CauseNotAKey, Message: msg} }
	tests := []struct {
		name, in, clean string
		want            *FieldProblem
	}{
		{"valid", testKey, testKey, nil},
		{"pasted with junk", " \u200b'" + testKey + "',\r\n", testKey, nil},
		{"labelled", "Consumer key: " + testKey, testKey, nil},
		{"empty", "", "", malformed("Paste or type the consumer key.", 0)},
		{"blank", " \n\t", "", malformed("Paste or type the consumer key.", 0)},
		{"secret in key field", testSecret, testSecret, malformed("Starts with cs_: that is the secret.", 2)},
		{"all capitals", strings.ToUpper(testKey), strings.ToUpper(testKey), malformed("In capitals: the store won't know it.", 1)},
		{"upper-case prefix", "CK_" + testKey[3:], "CK_" + testKey[3:], malformed("Upper-case “C” at character 1: keys are lower-case.", 1)},
		{"upper-case hex", withRune(testKey, 7, "A"), withRune(testKey, 7, "A"), malformed("Upper-case “A” at character 7: keys are lower-case.", 7)},
		{"upper-case hex right after the prefix", withRune(testKey, 4, "A"), withRune(testKey, 4, "A"), malformed("Upper-case “A” at character 4: keys are lower-case.", 4)},
		{"upper-case F, the last hex letter", withRune(testKey, 9, "F"), withRune(testKey, 9, "F"), malformed("Upper-case “F” at character 9: keys are lower-case.", 9)},
		{"non-hex", withRune(testKey, 12, "G"), withRune(testKey, 12, "G"), malformed("Character 12 is “G”: keys use only 0–9 and a–f.", 12)},
		{"letter o for zero", withRune(testKey, 4, "o"), withRune(testKey, 4, "o"), malformed("Character 4 is “o”: keys use only 0–9 and a–f.", 4)},
		{"accented", withRune(testKey, 5, "é"), withRune(testKey, 5, "é"), malformed("Character 5 is “é”: keys use only 0–9 and a–f.", 5)},
		{"escape sequence", withRune(testKey, 11, "\x1b[31m"), withRune(testKey, 11, "\x1b[31m"), malformed("Character 11 is U+001B: keys use only 0–9 and a–f.", 11)},
		{"bell", withRune(testKey, 20, "\a"), withRune(testKey, 20, "\a"), malformed("Character 20 is U+0007: keys use only 0–9 and a–f.", 20)},
		{"space inside", testKey[:10] + " " + testKey[10:], testKey[:10] + " " + testKey[10:], malformed("Space at character 11: remove it.", 11)},
		{"tab inside", testKey[:10] + "\t" + testKey[10:], testKey[:10] + "\t" + testKey[10:], malformed("Tab at character 11: remove it.", 11)},
		{"line break inside", testKey[:10] + "\n" + testKey[10:], testKey[:10] + "\n" + testKey[10:], malformed("Line break at character 11: remove it.", 11)},
		{"nbsp inside", testKey[:10] + "\u00a0" + testKey[10:], testKey[:10] + "\u00a0" + testKey[10:], malformed("Blank U+00A0 at character 11: remove it.", 11)},
		{"space after", testKey + " 9", testKey + " 9", malformed("Space at character 44: remove it.", 44)},
		{"too short", testKey[:41], testKey[:41], malformed("Too short: 41 of 43 characters.", 0)},
		{"prefix only", "ck_", "ck_", malformed("Too short: 3 of 43 characters.", 0)},
		{"too long", testKey + "89", testKey + "89", malformed("Too long: 45 of 43 characters.", 44)},
		{"no prefix", testKey[3:], testKey[3:], malformed("Must start with ck_.", 1)},
		{"hyphen prefix", "ck-" + testKey[3:], "ck-" + testKey[3:], malformed("Must start with ck_.", 3)},
		{"app password", "abcd EFGH ijkl MNOP qrst UVWX", "abcd EFGH ijkl MNOP qrst UVWX", notKey("An application password, not a key.")},
		{"app password joined", "abcdEFGHijklMNOPqrstUVWX", "abcdEFGHijklMNOPqrstUVWX", notKey("An application password, not a key.")},
		{"e-mail", "me@shop.example.com", "me@shop.example.com", notKey("An e-mail address, not a key.")},
		{"user name", "shop_manager", "shop_manager", notKey("Looks like a user name, not a key.")},
		{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", notKey("A login token (JWT), not a key.")},
		{"url", "https://shop.example.com/", "https://shop.example.com/", notKey("A web address, not a key.")},
		{"hex without prefix is no user name", "0123abcd", "0123abcd", malformed("Must start with ck_.", 1)},
	}
	for _, tt := range tests {
		clean, got := CheckKey(tt.in)
		if clean != tt.clean {
			t.Errorf("%s: clean = %q; want %q", tt.name, clean, tt.clean)
		}
		if show(got) != show(tt.want) {
			t.Errorf("%s: CheckKey(%q) = %+v; want %+v", tt.name, tt.in, got, tt.want)
		}
		if got != nil && strings.ContainsFunc(got.Message, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Errorf("%s: message %q echoes a control character", tt.name, got.Message)
		}
	}
}

func TestKeysCheckSecret(t *testing.T) {
	tests := []struct {
		name, in string
		want     *FieldProblem
	}{
		{"valid", testSecret + "\n", nil},
		{"empty", "", problem(CauseSecretMalformed, "Paste or type the consumer secret.", 0)},
		{"key in secret field", testKey, problem(CauseSecretMalformed, "Starts with ck_: that is the key.", 2)},
		{"upper-case", withRune(testSecret, 30, "B"), problem(CauseSecretMalformed, "Upper-case “B” at character 30: secrets are lower-case.", 30)},
		{"all capitals", strings.ToUpper(testSecret), problem(CauseSecretMalformed, "In capitals: the store won't know it.", 1)},
		{"non-hex", withRune(testSecret, 43, "z"), problem(CauseSecretMalformed, "Character 43 is “z”: secrets use only 0–9 and a–f.", 43)},
		{"too short", testSecret[:42], problem(CauseSecretMalformed, "Too short: 42 of 43 characters.", 0)},
		// Past the 43rd character only the length counts, whatever follows.
		{"too long, not hex after", testSecret + "g", problem(CauseSecretMalformed, "Too long: 44 of 43 characters.", 44)},
		{"no prefix", testSecret[3:], problem(CauseSecretMalformed, "Must start with cs_.", 1)},
		{"app password", "abcd EFGH ijkl MNOP qrst UVWX", problem(CauseNotAKey, "An application password, not a key.", 0)},
	}
	for _, tt := range tests {
		if _, got := CheckSecret(tt.in); show(got) != show(tt.want) {
			t.Errorf("%s: CheckSecret(%q) = %+v; want %+v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestKeysCleanField(t *testing.T) {
	tests := []struct{ in, want string }{
		{" \tck_x\r\n", "ck_x"},
		{"\u00a0ck_x\u00a0", "ck_x"},
		{"\u200bck_\u200dx\ufeff\u2060", "ck_x"},
		{"\u202ack_x\u202c\u200e", "ck_x"},
		{"\u200fck_x\u202e\u2069", "ck_x"}, // the last of each invisible range: RLM, RLO, PDI
		{`"ck_x"`, "ck_x"},
		{"“ck_x”", "ck_x"},
		{"‘ck_x’", "ck_x"},
		{"'ck_x',", "ck_x"},
		{"`ck_x`;", "ck_x"},
		{"Consumer key: ck_x", "ck_x"},
		{"consumer secret:cs_x", "cs_x"},
		{"KEY: 'ck_x',", "ck_x"},
		{"Secret = cs_x", "cs_x"},
		{"Consumer key\nck_x", "ck_x"},
		{`"consumer_key": "ck_x",`, "ck_x"},
		{"ck_ x", "ck_ x"},
		{"Key", "Key"},
		{"Key:", "Key:"},
	}
	for _, tt := range tests {
		if got := CleanField(tt.in); got != tt.want {
			t.Errorf("CleanField(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskKeyAndSecret(t *testing.T) {
	keys := []struct{ in, want string }{
		{testKey, "ck_…1234567"},
		{"", ""},
		{"ck_abc", "•••"},
		{"ck_abcdefg", "ck_…abcdefg"},
		{testSecret, "cs_…•••"},
		{strings.ToUpper(testKey), "…4567"},
		{"abc", "•••"},
		{"hello world!", "…rld!"},
		{"ck_0123456789\x1b", "•••"},
	}
	for _, tt := range keys {
		if got := MaskKey(tt.in); got != tt.want {
			t.Errorf("MaskKey(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	secrets := []struct{ in, want string }{
		{testSecret, "cs_…•••"}, {"", ""}, {"CS_ABC", "cs_…•••"}, {"hunter2", "•••"},
	}
	for _, tt := range secrets {
		if got := MaskSecret(tt.in); got != tt.want {
			t.Errorf("MaskSecret(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCredentialsNeverPrintSecrets(t *testing.T) {
	c := Credentials{Key: testKey, Secret: testSecret}
	nested := struct {
		Creds Credentials
		Ptr   *Credentials
	}{c, &c}
	var outs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3s", "%T"} {
		outs = append(outs, fmt.Sprintf(verb, c), fmt.Sprintf(verb, &c), fmt.Sprintf(verb, nested))
	}
	outs = append(outs, c.String(), c.GoString(), fmt.Sprint(c), fmt.Sprintln(c), c.Masked())
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("saved", "creds", c)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("saved", "creds", c)
	outs = append(outs, buf.String())
	for _, out := range outs {
		for _, leak := range []string{testSecret, testSecret[3:], testSecret[len(testSecret)-4:], testKey, testKey[3:20]} {
			if strings.Contains(out, leak) {
				t.Errorf("output %q contains %q", out, leak)
			}
		}
	}
	if got := fmt.Sprintf("%v", c); got != "{ck_…1234567 cs_…•••}" {
		t.Errorf("%%v = %q", got)
	}
	if got := fmt.Sprintf("%+v", c); got != "{Key:ck_…1234567 Secret:cs_…•••}" {
		t.Errorf("%%+v = %q", got)
	}
	if got := fmt.Sprintf("%#v", c); got != `wooclient.Credentials{Key:"ck_…1234567", Secret:"cs_…•••"}` {
		t.Errorf("%%#v = %q", got)
	}
}

func TestCredentialsEndingAndZero(t *testing.T) {
	c := Credentials{Key: testKey, Secret: testSecret}
	if c.Ending() != "1234567" || c.Masked() != "ck_…1234567" || c.IsZero() {
		t.Errorf("Ending %q Masked %q IsZero %v", c.Ending(), c.Masked(), c.IsZero())
	}
	if (Credentials{Key: "ck_abc"}).Ending() != "" {
		t.Error("Ending of a short key reveals it")
	}
	// The ending is what the masked key shows after "ck_…" (README: the
	// report's "ending" ck_…abc1234 beside key_ending abc1234), down to the
	// shortest key that still shows 7 characters and one shorter.
	// WooCommerce shows a key's last 7 characters (domain.md §1).
	for key, want := range map[string]string{"ck_1234567": "1234567", "ck_123456": ""} {
		c := Credentials{Key: key}
		shown, _ := strings.CutPrefix(c.Masked(), "ck_…")
		if shown == c.Masked() {
			shown = ""
		}
		if c.Ending() != want || shown != want {
			t.Errorf("%q: Ending %q and Masked %q, want both to show %q", key, c.Ending(), c.Masked(), want)
		}
	}
	if !(Credentials{}).IsZero() || (Credentials{Secret: "x"}).IsZero() {
		t.Error("IsZero wrong")
	}
}

func TestRedact(t *testing.T) {
	upperKey := "CK_FEDCBA9876543210FEDCBA9876543210ABCDEF12"
	tests := []struct {
		name, in string
		extra    []string
		want     string
	}{
		{"raw key", "key " + testKey + ".", nil, "key ck_…1234567."},
		{"raw secret", "secret " + testSecret, nil, "secret cs_…•••"},
		{"url query", "https://s.example/wp-json/wc/v3?consumer_key=" + testKey + "&consumer_secret=" + testSecret,
			nil, "https://s.example/wp-json/wc/v3?consumer_key=ck_…1234567&consumer_secret=cs_…•••"},
		{"percent-encoded", "consumer_secret=cs%5F" + testSecret[3:] + "&k=ck%5f" + testKey[3:], nil, "consumer_secret=cs_…•••&k=ck_…1234567"},
		{"double-encoded", "next=cs%255F" + testSecret[3:], nil, "next=cs_…•••"},
		{"upper-case hex", upperKey + " " + strings.ToUpper(testSecret), nil, "ck_…BCDEF12 cs_…•••"},
		{"multiple", testKey + "," + testKey + ";" + testSecret + testSecret, nil, "ck_…1234567,ck_…1234567;cs_…•••cs_…•••"},
		{"scan without separator", testKey + testSecret, nil, "ck_…1234567cs_…•••"},
		{"masking joins a new one", "ck_" + strings.Repeat("a", 39) + "cs_" + strings.Repeat("b", 40), nil, "ck_…aaaaaacs_…•••"},
		{"extra secrets", "pw=hunter2 q=a+b%2Bc p=a%20b+c raw=a b+c", []string{"hunter2", "a b+c", ""}, "pw=[redacted] q=[redacted] p=[redacted] raw=[redacted]"},
		{"nothing to hide", "ck_abc cs_ 123", nil, "ck_abc cs_ 123"},
		{"basic header", "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(testKey+":"+testSecret)), nil, "Authorization: Basic [redacted]"},
		{"basic as a word", "Basic authentication failed (basic)", nil, "Basic authentication failed (basic)"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in, tt.extra...); got != tt.want {
			t.Errorf("%s: Redact(%q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// problem is the part of a FieldProblem a person sees: cause, English
// message and position.
func problem(c Cause, msg string, pos int) *FieldProblem {
	return &FieldProblem{Cause: c, Message: msg, Position: pos}
}

// show prints what a person sees of a problem, leaving out its Text.
func show(p *FieldProblem) string {
	if p == nil {
		return "<nil>"
	}
	return fmt.Sprint(p.Cause, " ", p.Message, " ", p.Position)
}
