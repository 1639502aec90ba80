package wootest

import (
	"io"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// exchange is one request as the store's layers see it: a snapshot of the
// configuration and what PHP and WordPress derive from the raw request.
type exchange struct {
	store         *Store
	w             *statusWriter
	r             *http.Request
	cfg           Config
	scheme        string     // the listener: "https" or "http"
	https         bool       // is_ssl(): what WordPress believes
	now           time.Time  // server clock
	homeHost      string     // host[:port] of the home option
	uri           string     // REQUEST_URI, raw
	path          string     // the request path below the WordPress directory ("" outside it)
	relURI        string     // uri below the WordPress directory, for redirects to home
	authz         string     // the Authorization header as PHP receives it
	get, post     *phpParams // $_GET and $_POST
	body          []byte
	matched       *route // the REST route being served
	id            string // its (?P<id>…) match
	authenticated bool   // for the request log
}

// newExchange snapshots the configuration for one request.
func (s *Store) newExchange(w *statusWriter, r *http.Request, scheme string) *exchange {
	s.mu.Lock()
	cfg := s.cfg.clone()
	home := s.homeHostLocked()
	s.mu.Unlock()
	x := &exchange{
		store: s, w: w, r: r, cfg: cfg, scheme: scheme, homeHost: home,
		https: scheme == "https" && !cfg.HTTPSNotDetected,
		now:   time.Now().Add(cfg.ClockOffset),
		uri:   r.RequestURI,
		get:   parsePHPQuery(r.URL.RawQuery),
		post:  newPHPParams(),
	}
	if !strings.HasPrefix(x.uri, "/") { // absolute-form request line
		x.uri = r.URL.RequestURI()
	}
	x.path, x.relURI = belowSubDirectory(r.URL.Path, cfg.SubDirectory), x.uri
	if x.path != "" {
		x.relURI = strings.TrimPrefix(x.uri, cfg.SubDirectory)
	}
	if !cfg.StripAuthorization {
		x.authz = r.Header.Get("Authorization")
	}
	x.body, _ = io.ReadAll(io.LimitReader(r.Body, 1<<20))
	ct := strings.ToLower(r.Header.Get("Content-Type"))
	if r.Method == http.MethodPost && strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		x.post = parsePHPQuery(string(x.body))
	}
	return x
}

// seenScheme is the scheme WordPress uses when it prints URLs for this request.
func (x *exchange) seenScheme() string {
	if x.https {
		return "https"
	}
	return "http"
}

// siteURL is home_url() as WordPress prints it during this request: the home host
// and directory with the scheme WordPress believes it is on.
func (x *exchange) siteURL() string { return x.seenScheme() + "://" + x.homeHost + x.cfg.SubDirectory }

// homeOption is the raw home (and siteurl) option.
func (x *exchange) homeOption() string {
	return x.cfg.HomeScheme + "://" + x.homeHost + x.cfg.SubDirectory
}

// dispatch answers a request through the hosting layers in Config's documented
// order, then WordPress.
func (s *Store) dispatch(x *exchange) {
	h := x.w.Header()
	h.Set("Server", "nginx")
	h.Set("Date", x.now.UTC().Format(http.TimeFormat))
	cfg := &x.cfg
	route, isREST := restRoute(x)
	switch {
	case cfg.BotChallenge:
		h.Set("Cf-Mitigated", "challenge")
		x.page(http.StatusForbidden, "challenge", x.siteData())
	case cfg.StaticFrontPage && (x.r.Method == http.MethodGet || x.r.Method == http.MethodHead):
		x.page(http.StatusOK, "front", x.siteData())
	case s.rateLimited():
		if cfg.RetryAfter > 0 {
			h.Set("Retry-After", strconv.Itoa(int(math.Ceil(cfg.RetryAfter.Seconds()))))
		}
		x.nginxPage(http.StatusTooManyRequests)
	case s.burstLimited(x):
		x.nginxPage(cfg.BurstLimit.Status)
	case cfg.ServerPassword != "" && !x.serverLogin():
		h.Set("WWW-Authenticate", `Basic realm="Staging"`)
		x.nginxPage(http.StatusUnauthorized)
	case cfg.ServerError != 0:
		x.serverError(cfg.ServerError)
	case cfg.RedirectHTTPToHTTPS && x.scheme == "http":
		host := x.r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		_, port, _ := net.SplitHostPort(s.tlsAddr)
		h.Set("Location", "https://"+net.JoinHostPort(host, port)+x.uri)
		x.nginxPage(http.StatusMovedPermanently)
	case !x.webServerRoutes():
	case isREST && cfg.WAF:
		x.nginxPage(http.StatusForbidden)
	case cfg.Maintenance:
		x.maintenancePage()
	case isREST && cfg.FatalREST:
		x.fatalError()
	case cfg.RedirectToCanonicalHost && !strings.EqualFold(x.r.Host, x.homeHost):
		x.wpRedirect(http.StatusMovedPermanently, x.homeOption()+x.relURI)
	case isREST:
		s.serveREST(x, route)
	default:
		s.serveSite(x)
	}
}

// rateLimited takes one of the RateLimit answers, if any are left.
func (s *Store) rateLimited() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limited >= s.cfg.RateLimit {
		return false
	}
	s.limited++
	return true
}

// setNoCache adds WordPress's nocache_headers, sent whenever a user is logged in.
func setNoCache(h http.Header) {
	h.Set("Expires", "Wed, 11 Jan 1984 05:00:00 GMT")
	h.Set("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private")
}

// wpRedirect is wp_redirect: empty HTML body and WordPress's X-Redirect-By.
func (x *exchange) wpRedirect(code int, location string) {
	h := x.w.Header()
	h.Set("Content-Type", "text/html; charset=UTF-8")
	h.Set("X-Redirect-By", "WordPress")
	h.Set("Location", location)
	x.w.WriteHeader(code)
}
