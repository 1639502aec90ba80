package wooclient_test

import (
	"context"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// hostile is one misbehaving store: setup returns the address to check
// and may adjust the client's options.
type hostile struct {
	name  string
	setup func(t *testing.T, o *wooclient.Options) string
	want  wooclient.Cause
	check func(t *testing.T, rep *wooclient.Report)
}

const testKey = "ck_0123456789abcdef0123456789abcdef0abc1234"
const testSecret = "cs_0123456789abcdef0123456789abcdef01234567"

// fake serves a fakeWoo over TLS with an override and trusts it.
func fake(override func(w http.ResponseWriter, r *http.Request) bool) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		s := tlsServer(t, &fakeWoo{override: override})
		o.RootCAs = trust(s)
		return s.URL
	}
}

func trust(s *httptest.Server) *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(s.Certificate())
	return pool
}

// onIndex replaces the REST index answers (both addresses).
func onIndex(answer func(w http.ResponseWriter)) func(http.ResponseWriter, *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/wp-json/" || r.URL.Query().Get("rest_route") == "/" {
			answer(w)
			return true
		}
		return false
	}
}

// everywhere answers every request the same way.
func everywhere(status int, header http.Header, body string) func(http.ResponseWriter, *http.Request) bool {
	return func(w http.ResponseWriter, _ *http.Request) bool {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
		return true
	}
}

func hostileCases() []hostile {
	html := http.Header{"Content-Type": {"text/html"}}
	cases := []hostile{
		{"connection refused", func(t *testing.T, _ *wooclient.Options) string {
			ln, _ := net.Listen("tcp", "127.0.0.1:0")
			addr := ln.Addr().String()
			ln.Close()
			return "https://" + addr
		}, wooclient.CauseRefused, nil},
		{"reset mid-response", func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) {
				_, _ = c.Read(make([]byte, 4096))
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"na"))
				if tc, ok := c.(*net.TCPConn); ok {
					_ = tc.SetLinger(0)
				}
			})
		}, wooclient.CauseReset, nil},
		{"accept then silence", func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) { waitFor(c, 5*time.Second) })
		}, wooclient.CauseTimeout, nil},
		{"body trickles a byte a second", func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) {
				_, _ = c.Read(make([]byte, 4096))
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"))
				for i := 0; i < 5; i++ {
					if _, err := c.Write([]byte("{")); err != nil {
						return
					}
					time.Sleep(time.Second)
				}
			})
		}, wooclient.CauseTimeout, nil},
		{"50 MB body", unhurried(fake(onIndex(func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			chunk := []byte(strings.Repeat(" ", 1<<20))
			for i := 0; i < 50; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}))), wooclient.CauseTooLarge, nil},
		{"truncated JSON", fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, `{"name":"Fake","namespa`) })), wooclient.CauseMalformedJSON, nil},
		{"HTML where JSON was expected", fake(everywhere(200, html, "<html><body>Parked domain</body></html>")), wooclient.CauseNotWordPress, nil},
		{"PHP notice before the JSON", fake(func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path != "/wp-json/" {
				return false
			}
			jsonAnswer(w, 200, "<br />\n<b>Notice</b>: Undefined index in <b>x.php</b><br />\n"+
				`{"name":"Fake","home":"https://`+r.Host+`","namespaces":["wc/v3"]}`)
			return true
		}), wooclient.CauseMalformedJSON, func(t *testing.T, rep *wooclient.Report) {
			if rep.Key == nil || rep.Key.Transport != wooclient.TransportBasic {
				t.Errorf("the key should still be proven through the notice: %+v", rep.Key)
			}
		}},
		{"JSON null", fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, "null") })), wooclient.CauseMalformedJSON, nil},
		{"JSON array", fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, `["wc/v3"]`) })), wooclient.CauseMalformedJSON, nil},
		{"JSON number", fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, "42") })), wooclient.CauseMalformedJSON, nil},
		{"namespaces of the wrong type", fake(onIndex(func(w http.ResponseWriter) {
			jsonAnswer(w, 200, `{"name":"Fake","home":"https://127.0.0.1","namespaces":"wc/v3"}`)
		})), wooclient.CauseMalformedJSON, nil},
		{"redirect loop", fake(func(w http.ResponseWriter, r *http.Request) bool {
			next := "/a"
			if r.URL.Path == "/a" {
				next = "/b"
			}
			http.Redirect(w, r, next, http.StatusFound)
			return true
		}), wooclient.CauseRedirectLoop, nil},
		{"401 with WWW-Authenticate from the web server", fake(everywhere(401,
			http.Header{"Www-Authenticate": {`Basic realm="Staging"`}, "Content-Type": {"text/html"}}, "<h1>401 Authorization Required</h1>")),
			wooclient.CauseSitePassword, nil},
		{"429 with Retry-After", fake(everywhere(429, http.Header{"Retry-After": {"1"}}, "")), wooclient.CauseRateLimited, nil},
		{"429 without Retry-After", fake(everywhere(429, nil, "")), wooclient.CauseRateLimited, nil},
		{"500", fake(everywhere(500, html, "<h1>Error establishing a database connection</h1>")), wooclient.CauseServerError, nil},
		{"502", fake(everywhere(502, html, "<h1>502 Bad Gateway</h1>")), wooclient.CauseServerError, nil},
		{"503", fake(everywhere(503, html, "<h1>Maintenance</h1>")), wooclient.CauseServerError, nil},
		{"504", fake(everywhere(504, html, "<h1>504 Gateway Time-out</h1>")), wooclient.CauseServerError, nil},
		{"bot challenge", fake(everywhere(403, http.Header{"Cf-Mitigated": {"challenge"}, "Content-Type": {"text/html"}},
			"<title>Just a moment...</title>")), wooclient.CauseBotChallenge, nil},
		{"WAF 403", fake(everywhere(403, html, "<h1>403 Forbidden</h1><p>ModSecurity</p>")), wooclient.CauseWAFBlocked, nil},
		{"self-signed certificate", func(t *testing.T, _ *wooclient.Options) string {
			return tlsServer(t, &fakeWoo{}).URL
		}, wooclient.CauseTLSUntrust, nil},
		{"expired certificate", wootestStore(wootest.Config{Certificate: wootest.CertExpired}), wooclient.CauseTLSExpired, nil},
		{"certificate for another host", wootestStore(wootest.Config{Certificate: wootest.CertWrongHost}), wooclient.CauseTLSHostname, nil},
		{"HTTPS to a plain-HTTP port", func(t *testing.T, _ *wooclient.Options) string {
			s := httptest.NewServer(&fakeWoo{})
			t.Cleanup(s.Close)
			return strings.Replace(s.URL, "http://", "https://", 1)
		}, wooclient.CauseTLSOther, nil},
		{"Date header two hours off", fake(func(w http.ResponseWriter, _ *http.Request) bool {
			w.Header().Set("Date", time.Now().Add(2*time.Hour).UTC().Format(http.TimeFormat))
			return false
		}), wooclient.CauseClockSkew, nil},
		{"DNS name not found", func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.DNSError{Err: "no such host", Name: "shop.invalid", IsNotFound: true})
			return "https://shop.invalid"
		}, wooclient.CauseDNS, nil},
		{"terminal offline", func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ENETUNREACH})
			o.HasNetwork = func() bool { return false }
			return "https://shop.example"
		}, wooclient.CauseOffline, nil},
		{"network unreachable", func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.EHOSTUNREACH})
			o.HasNetwork = func() bool { return true }
			return "https://shop.example"
		}, wooclient.CauseUnreachable, nil},
	}
	return append(cases, hostileProbeCases()...)
}

