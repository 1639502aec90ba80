package wootest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSiteKnobs covers what the second fixture set does not record: the site setups
// with OAuth, other keys and other paths, and the layers added for them (page cache,
// 429 bursts, site language).
func TestSiteKnobs(t *testing.T) {
	const status = "/wp-json/wc/v3/system_status"
	runKnobs(t, []knobCase{{
		name: "RESTPrefix with OAuth over plain HTTP",
		knob: func(_ *Store, c *Config) { c.RESTPrefix, c.HomeScheme = "api", "http" },
		send: func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
			return do(t, c, "GET", signedURL("GET", s.HTTPURL()+"/api/wc/v3/products", s.HTTPURL()+"/api/wc/v3/products", s.Keys()[0], time.Now()))
		},
		off: func(t *testing.T, r *http.Response, b string) { wantStatus(404)(t, r, b) }, // /api/ is a page until the prefix moves
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantStatus(200)(t, r, b)
			r, b = do(t, c, "GET", s.HTTPURL()+"/api/wc/v3")
			wantStatus(200)(t, r, b)
			if want := "<" + s.HTTPURL() + `/api/>; rel="https://api.w.org/"`; r.Header.Get("Link") != want {
				t.Errorf("Link %q, want %q", r.Header.Get("Link"), want)
			}
		},
	}, {
		name: "IndexPermalinks",
		knob: func(_ *Store, c *Config) { c.IndexPermalinks = true },
		send: get("/", false),
		off: func(t *testing.T, r *http.Response, _ string) {
			if !strings.HasSuffix(r.Header.Get("Link"), `/wp-json/>; rel="https://api.w.org/"`) || strings.Contains(r.Header.Get("Link"), "index.php") {
				t.Errorf("Link %q", r.Header.Get("Link"))
			}
		},
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			contains(t, r.Header.Get("Link"), s.URL()+"/index.php/wp-json/>")
			contains(t, b, `<link rel="https://api.w.org/" href="`+s.URL()+`/index.php/wp-json/" />`)
			r, b = do(t, c, "POST", s.URL()+"/index.php/wp-json/wc/v3/zz-probe", "Authorization", basic(s.Keys()[0]))
			wantError(t, r, b, 404, "rest_no_route", "")
		},
	}, {
		name: "SubDirectory",
		knob: func(_ *Store, c *Config) { c.SubDirectory, c.HomeScheme = "shop", "http" },
		send: func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
			return do(t, c, "GET", s.HTTPURL()+"/wp-json/")
		},
		off: wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			if r.StatusCode != 404 || !strings.Contains(b, "<center>nginx</center>") {
				t.Errorf("outside the directory: %d %.100q", r.StatusCode, b)
			}
			if s.Home() != s.HTTPURL()+"/shop" {
				t.Errorf("Home() = %q", s.Home())
			}
			r, _ = do(t, c, "GET", s.HTTPURL()+"/shop")
			if r.StatusCode != 301 || r.Header.Get("Location") != s.HTTPURL()+"/shop/" {
				t.Errorf("/shop: %d %q", r.StatusCode, r.Header.Get("Location"))
			}
			k, u := s.Keys()[0], s.HTTPURL()+"/shop/wp-json/wc/v3/orders"
			r, b = do(t, c, "GET", signedURL("GET", u, u, k, time.Now()))
			wantStatus(200)(t, r, b)
			r, b = do(t, c, "GET", signedURL("GET", u, s.HTTPURL()+"/wp-json/wc/v3/orders", k, time.Now()))
			wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.")
			r, _ = do(t, c, "GET", s.HTTPURL()+"/shop/wp-admin/")
			if !strings.HasPrefix(r.Header.Get("Location"), s.HTTPURL()+"/shop/wp-login.php?") {
				t.Errorf("wp-admin redirects to %q", r.Header.Get("Location"))
			}
		},
	}, {
		name: "NoRewrites keeps PHP files and the admin",
		knob: func(_ *Store, c *Config) { c.NoRewrites = true },
		send: get("/wp-admin/", false),
		off:  wantStatus(302),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantStatus(302)(t, r, b)
			r, b = do(t, c, "GET", s.URL()+"/index.php?rest_route=/wc/v3/system_status&x=/wp-json/wc/", "Authorization", basic(s.Keys()[0]))
			wantStatus(200)(t, r, b) // the marker still works: only nginx routing is missing
			r, _ = do(t, c, "GET", s.URL()+"/index.php/wp-json/")
			if r.StatusCode != 404 || r.Header.Get("Link") != "" {
				t.Errorf("/index.php/wp-json/ without PATH_INFO: %d Link %q", r.StatusCode, r.Header.Get("Link"))
			}
		},
	}, {
		name: "ServerPassword login with the key in Basic",
		knob: func(_ *Store, c *Config) { c.ServerPassword = "pw" },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, _ string) {
			if r.StatusCode != 401 || r.Header.Get("WWW-Authenticate") != `Basic realm="Staging"` {
				t.Errorf("got %d %q", r.StatusCode, r.Header.Get("WWW-Authenticate"))
			}
			staging := basic(Key{ConsumerKey: ServerUser, ConsumerSecret: "pw"})
			r, b := do(t, c, "GET", s.URL()+status, "Authorization", staging)
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "") // "staging" is no key
		},
	}, {
		name: "Maintenance on a page",
		knob: func(_ *Store, c *Config) { c.Maintenance = true },
		send: get("/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			if r.StatusCode != 503 || r.Header.Get("Retry-After") != "600" || r.Header.Get("Link") != "" {
				t.Errorf("got %d Retry-After %q Link %q", r.StatusCode, r.Header.Get("Retry-After"), r.Header.Get("Link"))
			}
			contains(t, b, "Briefly unavailable for scheduled maintenance.")
		},
	}, {
		name: "FatalREST leaves pages alone",
		knob: func(_ *Store, c *Config) { c.FatalREST = true },
		send: get("/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantStatus(200)(t, r, b)
			r, b = do(t, c, "GET", s.URL()+"/?rest_route=/", "Accept", "application/json, */*;q=0.1")
			wantError(t, r, b, 500, "internal_server_error", "")
		},
	}, {
		name: "StaleRewriteRules",
		base: func(_ *Store, c *Config) { c.RESTPrefix = "api" },
		knob: func(_ *Store, c *Config) { c.StaleRewriteRules = true },
		send: get("/api/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, _ string) {
			if r.StatusCode != 404 || !strings.HasPrefix(r.Header.Get("Link"), "<"+s.URL()+"/api/>") {
				t.Errorf("advertised root: %d Link %q", r.StatusCode, r.Header.Get("Link"))
			}
			r, b := do(t, c, "GET", s.URL()+"/wp-json/wc/v3/system_status", "Authorization", basic(s.Keys()[0]))
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "") // routed, but the key is not looked at
		},
	}, {
		name: "StaticFrontPage",
		knob: func(_ *Store, c *Config) { c.StaticFrontPage = true },
		send: get("/wp-json/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			if r.StatusCode != 200 || r.Header.Get("Link") != "" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				t.Errorf("got %d Link %q Content-Type %q", r.StatusCode, r.Header.Get("Link"), r.Header.Get("Content-Type"))
			}
			contains(t, b, `<link rel="https://api.w.org/" href="`+s.URL()+`/wp-json/" />`)
			r, _ = do(t, c, "GET", s.URL()+"/index.php?rest_route=/")
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("?rest_route=/ answered %q", ct)
			}
		},
	}, {
		name: "SiteLanguage",
		knob: func(_ *Store, c *Config) { c.SiteLanguage = "de-DE" },
		send: get("/", false),
		off:  func(t *testing.T, _ *http.Response, b string) { contains(t, b, `<html lang="en-US">`) },
		on: func(t *testing.T, s *Store, c *http.Client, _ *http.Response, b string) {
			contains(t, b, `<html lang="de-DE">`)
			s.Update(func(c *Config) { c.DemoAdmin = true })
			_, admin := do(t, c, "GET", s.URL()+"/wp-admin/")
			contains(t, admin, `<html lang="de-DE">`)
		},
	}})
}

