package wootest

import (
	"crypto/hmac"
	"encoding/base64"
	"strings"
)

// authState is what WordPress and WooCommerce concluded about a request's
// credentials, mirroring the fields of WC_REST_Authentication.
type authState struct {
	considered bool     // WooCommerce looked at the credentials (is_request_to_rest_api)
	key        *Key     // WooCommerce's $this->user: the key row looked up (nil after an error)
	loggedIn   bool     // WordPress acts as the key's user
	err        *wpError // WooCommerce's authentication error, returned before routing
	appErr     *wpError // WordPress's application-password error
}

// fail is WooCommerce's set_error: it records the error and forgets the key.
func (st *authState) fail(err *wpError) {
	st.key = nil
	st.err = err
}

// authenticate runs WordPress's determine_current_user for this request: WooCommerce
// first (Basic/query over what it sees as HTTPS, else OAuth), then, for REST routes
// WooCommerce ignored, application passwords. route is the REST route ("" for pages).
func (s *Store) authenticate(x *exchange, route string) authState {
	var st authState
	if !x.cfg.WooCommerceInactive && wcConsiders(x, route) {
		st.considered = true
		if x.https {
			st.loggedIn = s.basicAuth(x, &st)
		}
		if !st.loggedIn {
			st.loggedIn = s.oauthAuth(x, &st)
		}
	}
	// Observed on the live store: Basic with an unknown key stays anonymous on
	// wp-json/wc/ routes; WordPress only tries it as a user where WooCommerce did not.
	if route != "" && !st.considered && !st.loggedIn && x.cfg.ApplicationPasswords && x.https {
		if user, _, ok := phpAuthUser(x.authz); ok {
			st.appErr = applicationPasswordError(user, x.cfg.Keys)
		}
	}
	return st
}

// wcConsiders is is_request_to_rest_api. Up to WooCommerce 11.0 it is a substring
// test of the raw request URI for rest_get_url_prefix() followed by "/wc/" or "/wc-",
// so ?rest_route= URLs are ignored unless that text appears somewhere in them, and a
// site with another REST prefix needs that prefix ("api/wc/"), not "wp-json/wc/".
// 11.1 parses the route out of the URI (rest_route first, else the path after the
// prefix) and also accepts the route WordPress resolved.
func wcConsiders(x *exchange, route string) bool {
	if !versionAtLeast(x.cfg.WooCommerceVersion, 11, 1) {
		wc, wcDash := x.wcMarkers()
		return strings.Contains(x.uri, wc) || strings.Contains(x.uri, wcDash)
	}
	return isWCNamespace(routeFromURI(x.uri, x.cfg.RESTPrefix)) || (route != "" && isWCNamespace(route))
}

// isWCNamespace: routes under wc/ are WooCommerce's, wc- lets other plugins share its
// key authentication.
func isWCNamespace(route string) bool {
	route = strings.Trim(route, "/")
	return strings.HasPrefix(route, "wc/") || strings.HasPrefix(route, "wc-")
}

// routeFromURI is WooCommerce 11.1's route_from_request_uri: the rest_route query
// parameter, else the path after "<prefix>/" (anything, such as a sub-directory or
// index.php/, may come before it), trimmed of slashes; "" when the URI names no REST
// route.
func routeFromURI(uri, prefix string) string {
	path, query, _ := strings.Cut(uri, "?")
	if v, ok := parsePHPQuery(query).str("rest_route"); ok {
		return strings.Trim(v, "/")
	}
	if _, rest, ok := strings.Cut(path, "/"+prefix+"/"); ok {
		return strings.Trim(rest, "/")
	}
	return ""
}

// recordsLastAccess is update_last_access's check that the API request is the HTTP
// request itself: the path below home, minus the REST prefix (and index.php/), must
// name the route. A ?rest_route= URL has an empty WordPress request path, so
// WooCommerce never records its access.
func recordsLastAccess(x *exchange, route string) bool {
	p := strings.TrimPrefix(strings.Trim(x.path, "/"), "index.php/")
	p = strings.TrimPrefix(p, x.cfg.RESTPrefix+"/")
	return p == strings.Trim(route, "/")
}

