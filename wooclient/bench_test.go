package wooclient_test

import (
	"context"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// benchDelay is the store's think time per request: on slow shop Wi-Fi the
// round trip dominates, so the span of the store's log ÷ delay counts the
// dependent levels.
const benchDelay = 150 * time.Millisecond

// BenchmarkDiagnosis runs each scenario's diagnosis against a store that takes
// 150 ms per request, three ways: a new address (Check: discovery, then the
// key), the saved connection (CheckSaved: one level when nothing changed),
// and a deliberately sequential client on a new address. Levels are counted
// from the store's request log (first arrival to last answer ÷ delay), not
// from the client's bookkeeping; it also reports requests and requests per
// level.
//
//	go test -run '^$' -bench Diagnosis -benchtime 3x ./wooclient/
func BenchmarkDiagnosis(b *testing.B) {
	for _, sc := range levelScenarios() {
		for _, mode := range []string{"new", "saved", "sequential"} {
			b.Run(sc.name+"/"+mode, func(b *testing.B) {
				s, creds, addr, saved := sc.setup(b, benchDelay)
				defer s.Close()
				c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), Sequential: mode == "sequential"})
				var total time.Duration
				requests := 0
				for b.Loop() {
					s.ResetRequests()
					if mode == "saved" {
						c.CheckSaved(context.Background(), saved, creds, nil)
					} else {
						c.Check(context.Background(), addr, creds, nil)
					}
					log := s.Requests()
					total += span(log)
					requests += len(log)
				}
				levels := float64(total) / float64(b.N) / float64(benchDelay)
				perRun := float64(requests) / float64(b.N)
				b.ReportMetric(levels, "levels")
				b.ReportMetric(perRun, "requests")
				b.ReportMetric(perRun/levels, "req/level")
			})
		}
	}
}