// TestRolesPerObjectType checks that capabilities are checked per object type: the
// custom roles may list one kind of object and get 403 on the other, as WooCommerce
// answers a user who lacks read_private_shop_orders or read_private_products.
func TestRolesPerObjectType(t *testing.T) {
	products, orders := NewKey(ReadWrite, ProductEditor), NewKey(ReadWrite, OrderClerk)
	s := New(Config{Keys: []Key{products, orders}})
	defer s.Close()
	c := testClient(s)
	for _, tc := range []struct {
		key    Key
		path   string
		status int
	}{
		{products, "/wp-json/wc/v3/products?per_page=1", 200},
		{products, "/wp-json/wc/v3/orders?per_page=1", 403},
		{orders, "/wp-json/wc/v3/orders?per_page=1", 200},
		{orders, "/wp-json/wc/v3/products?per_page=1", 403},
		{orders, "/wp-json/wc/v3/system_status", 403},
	} {
		r, b := do(t, c, "GET", s.URL()+tc.path, "Authorization", basic(tc.key))
		if tc.status == 200 {
			wantStatus(200)(t, r, b)
			continue
		}
		wantError(t, r, b, 403, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
	}
	r, b := do(t, c, "POST", s.URL()+"/wp-json/wc/v3/orders", "Authorization", basic(products))
	wantError(t, r, b, 403, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.")
}

// TestPageCacheServesStoredAnswers checks both cache modes: a stored 200 comes back
// to any later request with Age and X-Cache: HIT whatever its credentials, and only
// a cache keyed by path alone ignores a new query parameter.
func TestPageCacheServesStoredAnswers(t *testing.T) {
	for _, mode := range []CacheMode{CacheByURL, CacheByPath} {
		k := NewKey(ReadWrite, Administrator)
		s := New(Config{Keys: []Key{k}, PageCache: mode})
		c := testClient(s)
		const products = "/wp-json/wc/v3/products?per_page=1"
		r, b := do(t, c, "GET", s.URL()+products, "Authorization", basic(k))
		if r.StatusCode != 200 || r.Header.Get("X-Cache") != "MISS" || r.Header.Get("Age") != "" {
			t.Errorf("mode %d first request: %d X-Cache %q Age %q", mode, r.StatusCode, r.Header.Get("X-Cache"), r.Header.Get("Age"))
		}
		if err := s.Revoke(s.Keys()[0].ID); err != nil {
			t.Fatal(err)
		}
		r, b2 := do(t, c, "GET", s.URL()+products, "Cache-Control", "no-cache")
		if r.StatusCode != 200 || r.Header.Get("X-Cache") != "HIT" || r.Header.Get("Age") < "1" || b2 != b {
			t.Errorf("mode %d anonymous repeat: %d X-Cache %q Age %q", mode, r.StatusCode, r.Header.Get("X-Cache"), r.Header.Get("Age"))
		}
		r, _ = do(t, c, "GET", s.URL()+products+"&bust=1", "Authorization", basic(k))
		if hit := r.Header.Get("X-Cache") == "HIT"; hit != (mode == CacheByPath) || (!hit && r.StatusCode != 401) {
			t.Errorf("mode %d with a new query parameter: %d X-Cache %q", mode, r.StatusCode, r.Header.Get("X-Cache"))
		}
		log := s.Requests()
		if !log[1].FromCache || log[0].FromCache || log[1].Answered.Before(log[1].Time) {
			t.Errorf("mode %d: the log should mark the cached answer: %+v", mode, log[:2])
		}
		s.Close()
	}
}

// TestBurstLimitRefills checks the limit drains at Rate: refused requests succeed a
// little later, and Status 429 is answered when asked for.
func TestBurstLimitRefills(t *testing.T) {
	s := New(Config{BurstLimit: BurstLimit{Rate: 10, Burst: 1, Status: 429}})
	defer s.Close()
	c := testClient(s)
	var got []int
	for range 3 {
		r, _ := do(t, c, "GET", s.URL()+"/?rest_route=/")
		got = append(got, r.StatusCode)
	}
	if got[0] != 200 || got[1] != 200 || got[2] != 429 {
		t.Errorf("three quick requests: %v, want 200 200 429", got)
	}
	if r, _ := do(t, c, "GET", s.URL()+"/"); r.StatusCode != 200 {
		t.Errorf("a page is never limited: %d", r.StatusCode)
	}
	time.Sleep(250 * time.Millisecond)
	if r, _ := do(t, c, "GET", s.URL()+"/wp-json/"); r.StatusCode != 200 || r.Header.Get("Retry-After") != "" {
		t.Errorf("after the excess drained: %d Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
	}
}
