package wooclient_test

import (
	"context"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// levelScenario is one store and key for counting request levels: the
// benchmark and the budget test share them.
type levelScenario struct {
	name string
	cfg  wootest.Config
	// key is the pair the terminal holds (default: a Read/Write admin key).
	key  func(*wootest.Store) wootest.Key
	addr func(*wootest.Store) string
	// budget and saved are the most dependent levels the new-address path
	// and the saved path may take: what the design reaches, within issue
	// 10's 2 (healthy) and 3 (failure cases) for a new address and 1 for a
	// healthy saved connection.
	budget, saved int
}

// levelScenarios are the healthy store, every failure case issue 10 sets a
// budget for, and the site setups that move the REST root.
func levelScenarios() []levelScenario {
	minted := func(p wootest.Permission) func(*wootest.Store) wootest.Key {
		return func(s *wootest.Store) wootest.Key { return s.MintKey("t", p, wootest.Administrator) }
	}
	return []levelScenario{
		{name: "healthy", budget: 2, saved: 1},
		{name: "unknown-key", key: func(*wootest.Store) wootest.Key { return wootest.NewKey(wootest.ReadWrite, wootest.Administrator) }, budget: 2, saved: 2},
		{name: "wrong-pair", key: func(s *wootest.Store) wootest.Key {
			k := s.MintKey("t", wootest.ReadWrite, wootest.Administrator)
			k.ConsumerSecret = s.MintKey("other", wootest.ReadWrite, wootest.Administrator).ConsumerSecret
			return k
		}, budget: 2, saved: 2},
		{name: "read-only", key: minted(wootest.Read), budget: 2, saved: 1},
		{name: "write-only", key: minted(wootest.Write), budget: 2, saved: 1},
		{name: "header-stripped", cfg: wootest.Config{StripAuthorization: true}, budget: 3, saved: 1},
		{name: "https-not-detected", cfg: wootest.Config{HTTPSNotDetected: true}, budget: 2, saved: 2},
		{name: "plain-permalinks", cfg: wootest.Config{PlainPermalinks: true, WCPOSVersion: "1.8.2"}, budget: 2, saved: 2},
		{name: "plain-http-oauth", cfg: wootest.Config{HomeScheme: "http"}, addr: func(s *wootest.Store) string { return s.HTTPURL() }, budget: 2, saved: 1},
		{name: "rest-prefix-api", cfg: wootest.Config{RESTPrefix: "api"}, budget: 3, saved: 1},
		{name: "sub-directory", cfg: wootest.Config{SubDirectory: "/shop"}, addr: func(s *wootest.Store) string { return s.SiteURL() }, budget: 2, saved: 1},
		{name: "index-permalinks", cfg: wootest.Config{IndexPermalinks: true}, budget: 3, saved: 1},
	}
}

// setup starts the scenario's store and returns it, the pair the terminal
// holds, the address typed, and the connection a terminal would have saved
// with a working key (the saved path's starting point).
func (sc levelScenario) setup(tb testing.TB, delay time.Duration) (*wootest.Store, wooclient.Credentials, string, wooclient.Saved) {
	tb.Helper()
	s := wootest.New(sc.cfg)
	good := s.MintKey("saved", wootest.ReadWrite, wootest.Administrator)
	key := good
	if sc.key != nil {
		key = sc.key(s)
	}
	addr := s.URL()
	if sc.addr != nil {
		addr = sc.addr(s)
	}
	c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
	rep := c.Check(context.Background(), addr, pair(good), nil)
	saved := wooclient.Saved{Store: rep.Store, Transport: wooclient.TransportBasic}
	if rep.Key != nil && rep.Key.Transport != "" {
		saved.Transport = rep.Key.Transport
	}
	s.Update(func(c *wootest.Config) { c.Delay = delay })
	s.ResetRequests()
	return s, pair(key), addr, saved
}

// span is the time from the first request's arrival to the last answer, as
// the store logged them: the levels a diagnosis takes, times the delay.
func span(log []wootest.Request) time.Duration {
	if len(log) == 0 {
		return 0
	}
	first, last := log[0].Time, log[0].Answered
	for _, r := range log {
		if r.Time.Before(first) {
			first = r.Time
		}
		if r.Answered.After(last) {
			last = r.Answered
		}
	}
	return last.Sub(first)
}

// TestLevelBudgets holds the diagnosis to issue 10's budgets: a new address
// in two levels when healthy and three at most in every failure case, a saved
// connection in one level when healthy. Levels are the rounds of requests the
// client had to wait for (Report.Levels: deterministic, so a loaded machine
// cannot make this flaky); the benchmark measures the same from the store's
// log. The store must have seen exactly the requests the client counted.
func TestLevelBudgets(t *testing.T) {
	for _, sc := range levelScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			s, creds, addr, saved := sc.setup(t, 0)
			defer s.Close()
			c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
			for _, path := range []string{"new address", "saved connection"} {
				s.ResetRequests()
				var rep *wooclient.Report
				budget := sc.budget
				if path == "saved connection" {
					rep, budget = c.CheckSaved(context.Background(), saved, creds, nil), sc.saved
				} else {
					rep = c.Check(context.Background(), addr, creds, nil)
				}
				if rep.Levels > budget || rep.Levels < 1 {
					t.Errorf("%s: %d levels, budget %d", path, rep.Levels, budget)
					logRequests(t, s.Requests())
				}
				if n := len(s.Requests()); n != rep.Requests {
					t.Errorf("%s: the store saw %d requests, the report counts %d", path, n, rep.Requests)
				}
			}
		})
	}
}

func logRequests(t *testing.T, log []wootest.Request) {
	t.Helper()
	for _, r := range log {
		t.Logf("  %s %s %s %v → %d", r.Time.Format("05.000"), r.Method, r.Path, r.Credentials, r.Status)
	}
}
