package wooclient_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestProbeCountsOnlyAfterItsReadProvedTheKey: the write probe goes out with
// the signed read, but an anonymous POST to a made-up route gets the same 404
// as a key that may write (fixture 26). Here signatures never reach
// WooCommerce (a proxy drops oauth_* parameters) while Basic works for a
// Read-only key: the signed probe's 404 must not count, the probe is sent
// again by Basic, and the key is found Read-only.
func TestProbeCountsOnlyAfterItsReadProvedTheKey(t *testing.T) {
	var basicPosts atomic.Int32
	f := &fakeWoo{override: func(w http.ResponseWriter, r *http.Request) bool {
		signed := strings.Contains(r.URL.RawQuery, "oauth_signature=")
		user, _, basic := r.BasicAuth()
		switch {
		case !strings.HasPrefix(r.URL.Path, "/wp-json/wc/v3/"):
			return false
		case r.Method == http.MethodPost && basic && user == testKey:
			basicPosts.Add(1)
			jsonAnswer(w, 401, `{"code":"woocommerce_rest_authentication_error","message":"The API key provided does not have write permissions.","data":{"status":401}}`)
		case r.Method == http.MethodPost && (signed || !basic):
			jsonAnswer(w, 404, `{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}`)
		case signed:
			jsonAnswer(w, 401, `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}`)
		default:
			return false
		}
		return true
	}}
	s := tlsServer(t, f)
	rep := wooclient.New(wooclient.Options{RootCAs: trust(s)}).Check(context.Background(), s.URL,
		wooclient.Credentials{Key: testKey, Secret: testSecret}, nil)
	if rep.OK() || !rep.Has(wooclient.CauseReadOnly) || rep.Key == nil || rep.Key.Write {
		t.Errorf("OK %v, key %+v, findings %v: the anonymous 404 was taken as write permission", rep.OK(), rep.Key, rep.Findings)
	}
	if basicPosts.Load() != 1 {
		t.Errorf("%d probes by Basic, want 1 once the signed one proved nothing", basicPosts.Load())
	}
}
