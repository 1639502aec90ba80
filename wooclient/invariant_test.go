package wooclient_test

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// storeSetups is every setup of the test store: each boolean knob on its own
// (found by reflection, so a knob added later is covered without editing this
// list) and the knobs that take a value, at the values that matter.
func storeSetups(t *testing.T) map[string]wootest.Config {
	out := map[string]wootest.Config{"default": {}}
	typ := reflect.TypeOf(wootest.Config{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type.Kind() != reflect.Bool || f.Name == "DemoAdmin" {
			continue
		}
		var cfg wootest.Config
		reflect.ValueOf(&cfg).Elem().Field(i).SetBool(true)
		out[f.Name] = cfg
	}
	if len(out) < 20 {
		t.Fatalf("found only %d boolean knobs: the reflection walk is broken", len(out))
	}
	for name, cfg := range map[string]wootest.Config{
		"HomeScheme http":              {HomeScheme: "http"},
		"HomeHost localhost":           {RedirectToCanonicalHost: true},
		"WooCommerce 11.1 plain":       {WooCommerceVersion: "11.1.0", PlainPermalinks: true},
		"WooCommerce 11.1 no rewrites": {WooCommerceVersion: "11.1.0", NoRewrites: true},
		"WCPOS":                        {WCPOSVersion: "1.8.2"},
		"ServerError 500":              {ServerError: 500},
		"ServerError 503":              {ServerError: 503},
		"RateLimit":                    {RateLimit: 1000},
		"RateLimit briefly":            {RateLimit: 2, RetryAfter: time.Second},
		"ClockOffset":                  {ClockOffset: 2 * time.Hour},
		"Certificate expired":          {Certificate: wootest.CertExpired},
		"RESTPrefix api":               {RESTPrefix: "api"},
		"RESTPrefix api, plain":        {RESTPrefix: "api", PlainPermalinks: true},
		"SubDirectory":                 {SubDirectory: "/shop"},
		"BurstLimit":                   {BurstLimit: wootest.BurstLimit{Rate: 2, Burst: 2}},
		"ServerPassword":               {ServerPassword: "pw"},
		"PageCache by URL":             {PageCache: wootest.CacheByURL},
		"PageCache by path":            {PageCache: wootest.CacheByPath},
	} {
		out[name] = cfg
	}
	return out
}

// invariantKeys are the pairs a terminal may hold: every permission and role,
// and a key the store does not know.
func invariantKeys() map[string]func(*wootest.Store) wootest.Key {
	mint := func(p wootest.Permission, r wootest.Role) func(*wootest.Store) wootest.Key {
		return func(s *wootest.Store) wootest.Key { return s.MintKey("k", p, r) }
	}
	return map[string]func(*wootest.Store) wootest.Key{
		"admin rw": mint(wootest.ReadWrite, wootest.Administrator), "admin read": mint(wootest.Read, wootest.Administrator),
		"admin write": mint(wootest.Write, wootest.Administrator), "subscriber": mint(wootest.ReadWrite, wootest.Subscriber),
		"products only": mint(wootest.ReadWrite, wootest.ProductEditor), "orders only": mint(wootest.ReadWrite, wootest.OrderClerk),
		"unknown": func(*wootest.Store) wootest.Key { return wootest.NewKey(wootest.ReadWrite, wootest.Administrator) },
	}
}

// TestOKMeansKeyProven runs every store setup with every kind of key, on a new
// address and as a saved connection, and holds the one promise a POS depends
// on: a report that says OK rests on a key the store accepted, with reading
// (products and orders) and writing proved. The proof is read from the store's
// own log, not from the report: an authenticated 200 on products and on
// orders, and an authenticated write probe answered 404.
func TestOKMeansKeyProven(t *testing.T) {
	// The setups run side by side beyond -parallel: most of their time is
	// spent waiting out rate limits and delays, which costs no CPU.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	setups := storeSetups(t)
	names := slices.Sorted(maps.Keys(setups))
	slices.SortStableFunc(names, func(a, b string) int { // the slow ones first
		return strings.Count(b, "Limit") - strings.Count(a, "Limit")
	})
	for _, name := range names {
		cfg := setups[name]
		for keyName, key := range invariantKeys() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				t.Run(name+"/"+keyName, func(t *testing.T) { okMeansProven(t, name, cfg, keyName, key) })
			}()
		}
	}
	wg.Wait()
}

