package wooclient

import (
	"strings"
	"testing"
)

// TestNormalizeAddressBounds holds the parser to the limits of the standards
// at their edges, written from them: a DNS name of at most 253 characters in
// labels of at most 63 (RFC 1035), ports 1 to 65535, the 2048 characters the
// package documents, and the corners of the path and the authority.
func TestNormalizeAddressBounds(t *testing.T) {
	label := func(c string, n int) string { return strings.Repeat(c, n) }
	host253 := label("a", 63) + "." + label("b", 63) + "." + label("c", 63) + "." + label("d", 61)
	base := "https://shop.example.com/"
	long := base + label("a", 2048-len(base))                        // exactly 2048 characters
	escaped := base + label("a", 2048-len(base)-len("%C3%A9")) + "é" // 2048 once é is escaped
	accepts := map[string]string{
		label("x", 63) + ".example":         "https://" + label("x", 63) + ".example",
		host253:                             "https://" + host253,
		"shop.example.com:65535":            "https://shop.example.com:65535",
		"shop.example.com:1":                "https://shop.example.com:1",
		"https://shop.example.com/../shop":  "https://shop.example.com/shop",
		"https://shop.example.com/a/../../": "https://shop.example.com",
		long:                                long,
		escaped:                             strings.TrimSuffix(escaped, "é") + "%C3%A9",
	}
	for in, want := range accepts {
		got, err := NormalizeAddress(in)
		if err != nil || got != want {
			t.Errorf("NormalizeAddress(%.40q…) = %.60q, %v; want %.60q", in, got, err, want)
		}
	}
	hostChars := "The shop's name has characters that web addresses cannot use."
	rejects := map[string]string{
		label("x", 64) + ".example":        hostChars,
		host253 + "d":                      hostChars,
		"shop.example.com:65536":           "The port after the colon must be a number from 1 to 65535.",
		"shop.example.com:0":               "The port after the colon must be a number from 1 to 65535.",
		"https://@shop.example.com":        "Leave out the user name and password: credentials do not belong in the address.",
		"https://?shop=1":                  "The shop's name is missing from the address.",
		"https://shop.example.com/%00shop": "The part after the shop's name has characters that web addresses cannot use.",
		"https://shop.example.com/sh%00op": "The part after the shop's name has characters that web addresses cannot use.",
		long + "a":                         "That is too long to be a store address.",
		escaped + "a":                      "That is too long to be a store address.",
	}
	for in, want := range rejects {
		got, err := NormalizeAddress(in)
		if ae, ok := err.(*AddressError); !ok || ae.Reason != want {
			t.Errorf("NormalizeAddress(%.40q…) = %q, %v; want the reason %q", in, got, err, want)
		}
	}
}

// TestAdminPageOn: a page needs both a page and a home; home's trailing slash
// is not doubled.
func TestAdminPageOn(t *testing.T) {
	for _, tt := range []struct {
		page       AdminPage
		home, want string
	}{
		{PageKeys, "https://shop.example/", "https://shop.example/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys"},
		{PagePermalinks, "https://shop.example/sub", "https://shop.example/sub/wp-admin/options-permalink.php"},
		{PageNone, "https://shop.example", ""},
		{PageKeys, "", ""},
	} {
		if got := tt.page.On(tt.home); got != tt.want {
			t.Errorf("%q.On(%q) = %q, want %q", tt.page, tt.home, got, tt.want)
		}
	}
}
