package wootest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CertMode selects the certificate the TLS listener presents, so a client can be
// tested against each way HTTPS goes wrong on real shops.
type CertMode int

const (
	// CertValid is signed by the store's own CA for 127.0.0.1, ::1 and localhost.
	CertValid CertMode = iota
	// CertExpired is signed by the CA for the right names but expired yesterday.
	CertExpired
	// CertWrongHost is signed by the CA but names only wrong-host.invalid.
	CertWrongHost
	// CertSelfSigned names the right hosts but is signed by itself, not the CA.
	CertSelfSigned
)

// String names the mode for test output.
func (m CertMode) String() string {
	switch m {
	case CertValid:
		return "valid"
	case CertExpired:
		return "expired"
	case CertWrongHost:
		return "wrong-host"
	case CertSelfSigned:
		return "self-signed"
	}
	return "CertMode(" + strconv.Itoa(int(m)) + ")"
}

// Config describes the shop: WordPress and WooCommerce settings, plugins, and the
// hosting quirks in front of it. Every field may be changed at runtime with
// Store.Update.
//
// Knobs that model things in front of WordPress apply in this order, outermost first:
// Delay, BotChallenge, RateLimit, ServerError, RedirectHTTPToHTTPS, WAF (REST only),
// RedirectToCanonicalHost; then WordPress itself answers.
type Config struct {
	Name, Description string // site title and tagline; default "Demo Store" and a tagline
	// Keys is the key table. After New the store owns it: read it with Store.Keys and
	// change it with the key methods (or inside Update).
	Keys []Key
	// HomeScheme is the scheme of WordPress's home option: "https" (default) or "http".
	HomeScheme string
	// HomeHost is the host[:port] of the home option. "" means the address of the
	// listener for HomeScheme (127.0.0.1:port). "localhost:port" models a canonical
	// host that differs from what the user typed; "127.0.0.1" (no port) reproduces the
	// recorded store, whose home had no port although clients reached it on one.
	HomeHost string
	// WooCommerceVersion defaults to "10.0.2". Versions >= 11.1 authenticate
	// ?rest_route= URLs; older ones only when the raw request URI contains
	// "wp-json/wc/" or "wp-json/wc-".
	WooCommerceVersion  string
	WooCommerceInactive bool // no wc/* namespaces or routes; keys are never looked at
	// WCPOSVersion "" means the WCPOS plugin is absent. Otherwise the index lists
	// wcpos/v1 (and wcpos/v2 from 1.8) and carries wc_version and wcpos_version. The
	// plugin needs WooCommerce, so it stays silent while WooCommerceInactive.
	WCPOSVersion string
	// PlainPermalinks: /wp-json/… is not the API (301 adding a slash, then the HTML
	// front page) and the Link header points at index.php?rest_route=/.
	PlainPermalinks bool
	// HTTPSNotDetected: TLS is terminated by a proxy WordPress does not see, so
	// is_ssl() is false on the TLS listener too: Basic and query keys are ignored,
	// OAuth must be signed with http://, and the index's "home" says http://.
	HTTPSNotDetected bool
	// StripAuthorization: the host drops the Authorization header before PHP.
	StripAuthorization bool
	// ApplicationPasswords: WordPress application passwords are in use, so Basic
	// credentials on REST routes WooCommerce does not authenticate are tried as a
	// WordPress user and fail with 401 invalid_username.
	ApplicationPasswords bool
	// JWTPlugin: a JWT auth plugin answers REST requests whose Authorization header is
	// not "Bearer …" (Basic, OAuth) with 403 jwt_auth_bad_auth_header.
	JWTPlugin bool
	// RESTBlocked: a plugin answers anonymous REST requests with 401
	// rest_cannot_access; requests authenticated by a valid key still pass.
	RESTBlocked bool
	// WAF: every REST request answers an nginx/ModSecurity-style HTML 403.
	WAF bool
	// BotChallenge: every request answers a Cloudflare challenge (403,
	// cf-mitigated: challenge, "Just a moment...").
	BotChallenge bool
	// RedirectHTTPToHTTPS: the plain listener answers 301 to the TLS listener.
	RedirectHTTPToHTTPS bool
	// RedirectToCanonicalHost: a Host other than the home host gets 301 to Home().
	RedirectToCanonicalHost bool
	// PHPNotices: JSON answers start with a PHP notice, so a 200 does not parse.
	PHPNotices bool
	// ServerError (500, 502, 503, 504): every request answers it with an HTML page.
	ServerError int
	// RateLimit: the next RateLimit requests (counted from when the value was set)
	// answer 429; with RetryAfter > 0 they carry Retry-After in seconds.
	RateLimit  int
	RetryAfter time.Duration
	// Delay, plus DelayFunc(r) when set, is waited before answering every request.
	Delay     time.Duration
	DelayFunc func(r *http.Request) time.Duration
	// ClockOffset: the server clock is time.Now()+ClockOffset; it drives the Date
	// header and the OAuth timestamp window.
	ClockOffset time.Duration
	// CustomLoginURL: wp-admin/ and wp-login.php answer 404, as with a custom login
	// URL plugin, instead of the redirect to wp-login.php.
	CustomLoginURL bool
	Certificate    CertMode
	// DemoAdmin serves practice WP-Admin key pages (and the permalink page) at their
	// real paths without a login.
	DemoAdmin bool
}

// withDefaults fills the zero values New documents.
func (c Config) withDefaults() Config {
	if c.Name == "" {
		c.Name = "Demo Store"
	}
	if c.Description == "" {
		c.Description = "A practice WooCommerce store"
	}
	if c.HomeScheme != "http" {
		c.HomeScheme = "https"
	}
	if c.WooCommerceVersion == "" {
		c.WooCommerceVersion = "10.0.2"
	}
	return c
}

// clone copies c deeply enough that the copy can be read without the store's lock.
func (c *Config) clone() Config {
	cp := *c
	cp.Keys = slices.Clone(c.Keys)
	return cp
}

// wcposActive reports whether the WCPOS plugin registers its routes.
func (c *Config) wcposActive() bool {
	return c.WCPOSVersion != "" && !c.WooCommerceInactive
}

// versionAtLeast compares a dotted version numerically with want ("11.1" → 11, 1).
// Missing or non-numeric parts count as 0, as PHP's version_compare mostly does.
func versionAtLeast(v string, want ...int) bool {
	parts := strings.Split(v, ".")
	for i, w := range want {
		n := 0
		if i < len(parts) {
			n, _ = strconv.Atoi(parts[i])
		}
		if n != w {
			return n > w
		}
	}
	return true
}
