package wooclient_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestCheckSaved runs saved connections against stores that stayed the same,
// moved, or changed under the key, and asserts the whole verdict and how
// many dependent levels it took (from the store's log).
func TestCheckSaved(t *testing.T) {
	tests := []struct {
		name      string
		cfg       wootest.Config
		change    func(*wootest.Store, *wooclient.Saved, wootest.Key) wootest.Key // after saving
		want      []string
		transport wooclient.Transport
		levels    int
		perms     string // "rwop" proved, when checked
		says      string // words a finding's detail holds, when checked
	}{
		{name: "unchanged", transport: "basic", levels: 1},
		{name: "saved query transport, header passes again", cfg: wootest.Config{StripAuthorization: true},
			change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
				s.Update(func(c *wootest.Config) { c.StripAuthorization = false })
				return k
			}, transport: "query", levels: 1},
		{name: "header now stripped", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) { c.StripAuthorization = true })
			return k
		}, want: []string{"auth-header-stripped/warning"}, transport: "query", levels: 3},
		{name: "key revoked", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			_ = s.Revoke(k.ID)
			return k
		}, want: []string{"unknown-key/blocker"}, levels: 2},
		{name: "key made read-only", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			_ = s.SetPermissions(k.ID, wootest.Read)
			return k
		}, want: []string{"read-only/blocker"}, transport: "basic", levels: 1},
		{name: "user may now read products only", change: role(wootest.ProductEditor),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", levels: 1, perms: "rwp"},
		{name: "user may now read orders only", change: role(wootest.OrderClerk),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", levels: 1, perms: "rwo"},
		{name: "REST prefix changed", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) { c.RESTPrefix = "api" })
			return k
		}, want: []string{"store-moved/warning"}, transport: "basic", levels: 4},
		{name: "home changed in Settings", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) {
				c.HomeHost = strings.Replace(strings.TrimPrefix(s.URL(), "https://"), "127.0.0.1", "localhost", 1)
			})
			return k
		}, want: []string{"redirected/info", "store-moved/warning"}, transport: "basic", levels: 4},
		{name: "REST prefix changed without flushing the rewrite rules", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) { c.RESTPrefix, c.StaleRewriteRules = "api", true })
			return k
		}, want: []string{"rest-api-not-found/blocker", "store-moved/warning"}, levels: 3},
		{name: "store gone: every address answers the front page", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) { c.StaticFrontPage = true })
			return k
		}, want: []string{"rest-api-not-found/blocker", "store-moved/warning"}, levels: 2, says: "no longer answers for this store; found again at ?"},
		{name: "maintenance is not a move", change: func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
			s.Update(func(c *wootest.Config) { c.Maintenance = true })
			return k
		}, want: []string{"maintenance/blocker"}, levels: 1},
		{name: "saved with only its home", change: func(_ *wootest.Store, sv *wooclient.Saved, k wootest.Key) wootest.Key {
			sv.Store.URL, sv.Store.RESTRoot = "", ""
			return k
		}, transport: "basic", levels: 2},
		{name: "saved before the REST root was kept", change: func(_ *wootest.Store, sv *wooclient.Saved, k wootest.Key) wootest.Key {
			sv.Store.RESTRoot = ""
			return k
		}, transport: "basic", levels: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := tc.cfg
			cfg.WCPOSVersion = "1.8.2"
			s := wootest.New(cfg)
			defer s.Close()
			k := s.MintKey("till", wootest.ReadWrite, wootest.ShopManager)
			c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), Deadline: 15 * time.Second})
			first := c.Check(context.Background(), s.URL(), pair(k), nil)
			if !first.OK() {
				t.Fatalf("the connection to save does not work: %v", first.Findings)
			}
			saved := wooclient.Saved{Store: first.Store, Transport: first.Key.Transport}
			if tc.change != nil {
				k = tc.change(s, &saved, k)
			}
			s.ResetRequests()
			rep := c.CheckSaved(context.Background(), saved, pair(k), nil)
			got := findingsOf(rep)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("findings %v, want %v", got, tc.want)
				for _, f := range rep.Findings {
					t.Logf("  %s: %s", f.Label(), f.Detail)
				}
			}
			if rep.Key == nil || rep.Key.Transport != tc.transport {
				t.Errorf("key %+v, want transport %q", rep.Key, tc.transport)
			}
			if tc.says != "" && !slices.ContainsFunc(rep.Findings, func(f wooclient.Finding) bool { return strings.Contains(f.Detail, tc.says) }) {
				t.Errorf("no finding says %q", tc.says)
			}
			if tc.perms != "" && (rep.Key == nil || perms(rep.Key) != tc.perms) {
				t.Errorf("key %+v, want %q proved", rep.Key, tc.perms)
			}
			if rep.OK() != (len(blockers(tc.want)) == 0) {
				t.Errorf("OK() = %v with %v", rep.OK(), got)
			}
			if rep.Levels != tc.levels {
				t.Errorf("%d levels, want %d", rep.Levels, tc.levels)
				logRequests(t, s.Requests())
			}
			assertNothingWritten(t, s)
			assertCredentialsSafe(t, s, hostOf(saved.Store.Home)) // confirmed when saved
			assertNoSecretIn(t, rep, pair(k))
		})
	}
}

// role gives the saved key's user another role, as an admin does in Users.
func role(r wootest.Role) func(*wootest.Store, *wooclient.Saved, wootest.Key) wootest.Key {
	return func(s *wootest.Store, _ *wooclient.Saved, k wootest.Key) wootest.Key {
		s.Update(func(c *wootest.Config) {
			for i := range c.Keys {
				if c.Keys[i].ID == k.ID {
					c.Keys[i].Role = r
				}
			}
		})
		return k
	}
}

func hostOf(raw string) string {
	u, _ := url.Parse(raw)
	return u.Host
}
