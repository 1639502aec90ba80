package wooclient_test

import (
	"context"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// benchDelay is the store's think time per request: on slow shop Wi-Fi the
// round trip dominates, so wall time ÷ delay counts the dependent levels.
const benchDelay = 150 * time.Millisecond

// BenchmarkDiagnosis runs a full check (discovery, authentication, write
// probe, capabilities) against a store that takes 150 ms per request, for
// the healthy store and each degraded path, with the real client and with
// a deliberately sequential one. It reports levels (wall ÷ delay), requests
// and requests per level.
//
//	go test -run '^$' -bench Diagnosis -benchtime 3x ./wooclient/
func BenchmarkDiagnosis(b *testing.B) {
	scenarios := []struct {
		name string
		cfg  wootest.Config
		key  func(*wootest.Store) wootest.Key
		http bool
	}{
		{name: "healthy"},
		{name: "header-stripped", cfg: wootest.Config{StripAuthorization: true}},
		{name: "unknown-key", key: func(*wootest.Store) wootest.Key { return wootest.NewKey(wootest.ReadWrite, wootest.Administrator) }},
		{name: "read-only", key: func(s *wootest.Store) wootest.Key { return s.MintKey("ro", wootest.Read, wootest.Administrator) }},
		{name: "https-not-detected", cfg: wootest.Config{HTTPSNotDetected: true}},
		{name: "plain-http-oauth", cfg: wootest.Config{HomeScheme: "http"}, http: true},
		{name: "plain-permalinks", cfg: wootest.Config{PlainPermalinks: true, WCPOSVersion: "1.8.2"}},
	}
	for _, sc := range scenarios {
		for _, mode := range []struct {
			name       string
			sequential bool
		}{{"concurrent", false}, {"sequential", true}} {
			b.Run(sc.name+"/"+mode.name, func(b *testing.B) {
				cfg := sc.cfg
				cfg.Delay = benchDelay
				s := wootest.New(cfg)
				defer s.Close()
				key := s.MintKey("bench", wootest.ReadWrite, wootest.Administrator)
				if sc.key != nil {
					key = sc.key(s)
				}
				addr := s.URL()
				if sc.http {
					addr = s.HTTPURL()
				}
				c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), Sequential: mode.sequential})
				creds := wooclient.Credentials{Key: key.ConsumerKey, Secret: key.ConsumerSecret}
				requests := 0
				start := time.Now()
				for b.Loop() {
					requests += c.Check(context.Background(), addr, creds, nil).Requests
				}
				wall := time.Since(start) / time.Duration(b.N)
				levels := float64(wall) / float64(benchDelay)
				b.ReportMetric(levels, "levels")
				b.ReportMetric(float64(requests)/float64(b.N), "requests")
				b.ReportMetric(float64(requests)/float64(b.N)/levels, "req/level")
			})
		}
	}
}