// okMeansProven checks one setup and key on both paths.
func okMeansProven(t *testing.T, name string, cfg wootest.Config, keyName string, key func(*wootest.Store) wootest.Key) {
	s := wootest.New(cfg)
	defer s.Close()
	addr := s.SiteURL()
	if cfg.HomeScheme == "http" {
		addr = s.HTTPURL()
	}
	c := wooclient.New(wooclient.Options{RootCAs: s.CertPool(), Deadline: 30 * time.Second, RequestTimeout: 10 * time.Second})
	saved := c.Check(context.Background(), addr, pair(s.MintKey("saved", wootest.ReadWrite, wootest.Administrator)), nil)
	creds := pair(key(s))
	for _, path := range []string{"new", "saved"} {
		s.ResetRequests()
		var rep *wooclient.Report
		if path == "new" {
			rep = c.Check(context.Background(), addr, creds, nil)
		} else {
			rep = c.CheckSaved(context.Background(), wooclient.Saved{Store: saved.Store, Transport: orBasic(saved.Key)}, creds, nil)
		}
		if !rep.OK() {
			if mustWork[name] && keyName == "admin rw" {
				t.Errorf("%s, %s: a setup where a Read/Write admin key works did not pass: %v", keyName, path, rep.Findings)
			}
			continue
		}
		if why := provenByStore(s.Requests()); why != "" {
			t.Errorf("%s, %s: OK, but %s", keyName, path, why)
		}
		k := rep.Key
		if k == nil || !k.Authenticated || !k.Read || !k.Write || !k.Orders || !k.Products {
			t.Errorf("%s, %s: OK with key status %+v", keyName, path, k)
		}
		for _, ch := range rep.Checks {
			if ch.ID != wooclient.CheckWCPOS && ch.ID != wooclient.CheckAdmin && ch.State != wooclient.StateOK && ch.State != wooclient.StateWarn {
				t.Errorf("%s, %s: OK with check %s %s", keyName, path, ch.ID, ch.State)
			}
		}
	}
}

// mustWork are setups where a Read/Write admin key works: if one of them
// does not pass, the invariant above was never put to the test.
var mustWork = map[string]bool{
	"default": true, "WCPOS": true, "RESTPrefix api": true, "SubDirectory": true, "IndexPermalinks": true,
	"StripAuthorization": true, "JWTPlugin": true, "RESTBlocked": true, "HomeScheme http": true,
	"RedirectToCanonicalHost": true, "BurstLimit": true, "RateLimit briefly": true, "ClockOffset": true,
	"WooCommerce 11.1 plain": true, "PageCache by URL": true, "RedirectHTTPToHTTPS": true,
}

// provenByStore reads the store's log for what an OK verdict needs; "" when
// it is all there, else what is missing.
func provenByStore(log []wootest.Request) string {
	var products, orders, write bool
	for _, r := range log {
		route := r.Path + "?" + r.RawQuery
		switch {
		case !r.Authenticated || r.FromCache:
		case r.Method == "GET" && r.Status == 200 && strings.Contains(route, "wc/v3/products"):
			products = true
		case r.Method == "GET" && r.Status == 200 && strings.Contains(route, "wc/v3/orders"):
			orders = true
		case r.Method == "POST" && r.Status == 404 && strings.Contains(route, "wcpos-setup-probe-"):
			write = true
		}
	}
	switch {
	case !products:
		return "the store never answered an authenticated products read"
	case !orders:
		return "the store never answered an authenticated orders read"
	case !write:
		return "the store never answered an authenticated write probe with 404"
	}
	return ""
}

func orBasic(k *wooclient.KeyStatus) wooclient.Transport {
	if k == nil || k.Transport == "" {
		return wooclient.TransportBasic
	}
	return k.Transport
}
