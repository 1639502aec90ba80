package wooclient

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestClassifyTranscripts classifies every real WooCommerce answer and
// checks the verdict the diagnosis relies on.
func TestClassifyTranscripts(t *testing.T) {
	want := map[string]Verdict{
		"01": VerdictOK, "02": VerdictOK, "03": VerdictOK, "04": VerdictAnonymous,
		"05": VerdictOK, "06": VerdictOK, "07": VerdictAnonymous, "08": VerdictAnonymous,
		"09": VerdictWrongSecret, "10": VerdictWrongSecret, "11": VerdictOK, "12": VerdictNoWrite,
		"13": VerdictNoRead, "14": VerdictNoRoute, "15": VerdictNoWrite, "16": VerdictNoRoute,
		"17": VerdictNoRead, "18": VerdictForbidden, "19": VerdictNoRoute, "20": VerdictForbidden,
		"21": VerdictOK, "22": VerdictOK, "23": VerdictNoRead, "24": VerdictOK,
		"25": VerdictAnonymous, "26": VerdictNoRoute, "27": VerdictNoRoute, "28": VerdictWrongSecret,
		"30": VerdictAnonymous, "31": VerdictAnonymous, "32": VerdictOK, "33": VerdictOK,
		"34": VerdictBadSignature, "35": VerdictUnknownKey, "36": VerdictOK, "37": VerdictBadNonce,
		"38": VerdictBadTimestamp, "39": VerdictMissingParam, "40": VerdictBadSignature,
		"41": VerdictNoWrite, "42": VerdictNoRoute, "43": VerdictNoRead, "44": VerdictForbidden,
		"45": VerdictOK, "46": VerdictOK, "47": VerdictBadSignature, "48": VerdictBadSignature,
		"49": VerdictUnknownKey, "50": VerdictAnonymous, "51": VerdictAnonymous, "52": VerdictAnonymous,
		"53": VerdictAnonymous, "54": VerdictAnonymous, "55": VerdictOK, "70": VerdictRedirect,
		"71": VerdictHTML, "72": VerdictOK, "73": VerdictAnonymous, "74": VerdictAnonymous,
		"75": VerdictNoRoute, "76": VerdictHTML, "77": VerdictOK, "80": VerdictOK,
		"81": VerdictNoRoute, "82": VerdictNoRoute, "83": VerdictNoRoute,
	}
	seen := 0
	for _, tr := range allTranscripts(t) {
		id := tr.Name[:2]
		v, ok := want[id]
		if !ok {
			t.Errorf("%s: no expected verdict: add one", tr.Name)
			continue
		}
		seen++
		a := Classify(tr.Status, tr.Header, tr.Body, time.Now())
		if a.Verdict != v {
			t.Errorf("%s: verdict %v, want %v (status %d code %q)", tr.Name, a.Verdict, v, a.Status, a.Code)
		}
		if a.Date.IsZero() {
			t.Errorf("%s: Date header not read", tr.Name)
		}
	}
	if seen != len(want) {
		t.Errorf("classified %d transcripts, expected %d", seen, len(want))
	}
}

