package wooclient

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// leakedKeyRe is any whole key or secret, in any case: what must never
// appear in an error's Input.
var leakedKeyRe = regexp.MustCompile(`(?i)c[ks]_[0-9a-f]{40}`)

func FuzzNormalizeAddress(f *testing.F) {
	for _, seed := range []string{
		"shop.example.com", " https://Shop.Example.com/wp-admin/ ", "shop.example.com/shop",
		"http://shop.example.com:80/", "[::1]:8443", "127.0.0.1:8080", "bücher.example",
		"me@shop.com", "mailto:me@shop.com", "ftp://x.y", "user:pass@shop.com", "shop",
		"shop.com:99999", "shop.com/%63k_x", "https://https://x.y/a/../b/%2e%2e/c",
		"\u200b“<https://shop.example.com/index.php?rest_route=/>”", testKey, "https://:8080",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out, err := NormalizeAddress(raw)
		if err != nil {
			var ae *AddressError
			if !errors.As(err, &ae) || ae.Reason == "" || out != "" {
				t.Fatalf("NormalizeAddress(%q) = %q, %#v", raw, out, err)
			}
			if leakedKeyRe.MatchString(ae.Input) || leakedKeyRe.MatchString(err.Error()) {
				t.Fatalf("error for %q repeats a key: %q", raw, ae.Input)
			}
			return
		}
		again, err := NormalizeAddress(out)
		if err != nil || again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q, %v", raw, out, again, err)
		}
		u, err := url.Parse(out)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			t.Fatalf("%q -> %q does not parse as a web address: %v", raw, out, err)
		}
		if strings.HasSuffix(out, "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil || len(out) > maxAddressLen {
			t.Fatalf("%q -> %q is not in the normal form", raw, out)
		}
	})
}
