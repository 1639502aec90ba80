package wooclient_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// versionCases hold the Plain-permalinks rule at its boundary (domain.md §3:
// up to WooCommerce 11.0 keys on ?rest_route= URLs are ignored, fixed in
// 11.1): 11.0.9 is the last version that ignores them, 11.1 (written without
// a patch number, as the WCPOS plugin may report it) and 12.0 (a higher
// major with a lower minor) take them.
func versionCases() []causeCase {
	wcpos := "1.8.2"
	plain := func(v string) wootest.Config {
		return wootest.Config{WCPOSVersion: wcpos, PlainPermalinks: true, WooCommerceVersion: v}
	}
	return []causeCase{
		{name: "plain permalinks, WooCommerce 11.0.9", cfg: plain("11.0.9"), want: []string{"plain-permalinks/blocker"}, perms: "rwop",
			detail: "the key itself works", requests: 8},
		// A known version needs no read without the marker (README,
		// Performance: 8 requests).
		{name: "plain permalinks, WooCommerce 11.0", cfg: plain("11.0"), want: []string{"plain-permalinks/blocker"}, perms: "rwop", requests: 8,
			checks: "permalinks=fail:Plain:_WooCommerce_ignores_keys"},
		{name: "plain permalinks, WooCommerce 11.1", cfg: plain("11.1"), transport: "basic", perms: "rwop", root: "?rest_route=/"},
		{name: "plain permalinks, WooCommerce 12.0.0", cfg: plain("12.0.0"), transport: "basic", perms: "rwop", root: "?rest_route=/"},
		{name: "plain permalinks, WooCommerce 11.1, version hidden", cfg: wootest.Config{PlainPermalinks: true, WooCommerceVersion: "11.1.0"},
			want: []string{"wcpos-plugin-missing/info"}, transport: "basic", perms: "rwop", root: "?rest_route=/"},
		{name: "no rewrite rules, WooCommerce 11.0.9", cfg: wootest.Config{WCPOSVersion: wcpos, NoRewrites: true, WooCommerceVersion: "11.0.9"},
			want: []string{"rewrite-rules-missing/blocker"}, perms: "rwop", root: "?rest_route=/"},
		{name: "no rewrite rules, WooCommerce 11.1", cfg: wootest.Config{WCPOSVersion: wcpos, NoRewrites: true, WooCommerceVersion: "11.1"},
			want: []string{"rewrite-rules-missing/warning"}, transport: "basic", perms: "rwop", root: "?rest_route=/"},
	}
}

func TestVersionBoundariesEndToEnd(t *testing.T) {
	for _, tc := range versionCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runCauseCase(t, tc)
		})
	}
}

// TestVersionBoundariesWithoutKey: the same rule decides the store stage on
// its own, before any key is typed (the wizard's S1, check without keys):
// WooCommerce 11.0.9 with Plain permalinks is a blocker, 11.1 and 12.0 are
// fine, and a hidden version is a warning until a key tells.
func TestVersionBoundariesWithoutKey(t *testing.T) {
	for _, tc := range []struct {
		version, hidden string
		noRewrites      bool // pretty permalinks without the web server's rewrite rules, not Plain
		want            []string
		state           wooclient.State
	}{
		{version: "10.0.2", want: []string{"plain-permalinks/blocker"}, state: wooclient.StateFail},
		{version: "11.0.9", want: []string{"plain-permalinks/blocker"}, state: wooclient.StateFail},
		{version: "11.1", state: wooclient.StateOK},
		{version: "11.1.0", state: wooclient.StateOK},
		{version: "12.0.0", state: wooclient.StateOK},
		{hidden: "11.1.0", want: []string{"plain-permalinks/warning", "wcpos-plugin-missing/info"}, state: wooclient.StateWarn},
		{version: "11.0.9", noRewrites: true, want: []string{"rewrite-rules-missing/blocker"}, state: wooclient.StateFail},
		{version: "11.1", noRewrites: true, want: []string{"rewrite-rules-missing/warning"}, state: wooclient.StateWarn},
		{hidden: "11.0.9", noRewrites: true, want: []string{"rewrite-rules-missing/warning", "wcpos-plugin-missing/info"}, state: wooclient.StateWarn},
	} {
		name := "WooCommerce " + tc.version + tc.hidden
		if tc.noRewrites {
			name += ", no rewrite rules"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg := wootest.Config{WCPOSVersion: "1.8.2", PlainPermalinks: true, WooCommerceVersion: tc.version}
			if tc.hidden != "" {
				cfg = wootest.Config{PlainPermalinks: true, WooCommerceVersion: tc.hidden}
			}
			if tc.noRewrites {
				cfg.PlainPermalinks, cfg.NoRewrites = false, true
			}
			s := wootest.New(cfg)
			defer s.Close()
			c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), Deadline: 20 * time.Second, RequestTimeout: 5 * time.Second})
			for path, rep := range map[string]*wooclient.Report{
				"Discover":          c.Discover(context.Background(), s.URL(), nil),
				"Check without key": c.Check(context.Background(), s.URL(), wooclient.Credentials{}, nil),
			} {
				if got := findingsOf(rep); strings.Join(got, " ") != strings.Join(tc.want, " ") {
					t.Errorf("%s: findings %v, want %v", path, got, tc.want)
				}
				if ch, _ := rep.Check(wooclient.CheckPermalinks); ch.State != tc.state {
					t.Errorf("%s: permalinks %s (%s), want %s", path, ch.State, ch.Detail, tc.state)
				}
				if rep.OK() != (tc.state != wooclient.StateFail) {
					t.Errorf("%s: OK() = %v with permalinks %s", path, rep.OK(), tc.state)
				}
				if rep.Key != nil {
					t.Errorf("%s: a key status without a key: %+v", path, rep.Key)
				}
			}
		})
	}
}

// TestCheckKeysReportsOnlyKeyLines: the key stage on its own (the wizard's
// S4, after S1's discovery) reports the four key lines, never store lines
// the wizard already showed, even when the key settles one of them.
func TestCheckKeysReportsOnlyKeyLines(t *testing.T) {
	s := wootest.New(wootest.Config{WCPOSVersion: "1.8.2", RESTBlocked: true})
	defer s.Close()
	c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
	store := c.Discover(context.Background(), s.URL(), nil).Store
	rep := c.CheckKeys(context.Background(), store, pair(s.MintKey("till", wootest.ReadWrite, wootest.Administrator)), nil)
	var ids []string
	for _, ch := range rep.Checks {
		ids = append(ids, string(ch.ID)+"="+string(ch.State))
	}
	if got := strings.Join(ids, " "); got != "key-accepted=ok read=ok write=ok capabilities=ok" {
		t.Errorf("checks %s", got)
	}
	assertVerdict(t, causeCase{want: nil, transport: "basic", perms: "rwop"}, rep)
}
