package wooclient_test

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestConnectionsReused counts the connections one full check opens: the
// first level's concurrent requests may each dial, later levels must reuse
// them (keep-alive), and a store speaking HTTP/2 multiplexes them.
func TestConnectionsReused(t *testing.T) {
	for _, h2 := range []bool{false, true} {
		name := map[bool]string{false: "HTTP/1.1", true: "HTTP/2"}[h2]
		t.Run(name, func(t *testing.T) {
			// A connection goes back to the pool a moment after its body
			// ends; on a loaded machine the next level can win that race
			// now and then. A client that reuses connections passes within
			// three tries, one that never does fails all three.
			for try := 1; ; try++ {
				n, requests := countConnections(t, h2)
				t.Logf("%s: %d requests over %d connections", name, requests, n)
				if n <= 6 {
					return
				}
				if try == 3 {
					t.Fatalf("%d connections for %d requests: later levels did not reuse the first level's", n, requests)
				}
			}
		})
	}
}

// countConnections runs one full check against a fake store and counts the
// connections it opened (the first level's four requests may each dial; one
// connection per request would mean no reuse at all).
func countConnections(t *testing.T, h2 bool) (conns, requests int) {
	t.Helper()
	var dials, h2Requests atomic.Int32
	store := &fakeWoo{}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor == 2 {
			h2Requests.Add(1)
		}
		store.ServeHTTP(w, r)
	}))
	s.EnableHTTP2 = h2
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			dials.Add(1)
		}
	}
	s.StartTLS()
	defer s.Close()
	store.serveAt(t, s.URL)
	rep := wooclient.New(wooclient.Options{RootCAs: trust(s)}).Check(context.Background(), s.URL,
		wooclient.Credentials{Key: testKey, Secret: testSecret}, nil)
	if !rep.OK() {
		t.Fatalf("the fake store should pass: %v", rep.Findings)
	}
	if h2 && int(h2Requests.Load()) != rep.Requests {
		t.Errorf("only %d of %d requests used HTTP/2 although the store offers it", h2Requests.Load(), rep.Requests)
	}
	return int(dials.Load()), rep.Requests
}
