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
// Delay, BotChallenge, PageCache, StaticFrontPage, RateLimit, BurstLimit, ServerPassword, ServerError,
// RedirectHTTPToHTTPS, the web server's routing (SubDirectory, NoRewrites), WAF (REST
// only); then WordPress itself: Maintenance, FatalREST (REST only),
// RedirectToCanonicalHost, and the page or REST answer.
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

	// The site setups recorded in testdata/fixtures-2 (domain.md §6).

	// RESTPrefix is rest_url_prefix, "wp-json" by default. Another prefix ("api")
	// moves the REST root, makes /wp-json/ WordPress's HTML 404 page, and makes
	// WooCommerce look at keys only when the raw request URI holds "<prefix>/wc/" or
	// "<prefix>/wc-".
	RESTPrefix string
	// StaleRewriteRules: RESTPrefix was changed without flushing the rewrite
	// rules, so WordPress advertises /<RESTPrefix>/ but still routes only
	// /wp-json/ to the REST API; the advertised root is WordPress's own 404 page,
	// and WooCommerce (which looks for "<RESTPrefix>/wc/") ignores keys on
	// /wp-json/wc/ addresses.
	StaleRewriteRules bool
	// IndexPermalinks is the permalink structure /index.php/%postname%/: the REST
	// root is /index.php/<prefix>/, and /<prefix>/ keeps answering too.
	IndexPermalinks bool
	// SubDirectory is the path WordPress is installed under ("/shop"): home and
	// siteurl carry it, /shop answers 301 to /shop/, and every path outside it is
	// nginx's 404 page.
	SubDirectory string
	// NoRewrites: nginx has only "try_files $uri $uri/ =404" and a PHP location, no
	// fallback to index.php. Only /, PHP files and directories reach WordPress (so
	// ?rest_route= works); /wp-json/…, /index.php/wp-json/… and pretty permalinks are
	// nginx's own 404 page, while WordPress keeps advertising /wp-json/.
	NoRewrites bool
	// Maintenance: a .maintenance file; every WordPress URL answers 503 with
	// Retry-After: 600 and the "Briefly unavailable" page.
	Maintenance bool
	// FatalREST: a must-use plugin dies in rest_api_init, so every REST URL answers
	// 500: WordPress's JSON error when the request accepts application/json, its
	// HTML error page otherwise.
	FatalREST bool
	// BOM: a UTF-8 byte order mark is printed before every REST body.
	BOM bool
	// BurstLimit is nginx's limit_req on REST requests, off while Rate is 0.
	BurstLimit BurstLimit
	// ServerPassword puts the site behind nginx auth_basic "Staging" for the user
	// "staging" with this password: without that login every request answers nginx's
	// 401 with WWW-Authenticate; with it, WooCommerce still sees the Basic pair
	// (staging:…), so keys must travel in the query string.
	ServerPassword string
	// PageCache is a misconfigured "cache everything" page cache or CDN rule in
	// front of the site.
	PageCache CacheMode
	// StaticFrontPage: the web server answers every GET with a static copy of
	// the front page (a "cache everything" rule or try_files … /index.html over
	// a static export): 200 HTML whose <link rel="https://api.w.org/"> still
	// names the REST root, without any header PHP would send, and no REST API.
	StaticFrontPage bool
	// SiteLanguage is the site language WordPress prints in <html lang="…"> on its
	// pages (language_attributes), "en-US" by default.
	SiteLanguage string
}

// ServerUser is the user name of the ServerPassword login.
const ServerUser = "staging"

// BurstLimit models nginx's limit_req zone keyed by the client address with
// "nodelay": each request adds one to an excess that drains at Rate per second; a
// request that would push it above Burst is refused at once with Status (nginx's 503
// page by default, or 429), without Retry-After. The recorded store used Rate 2,
// Burst 2: of six simultaneous requests three pass.
type BurstLimit struct {
	Rate   float64 // requests per second; 0 turns the limit off
	Burst  int
	Status int // 503 (default) or 429
}

// CacheMode selects a page cache that stores 200 answers to GET requests whatever
// their credentials, and serves them again with Age and X-Cache: HIT, ignoring the
// request's Cache-Control.
type CacheMode int

const (
	// CacheOff: no cache in front of the site.
	CacheOff CacheMode = iota
	// CacheByURL stores answers under path and query: a unique query parameter
	// misses it.
	CacheByURL
	// CacheByPath stores answers under the path alone, ignoring the query string, as
	// some "cache everything" rules do: nothing a client adds to the query helps.
	CacheByPath
)

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
	if c.RESTPrefix == "" {
		c.RESTPrefix = "wp-json"
	}
	c.SubDirectory = strings.TrimRight(c.SubDirectory, "/")
	if c.SubDirectory != "" && !strings.HasPrefix(c.SubDirectory, "/") {
		c.SubDirectory = "/" + c.SubDirectory
	}
	if c.SiteLanguage == "" {
		c.SiteLanguage = "en-US"
	}
	if c.BurstLimit.Status == 0 {
		c.BurstLimit.Status = 503
	}
	return c
}

// clone copies c deeply enough that the copy can be read without the store's lock.
func (c *Config) clone() Config {
	cp := *c
	cp.Keys = slices.Clone(c.Keys)
	return cp
}
