package wooclient_test

import (
	"context"
	"sort"
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

// waves counts dependent levels in the store's log: a request belongs to a
// new level when it arrived after an answer of the current level, since only
// then could it depend on one; requests that arrive before any answer of the
// level (however late their goroutine ran) were sent without waiting.
func waves(log []wootest.Request) int {
	reqs := append([]wootest.Request(nil), log...)
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].Time.Before(reqs[j].Time) })
	n := 0
	var firstAnswer time.Time
	for _, r := range reqs {
		if n == 0 || !r.Time.Before(firstAnswer) {
			n, firstAnswer = n+1, r.Answered
			continue
		}
		if r.Answered.Before(firstAnswer) {
			firstAnswer = r.Answered
		}
	}
	return n
}

// TestLevelBudgets holds the diagnosis to issue 10's budgets, counting the
// dependent levels in the store's own request log: a new address in two
// levels when healthy and three at most in every failure case, a saved
// connection in one level when healthy.
func TestLevelBudgets(t *testing.T) {
	const delay = 100 * time.Millisecond
	for _, sc := range levelScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			s, creds, addr, saved := sc.setup(t, delay)
			defer s.Close()
			c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
			c.Check(context.Background(), addr, creds, nil)
			if n := waves(s.Requests()); n > sc.budget {
				t.Errorf("new address: %d levels, budget %d", n, sc.budget)
				logRequests(t, s.Requests())
			}
			s.ResetRequests()
			c.CheckSaved(context.Background(), saved, creds, nil)
			if n := waves(s.Requests()); n > sc.saved {
				t.Errorf("saved connection: %d levels, budget %d", n, sc.saved)
				logRequests(t, s.Requests())
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
