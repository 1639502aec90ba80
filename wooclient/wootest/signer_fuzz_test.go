package wootest

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// FuzzClientSignerAgainstVerifier signs random requests with the client's
// OAuthSigner and checks them with this store's verifier, written
// separately from WooCommerce's rules: every signature the client makes
// must pass, whatever the path, parameter values and secret. Parameter
// names stay within what the client sends (PHP rewrites dots and spaces in
// names, which no client can sign for).
func FuzzClientSignerAgainstVerifier(f *testing.F) {
	f.Add("GET", "wp-json/wc/v3/products", "per_page", "1", "_fields", "id", "cs_0123456789abcdef0123456789abcdef01234567", true)
	f.Add("POST", "wp-json/wc/v3/wcpos-setup-probe-00", "", "", "", "", "cs_x", false)
	f.Add("GET", "index.php", "rest_route", "/wc/v3/orders", "wcpos_setup_marker", "/wp-json/wc/", "s&e+c r=t%", true)
	f.Add("GET", "", "q", "ünïcödé ✓ +&=%2F", "empty", "", "", false)
	// RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) stay as they are
	// in a base string; PHP's rawurlencode has left "~" alone since 5.3, and
	// a signer that encodes it (as %7E, like form encoding) fails on every
	// Apache user directory (/~shop/) and every value with a tilde.
	f.Add("GET", "~shop/wp-json/wc/v3/products", "per_page", "1", "search", "~tilde~", "cs_~", false)
	f.Add("POST", "~shop/wp-json/wc/v3/wcpos-setup-probe-ab", "wcpos_setup_nocache", "a-b.c_d~e", "", "", "cs_0123456789abcdef0123456789abcdef01234567", true)
	f.Add("GET", "Shop-1.0/index.php", "rest_route", "/wc/v3/orders", "Name-With~Tilde", "AZaz09-._~", "s~e-c.r_et", true)
	f.Fuzz(func(t *testing.T, method, path, k1, v1, k2, v2, secret string, https bool) {
		method = map[bool]string{true: "POST", false: "GET"}[strings.EqualFold(method, "POST")]
		if !safeName(k1) || !safeName(k2) || strings.HasPrefix(k1, "oauth_") || strings.HasPrefix(k2, "oauth_") {
			t.Skip()
		}
		path = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~/", r) {
				return r
			}
			return -1
		}, path)
		home := "127.0.0.1:8443"
		scheme := map[bool]string{true: "https", false: "http"}[https]
		q := url.Values{}
		if k1 != "" {
			q.Set(k1, v1)
		}
		if k2 != "" && k2 != k1 {
			q.Set(k2, v2)
		}
		target := scheme + "://" + home + "/" + strings.TrimLeft(path, "/")
		if len(q) > 0 {
			target += "?" + q.Encode()
		}
		base, err := wooclient.BaseURL(scheme+"://"+home, target, https)
		if err != nil {
			t.Skip()
		}
		signer := wooclient.OAuthSigner{Key: "ck_0123456789abcdef0123456789abcdef0abc1234", Secret: secret}
		signed, err := signer.Sign(method, target, base, time.Unix(1795641738, 0))
		if err != nil {
			t.Fatalf("Sign: %v", err)
		}
		u, err := url.Parse(signed)
		if err != nil {
			t.Fatalf("signed URL does not parse: %v", err)
		}
		params := parsePHPQuery(u.RawQuery)
		serverBase := oauthBaseURL(https, home, u.RequestURI())
		if werr := checkSignature(method, serverBase, params, secret); werr != nil {
			t.Fatalf("verifier refused the client's signature: %s\nclient base %s\nserver base %s\nurl %s",
				werr.Message, base, serverBase, signed)
		}
	})
}

// safeName reports a parameter name PHP keeps as it is (it turns dots and
// spaces into underscores and cuts names at "[").
func safeName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-~", r)) {
			return false
		}
	}
	return true
}
