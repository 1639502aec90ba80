package wootest

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// clientSignedFor lists the transcripts whose client signed a base URL other than the
// one WooCommerce computes, and what it signed; every other note is exactly what the
// server signs.
var clientSignedFor = map[string]string{
	"40-http-oauth1-signed-for-localhost.txt":         "http://localhost/wp-json/wc/v3/system_status",
	"47-https-oauth1-signed-with-http-scheme.txt":     "http://127.0.0.1/wp-json/wc/v3/system_status",
	"48-http-oauth1-signed-with-explicit-port-80.txt": "http://127.0.0.1:80/wp-json/wc/v3/system_status",
	// The server signs the bare home path without its slash: "http://127.0.0.1".
	"53-http-rest-route-oauth1-valid.txt": "http://127.0.0.1/",
}

// TestBaseStringsFromTranscripts rebuilds every "Signature base string" note from the
// recorded request with the verifier's own functions: oauthBaseURL for the recorded
// store (home http://127.0.0.1) and signatureBaseString for the parameters PHP parsed.
func TestBaseStringsFromTranscripts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		name := filepath.Base(f)
		tr := loadTranscript(t, name)
		note := tr.baseStringNote()
		if note == "" {
			continue
		}
		checked++
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			const ck = "ckPLACEHOLDER" // survives encoding unchanged, unlike "<CK>"
			u, err := url.Parse(strings.ReplaceAll(tr.url, "<CK>", ck))
			if err != nil {
				t.Fatal(err)
			}
			params := parsePHPQuery(u.RawQuery)
			for _, h := range tr.reqHeaders {
				if h[0] == "Authorization" {
					params = params.merge(parseOAuthHeader(strings.ReplaceAll(h[1], "<CK>", ck)))
				}
			}
			if _, ok := params.str("oauth_nonce"); !ok { // 39: signed with a nonce, then sent without
				params.set("oauth_nonce", phpValue{str: noteParam(t, note, "oauth_nonce")})
			}
			serverBase := oauthBaseURL(u.Scheme == "https", "127.0.0.1", u.RequestURI())
			rebuild := func(base string) string {
				return strings.ReplaceAll(signatureBaseString(tr.method, base, params), ck, "<CK>")
			}
			client, differs := clientSignedFor[name]
			if !differs {
				if got := rebuild(serverBase); got != note {
					t.Errorf("server base string\n got %s\nwant %s", got, note)
				}
				return
			}
			if got := rebuild(serverBase); got == note {
				t.Errorf("server signs %q, the same as the client that WooCommerce refused", serverBase)
			}
			if got := rebuild(client); got != note {
				t.Errorf("client base string\n got %s\nwant %s", got, note)
			}
		})
	}
	if checked < 15 {
		t.Fatalf("only %d transcripts carry a base string note; the fixtures are not the expected ones", checked)
	}
}

// noteParam reads one parameter's value out of a base string note.
func noteParam(t *testing.T, note, name string) string {
	_, after, ok := strings.Cut(note, name+"%3D")
	if !ok {
		t.Fatalf("note has no %s", name)
	}
	v, _, _ := strings.Cut(after, "%26")
	return v
}

// TestBaseURLQuirks pins the home-URL rules clients trip over.
func TestBaseURLQuirks(t *testing.T) {
	tests := []struct {
		https     bool
		home, uri string
		want      string
	}{
		{false, "127.0.0.1", "/wp-json/wc/v3/products?per_page=1", "http://127.0.0.1/wp-json/wc/v3/products"},
		{true, "127.0.0.1", "/wp-json/wc/v3/products", "https://127.0.0.1/wp-json/wc/v3/products"},
		{true, "shop.example:8443", "/index.php?rest_route=/wc/v3", "https://shop.example:8443/index.php"},
		{false, "127.0.0.1", "/?rest_route=/wc/v3/system_status", "http://127.0.0.1"},
		{false, "127.0.0.1", "/wp-json/wc/v3/a%20b/", "http://127.0.0.1/wp-json/wc/v3/a%20b/"},
		// domain.md §6: a sub-directory install signs with its path, once.
		{false, "127.0.0.1:8446/shop", "/shop/wp-json/wc/v3/products", "http://127.0.0.1:8446/shop/wp-json/wc/v3/products"},
		{true, "127.0.0.1:8446/shop", "/shop/index.php?rest_route=/", "https://127.0.0.1:8446/shop/index.php"},
		{true, "127.0.0.1:8446/shop", "/shop/", "https://127.0.0.1:8446/shop"},
	}
	for _, tc := range tests {
		if got := oauthBaseURL(tc.https, tc.home, tc.uri); got != tc.want {
			t.Errorf("oauthBaseURL(%v, %q, %q) = %q, want %q", tc.https, tc.home, tc.uri, got, tc.want)
		}
	}
}

