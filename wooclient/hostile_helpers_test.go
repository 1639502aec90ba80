package wooclient_test

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeWoo is a minimal store for hostile behaviours the faithful test store
// does not model: it answers the index, accepts any Basic credentials on
// wc/v3 reads, and lets a test replace any answer.
type fakeWoo struct {
	mu    sync.Mutex
	posts int
	// override answers a request instead of the healthy store when it
	// returns true.
	override func(w http.ResponseWriter, r *http.Request) bool
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
	f.healthy(w, r)
}

func (f *fakeWoo) healthy(w http.ResponseWriter, r *http.Request) {
	base := "https://" + r.Host
	if r.TLS == nil {
		base = "http://" + r.Host
	}
	w.Header().Set("Link", "<"+base+"/wp-json/>; rel=\"https://api.w.org/\"")
	switch {
	case r.URL.Path == "/wp-json/" || r.URL.Query().Get("rest_route") == "/":
		jsonAnswer(w, 200, `{"name":"Fake","home":"`+base+`","url":"`+base+`","namespaces":["wp/v2","wc/v3"]}`)
	case r.URL.Path == "/wp-admin/":
		http.Redirect(w, r, base+"/wp-login.php", http.StatusFound)
	case strings.HasPrefix(r.URL.Path, "/wp-json/wc/v3/") && r.Header.Get("Authorization") == "":
		jsonAnswer(w, 401, `{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}`)
	case r.Method == http.MethodPost:
		jsonAnswer(w, 404, `{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}`)
	case strings.HasPrefix(r.URL.Path, "/wp-json/wc/v3/"):
		jsonAnswer(w, 200, `[{"id":1}]`)
	default:
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html>front page</html>"))
	}
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
