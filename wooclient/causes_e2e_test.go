package wooclient_test

import (
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// causeCase is one store and key situation and the exact diagnosis it
// must get.
type causeCase struct {
	name string
	cfg  wootest.Config
	// key picks the pair the terminal holds from a store whose admin key
	// is admin.
	key func(s *wootest.Store, admin wootest.Key) wooclient.Credentials
	// addr picks the address typed (default: the TLS listener).
	addr func(s *wootest.Store) string
	// want lists the findings as "cause/severity", sorted.
	want      []string
	transport wooclient.Transport
	perms     string // "rwop": read, write, orders, products proved
	noTrust   bool   // do not trust the store's CA
	root      string // how the REST root ends ("" = not checked)
	detail    string // what the first blocker's detail says ("" = not checked)
	language  string // the site language found ("" = not checked)
	// checks are checklist lines and the state each must end in, written
	// "id=state" or "id=state:words the detail holds", space-separated.
	checks string
	home   string // what Store.Home must hold ("" = not checked)
	// says are "cause=words": the finding of that cause must say the words.
	says []string
	// requests is how many requests the whole check may send (0 = not
	// checked): nothing asked twice.
	requests int
	prefix   string // the REST prefix found ("" = not checked)
	// order is the causes in report order (blockers first, then discovery
	// order within a severity), when checked.
	order string
	// levels is how many rounds of requests had to wait (0 = not checked).
	levels int
	// evidence are words the first finding's evidence must hold, one
	// string per evidence line, in order.
	evidence []string
	// slow marks a case whose job is waiting out a limit (seconds of
	// Retry-After pauses): go test -short, the mutation run, leaves it out.
	slow bool
}

func mint(p wootest.Permission, r wootest.Role) func(*wootest.Store, wootest.Key) wooclient.Credentials {
	return func(s *wootest.Store, _ wootest.Key) wooclient.Credentials {
		return pair(s.MintKey("test", p, r))
	}
}

func pair(k wootest.Key) wooclient.Credentials {
	return wooclient.Credentials{Key: k.ConsumerKey, Secret: k.ConsumerSecret}
}

func causeCases() []causeCase {
	httpAddr := func(s *wootest.Store) string { return s.HTTPURL() }
	wcpos := "1.8.2"
	return []causeCase{
		{name: "healthy", cfg: wootest.Config{WCPOSVersion: wcpos}, transport: "basic", perms: "rwop", requests: 8,
			checks: "permalinks=ok:pretty_(…/wp-json/) woocommerce=ok:WooCommerce_10.0.2 wcpos-plugin=ok:WCPOS_1.8.2 admin-page=ok"},
		{name: "healthy without WCPOS", want: []string{"wcpos-plugin-missing/info"}, transport: "basic", perms: "rwop"},
		{name: "shop manager", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.ReadWrite, wootest.ShopManager), transport: "basic", perms: "rwop"},
		{name: "unknown key", cfg: wootest.Config{WCPOSVersion: wcpos}, key: func(s *wootest.Store, _ wootest.Key) wooclient.Credentials {
			k := s.MintKey("old", wootest.ReadWrite, wootest.Administrator)
			_ = s.Revoke(k.ID)
			return pair(k)
		}, want: []string{"unknown-key/blocker"}},
		{name: "key of another site", cfg: wootest.Config{WCPOSVersion: wcpos}, key: func(*wootest.Store, wootest.Key) wooclient.Credentials {
			return pair(wootest.NewKey(wootest.ReadWrite, wootest.Administrator))
		}, want: []string{"unknown-key/blocker"},
			evidence: []string{"(basic) → 401 woocommerce_rest_cannot_view", "(oauth1) → 401 woocommerce_rest_authentication_error “Consumer key is invalid.”"}},
		{name: "wrong pair", cfg: wootest.Config{WCPOSVersion: wcpos}, key: func(s *wootest.Store, admin wootest.Key) wooclient.Credentials {
			c := pair(admin)
			c.Secret = s.MintKey("other", wootest.ReadWrite, wootest.Administrator).ConsumerSecret
			return c
		}, want: []string{"wrong-pair/blocker"}},
		{name: "read only", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.Read, wootest.Administrator),
			want: []string{"read-only/blocker"}, transport: "basic", perms: "rop"},
		{name: "write only", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.Write, wootest.Administrator),
			want: []string{"write-only/blocker"}, transport: "basic", perms: "w"},
		{name: "subscriber", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.ReadWrite, wootest.Subscriber),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", perms: "rw", detail: "refused orders or products"},
		{name: "customer", cfg: wootest.Config{WCPOSVersion: wcpos}, key: mint(wootest.ReadWrite, wootest.Customer),
			want: []string{"user-lacks-capability/blocker"}, transport: "basic", perms: "rw"},
		{name: "authorization header stripped", cfg: wootest.Config{WCPOSVersion: wcpos, StripAuthorization: true},
			want: []string{"auth-header-stripped/warning"}, transport: "query", perms: "rwop"},
		{name: "stripped header and wrong pair", cfg: wootest.Config{WCPOSVersion: wcpos, StripAuthorization: true},
			key: func(s *wootest.Store, admin wootest.Key) wooclient.Credentials {
				c := pair(admin)
				c.Secret = s.MintKey("other", wootest.ReadWrite, wootest.Administrator).ConsumerSecret
				return c
			}, want: []string{"auth-header-stripped/warning", "wrong-pair/blocker"}},
		{name: "JWT plugin", cfg: wootest.Config{WCPOSVersion: wcpos, JWTPlugin: true},
			want: []string{"auth-plugin-conflict/warning"}, transport: "query", perms: "rwop"},
		{name: "HTTPS not detected", cfg: wootest.Config{WCPOSVersion: wcpos, HTTPSNotDetected: true},
			want: []string{"https-not-detected/blocker"}, perms: "rwop"},
		{name: "plain permalinks, WooCommerce 10", cfg: wootest.Config{WCPOSVersion: wcpos, PlainPermalinks: true},
			want: []string{"plain-permalinks/blocker"}, perms: "rwop"},
		{name: "plain permalinks, version hidden", cfg: wootest.Config{PlainPermalinks: true},
			want: []string{"plain-permalinks/blocker", "wcpos-plugin-missing/info"}, perms: "rwop"},
		{name: "plain permalinks, unknown key", cfg: wootest.Config{WCPOSVersion: wcpos, PlainPermalinks: true},
			key: func(*wootest.Store, wootest.Key) wooclient.Credentials {
				return pair(wootest.NewKey(wootest.ReadWrite, wootest.Administrator))
			}, want: []string{"plain-permalinks/blocker", "unknown-key/blocker"}},
		{name: "plain permalinks, WooCommerce 11.1", cfg: wootest.Config{WCPOSVersion: wcpos, PlainPermalinks: true, WooCommerceVersion: "11.1.0"},
			transport: "basic", perms: "rwop"},
		{name: "plain permalinks with application passwords", cfg: wootest.Config{WCPOSVersion: wcpos, PlainPermalinks: true, ApplicationPasswords: true},
			want: []string{"plain-permalinks/blocker"}, perms: "rwop"},
		{name: "WooCommerce inactive", cfg: wootest.Config{WooCommerceInactive: true},
			want: []string{"wcpos-plugin-missing/info", "woocommerce-missing/blocker"}, order: "woocommerce-missing wcpos-plugin-missing"},
		{name: "REST blocked for anonymous", cfg: wootest.Config{WCPOSVersion: wcpos, RESTBlocked: true},
			want: []string{"rest-blocked/info"}, transport: "basic", perms: "rwop",
			checks: "woocommerce=ok:the_key_reached_wc/v3 permalinks=ok rest-api=warn"},
		{name: "WAF", cfg: wootest.Config{WCPOSVersion: wcpos, WAF: true}, want: []string{"waf-blocked/blocker"}},
		{name: "bot challenge", cfg: wootest.Config{WCPOSVersion: wcpos, BotChallenge: true}, want: []string{"bot-challenge/blocker"}},
		{name: "plain HTTP store", cfg: wootest.Config{WCPOSVersion: wcpos, HomeScheme: "http"}, addr: httpAddr,
			want: []string{"insecure-http/warning"}, transport: "oauth1", perms: "rwop"},
		{name: "http redirects to https", cfg: wootest.Config{WCPOSVersion: wcpos, RedirectHTTPToHTTPS: true}, addr: httpAddr,
			want: []string{"redirected/info"}, transport: "basic", perms: "rwop"},
		{name: "canonical host", cfg: wootest.Config{WCPOSVersion: wcpos, RedirectToCanonicalHost: true}, addr: func(s *wootest.Store) string {
			return strings.Replace(s.URL(), "127.0.0.1", "localhost", 1)
		}, want: []string{"redirected/info"}, transport: "basic", perms: "rwop"},
		{name: "PHP notices", cfg: wootest.Config{WCPOSVersion: wcpos, PHPNotices: true},
			want: []string{"malformed-json/blocker"}, transport: "basic", perms: "rwop"},
		{name: "server error", cfg: wootest.Config{ServerError: 503}, want: []string{"server-error/blocker"}},
		{name: "rate limited", cfg: wootest.Config{RateLimit: 1000}, want: []string{"rate-limited/blocker"},
			says: []string{"rate-limited=429 Too Many Requests$"}},
		// Two of discovery's four requests refused: each is asked again on
		// its own after the pause, so two more rounds to wait for.
		{name: "rate limited briefly", cfg: wootest.Config{WCPOSVersion: wcpos, RateLimit: 2, RetryAfter: time.Second},
			transport: "basic", perms: "rwop", levels: 4},
		{name: "clock two hours off", cfg: wootest.Config{WCPOSVersion: wcpos, ClockOffset: 2 * time.Hour},
			want: []string{"clock-skew/warning"}, transport: "basic", perms: "rwop"},
		{name: "clock off, plain HTTP", cfg: wootest.Config{WCPOSVersion: wcpos, ClockOffset: -3 * time.Hour, HomeScheme: "http"}, addr: httpAddr,
			want: []string{"clock-skew/warning", "insecure-http/warning"}, transport: "oauth1", perms: "rwop",
			says: []string{"clock-skew=this terminal's clock is 3h0m0s ahead of the store's"}, order: "insecure-http clock-skew"},
		// OAuth allows 15 minutes either way: five is no finding.
		{name: "clock five minutes ahead", cfg: wootest.Config{WCPOSVersion: wcpos, ClockOffset: 5 * time.Minute}, transport: "basic", perms: "rwop"},
		{name: "clock five minutes behind", cfg: wootest.Config{WCPOSVersion: wcpos, ClockOffset: -5 * time.Minute}, transport: "basic", perms: "rwop"},
		{name: "clock sixteen minutes ahead", cfg: wootest.Config{WCPOSVersion: wcpos, ClockOffset: 16 * time.Minute},
			want: []string{"clock-skew/warning"}, transport: "basic", perms: "rwop", says: []string{"clock-skew=16m0s behind"}},
		{name: "custom login URL", cfg: wootest.Config{WCPOSVersion: wcpos, CustomLoginURL: true},
			want: []string{"admin-unreachable/warning"}, transport: "basic", perms: "rwop"},
		{name: "certificate expired", cfg: wootest.Config{Certificate: wootest.CertExpired}, want: []string{"tls-expired/blocker"},
			detail: "the certificate expired on " + time.Now().Add(-24*time.Hour).UTC().Format(time.DateOnly)},
		{name: "certificate for another host", cfg: wootest.Config{Certificate: wootest.CertWrongHost}, want: []string{"tls-hostname/blocker"},
			detail: "the certificate is for wrong-host.invalid, not 127.0.0.1"},
		{name: "self-signed certificate", cfg: wootest.Config{Certificate: wootest.CertSelfSigned}, want: []string{"tls-untrusted/blocker"},
			detail: "the certificate is self-signed (127.0.0.1)"},
		{name: "untrusted CA", noTrust: true, want: []string{"tls-untrusted/blocker"}, detail: "(issuer: wootest practice CA)"},
		{name: "not a store address", addr: func(*wootest.Store) string { return "mailto:shop@example.com" }, want: []string{"invalid-url/blocker"}},
		{name: "nothing listening", addr: func(*wootest.Store) string { return "https://127.0.0.1:1" }, want: []string{"refused/blocker"}},
		{name: "malformed key", key: func(_ *wootest.Store, admin wootest.Key) wooclient.Credentials {
			c := pair(admin)
			c.Key = strings.ToUpper(c.Key)
			return c
		}, want: []string{"key-malformed/blocker", "wcpos-plugin-missing/info"}},
	}
}

func TestCausesEndToEnd(t *testing.T) {
	for _, tc := range causeCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runCauseCase(t, tc)
		})
	}
}

func perms(k *wooclient.KeyStatus) string {
	out := ""
	for _, p := range []struct {
		ok bool
		c  string
	}{{k.Read, "r"}, {k.Write, "w"}, {k.Orders, "o"}, {k.Products, "p"}} {
		if p.ok {
			out += p.c
		}
	}
	return out
}

func blockers(want []string) []string {
	var out []string
	for _, w := range want {
		if strings.HasSuffix(w, "/blocker") {
			out = append(out, w)
		}
	}
	return out
}
