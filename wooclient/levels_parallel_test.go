package wooclient_test

import (
	"context"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestALevelGoesOutTogether reads from the store's own log that a level's
// questions are in flight at the same time, not merely counted as one
// level: a saved connection asks its six at once (README, Performance: "a
// saved connection's one level is six"), and never more than six. Each
// answer takes 300 ms, so six requests sent one after another could not
// overlap at all.
func TestALevelGoesOutTogether(t *testing.T) {
	sc := levelScenarios()[0] // healthy
	s, creds, _, saved := sc.setup(t, 300*time.Millisecond)
	defer s.Close()
	s.ResetRequests()
	rep := wooclient.New(wooclient.Options{RootCAs: s.CertPool()}).CheckSaved(context.Background(), saved, creds, nil)
	if !rep.OK() {
		t.Fatalf("the healthy store does not work: %v", rep.Findings)
	}
	log := s.Requests()
	if got := maxInFlight(log); got != 6 {
		t.Errorf("at most %d requests were in flight together, want the saved level's 6", got)
		logRequests(t, log)
	}
}

// maxInFlight is the most requests whose [arrival, answer] overlap.
func maxInFlight(log []wootest.Request) int {
	most := 0
	for _, r := range log {
		n := 0
		for _, o := range log {
			if !o.Time.After(r.Time) && o.Answered.After(r.Time) {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}
