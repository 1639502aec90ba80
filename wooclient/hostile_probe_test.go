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
	var otherHostAuth atomic.Int32
	var target *httptest.Server
	return []hostile{
		{"2xx on the write probe", serveFake(&probe2xx), wooclient.CauseProbeRouteExists, onePost(&probe2xx)},
		{"3xx on the write probe", serveFake(&probe3xx), wooclient.CauseWriteUnproven, onePost(&probe3xx)},
		{"redirect to another host", func(t *testing.T, o *wooclient.Options) string {
			target = tlsServer(t, &fakeWoo{})
			origin := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "" || strings.Contains(r.URL.RawQuery, "consumer_") {
					otherHostAuth.Add(1)
				}
				http.Redirect(w, r, target.URL+r.URL.RequestURI(), http.StatusMovedPermanently)
			}))
			o.RootCAs = trust(target)
			o.RootCAs.AddCert(origin.Certificate())
			return origin.URL
		}, wooclient.CauseRedirected, func(t *testing.T, rep *wooclient.Report) {
			if rep.Store.Home != target.URL {
				t.Errorf("home %q, want the redirect target %q", rep.Store.Home, target.URL)
			}
			if n := otherHostAuth.Load(); n != 0 {
				t.Errorf("credentials were sent to the redirecting host %d times", n)
			}
		}},
		{"redirect to plain HTTP", func(t *testing.T, o *wooclient.Options) string {
			plain := httptest.NewServer(&fakeWoo{})
			t.Cleanup(plain.Close)
			origin := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, plain.URL+r.URL.RequestURI(), http.StatusFound)
			}))
			o.RootCAs = trust(origin)
			return origin.URL
		}, wooclient.CauseInsecureHTTP, func(t *testing.T, rep *wooclient.Report) {
			if !rep.Has(wooclient.CauseRedirected) {
				t.Error("the downgrade redirect is not reported")
			}
		}},
		{"keep-alive connections never closed", serveFake(&fakeWoo{}), "", func(t *testing.T, rep *wooclient.Report) {
			if !rep.OK() {
				t.Errorf("a healthy store that keeps connections open must pass: %v", rep.Findings)
			}
		}},
	}
}

func serveFake(f *fakeWoo) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		s := tlsServer(t, f)
		o.RootCAs = trust(s)
		return s.URL
	}
}
