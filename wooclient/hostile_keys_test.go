package wooclient_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// hostileKeyCases are layers between the terminal and a faithful store that
// change what happens to the key: each must end in the verdict domain.md
// gives, never in "the key works" unless the store behind accepted it.
func hostileKeyCases() []hostile {
	const noWCPOS = "wcpos-plugin-missing/info"
	unknown := wootest.NewKey(wootest.ReadWrite, wootest.Administrator)
	return []hostile{
		// A proxy or cache that drops the Authorization header and the query
		// string on wc/ routes: Basic, query and signed reads all arrive
		// anonymous (401 cannot_view). Nothing the terminal can send gets
		// the key to WooCommerce: a blocker, whatever the key.
		{name: "keys ignored by every transport", setup: serveFake(&fakeWoo{rewrite: dropKeys}),
			want: []string{"credentials-lost/blocker", noWCPOS}, detail: "Basic, query and signed requests were all handled as anonymous"},
		{name: "keys ignored by every transport, plain HTTP", setup: servePlainFake(&fakeWoo{rewrite: dropKeys}),
			want: []string{"credentials-lost/blocker", "insecure-http/warning", noWCPOS}},
		// A web server that adds WWW-Authenticate to every 401 (some
		// hosts do) in front of WooCommerce's JSON answers: a JSON 401 with
		// a WooCommerce code is WooCommerce speaking, not a site password.
		{name: "JSON 401 with WWW-Authenticate, unknown key", setup: serveFake(&fakeWoo{modify: challengeEvery401}),
			creds: &wooclient.Credentials{Key: unknown.ConsumerKey, Secret: unknown.ConsumerSecret},
			want:  []string{"unknown-key/blocker", noWCPOS}},
		{name: "JSON 401 with WWW-Authenticate, Read-only key", setup: serveFake(&fakeWoo{modify: challengeEvery401,
			cfg: wootest.Config{Keys: []wootest.Key{{ConsumerKey: testKey, ConsumerSecret: testSecret, Permissions: wootest.Read,
				Role: wootest.Administrator, User: "admin"}}}}),
			want: []string{"read-only/blocker", noWCPOS}, transport: "basic", perms: "rop"},
		// A plain-HTTP store (signatures only) whose clock is three hours
		// off, behind a CDN that stamps its own, right, Date on everything
		// but WordPress's answers to signed requests: discovery sees no skew,
		// the first signed requests get "Invalid timestamp.", and the client
		// must sign again with the store's clock from that answer, and warn.
		{name: "store clock hours off, discovered by the key stage", setup: servePlainFake(&fakeWoo{
			cfg: wootest.Config{ClockOffset: 3 * time.Hour}, modify: cdnDate}),
			want: []string{"clock-skew/warning", "insecure-http/warning", noWCPOS}, transport: "oauth1", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				for _, f := range rep.Findings {
					if f.Cause == wooclient.CauseClockSkew && !strings.Contains(f.Detail, "3h0m0s behind the store's") {
						t.Errorf("clock-skew detail %q does not name the store's clock, 3 hours ahead", f.Detail)
					}
				}
			}},
	}
}

// servePlainFake serves f over plain HTTP.
func servePlainFake(f *fakeWoo) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, _ *wooclient.Options) string { return f.start(t, "http").URL }
}

// dropKeys removes what carries a key on wc/ routes: the Authorization
// header and the whole query string.
func dropKeys(r *http.Request) {
	if strings.Contains(r.URL.Path, "/wc/") {
		r.Header.Del("Authorization")
		r.URL.RawQuery = ""
	}
}

// challengeEvery401 adds a server's Basic challenge to every 401.
func challengeEvery401(resp *http.Response) error {
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Header.Set("WWW-Authenticate", `Basic realm="Restricted"`)
	}
	return nil
}

// cdnDate stamps this machine's (right) time on every answer except those to
// OAuth-signed requests, which keep the store's own Date.
func cdnDate(resp *http.Response) error {
	if !strings.Contains(resp.Request.URL.RawQuery, "oauth_signature=") {
		resp.Header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	return nil
}

// clockAt serves a faithful store whose answers carry a Date exactly off
// from this terminal's clock (Options.Now, fixed): WooCommerce accepts
// timestamps up to 900 s either side, so 15 minutes to the second is no
// skew, and a second more is.
func clockAt(off time.Duration) func(*testing.T, *wooclient.Options) string {
	return func(t *testing.T, o *wooclient.Options) string {
		now := time.Now().Truncate(time.Second)
		o.Now = func() time.Time { return now }
		// The store behind keeps the same clock for OAuth's own check, so
		// only the clock check is at its limit, not the signatures.
		f := &fakeWoo{cfg: wootest.Config{ClockOffset: off}, modify: func(resp *http.Response) error {
			resp.Header.Set("Date", now.Add(off).UTC().Format(http.TimeFormat))
			return nil
		}}
		return serveFake(f)(t, o)
	}
}

// hostileClockCases hold the clock check at OAuth's limit, both ways.
func hostileClockCases() []hostile {
	const noWCPOS = "wcpos-plugin-missing/info"
	skew := []string{"clock-skew/warning", noWCPOS}
	return []hostile{
		{name: "store clock exactly 15 minutes ahead", setup: clockAt(15 * time.Minute), want: []string{noWCPOS}, transport: "basic", perms: "rwop"},
		{name: "store clock exactly 15 minutes behind", setup: clockAt(-15 * time.Minute), want: []string{noWCPOS}, transport: "basic", perms: "rwop"},
		{name: "store clock 15 minutes and a second ahead", setup: clockAt(15*time.Minute + time.Second), want: skew, transport: "basic", perms: "rwop"},
		{name: "store clock 15 minutes and a second behind", setup: clockAt(-15*time.Minute - time.Second), want: skew, transport: "basic", perms: "rwop"},
	}
}
