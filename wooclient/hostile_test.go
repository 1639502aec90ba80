package wooclient_test

import (
	"context"
	"crypto/tls"
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

// hostile is one misbehaving store and the whole verdict it must get: setup
// returns the address to check and may adjust the client's options; want
// lists every finding as "cause/severity", sorted (so no extra blocker can
// hide), with the transport and the permissions proved ("rwop": read, write,
// orders, products), and OK() must agree with the blockers.
type hostile struct {
	name      string
	setup     func(t *testing.T, o *wooclient.Options) string
	want      []string
	transport wooclient.Transport
	perms     string
	check     func(t *testing.T, rep *wooclient.Report)
	// creds is the pair the terminal holds (default: the one the store
	// behind a fake knows).
	creds *wooclient.Credentials
	// detail is what the first blocker's detail must say.
	detail string
	// slow marks a case whose job is waiting (timeouts, Retry-After
	// pauses): go test -short (the mutation run) leaves it out.
	slow bool
}

const testKey = "ck_0123456789abcdef0123456789abcdef0abc1234"
const testSecret = "cs_0123456789abcdef0123456789abcdef01234567"

// fake serves a fakeWoo over TLS with an override and trusts it.
func fake(override func(w http.ResponseWriter, r *http.Request) bool) func(*testing.T, *wooclient.Options) string {
	return serveFake(&fakeWoo{override: override})
}

// serveFake serves f over TLS and trusts it.
func serveFake(f *fakeWoo) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		s := f.start(t, "https")
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
	blocker := func(c wooclient.Cause) []string { return []string{string(c) + "/blocker"} }
	const noWCPOS = "wcpos-plugin-missing/info"
	cases := []hostile{
		{name: "connection refused", setup: func(t *testing.T, _ *wooclient.Options) string {
			ln, _ := net.Listen("tcp", "127.0.0.1:0")
			addr := ln.Addr().String()
			ln.Close()
			return "https://" + addr
		}, want: blocker(wooclient.CauseRefused), check: func(t *testing.T, rep *wooclient.Report) {
			assertEvidence(t, []string{"(nothing is listening at that address and port)"}, rep)
		}},
		{name: "reset mid-response", setup: func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) {
				_, _ = c.Read(make([]byte, 4096))
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"na"))
				if tc, ok := c.(*net.TCPConn); ok {
					_ = tc.SetLinger(0)
				}
			})
		}, want: blocker(wooclient.CauseReset)},
		{name: "50 MB body", setup: unhurried(fake(onIndex(func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			chunk := []byte(strings.Repeat(" ", 1<<20))
			for i := 0; i < 50; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}))), want: blocker(wooclient.CauseTooLarge), detail: "the answer is larger than 4 MiB"},
		{name: "a body over a 1 MiB cap", setup: func(t *testing.T, o *wooclient.Options) string {
			o.MaxBody = 1 << 20
			return fake(onIndex(func(w http.ResponseWriter) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(strings.Repeat(" ", 2<<20)))
			}))(t, o)
		}, want: blocker(wooclient.CauseTooLarge), detail: "the answer is larger than 1 MiB"},
		{name: "truncated JSON", setup: fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, `{"name":"Fake","namespa`) })),
			want: blocker(wooclient.CauseMalformedJSON)},
		{name: "HTML where JSON was expected", setup: fake(everywhere(200, html, "<html><body>Parked domain</body></html>")),
			want: blocker(wooclient.CauseNotWordPress)},
		{name: "PHP notice before the JSON", setup: fake(func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path != "/wp-json/" {
				return false
			}
			jsonAnswer(w, 200, "<br />\n<b>Notice</b>: Undefined index in <b>x.php</b><br />\n"+
				`{"name":"Fake","home":"https://`+r.Host+`","namespaces":["wc/v3"]}`)
			return true
		}), want: []string{"malformed-json/blocker", noWCPOS}, transport: "basic", perms: "rwop"},
		{name: "JSON null", setup: fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, "null") })),
			want: blocker(wooclient.CauseMalformedJSON)},
		{name: "JSON array", setup: fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, `["wc/v3"]`) })),
			want: []string{"malformed-json/blocker", "rest-api-not-found/blocker"}},
		{name: "JSON number", setup: fake(onIndex(func(w http.ResponseWriter) { jsonAnswer(w, 200, "42") })),
			want: blocker(wooclient.CauseMalformedJSON)},
		{name: "namespaces of the wrong type", setup: fake(func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path != "/wp-json/" && r.URL.Query().Get("rest_route") != "/" {
				return false
			}
			jsonAnswer(w, 200, `{"name":"Fake","home":"https://`+r.Host+`","namespaces":"wc/v3"}`)
			return true
		}), want: []string{"malformed-json/blocker", noWCPOS, "woocommerce-missing/blocker"}},
		{name: "redirect loop", setup: fake(func(w http.ResponseWriter, r *http.Request) bool {
			next := "/a"
			if r.URL.Path == "/a" {
				next = "/b"
			}
			http.Redirect(w, r, next, http.StatusFound)
			return true
		}), want: []string{"redirect-loop/blocker", "redirected/info"}},
		{name: "401 with WWW-Authenticate from the web server", setup: fake(everywhere(401,
			http.Header{"Www-Authenticate": {`Basic realm="Staging"`}, "Content-Type": {"text/html"}}, "<h1>401 Authorization Required</h1>")),
			want: blocker(wooclient.CauseSitePassword)},
		{name: "500", setup: fake(everywhere(500, html, "<h1>Error establishing a database connection</h1>")), want: blocker(wooclient.CauseServerError)},
		{name: "502", setup: fake(everywhere(502, html, "<h1>502 Bad Gateway</h1>")), want: blocker(wooclient.CauseServerError)},
		{name: "503", setup: fake(everywhere(503, html, "<h1>Maintenance</h1>")), want: blocker(wooclient.CauseServerError)},
		{name: "504", setup: fake(everywhere(504, html, "<h1>504 Gateway Time-out</h1>")), want: blocker(wooclient.CauseServerError)},
		{name: "bot challenge", setup: fake(everywhere(403, http.Header{"Cf-Mitigated": {"challenge"}, "Content-Type": {"text/html"}},
			"<title>Just a moment...</title>")), want: blocker(wooclient.CauseBotChallenge)},
		{name: "WAF 403", setup: fake(everywhere(403, html, "<h1>403 Forbidden</h1><p>ModSecurity</p>")), want: blocker(wooclient.CauseWAFBlocked)},
		{name: "self-signed certificate", setup: func(t *testing.T, _ *wooclient.Options) string {
			return (&fakeWoo{}).start(t, "https").URL
		}, want: blocker(wooclient.CauseTLSUntrust)},
		{name: "expired certificate", setup: wootestStore(wootest.Config{Certificate: wootest.CertExpired}), want: blocker(wooclient.CauseTLSExpired)},
		{name: "certificate for another host", setup: wootestStore(wootest.Config{Certificate: wootest.CertWrongHost}), want: blocker(wooclient.CauseTLSHostname)},
		{name: "HTTPS to a plain-HTTP port", setup: func(t *testing.T, _ *wooclient.Options) string {
			return strings.Replace((&fakeWoo{}).start(t, "http").URL, "http://", "https://", 1)
		}, want: blocker(wooclient.CauseTLSOther)},
		{name: "Date header two hours off", setup: serveFake(&fakeWoo{cfg: wootest.Config{ClockOffset: 2 * time.Hour}}),
			want: []string{"clock-skew/warning", noWCPOS}, transport: "basic", perms: "rwop", detail: ""},
		// A caller's own transport may fail verification without naming the
		// certificate (crypto/tls always names it): still API01005, no crash.
		{name: "certificate error naming no certificate", setup: func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}})
			return "https://shop.example"
		}, want: blocker(wooclient.CauseTLSUntrust), detail: "the certificate is not signed by an authority this terminal trusts"},
		{name: "DNS name not found", setup: func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.DNSError{Err: "no such host", Name: "shop.invalid", IsNotFound: true})
			return "https://shop.invalid"
		}, want: blocker(wooclient.CauseDNS), detail: "no address found for shop.invalid"},
		{name: "DNS lookup timed out", setup: func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.DNSError{Err: "i/o timeout", Name: "shop.example", IsTimeout: true})
			o.HasNetwork = func() bool { return true }
			return "https://shop.example"
		}, want: blocker(wooclient.CauseTimeout), detail: "the name server did not answer for shop.example"},
		{name: "terminal offline", setup: func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ENETUNREACH})
			o.HasNetwork = func() bool { return false }
			return "https://shop.example"
		}, want: blocker(wooclient.CauseOffline)},
		{name: "network unreachable", setup: func(t *testing.T, o *wooclient.Options) string {
			o.Transport = dialError(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.EHOSTUNREACH})
			o.HasNetwork = func() bool { return true }
			return "https://shop.example"
		}, want: blocker(wooclient.CauseUnreachable)},
	}
	cases = append(cases, hostileSlowCases()...)
	cases = append(cases, hostileKeyCases()...)
	cases = append(cases, hostileClockCases()...)
	cases = append(cases, hostileSiteCases()...)
	cases = append(cases, hostileRedirectCases()...)
	cases = append(cases, hostileCapCases()...)
	cases = append(cases, hostileDownCases()...)
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
// deadline: each must end in exactly its findings (so no extra blocker and
// no missing one), with the transport and permissions the store allows and
// OK() agreeing, in time, without leaving a goroutine behind.
func TestHostileStores(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && testing.Short() {
				t.Skip("waits out timeouts or Retry-After pauses; not in -short")
			}
			before := runtime.NumGoroutine()
			t.Cleanup(func() { checkNoLeak(t, before) }) // runs last, after the servers close
			opts := wooclient.Options{RequestTimeout: 700 * time.Millisecond, Deadline: 4 * time.Second}
			addr := tc.setup(t, &opts)
			creds := wooclient.Credentials{Key: testKey, Secret: testSecret}
			if tc.creds != nil {
				creds = *tc.creds
			}
			start := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
			defer cancel()
			rep := wooclient.New(opts).Check(ctx, addr, creds, nil)
			if took := time.Since(start); took > opts.Deadline+time.Second {
				t.Errorf("took %v, past the %v deadline", took, opts.Deadline)
			}
			assertVerdict(t, causeCase{want: tc.want, transport: tc.transport, perms: tc.perms, detail: tc.detail}, rep)
			for _, f := range rep.Findings {
				if f.Cause == "" || f.Title == "" || f.Message == "" {
					t.Errorf("unnamed finding: %+v", f)
				}
			}
			assertNoSecretIn(t, rep, creds)
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
