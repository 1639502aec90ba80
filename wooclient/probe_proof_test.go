package wooclient_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestProbeCountsOnlyAfterItsReadProvedTheKey: the write probe goes out with
// the signed read, but an anonymous POST to a made-up route gets the same 404
// as a key that may write (fixture 26). Here signatures never reach
// WooCommerce (a proxy drops the oauth_* parameters) while Basic works for a
// Read-only key: the signed probe's 404 must not count, the probe is sent
// again by Basic, and the key is found Read-only.
func TestProbeCountsOnlyAfterItsReadProvedTheKey(t *testing.T) {
	f := &fakeWoo{
		cfg: wootest.Config{Keys: []wootest.Key{{ConsumerKey: testKey, ConsumerSecret: testSecret,
			Permissions: wootest.Read, Role: wootest.Administrator, User: "admin"}}},
		rewrite: dropSignature,
	}
	s := f.start(t, "https")
	rep := wooclient.New(wooclient.Options{RootCAs: trust(s)}).Check(context.Background(), s.URL,
		wooclient.Credentials{Key: testKey, Secret: testSecret}, nil)
	assertVerdict(t, causeCase{want: []string{"read-only/blocker", "wcpos-plugin-missing/info"}, transport: "basic", perms: "rop"}, rep)
	var basicPosts int
	for _, r := range f.store.Requests() {
		if r.Method == http.MethodPost && r.Credentials == wootest.CredBasic {
			basicPosts++
		}
	}
	if basicPosts != 1 {
		t.Errorf("%d probes by Basic, want 1 once the signed one proved nothing", basicPosts)
	}
}
