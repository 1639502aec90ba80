package wootest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// knobCase shows one knob changing an answer: the same request is sent with the knob
// off, then again after Update turns it on.
type knobCase struct {
	name  string
	base  func(s *Store, c *Config) // optional setup applied before the "off" request
	knob  func(s *Store, c *Config)
	send  func(t *testing.T, s *Store, c *http.Client) (*http.Response, string)
	off   func(t *testing.T, resp *http.Response, body string)
	on    func(t *testing.T, s *Store, c *http.Client, resp *http.Response, body string)
	store Config // extra starting configuration
}

// runKnobs runs each case against a fresh store holding one read_write admin key.
func runKnobs(t *testing.T, cases []knobCase) {
	for _, kc := range cases {
		t.Run(kc.name, func(t *testing.T) {
			t.Parallel()
			cfg := kc.store
			cfg.Keys = append(cfg.Keys, NewKey(ReadWrite, Administrator))
			s := New(cfg)
			defer s.Close()
			c := testClient(s)
			if kc.base != nil {
				s.Update(func(cfg *Config) { kc.base(s, cfg) })
			}
			resp, body := kc.send(t, s, c)
			kc.off(t, resp, body)
			s.Update(func(cfg *Config) { kc.knob(s, cfg) })
			resp, body = kc.send(t, s, c)
			kc.on(t, s, c, resp, body)
		})
	}
}

// get returns a send function for a GET of path on the TLS listener.
func get(path string, withKey bool) func(*testing.T, *Store, *http.Client) (*http.Response, string) {
	return func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
		if withKey {
			return do(t, c, "GET", s.URL()+path, "Authorization", basic(s.Keys()[0]))
		}
		return do(t, c, "GET", s.URL()+path)
	}
}

// wantStatus returns an "off" check for a plain status.
func wantStatus(status int) func(*testing.T, *http.Response, string) {
	return func(t *testing.T, resp *http.Response, body string) {
		t.Helper()
		if resp.StatusCode != status {
			t.Errorf("status %d, want %d: %.300s", resp.StatusCode, status, body)
		}
	}
}

