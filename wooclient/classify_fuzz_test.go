package wooclient

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// wooAnswer is one answer WordPress or WooCommerce prints, as domain.md §3
// records it, and the verdict the table there gives it. The oracle of
// FuzzClassify: written from the documented answers, not from classify.go.
type wooAnswer struct {
	status        int
	code, message string
	want          Verdict
}

var wooAnswers = []wooAnswer{
	{401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", VerdictAnonymous},
	{403, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", VerdictForbidden},
	{401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.", VerdictWrongSecret},
	{401, "woocommerce_rest_authentication_error", "Consumer key is invalid.", VerdictUnknownKey},
	{401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.", VerdictBadSignature},
	{401, "woocommerce_rest_authentication_error", "Invalid timestamp.", VerdictBadTimestamp},
	{401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.", VerdictBadNonce},
	{401, "woocommerce_rest_authentication_missing_parameter", "Missing OAuth parameter oauth_nonce", VerdictMissingParam},
	{401, "woocommerce_rest_authentication_error", "The API key provided does not have write permissions.", VerdictNoWrite},
	{401, "woocommerce_rest_authentication_error", "The API key provided does not have read permissions.", VerdictNoRead},
	{404, "rest_no_route", "No route was found matching the URL and request method.", VerdictNoRoute},
	{401, "rest_cannot_access", "Only authenticated users can access the REST API.", VerdictRESTBlocked},
	{403, "jwt_auth_bad_auth_header", "Authorization header malformed.", VerdictAuthPlugin},
	{401, "invalid_username", "<strong>Error:</strong> Unknown username. Check again or try your email address.", VerdictInvalidUser},
	{200, "", `[{"id":1}]`, VerdictOK},
	{200, "", `{"name":"Shop","home":"https://shop.example","namespaces":["wc/v3"]}`, VerdictOK},
}

// body prints the answer as WordPress does: a WP_Error as code, message and
// data.status; a success as its JSON.
func (w wooAnswer) body() string {
	if w.code == "" {
		return w.message
	}
	b, _ := json.Marshal(map[string]any{"code": w.code, "message": w.message, "data": map[string]int{"status": w.status}})
	return string(b)
}

// dress adds to an answer, by the bits of d, what must not change its
// meaning: a web server's WWW-Authenticate, a PHP notice or a byte order
// mark before the JSON, a cache that missed, WordPress's headers for
// authenticated answers, a Date, the REST Link header, and another
// Content-Type.
func dress(d uint8, body string, h http.Header) string {
	if d&1 != 0 {
		h.Set("WWW-Authenticate", `Basic realm="Restricted"`)
	}
	if d&2 != 0 {
		body = "<br />\n<b>Deprecated</b>:  Function x is <strong>deprecated</strong><br />\n" + body
	}
	if d&4 != 0 {
		body = "\xEF\xBB\xBF" + body
	}
	if d&8 != 0 {
		h.Set("X-Cache", "MISS")
		h.Set("Age", "0")
	}
	if d&16 != 0 {
		h.Set("Expires", "Wed, 11 Jan 1984 05:00:00 GMT")
		h.Set("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private")
	}
	if d&32 != 0 {
		h.Set("Date", "Tue, 25 Nov 2026 10:00:00 GMT")
	}
	if d&64 != 0 {
		h.Set("Link", `<https://shop.example/wp-json/>; rel="https://api.w.org/"`)
	}
	if d&128 != 0 {
		h.Set("Content-Type", "text/html; charset=UTF-8")
	}
	return body
}

// authVerdicts are verdicts about credentials: no 2xx answer may reach one.
var authVerdicts = map[Verdict]bool{VerdictAnonymous: true, VerdictForbidden: true, VerdictWrongSecret: true,
	VerdictUnknownKey: true, VerdictBadSignature: true, VerdictBadTimestamp: true, VerdictBadNonce: true,
	VerdictMissingParam: true, VerdictNoWrite: true, VerdictNoRead: true, VerdictInvalidUser: true,
	VerdictAuthPlugin: true, VerdictSitePassword: true, VerdictRESTBlocked: true}

// FuzzClassify has two oracles that can fail. Differential: pick chooses an
// answer of domain.md's table, dressed by the bits of d with what must not
// change its meaning; the verdict, code, message and status must be the
// table's. Properties, on arbitrary answers: a 2xx whose body is JSON never
// yields a verdict about credentials, and a 401 woocommerce_rest_cannot_view
// is always anonymous (never a key verdict, never a site password) unless a
// bot challenge answered. And it must never panic.
func FuzzClassify(f *testing.F) {
	for i := range wooAnswers {
		for _, d := range []uint8{0, 255, uint8(i * 37)} {
			f.Add(uint8(i), d, 0, "", "", "", "", "")
		}
	}
	f.Add(uint8(0), uint8(0), 200, "application/json", "", "", "", `{"code":"woocommerce_rest_cannot_view","message":"x"}`)
	f.Add(uint8(0), uint8(0), 200, "application/json", "", "", "", `{"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid."}`)
	f.Add(uint8(0), uint8(0), 401, "application/json", "", "", `Basic realm="x"`, `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}`)
	f.Add(uint8(0), uint8(0), 403, "text/html", "challenge", "", "", "<title>Just a moment...</title>")
	f.Add(uint8(0), uint8(0), 429, "", "", "Wed, 21 Oct 2015 07:28:00 GMT", "", "")
	f.Add(uint8(0), uint8(0), 503, "text/html", "", "600", "", `<div id="error-page">Briefly unavailable for scheduled maintenance.</div>`)
	f.Add(uint8(0), uint8(0), 200, "application/json", "", "", "", "<b>Notice</b>{\"a\":[1,{\"b\":null}]}")
	f.Add(uint8(0), uint8(0), 301, "", "", "", "", "")
	f.Add(uint8(0), uint8(0), 200, "application/json", "", "", "", "\x00\xff{[")
	now := time.Unix(1795641738, 0)
	f.Fuzz(func(t *testing.T, pick, d uint8, status int, contentType, mitigated, retry, wwwAuth, body string) {
		w := wooAnswers[int(pick)%len(wooAnswers)]
		h := http.Header{"Content-Type": {"application/json; charset=UTF-8"}}
		dressed := dress(d, w.body(), h)
		a := Classify(w.status, h, []byte(dressed), now)
		if a.Verdict != w.want || a.Code != w.code || (w.code != "" && (a.Message != w.message || a.DataStatus != w.status)) {
			t.Fatalf("%d %s %q dressed %08b: verdict %v code %q message %q status %d, want %v",
				w.status, w.code, w.message, d, a.Verdict, a.Code, a.Message, a.DataStatus, w.want)
		}
		if a.Junk != (d&6 != 0) || a.BOM != (d&4 != 0) {
			t.Fatalf("dressed %08b: junk %v, BOM %v", d, a.Junk, a.BOM)
		}

		h = http.Header{}
		h.Set("Content-Type", contentType)
		h.Set("Cf-Mitigated", mitigated)
		h.Set("Retry-After", retry)
		h.Set("WWW-Authenticate", wwwAuth)
		h.Set("Location", "/x")
		a = Classify(status, h, []byte(body), now)
		if strings.HasPrefix(a.Verdict.String(), "verdict(") {
			t.Fatalf("verdict out of range: %d", a.Verdict)
		}
		if a.Array && a.Object != nil {
			t.Fatal("an answer cannot be both a list and an object")
		}
		if a.RetryAfter < 0 {
			t.Fatalf("negative Retry-After %v", a.RetryAfter)
		}
		if a.Verdict == VerdictOK && !a.JSON {
			t.Fatal("OK without JSON")
		}
		challenged := strings.EqualFold(mitigated, "challenge") || isChallengePage([]byte(body))
		trimmed := bytes.TrimSpace([]byte(body))
		if status >= 200 && status < 300 && json.Valid(trimmed) && !challenged && authVerdicts[a.Verdict] {
			t.Fatalf("a %d JSON answer read as %v: %q", status, a.Verdict, body)
		}
		var e struct {
			Code string `json:"code"`
		}
		if status == 401 && json.Unmarshal(trimmed, &e) == nil && strings.HasSuffix(e.Code, "_cannot_view") &&
			!challenged && a.Verdict != VerdictAnonymous {
			t.Fatalf("401 %s with WWW-Authenticate %q read as %v, not anonymous", e.Code, wwwAuth, a.Verdict)
		}
	})
}
