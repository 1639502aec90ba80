package wooclient

import (
	"net/http"
	"testing"
	"time"
)

// FuzzClassify feeds arbitrary answers to the classifier: it must never
// panic, always reach a named verdict, and keep its own invariants.
func FuzzClassify(f *testing.F) {
	f.Add(200, "application/json", "", "", `{"namespaces":["wc/v3"]}`)
	f.Add(401, "application/json", "", "", `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}`)
	f.Add(403, "text/html", "challenge", "", "<title>Just a moment...</title>")
	f.Add(429, "", "", "Wed, 21 Oct 2015 07:28:00 GMT", "")
	f.Add(200, "application/json", "", "", "<b>Notice</b>{\"a\":[1,{\"b\":null}]}")
	f.Add(301, "", "", "", "")
	f.Add(200, "application/json", "", "", "\x00\xff{[")
	f.Fuzz(func(t *testing.T, status int, contentType, mitigated, retry, body string) {
		h := http.Header{}
		h.Set("Content-Type", contentType)
		h.Set("Cf-Mitigated", mitigated)
		h.Set("Retry-After", retry)
		h.Set("Location", "/x")
		a := Classify(status, h, []byte(body), time.Unix(1795641738, 0))
		if a.Verdict < VerdictUnexpected || a.Verdict > VerdictNotFound {
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
	})
}
