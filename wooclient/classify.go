package wooclient

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Verdict is what an answer means, independent of which request asked.
// Callers combine verdicts of several requests into findings.
type Verdict int

// The verdicts Classify can reach.
const (
	VerdictUnexpected   Verdict = iota // nothing below fits
	VerdictOK                          // 2xx JSON
	VerdictHTML                        // 2xx HTML (a front page, a Plain-permalinks /wp-json/)
	VerdictRedirect                    // 3xx with a Location
	VerdictAnonymous                   // 401 *_cannot_view: the credentials never counted
	VerdictForbidden                   // 403 *_cannot_view: the key worked, its user may not
	VerdictWrongSecret                 // "Consumer secret is invalid."
	VerdictUnknownKey                  // OAuth "Consumer key is invalid."
	VerdictBadSignature                // OAuth "Invalid signature…"
	VerdictBadTimestamp                // OAuth "Invalid timestamp."
	VerdictBadNonce                    // OAuth "Invalid nonce…"
	VerdictMissingParam                // OAuth parameter missing
	VerdictNoWrite                     // "…does not have write permissions."
	VerdictNoRead                      // "…does not have read permissions." (HEAD: bare 401)
	VerdictNoRoute                     // 404 rest_no_route
	VerdictRESTBlocked                 // a plugin: rest_cannot_access, rest_disabled, rest_forbidden…
	VerdictAuthPlugin                  // jwt_auth_* and similar: a plugin ate the Authorization header
	VerdictInvalidUser                 // WordPress tried ck_… as a user name (Application Passwords)
	VerdictWAF                         // HTML 403 from the server or its firewall
	VerdictBotChallenge                // cf-mitigated: challenge or a challenge page
	VerdictSitePassword                // 401 with WWW-Authenticate from the web server
	VerdictRateLimited                 // 429
	VerdictServerError                 // 5xx
	VerdictGarbled                     // JSON with junk around it (PHP notices) or not an object
	VerdictNotFound                    // a plain 404 page (not WordPress's REST 404)
	VerdictMaintenance                 // 503 from WordPress's maintenance mode (wp_maintenance)
)

var verdictNames = [...]string{"unexpected", "ok", "html", "redirect", "anonymous", "forbidden",
	"wrong-secret", "unknown-key", "bad-signature", "bad-timestamp", "bad-nonce", "missing-param",
	"no-write", "no-read", "no-route", "rest-blocked", "auth-plugin", "invalid-user", "waf",
	"bot-challenge", "site-password", "rate-limited", "server-error", "garbled", "not-found", "maintenance"}

// String names the verdict for tests and debug output.
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "verdict(" + strconv.Itoa(int(v)) + ")"
}

// Answer is one HTTP answer, read and classified.
type Answer struct {
	Status  int
	Verdict Verdict
	// JSON reports whether the body is (or holds, after junk) a JSON value;
	// Object is that value when it is an object.
	JSON   bool
	Object map[string]json.RawMessage
	// Array reports a JSON list (what WooCommerce's list routes answer).
	Array bool
	// Junk reports text around the JSON (PHP notices). The verdict is
	// that of the JSON inside; callers report the junk separately, since
	// a POS parsing the raw body would fail on it.
	Junk bool
	// Code, Message and DataStatus are WordPress's error fields.
	Code, Message string
	DataStatus    int
	Location      string
	// RetryAfter is the 429 wait the server asked for (0 if none).
	RetryAfter time.Duration
	// Date is the server's clock, zero when the header is missing.
	Date time.Time
	// RESTLink is the REST root from the Link header, if any.
	RESTLink string
	// Authed reports WordPress's headers for authenticated answers
	// (Expires in 1984 and Cache-Control …private).
	Authed bool
	// Cached reports an answer that came from a cache (Age above 0, a cache
	// header saying HIT, a Via naming a cache without a miss): it proves
	// nothing about the key the request carried.
	Cached bool
	// BOM reports a UTF-8 byte order mark before the JSON (Junk is set too).
	BOM bool
	// Lang is the page's <html lang="…"> (WordPress's site language).
	Lang string
	// RESTLinkHTML is the REST root from the page's
	// <link rel="https://api.w.org/" href="…">, for sites whose Link header
	// a plugin or proxy removed.
	RESTLinkHTML string
	// WordPress404 reports a 404 page printed by WordPress (it carries the
	// REST API's Link header), as opposed to the web server's own 404.
	WordPress404 bool
}

// Classify reads one answer. It is a pure function of what came back, so
// every rule about WooCommerce's and WordPress's replies can be tested
// without a server. now is only used to resolve an HTTP-date Retry-After.
func Classify(status int, h http.Header, body []byte, now time.Time) Answer {
	a := Answer{Status: status, Location: h.Get("Location"), RESTLink: restLink(h)}
	a.Date, _ = http.ParseTime(h.Get("Date"))
	a.RetryAfter = retryAfter(h.Get("Retry-After"), now)
	a.Authed = strings.HasPrefix(h.Get("Expires"), "Wed, 11 Jan 1984") ||
		strings.Contains(h.Get("Cache-Control"), "private")
	a.Cached = fromCache(h)
	a.BOM = bytes.HasPrefix(body, utf8BOM)
	readJSON(&a, body)
	if !a.JSON {
		a.Lang, a.RESTLinkHTML = readPage(body)
	}
	a.Verdict = verdict(a, h, body)
	a.WordPress404 = a.Verdict == VerdictNotFound && a.RESTLink != ""
	return a
}