// TestVerifierAgreesWithRFCSigner signs awkward parameter sets with the test's RFC 5849
// signer and expects the verifier to accept each, and to refuse a changed one.
func TestVerifierAgreesWithRFCSigner(t *testing.T) {
	k := NewKey(ReadWrite, Administrator)
	base := "https://127.0.0.1:8443/wp-json/wc/v3/products"
	for _, extra := range []string{"", "per_page=1&_fields=id", "search=caf%C3%A9+au+lait", "z=%2F&tilde=~x", "rest_route=%2Fwc%2Fv3"} {
		raw := signedURL("GET", base+"?"+extra, base, k, fixedTime())
		u, _ := url.Parse(raw)
		params, err := oauthParams(parsePHPQuery(u.RawQuery), newPHPParams(), "")
		if err != nil || params == nil {
			t.Fatalf("%q: oauthParams = %v, %v", extra, params, err)
		}
		if err := checkSignature("GET", base, params, k.ConsumerSecret); err != nil {
			t.Errorf("%q: %s", extra, err.Message)
		}
		if err := checkSignature("POST", base, params, k.ConsumerSecret); err == nil {
			t.Errorf("%q: a signature for GET passed for POST", extra)
		}
	}
}

// TestDottedNamesBreakSignatures: PHP turns "a.b" into "a_b" before WooCommerce signs,
// so a client that signs the name it sent is refused — as on a real store.
func TestDottedNamesBreakSignatures(t *testing.T) {
	k := NewKey(ReadWrite, Administrator)
	base := "https://127.0.0.1/wp-json/wc/v3/products"
	u, _ := url.Parse(signedURL("GET", base+"?a.b=1", base, k, fixedTime()))
	params, _ := oauthParams(parsePHPQuery(u.RawQuery), newPHPParams(), "")
	if err := checkSignature("GET", base, params, k.ConsumerSecret); err == nil {
		t.Error("a signature over a.b passed, but PHP hands WooCommerce a_b")
	}
}

// TestSignatureBaseStringNesting follows WooCommerce's own doc comment: a parameter
// filter[period]=week is signed as filter%255Bperiod%255D%3Dweek.
func TestSignatureBaseStringNesting(t *testing.T) {
	got := signatureBaseString("get", "http://x", parsePHPQuery("filter[period]=week&b=2&oauth_signature=zzz"))
	want := "GET&http%3A%2F%2Fx&b%3D2%26filter%255Bperiod%255D%3Dweek"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestOAuthParamErrors checks WooCommerce's missing-parameter wording and that a
// request with no OAuth parameter at all is simply not OAuth.
func TestOAuthParamErrors(t *testing.T) {
	tests := []struct{ query, want string }{
		{"", ""},
		{"per_page=1", ""},
		{"oauth_consumer_key=ck&oauth_signature=x&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1", "Missing OAuth parameter oauth_nonce"},
		{"oauth_consumer_key=ck&oauth_signature=x&oauth_signature_method=HMAC-SHA1", "Missing OAuth parameters oauth_timestamp, oauth_nonce"},
		{"oauth_consumer_key=ck&oauth_nonce=0&oauth_signature=x&oauth_signature_method=M&oauth_timestamp=1", "Missing OAuth parameter oauth_nonce"}, // PHP's empty("0")
	}
	for _, tc := range tests {
		params, err := oauthParams(parsePHPQuery(tc.query), newPHPParams(), "")
		switch {
		case tc.want == "" && (err != nil || params != nil):
			t.Errorf("%q: got %v, %v; want no OAuth", tc.query, params, err)
		case tc.want != "" && (err == nil || err.Message != tc.want || err.Code != "woocommerce_rest_authentication_missing_parameter"):
			t.Errorf("%q: got %+v, want %q", tc.query, err, tc.want)
		}
	}
}

// TestTimestampAndNonce checks the 900-second window and WooCommerce's nonce table,
// which keeps one nonce per timestamp.
func TestTimestampAndNonce(t *testing.T) {
	s := &Store{nonces: map[int]map[string]string{}}
	now := fixedTime().Unix()
	ts := func(d int64) string { return strconv.FormatInt(now+d, 10) }
	steps := []struct {
		ts, nonce, want string
	}{
		{ts(-900), "a", ""},
		{ts(-901), "b", "Invalid timestamp."},
		{ts(901), "c", "Invalid timestamp."},
		{"soon", "d", "Invalid timestamp."},
		{ts(0), "e", ""},
		{ts(1), "e", "Invalid nonce - nonce has already been used."},
		{ts(0), "f", ""}, // same timestamp: "f" replaces "e" in WooCommerce's table…
		{ts(2), "e", ""}, // …so "e" is accepted again
	}
	for i, st := range steps {
		got := ""
		if err := s.checkTimestampAndNonce(1, st.ts, st.nonce, now); err != nil {
			got = err.Message
		}
		if got != st.want {
			t.Errorf("step %d (%s, %s): %q, want %q", i, st.ts, st.nonce, got, st.want)
		}
	}
}

// TestFixtureCopyIsComplete makes sure every transcript each cases.json names was
// copied.
func TestFixtureCopyIsComplete(t *testing.T) {
	for _, set := range []fixtureSet{firstSet, secondSet} {
		for _, c := range set.cases(t) {
			if _, err := os.Stat(filepath.Join(set.dir, c.Transcript)); err != nil {
				t.Errorf("%s: %v", c.Case, err)
			}
		}
	}
}
