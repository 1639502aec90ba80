package wooclient_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// siteCases are the setups of the second fixture set (domain.md §6) and the
// discovery classes of issue 10, each with the whole verdict it must get:
// findings, transport, permissions proved, and where the REST root is.
func siteCases() []causeCase {
	wcpos := "1.8.2"
	hidden := func(s *wootest.Store) string { return strings.TrimPrefix(s.HTTPURL(), "http://") }
	return []causeCase{
		{name: "REST prefix api", cfg: wootest.Config{WCPOSVersion: wcpos, RESTPrefix: "api"},
			transport: "basic", perms: "rwop", root: "/api/", checks: "permalinks=ok:/api/)"},
		{name: "REST prefix api over plain HTTP", cfg: wootest.Config{WCPOSVersion: wcpos, RESTPrefix: "api", HomeScheme: "http"},
			addr: func(s *wootest.Store) string { return s.HTTPURL() }, want: []string{"insecure-http/warning"},
			transport: "oauth1", perms: "rwop", root: "/api/"},
		{name: "index.php permalinks", cfg: wootest.Config{WCPOSVersion: wcpos, IndexPermalinks: true},
			transport: "basic", perms: "rwop", root: "/index.php/wp-json/"},
		{name: "sub-directory", cfg: wootest.Config{WCPOSVersion: wcpos, SubDirectory: "/shop"},
			addr: func(s *wootest.Store) string { return s.SiteURL() }, transport: "basic", perms: "rwop", root: "/shop/wp-json/",
			checks: "permalinks=ok:pretty_(…/wp-json/)", prefix: "wp-json"},
		{name: "sub-directory over plain HTTP", cfg: wootest.Config{WCPOSVersion: wcpos, SubDirectory: "/shop", HomeScheme: "http"},
			addr: func(s *wootest.Store) string { return s.HTTPURL() + "/shop" }, want: []string{"insecure-http/warning"},
			transport: "oauth1", perms: "rwop", root: "/shop/wp-json/"},
		{name: "Apache user directory /~shop over plain HTTP", cfg: wootest.Config{WCPOSVersion: wcpos, SubDirectory: "/~shop", HomeScheme: "http"},
			addr: func(s *wootest.Store) string { return s.HTTPURL() + "/~shop" }, want: []string{"insecure-http/warning"},
			transport: "oauth1", perms: "rwop", root: "/~shop/wp-json/"},
		{name: "sub-directory with prefix api and index.php permalinks",
			cfg:  wootest.Config{WCPOSVersion: wcpos, SubDirectory: "/shop", RESTPrefix: "api", IndexPermalinks: true},
			addr: func(s *wootest.Store) string { return s.SiteURL() }, transport: "basic", perms: "rwop", root: "/shop/index.php/api/", prefix: "api"},
		{name: "no rewrite rules", cfg: wootest.Config{WCPOSVersion: wcpos, NoRewrites: true},
			want: []string{"rewrite-rules-missing/blocker"}, perms: "rwop", root: "?rest_route=/",
			checks: "permalinks=fail:the_web_server_does_not_pass_them_to_WordPress"},
		{name: "no rewrite rules, version hidden, key checked", cfg: wootest.Config{NoRewrites: true},
			want: []string{"rewrite-rules-missing/blocker", "wcpos-plugin-missing/info"}, perms: "rwop", root: "?rest_route=/",
			checks: "permalinks=fail:the_web_server_does_not_pass_them_to_WordPress"},
		{name: "no rewrite rules, version hidden", cfg: wootest.Config{NoRewrites: true},
			want: []string{"rewrite-rules-missing/blocker", "wcpos-plugin-missing/info"}, perms: "rwop", root: "?rest_route=/"},
		{name: "no rewrite rules with prefix api", cfg: wootest.Config{WCPOSVersion: wcpos, NoRewrites: true, RESTPrefix: "api"},
			want: []string{"rewrite-rules-missing/blocker"}, perms: "rwop", root: "?rest_route=/"},
		{name: "no rewrite rules, WooCommerce 11.1, version hidden", cfg: wootest.Config{NoRewrites: true, WooCommerceVersion: "11.1.0"},
			want: []string{"rewrite-rules-missing/warning", "wcpos-plugin-missing/info"}, transport: "basic", perms: "rwop", root: "?rest_route=/"},
		{name: "maintenance mode", cfg: wootest.Config{WCPOSVersion: wcpos, Maintenance: true}, want: []string{"maintenance/blocker"}},
		{name: "fatal error on REST", cfg: wootest.Config{WCPOSVersion: wcpos, FatalREST: true}, want: []string{"server-error/blocker"},
			detail: "WordPress reports a critical error"},
		{name: "PHP deprecation notice", cfg: wootest.Config{WCPOSVersion: wcpos, PHPNotices: true},
			want: []string{"malformed-json/blocker"}, transport: "basic", perms: "rwop", root: "/wp-json/"},
		{name: "byte order mark", cfg: wootest.Config{WCPOSVersion: wcpos, BOM: true},
			want: []string{"malformed-json/blocker"}, transport: "basic", perms: "rwop", root: "/wp-json/"},
		{name: "key of a deleted user", cfg: wootest.Config{WCPOSVersion: wcpos}, key: func(s *wootest.Store, _ wootest.Key) wooclient.Credentials {
			k := s.AddKey(wootest.Key{User: "tempmgr", Role: wootest.ShopManager, Permissions: wootest.ReadWrite})
			s.DeleteUser("tempmgr")
			return pair(k)
		}, want: []string{"unknown-key/blocker"}},
		{name: "burst limit", cfg: wootest.Config{WCPOSVersion: wcpos, BurstLimit: wootest.BurstLimit{Rate: 2, Burst: 2}},
			transport: "basic", perms: "rwop", root: "/wp-json/"},
		{name: "burst limit answering 429", cfg: wootest.Config{WCPOSVersion: wcpos, BurstLimit: wootest.BurstLimit{Rate: 2, Burst: 1, Status: 429}},
			transport: "basic", perms: "rwop", root: "/wp-json/", slow: true},
		{name: "burst limit that never lets up", cfg: wootest.Config{WCPOSVersion: wcpos, BurstLimit: wootest.BurstLimit{Rate: 0.01, Burst: 0}},
			want: []string{"rate-limited/blocker"}, slow: true},
		{name: "server password", cfg: wootest.Config{WCPOSVersion: wcpos, ServerPassword: "pw"}, want: []string{"site-password/blocker"}},
		{name: "page cache keyed by URL", cfg: wootest.Config{WCPOSVersion: wcpos, PageCache: wootest.CacheByURL},
			key: revokedAfterCaching, want: []string{"unknown-key/blocker"}},
		{name: "page cache ignoring the query", cfg: wootest.Config{WCPOSVersion: wcpos, PageCache: wootest.CacheByPath},
			key: revokedAfterCaching, want: []string{"rest-cached/blocker"}},
		{name: "products but not orders", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.ReadWrite, wootest.ProductEditor),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", perms: "rwp", root: "/wp-json/", detail: "may read products but not orders"},
		{name: "orders but not products", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.ReadWrite, wootest.OrderClerk),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", perms: "rwo", root: "/wp-json/", detail: "may read orders but not products"},
		{name: "German site", cfg: wootest.Config{WCPOSVersion: wcpos, SiteLanguage: "de-DE"},
			transport: "basic", perms: "rwop", root: "/wp-json/", language: "de-DE"},
		{name: "no scheme on a port that speaks HTTP, redirected to HTTPS", cfg: wootest.Config{WCPOSVersion: wcpos, RedirectHTTPToHTTPS: true},
			addr: hidden, want: []string{"redirected/info"}, transport: "basic", perms: "rwop", root: "/wp-json/"},
		{name: "no scheme on a plain-HTTP store", cfg: wootest.Config{WCPOSVersion: wcpos, HomeScheme: "http"},
			addr: hidden, want: []string{"insecure-http/warning"}, transport: "oauth1", perms: "rwop", root: "/wp-json/"},
		{name: "REST prefix changed without flushing the rewrite rules", cfg: wootest.Config{WCPOSVersion: wcpos, RESTPrefix: "api", StaleRewriteRules: true},
			want: []string{"rest-api-not-found/blocker"}, detail: "re-save Settings → Permalinks"},
		{name: "REST behind a WAF, typed at another host name", cfg: wootest.Config{WCPOSVersion: wcpos, WAF: true, RedirectToCanonicalHost: true},
			addr: func(s *wootest.Store) string { return strings.Replace(s.URL(), "127.0.0.1", "localhost", 1) },
			want: []string{"redirected/info", "waf-blocked/blocker"}, home: "https://127.0.0.1:"},
		{name: "REST blocked by a plugin, in a sub-directory typed at another host name",
			cfg:  wootest.Config{WCPOSVersion: wcpos, RESTBlocked: true, SubDirectory: "/shop", RedirectToCanonicalHost: true},
			addr: func(s *wootest.Store) string { return strings.Replace(s.SiteURL(), "127.0.0.1", "localhost", 1) },
			want: []string{"redirected/info", "rest-blocked/info"}, transport: "basic", perms: "rwop", home: "/shop", root: "/shop/wp-json/"},
		{name: "REST behind a WAF, in a sub-directory", cfg: wootest.Config{WCPOSVersion: wcpos, WAF: true, SubDirectory: "/shop"},
			addr: func(s *wootest.Store) string { return s.SiteURL() }, want: []string{"waf-blocked/blocker"}, home: "/shop", requests: 8},
		{name: "every address answers the front page", cfg: wootest.Config{WCPOSVersion: wcpos, StaticFrontPage: true},
			want: []string{"rest-api-not-found/blocker"}},
	}
}

