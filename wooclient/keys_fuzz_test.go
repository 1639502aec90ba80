package wooclient

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// lowerKeyRe is what Redact must never let through.
var lowerKeyRe = regexp.MustCompile(`c[ks]_[0-9a-f]{40}`)

// pasteSeeds are the shapes of pasted text the fuzzers start from.
func pasteSeeds() []string {
	return []string{
		testKey + "|" + testSecret, testSecret + "|" + testKey, testKey + "\r\n" + testSecret,
		"Consumer key\n" + testKey + "\nConsumer secret\n" + testSecret,
		`{"consumer_key":"` + testKey + `","consumer_secret":"` + testSecret + `"}`,
		"\u200b“" + testKey + "”", strings.ToUpper(testKey), "abcd EFGH ijkl MNOP qrst UVWX",
		"ck_\x1b[31m", "Key: 'cs_abc',", "",
	}
}

// checkParsed asserts what must hold for any ParseCredentials result.
func checkParsed(t *testing.T, p Parsed) {
	t.Helper()
	if p.OK {
		if !validKeyRe.MatchString(p.Credentials.Key) || !validSecretRe.MatchString(p.Credentials.Secret) {
			t.Fatalf("OK with malformed credentials %q %q", p.Credentials.Key, p.Credentials.Secret)
		}
		if p.KeyProblem != nil || p.SecretProblem != nil || p.Credentials.Key == p.Credentials.Secret {
			t.Fatalf("OK with problems: %+v", p)
		}
	} else if !p.Credentials.IsZero() || (p.KeyProblem == nil && p.SecretProblem == nil) {
		t.Fatalf("not OK but credentials %v, problems %v %v", p.Credentials, p.KeyProblem, p.SecretProblem)
	}
	checkProblem(t, p.Key, p.KeyProblem)
	checkProblem(t, p.Secret, p.SecretProblem)
	for _, f := range p.Findings {
		checkMessage(t, f.Detail)
	}
}

func checkProblem(t *testing.T, field string, p *FieldProblem) {
	t.Helper()
	if p == nil {
		return
	}
	checkMessage(t, p.Message)
	if p.Message == "" || p.Position < 0 || p.Position > utf8.RuneCountInString(field)+1 {
		t.Fatalf("problem %+v for a field of %d runes", p, utf8.RuneCountInString(field))
	}
}

func checkMessage(t *testing.T, msg string) {
	t.Helper()
	for i := 0; i < len(msg); i++ {
		if msg[i] < 0x20 || msg[i] == 0x7f {
			t.Fatalf("message %q has control byte %#x", msg, msg[i])
		}
	}
}

func FuzzParseCredentials(f *testing.F) {
	for _, seed := range pasteSeeds() {
		f.Add(seed, "")
		f.Add("", seed)
	}
	f.Add(testKey, testSecret)
	f.Add(testSecret, testKey)
	f.Add(testKey, testKey)
	f.Add(testKey[:20]+"\t"+testKey[20:], testSecret+" ")
	f.Fuzz(func(t *testing.T, keyField, secretField string) {
		checkParsed(t, ParseCredentials(keyField, secretField))
		_, kp := CheckKey(keyField)
		_, sp := CheckSecret(secretField)
		checkProblem(t, CleanField(keyField), kp)
		checkProblem(t, CleanField(secretField), sp)
	})
}

func FuzzParsePaste(f *testing.F) {
	for _, seed := range pasteSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		key, secret, found := ParsePaste(text)
		if found != (key != "" || secret != "") {
			t.Fatalf("found %v with %q %q", found, key, secret)
		}
		if key != "" && !strings.HasPrefix(strings.ToLower(key), "ck_") || secret != "" && !strings.HasPrefix(strings.ToLower(secret), "cs_") {
			t.Fatalf("ParsePaste(%q) = %q, %q", text, key, secret)
		}
		checkParsed(t, ParseCredentials(text, ""))
		checkParsed(t, ParseCredentials(key, secret))
	})
}

func FuzzRedact(f *testing.F) {
	f.Add("consumer_key="+testKey+"&consumer_secret="+testSecret, "hunter2")
	f.Add(testKey+testSecret, "")
	f.Add("ck_"+strings.Repeat("a", 39)+"cs_"+strings.Repeat("b", 40), "a b")
	f.Add("cs%5F"+strings.ToUpper(testSecret[3:]), "%")
	f.Add("Basic Y2tfYTpjc19i", "ck_a")
	f.Fuzz(func(t *testing.T, s, extra string) {
		out := Redact(s, extra)
		if m := lowerKeyRe.FindString(out); m != "" {
			t.Fatalf("Redact(%q) = %q still holds %q", s, out, m)
		}
		if extra != "" && !strings.ContainsAny(extra, "[]") && !strings.Contains("[redacted]", extra) &&
			strings.Contains(out, extra) {
			t.Fatalf("Redact(%q, %q) = %q still holds the extra secret", s, extra, out)
		}
	})
}
