package wooclient_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestRequestHeaders: every request names the tool (domain.md §4: a plain
// User-Agent naming it, which WAFs that refuse library agents let through),
// asks caches not to answer (Cache-Control: no-cache) and accepts JSON (a
// fatal PHP error then answers JSON).
func TestRequestHeaders(t *testing.T) {
	for _, tc := range []struct{ set, want string }{{"", "wcpos-setup/dev"}, {"wcpos-setup/1.2.0", "wcpos-setup/1.2.0"}} {
		s := wootest.New(wootest.Config{})
		c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), UserAgent: tc.set})
		c.Check(context.Background(), s.URL(), pair(s.MintKey("till", wootest.ReadWrite, wootest.Administrator)), nil)
		log := s.Requests()
		s.Close()
		if len(log) < 8 {
			t.Fatalf("only %d requests", len(log))
		}
		for _, r := range log {
			if ua := r.Header.Get("User-Agent"); ua != tc.want {
				t.Errorf("%s %s: User-Agent %q, want %q", r.Method, r.Path, ua, tc.want)
			}
			if cc := r.Header.Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("%s %s: Cache-Control %q", r.Method, r.Path, cc)
			}
		}
	}
}

// TestCertificateProblemNamedFirst: when the first level fails in different
// ways (the front page timing out while the REST requests fail their TLS
// handshake), the certificate is named: it is the problem the admin can
// fix, and the server did answer.
func TestCertificateProblemNamedFirst(t *testing.T) {
	cert := &x509.Certificate{}
	legacy := &x509.Certificate{Subject: pkix.Name{CommonName: "old.example"}}
	many := &x509.Certificate{DNSNames: []string{"a.example", "b.example", "c.example", "d.example"}}
	three := &x509.Certificate{DNSNames: []string{"a.example", "b.example"}, IPAddresses: []net.IP{net.IPv4(192, 0, 2, 1)}}
	for _, tc := range []struct {
		err    error
		want   wooclient.Cause
		detail string
	}{
		{x509.UnknownAuthorityError{Cert: &x509.Certificate{Subject: pkix.Name{CommonName: "shop.example"}, Issuer: pkix.Name{CommonName: "Private CA"}}},
			wooclient.CauseTLSUntrust, "the certificate is not signed by an authority this terminal trusts (issuer: Private CA)"},
		{x509.UnknownAuthorityError{Cert: &x509.Certificate{Subject: pkix.Name{CommonName: "shop.example"}, Issuer: pkix.Name{CommonName: "shop.example"}}},
			wooclient.CauseTLSUntrust, "the certificate is self-signed (shop.example)"},
		{x509.CertificateInvalidError{Cert: cert, Reason: x509.Expired}, wooclient.CauseTLSExpired, "the certificate expired on 0001-01-01"},
		{x509.HostnameError{Certificate: cert, Host: "shop.example"}, wooclient.CauseTLSHostname, "the certificate is for , not shop.example"},
		// A certificate with no alternative names is named by its common
		// name; more than three names are cut short.
		{x509.HostnameError{Certificate: legacy, Host: "shop.example"}, wooclient.CauseTLSHostname, "the certificate is for old.example, not shop.example"},
		{x509.HostnameError{Certificate: many, Host: "shop.example"}, wooclient.CauseTLSHostname,
			"the certificate is for a.example, b.example, c.example, …, not shop.example"},
		{x509.HostnameError{Certificate: three, Host: "shop.example"}, wooclient.CauseTLSHostname,
			"the certificate is for a.example, b.example, 192.0.2.1, not shop.example"},
		{tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, wooclient.CauseTLSOther, "the server does not speak HTTPS"},
		{errors.New("tls: server selected unsupported protocol version 301"), "", ""},
	} {
		rt := roundTrip(func(r *http.Request) (*http.Response, error) {
			if r.URL.Path == "/" {
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: timeoutError{}}
			}
			return nil, tc.err
		})
		rep := wooclient.New(wooclient.Options{Transport: rt, RequestTimeout: time.Second}).
			Check(context.Background(), "https://shop.example", wooclient.Credentials{}, nil)
		if tc.want == "" { // not a certificate problem: the first request's failure stands
			assertVerdict(t, causeCase{want: []string{"timeout/blocker"}}, withKey(rep))
			assertChecks(t, "reachable=fail certificate=skipped", rep)
			continue
		}
		assertVerdict(t, causeCase{want: []string{string(tc.want) + "/blocker"}, detail: tc.detail}, withKey(rep))
		assertChecks(t, "reachable=ok certificate=fail", rep)
	}
}

// withKey gives a store-only report an empty key status, for assertVerdict.
func withKey(rep *wooclient.Report) *wooclient.Report {
	if rep.Key == nil {
		rep.Key = &wooclient.KeyStatus{}
	}
	return rep
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }
