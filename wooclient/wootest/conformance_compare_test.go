package wootest

import (
	"net/http"
	"strings"
	"testing"
)

// headersCompared are the answer headers whose presence must match the transcript
// (and whose values must, when the home is the recorded one).
var headersCompared = []string{
	"Allow", "Expires", "Cache-Control", "Vary", "X-Redirect-By", "Location", "Link",
	"X-Robots-Tag", "X-Content-Type-Options", "Access-Control-Expose-Headers",
	"Access-Control-Allow-Headers", "WWW-Authenticate", "X-WP-Total", "X-WP-TotalPages",
	"Retry-After",
}

// prefixCompared are the truncated bodies the store reproduces from the start (site
// structure); the others hold the recorded store's own data (store_id, products).
var prefixCompared = map[string]bool{
	"01-http-wp-json-index": true, "02-https-wp-json-index": true, "03-https-wc-v3-namespace-noauth": true,
	"24-https-basic-write-key-options": true, "71-plain-https-wp-json-path-slash": true,
	"72-plain-https-rest-route-index": true, "76-plain-https-wp-json-index": true, "80-wc-off-wp-json-index": true,
	"100-rest-prefix-front-page": true, "102-rest-prefix-wp-json-index": true, "110-index-permalinks-front-page": true,
	"111-index-permalinks-index-php-wp-json-index": true, "113-index-permalinks-wp-json-index": true,
	"130-no-rewrites-front-page": true, "132-no-rewrites-rest-route-index": true, "190-burst-limit-wp-json-index-200": true,
}

// leadCompared are truncated bodies whose lead, up to and including the given text,
// the store reproduces: what is printed before the JSON.
var leadCompared = map[string]string{
	"160-php-notices-basic-valid": `{"environment":{`,
	"170-bom-basic-valid":         `{"environment":{`,
}

// compareAnswer checks one answer against the case and its transcript.
func compareAnswer(t *testing.T, c fixtureCase, tr *transcript, resp *http.Response, body []byte, fixtureHome bool) {
	t.Helper()
	if resp.StatusCode != c.Status {
		t.Errorf("status = %d, want %d (body %.200s)", resp.StatusCode, c.Status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != c.ContentType {
		t.Errorf("Content-Type = %q, want %q", ct, c.ContentType)
	}
	code, message, _ := decodeError(body)
	switch {
	case c.Code != nil && (code != *c.Code || message != *c.Message):
		t.Errorf("code, message = %q, %q; want %q, %q", code, message, *c.Code, *c.Message)
	case c.Code == nil && code != "":
		t.Errorf("unexpected error %q: %q", code, message)
	}
	for _, h := range headersCompared {
		got, want := resp.Header.Get(h), tr.respHeader.Get(h)
		if (got == "") != (want == "") {
			t.Errorf("header %s = %q, transcript has %q", h, got, want)
		} else if fixtureHome && got != want && !strings.HasPrefix(h, "X-WP-") {
			t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	lead := tr.body
	if marker, ok := leadCompared[c.Case]; ok {
		lead = tr.body[:strings.Index(tr.body, marker)+len(marker)]
	}
	switch {
	case tr.bodyComplete && (fixtureHome || !strings.Contains(tr.body, "127.0.0.1")) && string(body) != tr.body:
		t.Errorf("body = %q, want %q", body, tr.body)
	case !tr.bodyComplete && fixtureHome && prefixCompared[c.Case] && !strings.HasPrefix(string(body), tr.body):
		t.Errorf("body starts %q\nwant %q", firstBytes(body, len(tr.body)), tr.body)
	case !tr.bodyComplete && leadCompared[c.Case] != "" && !strings.HasPrefix(string(body), lead):
		t.Errorf("body starts %q\nwant %q", firstBytes(body, len(lead)), lead)
	}
}

// firstBytes is the start of b, for readable failures.
func firstBytes(b []byte, n int) string { return string(b[:min(n, len(b))]) }