// readJSON parses the body as JSON, tolerating junk before or after it the
// way a PHP notice prints it, and pulls out WordPress's error fields.
func readJSON(a *Answer, body []byte) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return
	}
	var v any
	if json.Unmarshal(trimmed, &v) == nil {
		a.JSON = true
	} else if start := bytes.IndexAny(trimmed, "{["); start >= 0 {
		if end := bytes.LastIndexAny(trimmed, "}]"); end > start && json.Unmarshal(trimmed[start:end+1], &v) == nil {
			a.JSON, a.Junk = true, true
			trimmed = trimmed[start : end+1]
		}
	}
	if !a.JSON {
		return
	}
	if _, ok := v.([]any); ok {
		a.Array = true
		return
	}
	if json.Unmarshal(trimmed, &a.Object) != nil {
		a.Object = nil
		return
	}
	_ = json.Unmarshal(a.Object["code"], &a.Code)
	_ = json.Unmarshal(a.Object["message"], &a.Message)
	var data struct {
		Status int `json:"status"`
	}
	_ = json.Unmarshal(a.Object["data"], &data)
	a.DataStatus = data.Status
}

// verdict applies the rules of domain.md §3 in order of specificity.
func verdict(a Answer, h http.Header, body []byte) Verdict {
	switch {
	case strings.EqualFold(h.Get("Cf-Mitigated"), "challenge") || isChallengePage(body):
		return VerdictBotChallenge
	case a.Status == http.StatusTooManyRequests:
		return VerdictRateLimited
	case isMaintenance(a, h, body):
		return VerdictMaintenance
	case a.Status >= 500:
		return VerdictServerError
	case a.Status >= 300 && a.Status < 400 && a.Location != "":
		return VerdictRedirect
	case a.Status < 300 && a.JSON && a.Object == nil && !a.Array,
		a.Status < 300 && !a.JSON && len(bytes.TrimSpace(body)) > 0 && strings.Contains(h.Get("Content-Type"), "json"):
		// JSON that is a bare value, or a JSON answer that does not parse
		// (cut short, or garbage).
		return VerdictGarbled
	}
	if v, ok := errorVerdict(a); ok {
		return v
	}
	switch {
	case a.Status == http.StatusUnauthorized && h.Get("WWW-Authenticate") != "" && !a.JSON:
		return VerdictSitePassword
	case a.Status == http.StatusUnauthorized && a.Object == nil && a.Code == "":
		// WooCommerce answers HEAD without a body; only a write-only key
		// gets a bare 401 on a read it is not allowed.
		return VerdictNoRead
	case a.Status == http.StatusForbidden && !a.JSON:
		return VerdictWAF
	case a.Status == http.StatusNotFound && !a.JSON:
		return VerdictNotFound
	case a.Status >= 200 && a.Status < 300 && a.JSON:
		return VerdictOK
	case a.Status >= 200 && a.Status < 300:
		return VerdictHTML
	}
	return VerdictUnexpected
}

// errorVerdict reads WordPress's and WooCommerce's error codes and messages.
// WordPress sends a WP_Error with its error status; a successful answer's
// object may have a "code" of its own (a coupon's), which says nothing
// about the credentials.
func errorVerdict(a Answer) (Verdict, bool) {
	code, msg := a.Code, a.Message
	switch {
	case code == "" || a.Status < 400:
		return 0, false
	case strings.HasSuffix(code, "_cannot_view") || strings.HasSuffix(code, "_cannot_list"):
		if a.Status == http.StatusForbidden {
			return VerdictForbidden, true
		}
		return VerdictAnonymous, true
	case code == "woocommerce_rest_authentication_missing_parameter":
		return VerdictMissingParam, true
	case code == "woocommerce_rest_authentication_error":
		return authErrorVerdict(msg), true
	case code == "rest_no_route":
		return VerdictNoRoute, true
	case code == "invalid_username" || code == "incorrect_password" || code == "invalid_email":
		return VerdictInvalidUser, true
	case strings.HasPrefix(code, "jwt_auth_") || strings.HasPrefix(code, "rest_jwt") ||
		code == "rest_authentication_error":
		return VerdictAuthPlugin, true
	case code == "rest_cannot_access" || code == "rest_disabled" || code == "rest_forbidden" ||
		code == "rest_login_required" || code == "rest_not_logged_in" || code == "rest_api_disabled":
		return VerdictRESTBlocked, true
	}
	return 0, false
}

// authErrorVerdict tells WooCommerce's authentication errors apart by their
// message, the only thing that differs between them.
func authErrorVerdict(msg string) Verdict {
	m := strings.ToLower(msg)
	switch {
	case strings.Contains(m, "consumer secret is invalid"):
		return VerdictWrongSecret
	case strings.Contains(m, "consumer key is invalid"):
		return VerdictUnknownKey
	case strings.Contains(m, "invalid signature"):
		return VerdictBadSignature
	case strings.Contains(m, "invalid timestamp"):
		return VerdictBadTimestamp
	case strings.Contains(m, "invalid nonce"):
		return VerdictBadNonce
	case strings.Contains(m, "write permission"):
		return VerdictNoWrite
	case strings.Contains(m, "read permission"):
		return VerdictNoRead
	}
	return VerdictUnexpected
}