// revokedAfterCaching fills the cache the way a till would (a valid read of
// the products), then revokes the key: only the cache still says it works.
func revokedAfterCaching(s *wootest.Store, _ wootest.Key) wooclient.Credentials {
	k := s.MintKey("cached", wootest.ReadWrite, wootest.Administrator)
	c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
	c.Check(context.Background(), s.URL(), pair(k), nil)
	_ = s.Revoke(k.ID)
	s.ResetRequests()
	return pair(k)
}

func TestSitesEndToEnd(t *testing.T) {
	for _, tc := range siteCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runCauseCase(t, tc)
		})
	}
}

// runCauseCase runs one case's whole check and asserts its whole verdict.
func runCauseCase(t *testing.T, tc causeCase) {
	t.Helper()
	if tc.slow && testing.Short() {
		t.Skip("waits out a limit for seconds; not in -short")
	}
	s := wootest.New(tc.cfg)
	defer s.Close()
	admin := s.MintKey("admin", wootest.ReadWrite, wootest.Administrator)
	creds := pair(admin)
	if tc.key != nil {
		creds = tc.key(s, admin)
	}
	addr := s.URL()
	if tc.addr != nil {
		addr = tc.addr(s)
	}
	opts := wooclient.Options{RootCAs: s.CertPool(), Deadline: 20 * time.Second, RequestTimeout: 5 * time.Second}
	if tc.noTrust {
		opts.RootCAs = nil
	}
	rep := wooclient.New(opts).Check(context.Background(), addr, creds, nil)
	assertVerdict(t, tc, rep)
	assertNothingWritten(t, s)
	assertCredentialsSafe(t, s)
	assertSecretInURLOnlyAfterProof(t, s)
	assertNoSecretIn(t, rep, creds)
}