// basicAuth is perform_basic_authentication: the query pair wins over HTTP Basic; an
// unknown key is not an error (the request just stays anonymous); a known key with
// the wrong secret is.
func (s *Store) basicAuth(x *exchange, st *authState) bool {
	var ck, cs string
	qk, okK := x.get.str("consumer_key")
	qs, okS := x.get.str("consumer_secret")
	if okK && okS && !phpEmpty(qk) && !phpEmpty(qs) {
		ck, cs = qk, qs
	}
	if ck == "" {
		if user, pass, ok := phpAuthUser(x.authz); ok && !phpEmpty(user) && !phpEmpty(pass) {
			ck, cs = user, pass
		}
	}
	if phpEmpty(ck) || phpEmpty(cs) {
		return false
	}
	st.key = findKey(x.cfg.Keys, ck)
	if st.key == nil {
		return false
	}
	// The secret is compared raw: a trailing space or newline makes it wrong.
	if !hmac.Equal([]byte(st.key.ConsumerSecret), []byte(cs)) {
		st.fail(authError("Consumer secret is invalid."))
		return false
	}
	return true
}

// oauthAuth is perform_oauth_authentication: parameters, key, signature, then
// timestamp and nonce, each failure with WooCommerce's message.
func (s *Store) oauthAuth(x *exchange, st *authState) bool {
	params, err := oauthParams(x.get, x.post, x.authz)
	if err != nil {
		st.fail(err)
		return false
	}
	if params == nil {
		return false
	}
	ck, _ := params.str("oauth_consumer_key")
	st.key = findKey(x.cfg.Keys, ck)
	if st.key == nil {
		st.fail(authError("Consumer key is invalid."))
		return false
	}
	base := oauthBaseURL(x.https, x.homeHost+x.cfg.SubDirectory, x.r.RequestURI)
	if err := checkSignature(x.r.Method, base, params, st.key.ConsumerSecret); err != nil {
		st.fail(err)
		return false
	}
	ts, _ := params.str("oauth_timestamp")
	nonce, _ := params.str("oauth_nonce")
	if err := s.checkTimestampAndNonce(st.key.ID, ts, nonce, x.now.Unix()); err != nil {
		st.fail(err)
		return false
	}
	return true
}

// checkPermissions is WooCommerce's check_permissions: the key's read/write flag
// against the method, before WordPress even looks for the route.
func checkPermissions(method string, p Permission) *wpError {
	switch method {
	case "HEAD", "GET":
		if p != Read && p != ReadWrite {
			return authError("The API key provided does not have read permissions.")
		}
	case "POST", "PUT", "PATCH", "DELETE":
		if p != Write && p != ReadWrite {
			return authError("The API key provided does not have write permissions.")
		}
	case "OPTIONS":
	default:
		return authError("Unknown request method.")
	}
	return nil
}

// phpAuthUser is how PHP fills PHP_AUTH_USER and PHP_AUTH_PW from an
// "Authorization: Basic …" header: lenient base64, split at the first colon.
func phpAuthUser(authz string) (user, pass string, ok bool) {
	if len(authz) < 6 || !strings.EqualFold(authz[:6], "basic ") {
		return "", "", false
	}
	enc := strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/') {
			return r
		}
		return -1 // PHP's non-strict decoder skips anything outside the alphabet
	}, authz[6:])
	dec, err := base64.RawStdEncoding.DecodeString(enc)
	if err != nil {
		return "", "", false
	}
	user, pass, ok = strings.Cut(string(dec), ":")
	if !ok { // no colon: PHP sets neither PHP_AUTH_USER nor PHP_AUTH_PW
		return "", "", false
	}
	return user, pass, true
}

// applicationPasswordError is wp_authenticate_application_password failing: WordPress
// treats the Basic user name (a consumer key, say) as a login or e-mail address.
func applicationPasswordError(user string, keys []Key) *wpError {
	known := user == "admin"
	for _, k := range keys {
		known = known || k.User == user
	}
	switch {
	case known:
		return errorf(401, "incorrect_password", "The provided password is an invalid application password.")
	case isEmail(user):
		return errorf(401, "invalid_email", "<strong>Error:</strong> Unknown email address. Check again or try your username.")
	}
	return errorf(401, "invalid_username", "<strong>Error:</strong> Unknown username. Check again or try your email address.")
}

// isEmail is a rough is_email: one "@", something before it, a dot after it.
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.Contains(domain, "@")
}
