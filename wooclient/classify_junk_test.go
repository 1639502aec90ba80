package wooclient

import (
	"net/http"
	"testing"
	"time"
)

// TestJunkAfterTheJSON: PHP prints notices from shutdown hooks after the
// body, so junk can follow the JSON as well as precede it. The verdict is
// that of the JSON (here WooCommerce's anonymous 401, never a write-only
// key's bare 401) and the junk is reported.
func TestJunkAfterTheJSON(t *testing.T) {
	notice := "<br />\n<b>Notice</b>:  Undefined variable: x in <b>/var/www/html/wp-content/plugins/foo/foo.php</b> on line <b>3</b><br />\n"
	for _, tc := range []struct {
		status int
		body   string
		want   Verdict
	}{
		{401, `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}` + notice, VerdictAnonymous},
		{200, `[{"id":1}]` + notice, VerdictOK},
		{401, notice + `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}` + notice, VerdictAnonymous},
	} {
		a := Classify(tc.status, http.Header{"Content-Type": {"application/json; charset=UTF-8"}}, []byte(tc.body), time.Now())
		if a.Verdict != tc.want || !a.JSON || !a.Junk {
			t.Errorf("%d %.40q…: verdict %v, JSON %v, junk %v; want %v with junk", tc.status, tc.body, a.Verdict, a.JSON, a.Junk, tc.want)
		}
	}
}

// TestVerdictStringOutOfRange: a verdict past the list is named by number.
func TestVerdictStringOutOfRange(t *testing.T) {
	if got := Verdict(len(verdictNames)).String(); got != "verdict(26)" {
		t.Errorf("String() = %q, want verdict(26)", got)
	}
	if got := VerdictMaintenance.String(); got != "maintenance" {
		t.Errorf("String() = %q, want maintenance", got)
	}
}
