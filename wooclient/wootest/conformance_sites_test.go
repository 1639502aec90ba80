package wootest

import (
	"io"
	"net/http"
	"sync"
	"testing"
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

// burstOfSix sends six copies of req at the same moment, as the recorded burst did,
// expects three to pass and three to be refused, and returns one answer with the
// case's status.
func burstOfSix(t *testing.T, c *http.Client, req *http.Request, status int) (*http.Response, []byte) {
	t.Helper()
	type answer struct {
		resp *http.Response
		body []byte
	}
	answers := make([]answer, 6)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range answers {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			resp, err := c.Do(req.Clone(req.Context()))
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
	counts := map[int]int{}
	var pick *answer
	for i, a := range answers {
		if a.resp == nil {
			t.FailNow()
		}
		counts[a.resp.StatusCode]++
		if a.resp.StatusCode == status && pick == nil {
			pick = &answers[i]
		}
	}
	if counts[200] != 3 || counts[503] != 3 {
		t.Errorf("six simultaneous requests answered %v, want three 200 and three 503", counts)
	}
	if pick == nil {
		t.Fatalf("no answer with status %d among %v", status, counts)
	}
	return pick.resp, pick.body
}
