package wooclient

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// OAuthSigner signs requests the way WooCommerce's WC_REST_Authentication
// checks them: OAuth 1.0a "one-legged", parameters in the query string so
// they survive hosts that strip the Authorization header, and a base URL
// rebuilt from the store's home (host and sub-directory) with the scheme
// WordPress believes it is served on.
type OAuthSigner struct {
	Key, Secret string
	// Method is "HMAC-SHA256" (default) or "HMAC-SHA1".
	Method string
}

// BaseURL is the URL WooCommerce signs for a request to requestURL on a
// store whose home is home. Like WooCommerce it strips home's path from the
// request path and hands the rest to get_home_url: home's host (with a port
// only if home has one) and sub-directory, and the scheme "https" only when
// WordPress sees HTTPS. A request for home's own path signs without a
// trailing slash, as the server does.
func BaseURL(home, requestURL string, wordpressSeesHTTPS bool) (string, error) {
	h, err := url.Parse(home)
	if err != nil {
		return "", err
	}
	r, err := url.Parse(requestURL)
	if err != nil {
		return "", err
	}
	scheme := "http"
	if wordpressSeesHTTPS {
		scheme = "https"
	}
	homePath := strings.TrimRight(h.EscapedPath(), "/")
	rel := r.EscapedPath()
	if strings.HasPrefix(rel, homePath+"/") {
		rel = rel[len(homePath)+1:]
	}
	rel = strings.TrimLeft(rel, "/")
	base := scheme + "://" + strings.ToLower(h.Host) + homePath
	// get_home_url appends the path only when PHP finds it truthy, and
	// PHP finds the string "0" false.
	if rel != "" && rel != "0" {
		base += "/" + rel
	}
	return base, nil
}

// BaseString is OAuth's signature base string: METHOD, the encoded base URL
// and the encoded, sorted parameters, joined by "&". Every query parameter
// is signed except oauth_signature.
func BaseString(method, baseURL string, params url.Values) string {
	type kv struct{ k, v string }
	var pairs []kv
	for k, vs := range params {
		if k == "oauth_signature" {
			continue
		}
		for _, v := range vs {
			pairs = append(pairs, kv{rawURLEncode(k), rawURLEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	joined := make([]string, len(pairs))
	for i, p := range pairs {
		joined[i] = p.k + "=" + p.v
	}
	return strings.ToUpper(method) + "&" + rawURLEncode(baseURL) + "&" + rawURLEncode(strings.Join(joined, "&"))
}

// Sign returns requestURL with the OAuth parameters added to its query and
// signed for baseURL, at time now (the server's clock, from its Date
// header, so a terminal with a wrong clock still gets a verdict).
func (s OAuthSigner) Sign(method, requestURL, baseURL string, now time.Time) (string, error) {
	u, err := url.Parse(requestURL)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("oauth_consumer_key", s.Key)
	q.Set("oauth_nonce", nonce())
	q.Set("oauth_signature_method", s.method())
	q.Set("oauth_timestamp", strconv.FormatInt(now.Unix(), 10))
	q.Set("oauth_signature", s.Signature(BaseString(method, baseURL, q)))
	u.RawQuery = sendQuery(q)
	return u.String(), nil
}

// Signature is base64(HMAC(secret + "&", base string)).
func (s OAuthSigner) Signature(base string) string {
	newHash := sha256.New
	if s.method() == "HMAC-SHA1" {
		newHash = func() hash.Hash { return sha1.New() }
	}
	// WooCommerce keys the HMAC with the raw secret, not its encoding.
	m := hmac.New(newHash, []byte(s.Secret+"&"))
	m.Write([]byte(base))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func (s OAuthSigner) method() string {
	if s.Method == "HMAC-SHA1" {
		return s.Method
	}
	return "HMAC-SHA256"
}

// nonce is 16 random bytes in hex: fresh per request, since WooCommerce
// stores every nonce it accepts and refuses a replay.
func nonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// rawURLEncode is PHP's rawurlencode: RFC 3986 unreserved characters stay,
// everything else is %XX with upper-case hex.
func rawURLEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	return b.String()
}

// encodeQuery encodes a query like url.Values.Encode but with rawurlencode,
// so what is sent is exactly what was signed (PHP decodes both the same).
func encodeQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		for _, v := range q[k] {
			parts = append(parts, rawURLEncode(k)+"="+rawURLEncode(v))
		}
	}
	return strings.Join(parts, "&")
}