func wootestStore(cfg wootest.Config) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		s := wootest.New(cfg)
		t.Cleanup(s.Close)
		o.RootCAs = s.CertPool()
		return s.URL()
	}
}

// TestHostileStores runs every hostile behaviour against the client with a
// deadline: each must end in its named finding, in time, without leaving a
// goroutine behind.
func TestHostileStores(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			t.Cleanup(func() { checkNoLeak(t, before) }) // runs last, after the servers close
			opts := wooclient.Options{RequestTimeout: 700 * time.Millisecond, Deadline: 4 * time.Second}
			addr := tc.setup(t, &opts)
			start := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
			defer cancel()
			rep := wooclient.New(opts).Check(ctx, addr, wooclient.Credentials{Key: testKey, Secret: testSecret}, nil)
			if took := time.Since(start); took > opts.Deadline+time.Second {
				t.Errorf("took %v, past the %v deadline", took, opts.Deadline)
			}
			if tc.want != "" && !rep.Has(tc.want) {
				t.Errorf("no %s finding; got:", tc.want)
				for _, f := range rep.Findings {
					t.Logf("  %s (%s): %s", f.Label(), f.Severity, f.Detail)
				}
			}
			for _, f := range rep.Findings {
				if f.Cause == "" || f.Title == "" || f.Message == "" {
					t.Errorf("unnamed finding: %+v", f)
				}
			}
			if tc.check != nil {
				tc.check(t, rep)
			}
		})
	}
}

// unhurried gives a case whose point is not time (a body over the cap)
// room to read four megabytes over TLS on a loaded machine under -race,
// so it can only end in its own finding, never in a timeout.
func unhurried(setup func(*testing.T, *wooclient.Options) string) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		o.RequestTimeout = 5 * time.Second
		return setup(t, o)
	}
}
