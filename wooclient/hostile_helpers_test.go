package wooclient_test

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// fakeWoo puts a hostile layer in front of a WooCommerce-faithful store
// (wootest): a test replaces any answer it likes with override, rewrites what
// reaches the store with rewrite, or what comes back with modify; everything
// else is answered by the store behind, which checks keys the way
// WooCommerce does. So a key "works" only if WooCommerce would take it, and a
// POST is a write probe only for a key that may write: nothing here says yes
// by construction.
type fakeWoo struct {
	mu    sync.Mutex
	posts int
	// cfg sets up the store behind (its home is always the fake's address).
	cfg wootest.Config
	// override answers a request instead of the store when it returns true.
	override func(w http.ResponseWriter, r *http.Request) bool
	// rewrite changes a request on its way to the store (a proxy that drops
	// headers or the query string).
	rewrite func(r *http.Request)
	// modify changes the store's answer on its way back.
	modify func(resp *http.Response) error
	proxy  http.Handler
	store  *wootest.Store
}

func (f *fakeWoo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		f.mu.Lock()
		f.posts++
		f.mu.Unlock()
	}
	if f.override != nil && f.override(w, r) {
		return
	}
	f.proxy.ServeHTTP(w, r)
}

// start serves f at a new address with the given scheme ("https" or
// "http") and starts the store behind it.
func (f *fakeWoo) start(t *testing.T, scheme string) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(f)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes cut short by the tests are expected
	if scheme == "https" {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	f.serveAt(t, srv.URL)
	return srv
}

// serveAt starts the store behind a fake already listening at addr: its home
// option names addr, so keys are signed and judged for the fake's address,
// and it knows one pair, testKey and testSecret (an administrator's
// Read/Write key unless cfg.Keys says otherwise).
func (f *fakeWoo) serveAt(t *testing.T, addr string) {
	t.Helper()
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	cfg := f.cfg
	cfg.HomeScheme, cfg.HomeHost = u.Scheme, u.Host
	if len(cfg.Keys) == 0 {
		cfg.Keys = []wootest.Key{{ConsumerKey: testKey, ConsumerSecret: testSecret, Permissions: wootest.ReadWrite,
			Role: wootest.Administrator, User: "admin", Description: "hostile"}}
	}
	f.store = wootest.New(cfg)
	t.Cleanup(f.store.Close)
	backend, _ := url.Parse(f.store.URL())
	if u.Scheme == "http" {
		backend, _ = url.Parse(f.store.HTTPURL())
	}
	rp := &httputil.ReverseProxy{
		// No X-Forwarded-* headers: the store limits bursts by address.
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(backend)
			pr.Out.Host = pr.In.Host
			if f.rewrite != nil {
				f.rewrite(pr.Out)
			}
		},
		Transport:      &http.Transport{TLSClientConfig: &tls.Config{RootCAs: f.store.CertPool()}},
		ErrorLog:       log.New(io.Discard, "", 0),
		ModifyResponse: f.modify,
	}
	f.proxy = rp
}

func (f *fakeWoo) postCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts
}

func jsonAnswer(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// rawServer accepts TCP connections and hands each to serve, for
// behaviours below HTTP (silence, resets, trickles).
func rawServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				serve(c)
			}()
		}
	}()
	t.Cleanup(func() {
		close(done)
		ln.Close()
		wg.Wait()
	})
	_ = done
	return "http://" + ln.Addr().String()
}

// waitFor blocks a raw handler until the client hangs up or the test ends.
func waitFor(c net.Conn, d time.Duration) {
	_ = c.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 1024)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// tlsServer starts an httptest TLS server; the client trusts its cert.
func tlsServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	s := httptest.NewUnstartedServer(h)
	s.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes cut short by the tests are expected
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

// checkNoLeak fails if goroutines started during the test outlive it.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines left behind (before %d):\n%s", n-before, before, buf[:runtime.Stack(buf, true)])
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// dialError is a transport whose every dial fails with err, to reach the
// network-error paths no loopback server can produce.
func dialError(err error) *http.Transport {
	return &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) { return nil, err }}
}