// findingsOf lists a report's findings as "cause/severity", sorted: the
// form every table of expected findings is written in.
func findingsOf(rep *wooclient.Report) []string {
	var got []string
	for _, f := range rep.Findings {
		got = append(got, string(f.Cause)+"/"+string(f.Severity))
	}
	sort.Strings(got)
	return got
}

// assertVerdict checks the findings, transport, permissions, OK and the REST
// root a case expects.
func assertVerdict(t *testing.T, tc causeCase, rep *wooclient.Report) {
	t.Helper()
	got := findingsOf(rep)
	if strings.Join(got, " ") != strings.Join(tc.want, " ") {
		t.Errorf("findings\n got %v\nwant %v", got, tc.want)
		for _, f := range rep.Findings {
			t.Logf("  %s: %s %v", f.Label(), f.Detail, f.Evidence)
		}
	}
	if rep.Key == nil {
		t.Fatal("no key status in the report")
	}
	if rep.Key.Transport != tc.transport {
		t.Errorf("transport %q, want %q", rep.Key.Transport, tc.transport)
	}
	if p := perms(rep.Key); p != tc.perms {
		t.Errorf("permissions proved %q, want %q", p, tc.perms)
	}
	if rep.OK() != (len(blockers(tc.want)) == 0) {
		t.Errorf("OK() = %v with findings %v", rep.OK(), got)
	}
	if b := rep.Blockers(); tc.detail != "" && (len(b) == 0 || !strings.Contains(b[0].Detail, tc.detail)) {
		t.Errorf("the first blocker does not say %q: %v", tc.detail, b)
	}
	if tc.home != "" && !strings.Contains(rep.Store.Home, tc.home) {
		t.Errorf("home %q, want it to hold %q", rep.Store.Home, tc.home)
	}
	if tc.language != "" && rep.Store.Language != tc.language {
		t.Errorf("language %q, want %q", rep.Store.Language, tc.language)
	}
	if tc.root != "" && !strings.HasSuffix(rep.Store.RESTRoot, tc.root) {
		t.Errorf("REST root %q, want …%s", rep.Store.RESTRoot, tc.root)
	}
	assertChecks(t, tc.checks, rep)
	for _, say := range tc.says {
		cause, words, _ := strings.Cut(say, "=")
		exact := strings.HasSuffix(words, "$")
		words = strings.TrimSuffix(words, "$")
		found := false
		for _, f := range rep.Findings {
			if string(f.Cause) == cause {
				found = f.Detail == words || (!exact && strings.Contains(f.Detail, words))
				if !found {
					t.Errorf("%s says %q, want %q", cause, f.Detail, words)
				}
			}
		}
		if !found && !t.Failed() {
			t.Errorf("no %s finding saying %q", cause, words)
		}
	}
	if tc.prefix != "" && rep.Store.RESTPrefix != tc.prefix {
		t.Errorf("REST prefix %q, want %q", rep.Store.RESTPrefix, tc.prefix)
	}
	if tc.levels != 0 && rep.Levels != tc.levels {
		t.Errorf("%d levels, want %d", rep.Levels, tc.levels)
	}
	if tc.order != "" {
		var order []string
		for _, f := range rep.Findings {
			order = append(order, string(f.Cause))
		}
		if got := strings.Join(order, " "); got != tc.order {
			t.Errorf("findings in the order %s, want %s", got, tc.order)
		}
	}
	assertEvidence(t, tc.evidence, rep)
	if tc.requests != 0 && rep.Requests != tc.requests {
		t.Errorf("%d requests, want %d", rep.Requests, tc.requests)
	}
}

