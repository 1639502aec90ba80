package wootest

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fixedTime is the moment the transcripts were recorded.
func fixedTime() time.Time { return time.Date(2026, 11, 25, 21, 22, 18, 0, time.UTC) }

// do sends a request built from method, url and optional headers (name, value pairs)
// and returns the answer with its body read.
func do(t *testing.T, c *http.Client, method, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// basic is the Authorization header value for a key's pair.
func basic(k Key) string {
	req, _ := http.NewRequest("GET", "http://x", nil)
	req.SetBasicAuth(k.ConsumerKey, k.ConsumerSecret)
	return req.Header.Get("Authorization")
}

// wantError checks a WordPress JSON error answer.
func wantError(t *testing.T, resp *http.Response, body string, status int, code, message string) {
	t.Helper()
	gotCode, gotMsg, _ := decodeError([]byte(body))
	if resp.StatusCode != status || gotCode != code || (message != "" && gotMsg != message) {
		t.Errorf("got %d %q %q, want %d %q %q", resp.StatusCode, gotCode, gotMsg, status, code, message)
	}
}

// contains fails unless body contains every part.
func contains(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("body lacks %q:\n%.600s", p, body)
		}
	}
}
