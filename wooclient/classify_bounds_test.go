package wooclient

import (
	"net/http"
	"testing"
	"time"
)

// TestClassifyStatusBoundaries holds the classifier to HTTP's status
// classes at their edges: 3xx (300–399) with a Location is a redirect, a
// 2xx (200–299) answer is an answer, anything else WooCommerce never sends
// for these requests is unexpected, and a WordPress error code is read on
// every error status, 400 included. An empty 200 that says JSON is what
// WooCommerce sends for HEAD (no body): not a garbled answer.
func TestClassifyStatusBoundaries(t *testing.T) {
	json := http.Header{"Content-Type": {"application/json"}}
	html := http.Header{"Content-Type": {"text/html"}}
	with := func(h http.Header, k, v string) http.Header {
		c := h.Clone()
		c.Set(k, v)
		return c
	}
	for _, tc := range []struct {
		name   string
		status int
		header http.Header
		body   string
		want   Verdict
	}{
		{"300 with a Location", 300, with(html, "Location", "https://shop.example/"), "", VerdictRedirect},
		{"400 with a Location", 400, with(json, "Location", "https://shop.example/"),
			`{"code":"rest_invalid_param","message":"Invalid parameter(s): per_page","data":{"status":400}}`, VerdictUnexpected},
		{"300, JSON null, no Location", 300, json, "null", VerdictUnexpected},
		{"300, JSON cut short, no Location", 300, json, `{"name":"x","namespa`, VerdictUnexpected},
		{"300, a JSON object, no Location", 300, json, `{"name":"x"}`, VerdictUnexpected},
		{"300, HTML, no Location", 300, html, "<html></html>", VerdictUnexpected},
		{"200, JSON type, no body (HEAD)", 200, json, "", VerdictHTML},
		{"200, a JSON object", 200, json, `{"name":"x"}`, VerdictOK},
		{"299, a JSON object", 299, json, `{"name":"x"}`, VerdictOK},
		{"400 with a JWT plugin's code", 400, json,
			`{"code":"jwt_auth_bad_request","message":"Bad request.","data":{"status":400}}`, VerdictAuthPlugin},
		{"399 with a Location", 399, with(html, "Location", "https://shop.example/"), "", VerdictRedirect},
		{"199", 199, json, `{"name":"x"}`, VerdictUnexpected},
	} {
		if a := Classify(tc.status, tc.header, []byte(tc.body), time.Now()); a.Verdict != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, a.Verdict, tc.want)
		}
	}
}
