package wootest

import (
	"crypto/tls"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"
)

// siteCase is how the store is set up for one "sites" entry of the second fixture
// set: the knobs, the recorded home (host[:port][/dir], https) when it is not the
// default store's, and what to do once the store runs.
type siteCase struct {
	configure func(*Config)
	home      string
	after     func(*Store)
}

// siteSetup maps a case's site to the store's knobs, exactly as cases.json's "sites"
// describes each setup.
func siteSetup(t *testing.T, site string) siteCase {
	t.Helper()
	set := func(f func(*Config)) siteCase { return siteCase{configure: f} }
	switch site {
	case "default":
		return set(func(*Config) {})
	case "plain-permalinks":
		return set(func(c *Config) { c.PlainPermalinks = true })
	case "woocommerce-inactive":
		return set(func(c *Config) { c.WooCommerceInactive = true })
	case "rest-prefix-api":
		return set(func(c *Config) { c.RESTPrefix = "api" })
	case "index-permalinks":
		return set(func(c *Config) { c.IndexPermalinks = true })
	case "subdirectory":
		return siteCase{configure: func(c *Config) { c.SubDirectory = "/shop" }, home: "127.0.0.1:8446"}
	case "no-rewrites":
		return siteCase{configure: func(c *Config) { c.NoRewrites = true }, home: "127.0.0.1:8452"}
	case "maintenance":
		return set(func(c *Config) { c.Maintenance = true })
	case "fatal-rest":
		return set(func(c *Config) { c.FatalREST = true })
	case "php-notices":
		return set(func(c *Config) { c.PHPNotices = true })
	case "bom":
		return set(func(c *Config) { c.BOM = true })
	case "deleted-user":
		return siteCase{configure: func(*Config) {}, after: func(s *Store) {
			if n := s.DeleteUser("tempmgr"); n != 1 {
				t.Fatalf("DeleteUser removed %d keys, want 1", n)
			}
		}}
	case "burst-limit":
		return set(func(c *Config) { c.BurstLimit = BurstLimit{Rate: 2, Burst: 2} })
	case "server-password":
		return siteCase{configure: func(c *Config) { c.ServerPassword = stagingPassword }, home: "127.0.0.1:8447"}
	}
	t.Fatalf("unknown site %q", site)
	return siteCase{}
}

// burstOfSix sends six copies of req at the same moment, as the recorded burst did
// (six requests on six open connections), expects three to pass and three to be
// refused, and returns one answer with the case's status. Connections are opened
// first, so what arrives together is the requests, not TLS handshakes; on a machine
// so loaded that the six still arrive spread over a quarter of a second (the limit
// refills one request per half second), the burst is tried again after the limit
// drained, up to three times.
func burstOfSix(t *testing.T, s *Store, req *http.Request, status int) (*http.Response, []byte) {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: s.CertPool()}, MaxIdleConnsPerHost: 6}}
	defer c.CloseIdleConnections()
	for try := 1; ; try++ {
		fire(t, c, func() *http.Request { // open six connections with pages, which are never limited
			r, _ := http.NewRequest("GET", req.URL.Scheme+"://"+req.URL.Host+"/", nil)
			return r
		})
		s.ResetRequests()
		answers := fire(t, c, func() *http.Request { return req.Clone(req.Context()) })
		counts, spread := map[int]int{}, arrivalSpread(s.Requests())
		var pick *answer
		for i, a := range answers {
			counts[a.resp.StatusCode]++
			if a.resp.StatusCode == status && pick == nil {
				pick = &answers[i]
			}
		}
		switch {
		case counts[200] == 3 && counts[503] == 3 && pick != nil:
			return pick.resp, pick.body
		case spread > 250*time.Millisecond && try < 3:
			time.Sleep(1500 * time.Millisecond) // let the limit drain, then try again
			continue
		}
		t.Fatalf("six simultaneous requests (arriving within %v) answered %v, want three 200 and three 503", spread, counts)
	}
}

// answer is one response with its body read.
type answer struct {
	resp *http.Response
	body []byte
}

// fire sends six requests at the same moment and returns their answers.
func fire(t *testing.T, c *http.Client, build func() *http.Request) []answer {
	t.Helper()
	answers := make([]answer, 6)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range answers {
		done.Add(1)
		go func() {
			defer done.Done()
			r := build()
			start.Wait()
			resp, err := c.Do(r)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			answers[i] = answer{resp, body}
		}()
	}
	start.Done()
	done.Wait()
	for _, a := range answers {
		if a.resp == nil {
			t.FailNow()
		}
	}
	return answers
}

// arrivalSpread is the time between the first and the last arrival in a log.
func arrivalSpread(log []Request) time.Duration {
	if len(log) == 0 {
		return 0
	}
	first, last := log[0].Time, log[0].Time
	for _, r := range log {
		first, last = minTime(first, r.Time), maxTime(last, r.Time)
	}
	return last.Sub(first)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
