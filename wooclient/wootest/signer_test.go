package wootest

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"hash"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This is the OAuth 1.0a signer a careful client writes from RFC 5849, kept apart from
// the store's verifier (oauth.go) so that each checks the other.

// pctEncode is RFC 3986 percent-encoding of everything but the unreserved characters.
func pctEncode(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// rfcBaseString is RFC 5849's signature base string for params (oauth_signature
// excluded).
func rfcBaseString(method, baseURL string, params url.Values) string {
	var pairs []string
	for k, vs := range params {
		if k == "oauth_signature" {
			continue
		}
		for _, v := range vs {
			pairs = append(pairs, pctEncode(k)+"="+pctEncode(v))
		}
	}
	sort.Strings(pairs)
	return strings.ToUpper(method) + "&" + pctEncode(baseURL) + "&" + pctEncode(strings.Join(pairs, "&"))
}

// rfcSign signs with the consumer secret and no token secret.
func rfcSign(method, baseURL string, params url.Values, secret string) string {
	newHash := sha1.New
	if params.Get("oauth_signature_method") == "HMAC-SHA256" {
		newHash = func() hash.Hash { return sha256.New() }
	}
	mac := hmac.New(newHash, []byte(pctEncode(secret)+"&"))
	mac.Write([]byte(rfcBaseString(method, baseURL, params)))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// signedURL returns rawURL (the URL actually requested) with fresh oauth_* query
// parameters signed for baseURL (the URL the client believes the server signs).
func signedURL(method, rawURL, baseURL string, k Key, at time.Time) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(err)
	}
	q := u.Query()
	q.Set("oauth_consumer_key", k.ConsumerKey)
	q.Set("oauth_nonce", randomHex(16))
	q.Set("oauth_signature_method", "HMAC-SHA256")
	q.Set("oauth_timestamp", strconv.FormatInt(at.Unix(), 10))
	q.Set("oauth_signature", rfcSign(method, baseURL, q, k.ConsumerSecret))
	u.RawQuery = q.Encode()
	return u.String()
}
