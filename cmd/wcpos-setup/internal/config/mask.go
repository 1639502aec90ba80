package config

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// hidden stands in for characters never shown. Its length is fixed so a
// mask does not reveal the length of what it hides.
const hidden = "•••••••"

// MaskKey shows a consumer key the way WooCommerce's key list does,
// "ck_…abc1234", so a cashier and support can agree on the key without
// reading it out. A value that is really a secret is masked as one, one
// too short to spare seven characters (under 20) shows none, and a masked key is
// returned as is (masking twice must not hide the ending).
func MaskKey(key string) string {
	r := []rune(key)
	switch {
	case key == "" || strings.Contains(key, "…"):
		return key
	case secretPrefix.MatchString(key):
		return MaskSecret(key)
	case len(r) < 20:
		return "ck_…" + hidden
	case keyPrefix.MatchString(key):
		return "ck_…" + string(r[len(r)-7:])
	}
	return "…" + string(r[len(r)-7:])
}

// MaskSecret hides a consumer secret entirely: unlike the key, no part of
// it is ever useful to show, and WooCommerce never shows it twice either.
func MaskSecret(secret string) string {
	if secret == "" {
		return ""
	}
	return "cs_…" + hidden
}

// credential matches a key or secret inside any text (a URL with
// ?consumer_secret=…, say), as the domain notes require: redact by value,
// not only by field name; in any case, and with the underscore
// percent-encoded once or twice as it is inside URLs.
var (
	credential   = regexp.MustCompile(`(?i)c[ks](?:_|%5f|%255f)[0-9a-z]{8,}`)
	keyPrefix    = regexp.MustCompile(`(?i)^ck(?:_|%5f|%255f)`)
	secretPrefix = regexp.MustCompile(`(?i)^cs(?:_|%5f|%255f)`)
)

// redact masks every key and secret found in s.
func redact(s string) string {
	return credential.ReplaceAllStringFunc(s, MaskKey)
}

// Masked returns a copy of p safe to print or marshal for output.
func (p Profile) Masked() Profile {
	p.ConsumerKey = MaskKey(p.ConsumerKey)
	p.ConsumerSecret = MaskSecret(p.ConsumerSecret)
	return p
}

// maskedProfile has Profile's fields and no methods, so fmt can print a
// masked copy field by field with whatever verb and flags it was given.
type maskedProfile Profile

// Format makes every fmt verb (%v, %+v, %#v, %s, %d, …) print p masked.
func (p Profile) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), maskedProfile(p.Masked()))
}

// valueKind says how a Value must be masked when shown.
type valueKind uint8

const (
	kindPlain  valueKind = iota // shown, with any key or secret inside redacted
	kindKey                     // shown as ck_…abc1234
	kindSecret                  // never shown
)

// String returns the value as it may be shown: masked if it is a key or a
// secret. Use the Value field for the real thing.
func (v Value) String() string {
	switch v.kind {
	case kindKey:
		return MaskKey(v.Value)
	case kindSecret:
		return MaskSecret(v.Value)
	}
	return redact(v.Value)
}

// maskedValue is what printing or marshalling a Value shows.
type maskedValue struct {
	Value  string `json:"value"`
	Source Source `json:"source,omitempty"`
}

// Format makes every fmt verb print v masked.
func (v Value) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), maskedValue{Value: v.String(), Source: v.Source})
}

// MarshalJSON masks v, so `config show --json` cannot leak a secret.
func (v Value) MarshalJSON() ([]byte, error) {
	return json.Marshal(maskedValue{Value: v.String(), Source: v.Source})
}

// maskedEffective has Effective's fields and no methods (see maskedProfile).
type maskedEffective Effective

// masked returns a copy of e whose key, secret and saved profile print
// masked even if e was built by hand rather than by Resolve.
func (e Effective) masked() maskedEffective {
	e.ConsumerKey.kind = kindKey
	e.ConsumerSecret.kind = kindSecret
	if e.Saved != nil {
		saved := e.Saved.Masked()
		e.Saved = &saved
	}
	return maskedEffective(e)
}

// Format makes every fmt verb print e masked.
func (e Effective) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), e.masked())
}

// MarshalJSON masks e, so `config show --json` cannot leak a secret.
func (e Effective) MarshalJSON() ([]byte, error) {
	return json.Marshal(e.masked())
}