// TestWordPressKnobs covers the knobs that change what WordPress and WooCommerce do.
func TestWordPressKnobs(t *testing.T) {
	const status = "/wp-json/wc/v3/system_status"
	runKnobs(t, []knobCase{{
		name: "Name and Description",
		knob: func(_ *Store, c *Config) { c.Name, c.Description = "Corner Café", "Coffee & cake" },
		send: get("/wp-json/?_fields=name,description", false),
		off:  func(t *testing.T, _ *http.Response, b string) { contains(t, b, `"name":"Demo Store"`) },
		on: func(t *testing.T, _ *Store, _ *http.Client, _ *http.Response, b string) {
			if b != `{"name":"Corner Caf\u00e9","description":"Coffee & cake"}` {
				t.Errorf("index with _fields = %s", b)
			}
		},
	}, {
		name: "HomeHost",
		knob: func(s *Store, c *Config) { c.HomeHost = strings.Replace(s.tlsAddr, "127.0.0.1", "localhost", 1) },
		send: get("/wp-json/?_fields=home", false),
		off:  func(t *testing.T, _ *http.Response, b string) { contains(t, b, `"home":"https:\/\/127.0.0.1:`) },
		on: func(t *testing.T, s *Store, _ *http.Client, _ *http.Response, b string) {
			contains(t, b, `"home":"https:\/\/localhost:`)
			if !strings.HasPrefix(s.Home(), "https://localhost:") {
				t.Errorf("Home() = %s", s.Home())
			}
		},
	}, {
		name: "HomeScheme",
		knob: func(_ *Store, c *Config) { c.HomeScheme = "http" },
		send: func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
			return do(t, c, "GET", s.HTTPURL()+"/wp-json/?_fields=url")
		},
		off: func(t *testing.T, _ *http.Response, b string) { contains(t, b, `"url":"https:\/\/127.0.0.1:`) },
		on: func(t *testing.T, s *Store, _ *http.Client, _ *http.Response, b string) {
			contains(t, b, `"url":"`+strings.ReplaceAll(s.HTTPURL(), "/", `\/`)+`"`)
		},
	}, {
		name: "WooCommerceVersion",
		knob: func(_ *Store, c *Config) { c.WooCommerceVersion = "11.1.0" },
		send: get("/?rest_route=/wc/v3/system_status", true),
		off: func(t *testing.T, r *http.Response, b string) {
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
		},
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantStatus(200)(t, r, b)
			if k := s.Keys()[0]; !k.LastAccess.IsZero() {
				t.Errorf("a ?rest_route= request recorded last access %v; WooCommerce does not", k.LastAccess)
			}
		},
	}, {
		name: "WooCommerceInactive",
		knob: func(_ *Store, c *Config) { c.WooCommerceInactive = true },
		send: get("/wp-json/wc/v3", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 404, "rest_no_route", "No route was found matching the URL and request method.")
			_, idx := do(t, c, "GET", s.URL()+"/wp-json/?_fields=namespaces")
			if strings.Contains(idx, `wc\/`) {
				t.Errorf("namespaces still list WooCommerce: %s", idx)
			}
		},
	}, {
		name: "WCPOSVersion",
		knob: func(_ *Store, c *Config) { c.WCPOSVersion = "1.8.0" },
		send: get("/wp-json/?_fields=namespaces,wc_version,wcpos_version", false),
		off: func(t *testing.T, _ *http.Response, b string) {
			if strings.Contains(b, "wcpos") {
				t.Errorf("WCPOS absent but index says %s", b)
			}
		},
		on: func(t *testing.T, s *Store, c *http.Client, _ *http.Response, b string) {
			contains(t, b, `"wcpos\/v1"`, `"wcpos\/v2"`, `"wc_version":"10.0.2"`, `"wcpos_version":"1.8.0"`)
			s.Update(func(c *Config) { c.WCPOSVersion = "1.7.9" })
			_, older := do(t, c, "GET", s.URL()+"/wp-json/?_fields=namespaces")
			if !strings.Contains(older, `"wcpos\/v1"`) || strings.Contains(older, `"wcpos\/v2"`) {
				t.Errorf("WCPOS 1.7.9 namespaces: %s", older)
			}
		},
	}, {
		name: "PlainPermalinks",
		knob: func(_ *Store, c *Config) { c.PlainPermalinks = true },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, _ string) {
			if r.StatusCode != 301 || r.Header.Get("Location") != s.URL()+status+"/" || r.Header.Get("X-Redirect-By") != "WordPress" {
				t.Errorf("got %d Location %q", r.StatusCode, r.Header.Get("Location"))
			}
			r, _ = do(t, c, "GET", s.URL()+"/?rest_route=/")
			if want := "<" + s.URL() + `/index.php?rest_route=/>; rel="https://api.w.org/"`; r.Header.Get("Link") != want {
				t.Errorf("Link %q, want %q", r.Header.Get("Link"), want)
			}
			r, _ = do(t, c, "POST", s.URL()+"/wp-json/wc/v3/zz-probe", "Authorization", basic(s.Keys()[0]))
			if r.StatusCode != 200 || r.Header.Get("Content-Type") != "text/html; charset=UTF-8" {
				t.Errorf("POST write probe on plain permalinks: %d %q, want the HTML front page", r.StatusCode, r.Header.Get("Content-Type"))
			}
		},
	}, {
		name: "HTTPSNotDetected",
		knob: func(_ *Store, c *Config) { c.HTTPSNotDetected = true },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "")
			k, at := s.Keys()[0], time.Now()
			r, b = do(t, c, "GET", signedURL("GET", s.URL()+status, "https://"+s.tlsAddr+status, k, at))
			wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.")
			r, b = do(t, c, "GET", signedURL("GET", s.URL()+status, "http://"+s.tlsAddr+status, k, at))
			wantStatus(200)(t, r, b)
			_, idx := do(t, c, "GET", s.URL()+"/wp-json/?_fields=home")
			contains(t, idx, `"home":"http:\/\/127.0.0.1:`)
		},
	}, {
		name: "StripAuthorization",
		knob: func(_ *Store, c *Config) { c.StripAuthorization = true },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "")
			k := s.Keys()[0]
			r, b = do(t, c, "GET", s.URL()+status+"?consumer_key="+k.ConsumerKey+"&consumer_secret="+k.ConsumerSecret)
			wantStatus(200)(t, r, b)
			log := s.Requests()
			if log[len(log)-2].Header.Get("Authorization") == "" {
				t.Error("the request log should keep the header as received")
			}
		},
	}, {
		name: "ApplicationPasswords",
		knob: func(_ *Store, c *Config) { c.ApplicationPasswords = true },
		send: get("/?rest_route=/wc/v3/system_status", true),
		off: func(t *testing.T, r *http.Response, b string) {
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "")
		},
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 401, "invalid_username", "<strong>Error:</strong> Unknown username. Check again or try your email address.")
			unknown := NewKey(ReadWrite, Administrator)
			r, b = do(t, c, "GET", s.URL()+status, "Authorization", basic(unknown))
			wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "") // observed: stays anonymous on wp-json/wc/
		},
	}, {
		name: "JWTPlugin",
		knob: func(_ *Store, c *Config) { c.JWTPlugin = true },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 403, "jwt_auth_bad_auth_header", "Authorization header malformed.")
		},
	}, {
		name: "RESTBlocked",
		knob: func(_ *Store, c *Config) { c.RESTBlocked = true },
		send: get("/wp-json/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 401, "rest_cannot_access", "Only authenticated users can access the REST API.")
			r, b = get(status, true)(t, s, c)
			wantStatus(200)(t, r, b)
		},
	}, {
		name: "PHPNotices",
		knob: func(_ *Store, c *Config) { c.PHPNotices = true },
		send: get(status, true),
		off: func(t *testing.T, _ *http.Response, b string) {
			if !json.Valid([]byte(b)) {
				t.Errorf("body does not parse: %.100s", b)
			}
		},
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			if r.StatusCode != 200 || json.Valid([]byte(b)) || !strings.HasPrefix(b, "<br />\n<b>Deprecated</b>:  Function get_magic_quotes is <strong>deprecated</strong>") {
				t.Errorf("got %d %.120q", r.StatusCode, b)
			}
		},
	}})
}
