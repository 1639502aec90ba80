package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// scenario is a practice situation for training support staff: how the
// demo store behaves, and which key the terminal holds when the wizard
// starts (none for a fresh setup).
type scenario struct {
	name    string
	summary string
	// expect is the cause `check` reports on this scenario ("" = works).
	expect string
	store  func(cfg *wootest.Config)
	// terminal returns the key the terminal is configured with, given the
	// store's admin key; nil means a fresh terminal.
	terminal func(s *wootest.Store, admin wootest.Key) *wootest.Key
}

// scenarios are ordered as `--help` lists them.
var scenarios = []scenario{
	{"healthy", "a working store and a fresh terminal: walk every step", "", nil, nil},
	{"unknown-key", "the terminal's key was deleted from the store", "unknown-key", nil,
		func(s *wootest.Store, _ wootest.Key) *wootest.Key {
			k := s.MintKey("POS till 1 (deleted)", wootest.ReadWrite, wootest.ShopManager)
			_ = s.Revoke(k.ID)
			return &k
		}},
	{"wrong-pair", "the secret belongs to another key", "wrong-pair", nil,
		func(s *wootest.Store, admin wootest.Key) *wootest.Key {
			other := s.MintKey("POS till 2", wootest.ReadWrite, wootest.ShopManager)
			k := admin
			k.ConsumerSecret = other.ConsumerSecret
			return &k
		}},
	{"read-only", "the key was made with Read permission, the form's default", "read-only", nil,
		func(s *wootest.Store, _ wootest.Key) *wootest.Key {
			k := s.MintKey("POS till 1", wootest.Read, wootest.ShopManager)
			return &k
		}},
	{"write-only", "the key was made with Write permission only", "write-only", nil,
		func(s *wootest.Store, _ wootest.Key) *wootest.Key {
			k := s.MintKey("POS till 1", wootest.Write, wootest.ShopManager)
			return &k
		}},
	{"customer-key", "the key belongs to a customer account", "user-lacks-capability", nil,
		func(s *wootest.Store, _ wootest.Key) *wootest.Key {
			k := s.MintKey("POS till 1", wootest.ReadWrite, wootest.Customer)
			return &k
		}},
	{"header-stripped", "the host drops the Authorization header (works through the query string)", "auth-header-stripped",
		func(c *wootest.Config) { c.StripAuthorization = true }, adminKey},
	{"plain-permalinks", "Plain permalinks on WooCommerce 10: keys are ignored", "plain-permalinks",
		func(c *wootest.Config) { c.PlainPermalinks = true }, adminKey},
	{"woocommerce-missing", "WooCommerce is deactivated", "woocommerce-missing",
		func(c *wootest.Config) { c.WooCommerceInactive = true }, adminKey},
	{"https-proxy", "behind a proxy WordPress does not see as HTTPS", "https-not-detected",
		func(c *wootest.Config) { c.HTTPSNotDetected = true }, adminKey},
	{"rest-blocked", "a security plugin blocks anonymous REST (keys still work)", "rest-blocked",
		func(c *wootest.Config) { c.RESTBlocked = true }, adminKey},
	{"clock-skew", "this terminal's clock is two hours off", "clock-skew",
		func(c *wootest.Config) { c.ClockOffset = 2 * time.Hour }, adminKey},
	{"rest-prefix", "a security plugin moved the REST API to /api/ (keys work there)", "",
		func(c *wootest.Config) { c.RESTPrefix = "api" }, adminKey},
	{"sub-directory", "WordPress lives in /shop/ (type the address with it)", "",
		func(c *wootest.Config) { c.SubDirectory = "/shop" }, adminKey},
	{"no-rewrites", "the web server has no rewrite rules: /wp-json/ is its own 404", "rewrite-rules-missing",
		func(c *wootest.Config) { c.NoRewrites = true }, adminKey},
	{"page-cache", "a cache stores API answers whatever the key (a revoked key still seems to work)", "rest-cached",
		func(c *wootest.Config) { c.PageCache = wootest.CacheByPath }, cachedRevokedKey},
	{"burst-limit", "the host refuses bursts of API requests (the check waits and asks again)", "",
		func(c *wootest.Config) { c.BurstLimit = wootest.BurstLimit{Rate: 2, Burst: 2} }, adminKey},
	{"maintenance", "WordPress is in maintenance mode while an update runs", "maintenance",
		func(c *wootest.Config) { c.Maintenance = true }, adminKey},
}

// cachedRevokedKey is a till's key whose answers a page cache stored before
// the key was revoked: the cache keeps answering as if it still worked.
func cachedRevokedKey(s *wootest.Store, _ wootest.Key) *wootest.Key {
	k := s.MintKey("POS till 1 (revoked)", wootest.ReadWrite, wootest.ShopManager)
	wooclient.New(wooclient.Options{RootCAs: s.CertPool()}).Check(context.Background(), s.SiteURL(),
		wooclient.Credentials{Key: k.ConsumerKey, Secret: k.ConsumerSecret}, nil)
	_ = s.Revoke(k.ID)
	s.ResetRequests()
	return &k
}

func adminKey(_ *wootest.Store, admin wootest.Key) *wootest.Key { return &admin }

// findScenario looks a scenario up by name.
func findScenario(name string) (scenario, error) {
	for _, s := range scenarios {
		if s.name == name {
			return s, nil
		}
	}
	return scenario{}, fmt.Errorf("unknown scenario %q: choose one of %s", name, scenarioList())
}

func scenarioList() string {
	names := make([]string, len(scenarios))
	for i, s := range scenarios {
		names[i] = s.name
	}
	sort.Strings(names[1:])
	return strings.Join(names, ", ")
}

// demoStore is a running practice store and the terminal key of its
// scenario.
type demoStore struct {
	*wootest.Store
	scenario scenario
	admin    wootest.Key
	terminal *wootest.Key
}

// startDemo starts the practice store for a scenario on loopback.
func startDemo(sc scenario, tlsAddr, httpAddr string, delay time.Duration, siteLang string) (*demoStore, error) {
	cfg := wootest.Config{Name: "Demo Store", Description: "Practice store for wcpos-setup",
		WCPOSVersion: "1.8.2", DemoAdmin: true, Delay: delay}
	if siteLang != "" {
		cfg.SiteLanguage = siteLang
	}
	if sc.store != nil {
		sc.store(&cfg)
	}
	s, err := wootest.NewAt(cfg, tlsAddr, httpAddr)
	if err != nil {
		return nil, err
	}
	d := &demoStore{Store: s, scenario: sc}
	d.admin = s.MintKey("Store admin", wootest.ReadWrite, wootest.Administrator)
	if sc.terminal != nil {
		d.terminal = sc.terminal(s, d.admin)
	}
	return d, nil
}

// subDirectory is the directory WordPress lives in on the practice store
// ("" or "/shop"), so both listeners' addresses can be printed with it.
func (d *demoStore) subDirectory() string { return strings.TrimPrefix(d.SiteURL(), d.URL()) }

// siteLangTag reads --site-lang as WordPress writes a site language in
// <html lang>: a BCP 47 tag ("de-DE"), from either spelling ("de_DE").
func (a *app) siteLangTag(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	tag, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		return "", usageError(errors.New(a.tr.T("cli.bad-site-lang", "Value", v)))
	}
	return tag.String(), nil
}
