package wooclient_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// hostileProbeCases are behaviours around redirects and the write probe,
// where what must never happen matters as much as the finding.
func hostileProbeCases() []hostile {
	var probe2xx, probe3xx fakeWoo
	probe2xx.override = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost {
			return false
		}
		jsonAnswer(w, 201, `{"id":99}`)
		return true
	}
	probe3xx.override = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost {
			return false
		}
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
		return true
	}
	onePost := func(f *fakeWoo) func(*testing.T, *wooclient.Report) {
		return func(t *testing.T, _ *wooclient.Report) {
			if n := f.postCount(); n != 1 {
				t.Errorf("%d POSTs reached the store; the probe must be sent once and never retried or followed", n)
			}
		}
	}
	// Signatures dropped on the way (a proxy removing oauth_* parameters):
	// the signed read proves nothing, so the signed probe's answer counts
	// only when it needs no proven key: a 2xx (something answers the made-up
	// route whoever asks), never a 300 without a Location, which is asked
	// again with the way the key was proven (Basic).
	var probe200, probe300 fakeWoo
	for _, f := range []struct {
		fake   *fakeWoo
		status int
	}{{&probe200, 200}, {&probe300, 300}} {
		f.fake.rewrite = dropSignature
		f.fake.override = func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodPost {
				return false
			}
			jsonAnswer(w, f.status, `{"id":99}`)
			return true
		}
	}
	posts := func(f *fakeWoo, n int) func(*testing.T, *wooclient.Report) {
		return func(t *testing.T, _ *wooclient.Report) {
			if got := f.postCount(); got != n {
				t.Errorf("%d POSTs reached the store, want %d", got, n)
			}
		}
	}
	var otherHostAuth atomic.Int32
	var target *httptest.Server
	const noWCPOS = "wcpos-plugin-missing/info"
	return []hostile{
		{name: "2xx on the write probe", setup: serveFake(&probe2xx), want: []string{"probe-route-exists/blocker", noWCPOS},
			transport: "basic", perms: "rop", check: onePost(&probe2xx)},
		{name: "3xx on the write probe", setup: serveFake(&probe3xx), want: []string{noWCPOS, "write-unproven/blocker"},
			transport: "basic", perms: "rop", check: onePost(&probe3xx), detail: "the write check was redirected to "},
		{name: "200 on the write probe, signatures dropped", setup: serveFake(&probe200), want: []string{"probe-route-exists/blocker", noWCPOS},
			transport: "basic", perms: "rop", check: posts(&probe200, 1)},
		{name: "300 on the write probe, signatures dropped", setup: serveFake(&probe300), want: []string{noWCPOS, "write-unproven/blocker"},
			transport: "basic", perms: "rop", check: posts(&probe300, 2), detail: "the write check answered 300 Multiple Choices"},
		{name: "redirect to another host", setup: func(t *testing.T, o *wooclient.Options) string {
			target = (&fakeWoo{}).start(t, "https")
			origin := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "" || strings.Contains(r.URL.RawQuery, "consumer_") ||
					strings.Contains(r.URL.RawQuery, "oauth_") {
					otherHostAuth.Add(1)
				}
				http.Redirect(w, r, target.URL+r.URL.RequestURI(), http.StatusMovedPermanently)
			}))
			o.RootCAs = trust(target)
			o.RootCAs.AddCert(origin.Certificate())
			return origin.URL
		}, want: []string{"redirected/info", noWCPOS}, transport: "basic", perms: "rwop", check: func(t *testing.T, rep *wooclient.Report) {
			for _, f := range rep.Findings {
				if f.Cause == wooclient.CauseRedirected && (len(f.Evidence) == 0 || f.Evidence[0].Note != "redirected to "+target.URL+"/") {
					t.Errorf("the redirect's evidence says %v, want it to name %s/", f.Evidence, target.URL)
				}
			}
			if rep.Store.Home != target.URL {
				t.Errorf("home %q, want the redirect target %q", rep.Store.Home, target.URL)
			}
			if n := otherHostAuth.Load(); n != 0 {
				t.Errorf("credentials were sent to the redirecting host %d times", n)
			}
		}},
		{name: "redirect to plain HTTP", setup: func(t *testing.T, o *wooclient.Options) string {
			plain := (&fakeWoo{}).start(t, "http")
			origin := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, plain.URL+r.URL.RequestURI(), http.StatusFound)
			}))
			o.RootCAs = trust(origin)
			return origin.URL
		}, want: []string{"insecure-http/warning", "redirected/info", noWCPOS}, transport: "oauth1", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				assertChecks(t, "certificate=warn:redirected_away_from_HTTPS", rep)
			}},
		{name: "keep-alive connections never closed", setup: serveFake(&fakeWoo{}), want: []string{noWCPOS}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				host := strings.TrimPrefix(rep.Store.Home, "https://")
				assertChecks(t, "reachable=ok:"+host+"_answers certificate=ok:TLS_1.3", rep)
				if c, _ := rep.Check(wooclient.CheckReachable); c.Detail != host+" answers" {
					t.Errorf("reachable says %q, want %q", c.Detail, host+" answers")
				}
				if rep.Store.SiteURL != "" {
					t.Errorf("site URL %q where WordPress lives at home", rep.Store.SiteURL)
				}
			}},
	}
}

// dropSignature removes the oauth_* parameters from a request's query.
func dropSignature(r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if strings.HasPrefix(k, "oauth_") {
			q.Del(k)
		}
	}
	r.URL.RawQuery = q.Encode()
}