// TestClassifyHostile covers answers no healthy WooCommerce gives.
func TestClassifyHostile(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	html := http.Header{"Content-Type": {"text/html"}}
	json := http.Header{"Content-Type": {"application/json"}}
	tests := []struct {
		name   string
		status int
		header http.Header
		body   string
		want   Verdict
		check  func(t *testing.T, a Answer)
	}{
		{"waf html 403", 403, html, "<html><title>403 Forbidden</title></html>", VerdictWAF, nil},
		{"cloudflare header", 403, http.Header{"Cf-Mitigated": {"challenge"}}, "<html></html>", VerdictBotChallenge, nil},
		{"challenge page 503", 503, html, "<html><title>Just a moment...</title><script src=/cdn-cgi/challenge-platform/x></script>", VerdictBotChallenge, nil},
		{"429 seconds", 429, http.Header{"Retry-After": {"7"}}, "", VerdictRateLimited, func(t *testing.T, a Answer) {
			if a.RetryAfter != 7*time.Second {
				t.Errorf("RetryAfter = %v", a.RetryAfter)
			}
		}},
		{"429 date", 429, http.Header{"Retry-After": {now.Add(30 * time.Second).Format(http.TimeFormat)}}, "", VerdictRateLimited, func(t *testing.T, a Answer) {
			if a.RetryAfter != 30*time.Second {
				t.Errorf("RetryAfter = %v", a.RetryAfter)
			}
		}},
		{"429 bare", 429, nil, "", VerdictRateLimited, func(t *testing.T, a Answer) {
			if a.RetryAfter != 0 {
				t.Errorf("RetryAfter = %v", a.RetryAfter)
			}
		}},
		{"500", 500, html, "<h1>Error establishing a database connection</h1>", VerdictServerError, nil},
		{"502 json", 502, json, `{"code":"x"}`, VerdictServerError, nil},
		{"php notice before json", 200, json, "<br />\n<b>Notice</b>: Undefined index: x in <b>/var/www/a.php</b> on line <b>3</b><br />\n[{\"id\":1}]", VerdictOK, func(t *testing.T, a Answer) {
			if !a.Junk {
				t.Error("junk not reported")
			}
		}},
		{"php notice before object", 200, json, "Deprecated: foo\n{\"namespaces\":[\"wc/v3\"]}", VerdictOK, func(t *testing.T, a Answer) {
			if !a.Junk || a.Object == nil {
				t.Errorf("junk=%v object=%v", a.Junk, a.Object)
			}
		}},
		{"json null", 200, json, "null", VerdictGarbled, nil},
		{"json array", 200, json, "[1,2]", VerdictOK, func(t *testing.T, a Answer) {
			if !a.Array || a.Object != nil {
				t.Errorf("array=%v object=%v", a.Array, a.Object)
			}
		}},
		{"json number", 200, json, "42", VerdictGarbled, nil},
		{"truncated json", 200, json, `{"name":"x","namespa`, VerdictGarbled, nil},
		{"truncated, no content type", 200, nil, `{"name":"x","namespa`, VerdictHTML, nil},
		{"htpasswd", 401, http.Header{"Www-Authenticate": {`Basic realm="Staging"`}}, "<html>401 Authorization Required</html>", VerdictSitePassword, nil},
		{"jwt plugin", 403, json, `{"code":"jwt_auth_bad_auth_header","message":"Authorization header malformed.","data":{"status":403}}`, VerdictAuthPlugin, nil},
		{"app passwords", 401, json, `{"code":"invalid_username","message":"Unknown username.","data":{"status":401}}`, VerdictInvalidUser, nil},
		{"rest blocked", 401, json, `{"code":"rest_cannot_access","message":"Only authenticated users can access the REST API.","data":{"status":401}}`, VerdictRESTBlocked, nil},
		{"rest disabled", 403, json, `{"code":"rest_disabled","message":"The REST API is disabled on this site.","data":{"status":403}}`, VerdictRESTBlocked, nil},
		{"html 404", 404, html, "<html>Not Found</html>", VerdictNotFound, nil},
		{"redirect", 301, http.Header{"Location": {"https://www.example.com/"}}, "", VerdictRedirect, nil},
		{"redirect without location", 302, nil, "", VerdictUnexpected, nil},
		{"teapot", 418, json, `{"code":"teapot"}`, VerdictUnexpected, nil},
		{"link header", 200, http.Header{"Link": {`<https://a.example/wp-json/>; rel="https://api.w.org/", <https://a.example/?p=1>; rel=shortlink`}}, "<html>", VerdictHTML, func(t *testing.T, a Answer) {
			if a.RESTLink != "https://a.example/wp-json/" {
				t.Errorf("RESTLink = %q", a.RESTLink)
			}
		}},
		{"empty 200", 200, nil, "", VerdictHTML, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if h == nil {
				h = http.Header{}
			}
			a := Classify(tt.status, h, []byte(tt.body), now)
			if a.Verdict != tt.want {
				t.Fatalf("verdict %v, want %v", a.Verdict, tt.want)
			}
			if tt.check != nil {
				tt.check(t, a)
			}
		})
	}
}

func TestVerdictNamesComplete(t *testing.T) {
	for v := VerdictUnexpected; v <= VerdictNotFound; v++ {
		if strings.HasPrefix(v.String(), "verdict(") {
			t.Errorf("verdict %d has no name", v)
		}
	}
}
