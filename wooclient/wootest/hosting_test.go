package wootest

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestHostingKnobs covers the knobs that model what sits in front of WordPress, the
// server clock, and the login pages.
func TestHostingKnobs(t *testing.T) {
	const status = "/wp-json/wc/v3/system_status"
	runKnobs(t, []knobCase{{
		name: "WAF",
		knob: func(_ *Store, c *Config) { c.WAF = true },
		send: get("/wp-json/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			if r.StatusCode != 403 || r.Header.Get("Content-Type") != "text/html" {
				t.Errorf("got %d %q", r.StatusCode, r.Header.Get("Content-Type"))
			}
			contains(t, b, "<title>403 Forbidden</title>", "nginx")
			r, b = do(t, c, "GET", s.URL()+"/")
			wantStatus(200)(t, r, b) // only the REST API is blocked
		},
	}, {
		name: "BotChallenge",
		knob: func(_ *Store, c *Config) { c.BotChallenge = true },
		send: get("/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			if r.StatusCode != 403 || r.Header.Get("cf-mitigated") != "challenge" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				t.Errorf("got %d cf-mitigated %q", r.StatusCode, r.Header.Get("cf-mitigated"))
			}
			contains(t, b, "Just a moment...", "challenge-platform")
		},
	}, {
		name: "RedirectHTTPToHTTPS",
		knob: func(_ *Store, c *Config) { c.RedirectHTTPToHTTPS = true },
		send: func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
			return do(t, c, "GET", s.HTTPURL()+"/wp-json/?x=1")
		},
		off: wantStatus(200),
		on: func(t *testing.T, s *Store, _ *http.Client, r *http.Response, _ string) {
			if r.StatusCode != 301 || r.Header.Get("Location") != s.URL()+"/wp-json/?x=1" {
				t.Errorf("got %d Location %q", r.StatusCode, r.Header.Get("Location"))
			}
		},
	}, {
		name: "RedirectToCanonicalHost",
		base: func(s *Store, c *Config) { c.HomeHost = strings.Replace(s.tlsAddr, "127.0.0.1", "localhost", 1) },
		knob: func(_ *Store, c *Config) { c.RedirectToCanonicalHost = true },
		send: get("/wp-json/?_fields=home", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, _ *http.Client, r *http.Response, _ string) {
			if r.StatusCode != 301 || r.Header.Get("Location") != s.Home()+"/wp-json/?_fields=home" || r.Header.Get("X-Redirect-By") != "WordPress" {
				t.Errorf("got %d Location %q", r.StatusCode, r.Header.Get("Location"))
			}
		},
	}, {
		name: "ServerError 502",
		knob: func(_ *Store, c *Config) { c.ServerError = 502 },
		send: get(status, true),
		off:  wantStatus(200),
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			wantStatus(502)(t, r, b)
			contains(t, b, "502 Bad Gateway")
		},
	}, {
		name: "ServerError 500",
		knob: func(_ *Store, c *Config) { c.ServerError = 500 },
		send: get("/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, _ *Store, _ *http.Client, r *http.Response, b string) {
			wantStatus(500)(t, r, b)
			contains(t, b, "There has been a critical error on this website.")
		},
	}, {
		name: "RateLimit and RetryAfter",
		knob: func(_ *Store, c *Config) { c.RateLimit, c.RetryAfter = 2, 2500*time.Millisecond },
		send: get("/wp-json/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			r2, _ := do(t, c, "GET", s.URL()+"/wp-json/")
			for _, r := range []*http.Response{r, r2} {
				if r.StatusCode != 429 || r.Header.Get("Retry-After") != "3" {
					t.Errorf("got %d Retry-After %q, want 429 and 3", r.StatusCode, r.Header.Get("Retry-After"))
				}
			}
			r3, b3 := do(t, c, "GET", s.URL()+"/wp-json/")
			wantStatus(200)(t, r3, b3)
		},
	}, {
		name: "Delay and DelayFunc",
		knob: func(_ *Store, c *Config) {
			c.Delay = 100 * time.Millisecond
			c.DelayFunc = func(r *http.Request) time.Duration {
				if r.URL.Path == "/slow" {
					return 200 * time.Millisecond
				}
				return 0
			}
		},
		send: get("/", false),
		off:  wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, _ *http.Response, _ string) {
			for path, least := range map[string]time.Duration{"/": 100 * time.Millisecond, "/slow": 300 * time.Millisecond} {
				start := time.Now()
				do(t, c, "GET", s.URL()+path)
				if took := time.Since(start); took < least {
					t.Errorf("%s answered in %v, want at least %v", path, took, least)
				}
			}
		},
	}, {
		name: "ClockOffset",
		knob: func(_ *Store, c *Config) { c.ClockOffset = time.Hour },
		send: func(t *testing.T, s *Store, c *http.Client) (*http.Response, string) {
			return do(t, c, "GET", signedURL("GET", s.URL()+status, s.Home()+status, s.Keys()[0], time.Now()))
		},
		off: wantStatus(200),
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "Invalid timestamp.")
			date, err := http.ParseTime(r.Header.Get("Date"))
			if err != nil || date.Sub(time.Now().Add(time.Hour)).Abs() > 5*time.Second {
				t.Fatalf("Date %q is not the server clock (an hour ahead): %v", r.Header.Get("Date"), err)
			}
			r, b = do(t, c, "GET", signedURL("GET", s.URL()+status, s.Home()+status, s.Keys()[0], date))
			wantStatus(200)(t, r, b) // signing with the server's Date heals it
		},
	}, {
		name: "CustomLoginURL",
		knob: func(_ *Store, c *Config) { c.CustomLoginURL = true },
		send: get("/wp-admin/", false),
		off: func(t *testing.T, r *http.Response, _ string) {
			want := "/wp-login.php?redirect_to=" + url.QueryEscape("https://"+r.Request.URL.Host+"/wp-admin/") + "&reauth=1"
			if r.StatusCode != 302 || r.Header.Get("Location") != "https://"+r.Request.URL.Host+want {
				t.Errorf("got %d Location %q", r.StatusCode, r.Header.Get("Location"))
			}
		},
		on: func(t *testing.T, s *Store, c *http.Client, r *http.Response, b string) {
			wantStatus(404)(t, r, b)
			r, b = do(t, c, "GET", s.URL()+"/wp-login.php")
			wantStatus(404)(t, r, b)
		},
	}, {
		name: "DemoAdmin",
		knob: func(_ *Store, c *Config) { c.DemoAdmin = true },
		send: get("/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys", false),
		off: func(t *testing.T, r *http.Response, _ string) {
			if r.StatusCode != 302 || !strings.Contains(r.Header.Get("Location"), "/wp-login.php?redirect_to=") {
				t.Errorf("got %d Location %q", r.StatusCode, r.Header.Get("Location"))
			}
		},
		on: func(t *testing.T, s *Store, _ *http.Client, r *http.Response, b string) {
			wantStatus(200)(t, r, b)
			contains(t, b, "Consumer key ending in", "&hellip;"+s.Keys()[0].Ending())
		},
	}})
}