// assertChecks holds checklist lines to "id=state[:detail_words]" (an
// underscore stands for a space in the words).
func assertChecks(t *testing.T, spec string, rep *wooclient.Report) {
	t.Helper()
	for _, want := range strings.Fields(spec) {
		id, rest, _ := strings.Cut(want, "=")
		state, words, _ := strings.Cut(rest, ":")
		got, ok := rep.Check(wooclient.CheckID(id))
		switch {
		case !ok:
			t.Errorf("no %s check", id)
		case string(got.State) != state:
			t.Errorf("check %s is %s (%s), want %s", id, got.State, got.Detail, state)
		case !strings.Contains(got.Detail, strings.ReplaceAll(words, "_", " ")):
			t.Errorf("check %s says %q, want it to say %q", id, got.Detail, strings.ReplaceAll(words, "_", " "))
		}
	}
}

// assertEvidence holds the first finding's evidence lines to hold the words
// given for each, in order.
func assertEvidence(t *testing.T, want []string, rep *wooclient.Report) {
	t.Helper()
	if len(want) == 0 {
		return
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no finding to hold evidence")
	}
	ev := rep.Findings[0].Evidence
	if len(ev) != len(want) {
		t.Errorf("%d evidence lines, want %d: %v", len(ev), len(want), ev)
		return
	}
	for i, w := range want {
		if !strings.Contains(ev[i].String(), w) {
			t.Errorf("evidence %d is %q, want it to hold %q", i, ev[i].String(), w)
		}
		if ev[i].Note != "" && !strings.Contains(w, ev[i].Note) {
			t.Errorf("evidence %d has the note %q", i, ev[i].Note)
		}
	}
}
