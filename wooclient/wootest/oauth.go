package wootest

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// This file is WooCommerce's OAuth 1.0a verifier (WC_REST_Authentication), rule for
// rule, including the quirks a client has to live with.

// oauthWindow is WooCommerce's timestamp tolerance in seconds either side of the
// server clock.
const oauthWindow = 15 * 60

// oauthRequired lists the parameters WooCommerce insists on, in the order it reports
// them missing.
func oauthRequired() []string {
	return []string{"oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"}
}

// oauthHeaderPattern is WooCommerce's parse_header regexp (inherited from the OAuth
// PHP library, including its "(:?" typo, which is harmless).
var oauthHeaderPattern = regexp.MustCompile(`(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))`)

// authError is WooCommerce's generic authentication failure.
func authError(message string) *wpError {
	return errorf(401, "woocommerce_rest_authentication_error", message)
}

// oauthParams is get_oauth_parameters: $_GET merged with $_POST, then the
// Authorization: OAuth header's parameters on top. No OAuth parameter at all means
// the client is not trying OAuth (nil, nil); some but not all is an error.
func oauthParams(get, post *phpParams, authorization string) (*phpParams, *wpError) {
	params := get.merge(post)
	if header := parseOAuthHeader(strings.TrimSpace(authorization)); header != nil {
		params = params.merge(header)
	}
	var missing []string
	required := oauthRequired()
	for _, name := range required {
		if v, ok := params.str(name); !ok || phpEmpty(v) {
			missing = append(missing, name)
		}
	}
	switch {
	case len(missing) == len(required):
		return nil, nil
	case len(missing) == 1:
		return nil, errorf(401, "woocommerce_rest_authentication_missing_parameter", "Missing OAuth parameter "+missing[0])
	case len(missing) > 1:
		return nil, errorf(401, "woocommerce_rest_authentication_missing_parameter",
			"Missing OAuth parameters "+strings.Join(missing, ", "))
	}
	return params, nil
}

// parseOAuthHeader is WooCommerce's parse_header: only a header starting exactly
// "OAuth " counts, and each value is urldecoded.
func parseOAuthHeader(header string) *phpParams {
	if !strings.HasPrefix(header, "OAuth ") {
		return nil
	}
	params := newPHPParams()
	for _, m := range oauthHeaderPattern.FindAllStringSubmatch(header, -1) {
		v := m[3]
		if phpEmpty(v) {
			v = m[4]
		}
		params.set(m[1], phpValue{str: urldecode(v)})
	}
	return params
}

// oauthBaseURL is the URL WooCommerce signs: get_home_url(null, $request_path,
// is_ssl() ? 'https' : 'http'). home is the home option without its scheme: host (and
// port, only if home has one) and any sub-directory; it never comes from the Host
// header. The scheme is what WordPress sees. The path is the raw request path with
// home's own path ("/" or "/shop/") taken off its front when it starts with it, so a
// request to the bare home path signs "http://host" with no trailing slash, and one
// to /shop/wp-json/… signs home plus "/wp-json/…".
func oauthBaseURL(https bool, home, requestURI string) string {
	path, _, _ := strings.Cut(requestURI, "?")
	wpBase := "/"
	if i := strings.IndexByte(home, '/'); i >= 0 {
		wpBase = strings.TrimRight(home[i:], "/") + "/"
	}
	path = strings.TrimPrefix(path, wpBase)
	scheme := "http"
	if https {
		scheme = "https"
	}
	u := scheme + "://" + home
	if !phpEmpty(path) {
		u += "/" + strings.TrimLeft(path, "/")
	}
	return u
}

// signatureBaseString is check_oauth_signature's string to sign. Parameters are
// sorted by raw name (strcmp), then each name and value is rawurlencoded, and each
// "name=value" pair is rawurlencoded once more before joining with %26 — which is why
// an encoded value such as rest_route=/wc/v3 appears as rest_route%3D%252Fwc%252Fv3.
// oauth_signature is left out.
func signatureBaseString(method, baseURL string, params *phpParams) string {
	names := slices.Clone(params.names)
	names = slices.DeleteFunc(names, func(n string) bool { return n == "oauth_signature" })
	slices.Sort(names) // Go compares strings bytewise, as strcmp does
	var pairs []string
	for _, n := range names {
		v := params.vals[n]
		key := rawurlencode(n)
		if v.arr == nil {
			pairs = append(pairs, rawurlencode(key+"="+rawurlencode(v.str)))
			continue
		}
		for _, m := range v.arr {
			pairs = append(pairs, rawurlencode(key+"%5B"+m.key+"%5D="+rawurlencode(m.val)))
		}
	}
	return strings.ToUpper(method) + "&" + rawurlencode(baseURL) + "&" + strings.Join(pairs, "%26")
}

// checkSignature verifies oauth_signature with the key's secret + "&" (no token
// secret) using HMAC-SHA1 or HMAC-SHA256.
func checkSignature(method, baseURL string, params *phpParams, secret string) *wpError {
	provided, _ := params.str("oauth_signature")
	provided = rawurldecode(strings.ReplaceAll(provided, " ", "+"))
	toSign := signatureBaseString(method, baseURL, params)
	var newHash func() hash.Hash
	switch sm, _ := params.str("oauth_signature_method"); sm {
	case "HMAC-SHA1":
		newHash = sha1.New
	case "HMAC-SHA256":
		newHash = sha256.New
	default:
		return authError("Invalid signature - signature method is invalid.")
	}
	mac := hmac.New(newHash, []byte(secret+"&"))
	mac.Write([]byte(toSign))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(provided)) {
		return authError("Invalid signature - provided signature does not match.")
	}
	return nil
}

// checkTimestampAndNonce is check_oauth_timestamp_and_nonce, run only after the
// signature passed. WooCommerce keeps used nonces keyed by their timestamp, so a
// second nonce with the same timestamp replaces the first; the store copies that.
func (s *Store) checkTimestampAndNonce(keyID int, timestamp, nonce string, now int64) *wpError {
	if phpLess(timestamp, now-oauthWindow) || phpGreater(timestamp, now+oauthWindow) {
		return authError("Invalid timestamp.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	used := s.nonces[keyID]
	for _, n := range used {
		if n == nonce {
			return authError("Invalid nonce - nonce has already been used.")
		}
	}
	if used == nil {
		used = map[string]string{}
		s.nonces[keyID] = used
	}
	used[timestamp] = nonce
	for ts := range used {
		if phpLess(ts, now-oauthWindow) {
			delete(used, ts)
		}
	}
	return nil
}

// phpLess is PHP 8's $s < $n for a string and an int: numeric strings compare as
// numbers, anything else compares as strings against the decimal form of n.
func phpLess(s string, n int64) bool {
	if f, ok := phpNumeric(s); ok {
		return f < float64(n)
	}
	return s < strconv.FormatInt(n, 10)
}

// phpGreater is PHP 8's $s > $n, see phpLess.
func phpGreater(s string, n int64) bool {
	if f, ok := phpNumeric(s); ok {
		return f > float64(n)
	}
	return s > strconv.FormatInt(n, 10)
}

// phpNumeric is PHP 8's is_numeric for the strings a timestamp can be: decimal or
// exponent notation with optional surrounding whitespace; no hex, Inf or NaN.
func phpNumeric(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "0123456789.eE+-") != "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
