package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// anyFullKey is a whole key or secret, known to the test or not: any case,
// the underscore raw or percent-encoded once or twice.
var anyFullKey = regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)[0-9a-f]{40}`)

// longHex is a key's or secret's body, with or without its prefix (nonces
// and probe names in evidence are shorter).
var longHex = regexp.MustCompile(`(?i)[0-9a-f]{40}`)

// guarded is one key or secret a run must not print, and how much of it
// may show: a key its last 7 characters (ck_…abc1234), a secret nothing.
type guarded struct {
	label string
	value string
	parts []string // lower-cased stretches longer than what may show
	b64   []string // the value inside base64 (an HTTP Basic header)
}

// leakGuard finds the keys and secrets of a run in any text: whole, in part,
// in any case, percent-encoded (hex digits do not change) or in base64.
type leakGuard struct{ values []guarded }

// addPair guards a key (8 characters in a row are more than its ending)
// and a secret (7 in a row are as many as a key's ending: a secret shows
// none of its body).
func (g *leakGuard) addPair(label, key, secret string) {
	g.add(label+" key", key, 8)
	g.add(label+" secret", secret, 7)
}

func (g *leakGuard) add(label, value string, window int) {
	value = strings.TrimSpace(value)
	if len(value) < window {
		return
	}
	for _, v := range g.values {
		if strings.EqualFold(v.value, value) {
			return
		}
	}
	gv := guarded{label: label, value: value}
	for i := 0; i+window <= len(value); i++ {
		gv.parts = append(gv.parts, lowerASCII(value[i:i+window]))
	}
	for pad := range 3 { // the three ways the value can fall on base64's 3-byte groups
		enc := base64.StdEncoding.EncodeToString(append(bytes.Repeat([]byte{':'}, pad), value...))
		gv.b64 = append(gv.b64, enc[4:len(enc)-4]) // the part only the value decides
	}
	g.values = append(slices.Clip(g.values), gv) // copies of a guard never share additions
}

// lowerASCII lower-cases A–Z only, so offsets stay those of s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// leaks lists what text shows of the guarded values, once per value, each
// with the line it is on (guarded values named, not shown), and any whole
// key the guard does not know. Values in allow may appear whole: the
// secret on screen while the user reveals it.
func (g leakGuard) leaks(text string, allow ...string) []string {
	plain := text
	if stripped := ansi.Strip(text); stripped != text {
		plain = text + "\n" + stripped // escape sequences must not split a value into safety
	}
	var out []string
	for _, v := range g.values {
		rest := plain
		for _, a := range allow {
			if strings.EqualFold(a, v.value) {
				rest = strings.ReplaceAll(rest, a, "<revealed "+v.label+">")
			}
		}
		lower := lowerASCII(rest)
		if i, p := indexAny(lower, v.parts); i >= 0 {
			out = append(out, fmt.Sprintf("the %s (%q is part of it): %s", v.label, rest[i:i+len(p)], g.context(rest, []int{i, i + len(p)})))
		} else if i, p := indexAny(rest, v.b64); i >= 0 {
			out = append(out, fmt.Sprintf("the %s in base64: %s", v.label, g.context(rest, []int{i, i + len(p)})))
		}
	}
	for _, m := range anyFullKey.FindAllStringIndex(plain, -1) {
		if s := plain[m[0]:m[1]]; !g.known(s) {
			out = append(out, "a key or secret: "+g.context(plain, m))
			break
		}
	}
	return out
}

// indexAny is the first of subs found in s, and where.
func indexAny(s string, subs []string) (int, string) {
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 {
			return i, sub
		}
	}
	return -1, ""
}

// known reports whether a whole key found in text is a guarded value, in
// any case or encoding (its leak is then reported by name).
func (g leakGuard) known(s string) bool {
	for _, v := range g.values {
		if len(v.value) > 3 && strings.HasSuffix(lowerASCII(s), lowerASCII(v.value[3:])) {
			return true
		}
	}
	return false
}

// context is the line around m, every guarded value in it (whole, any
// case or encoding) replaced by its label.
func (g leakGuard) context(s string, m []int) string {
	start := strings.LastIndexAny(s[:m[0]], "\r\n") + 1
	end := len(s)
	if i := strings.IndexAny(s[m[1]:], "\r\n"); i >= 0 {
		end = m[1] + i
	}
	line := s[start:end]
	for _, v := range g.values {
		if len(v.value) > 3 {
			whole := regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)` + regexp.QuoteMeta(v.value[3:]))
			line = whole.ReplaceAllString(line, "<"+v.label+">")
		}
	}
	return strings.TrimSpace(ansi.Strip(anyFullKey.ReplaceAllString(line, "<a key>")))
}

// assertNoLeak fails the test for each leak in text, naming the output.
func (g leakGuard) assertNoLeak(t *testing.T, output, text string, allow ...string) {
	t.Helper()
	for _, l := range g.leaks(text, allow...) {
		t.Errorf("LEAK in %s: %s", output, l)
	}
}

// maskedKey is a key as it may be shown: "ck_…" and its last 7 characters.
func maskedKey(key string) string { return "ck_…" + key[len(key)-7:] }

// guardFindsEveryForm shows that the guard finds each form a leak can
// take, and passes what may be shown: a pass below means none was there.
func guardFindsEveryForm(t *testing.T) {
	const k, s = "ck_0123456789abcdef0123456789abcdef0abc1234", "cs_fedcba9876543210fedcba9876543210fedcba98"
	var g leakGuard
	g.addPair("test", k, s)
	var split strings.Builder // every 5 characters an escape sequence
	for i := 0; i < len(s); i += 5 {
		split.WriteString(s[i:min(i+5, len(s))] + "\x1b[1m")
	}
	for _, leak := range []string{
		s, strings.ToUpper(s), "cs%5F" + s[3:], "consumer_secret=cs%255F" + s[3:], s[20:27], split.String(),
		"Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(k+":"+s)),
		k, "…" + k[len(k)-8:], "ck_" + strings.Repeat("ab", 20), // the last: a key the guard was not told of
	} {
		if g.leaks("at "+leak+" here") == nil {
			t.Errorf("the guard misses %q", leak)
		}
	}
	for _, fine := range []string{maskedKey(k), "cs_…•••", "key " + maskedKey(k) + " and its secret", "oauth_nonce=54c1ab816c179b1615d85562920531c4"} {
		if l := g.leaks(fine); l != nil {
			t.Errorf("the guard sees a leak in %q: %v", fine, l)
		}
	}
	if l := g.leaks("Secret › "+s, s); l != nil {
		t.Errorf("the revealed secret is not allowed: %v", l)
	}
	if g.leaks("Secret › "+s+" "+k, s) == nil {
		t.Error("allowing the revealed secret lets the key through")
	}
}
