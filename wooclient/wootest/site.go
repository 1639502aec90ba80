package wootest

import (
	_ "embed"
	"encoding/base64"
	"net/http"
	"strings"
)

// The pages WordPress prints before any theme or plugin runs, byte for byte as the
// recorded store printed them (cases 140 and 151 of testdata/fixtures-2).
var (
	//go:embed pages/maintenance.html
	maintenanceHTML string
	//go:embed pages/critical.html
	criticalHTML string
)

// belowSubDirectory is the request path below the directory WordPress is installed
// in: "/shop/wp-json/" becomes "/wp-json/"; "" when the path is outside it (or is the
// directory without its slash, which nginx redirects).
func belowSubDirectory(path, sub string) string {
	if sub == "" {
		return path
	}
	if rest, ok := strings.CutPrefix(path, sub); ok && strings.HasPrefix(rest, "/") {
		return rest
	}
	return ""
}

// restRoute finds the REST route a request asks for, as WordPress's rewrite rules
// and query vars do: ?rest_route= on any path wins; otherwise, unless permalinks are
// Plain, /<prefix>/… and /index.php/<prefix>/… (WordPress registers the REST rules
// with and without the index), below the WordPress directory.
func restRoute(x *exchange) (string, bool) {
	if v, ok := x.get.str("rest_route"); ok && !phpEmpty(v) {
		return untrailingslashit(v), true
	}
	if x.cfg.PlainPermalinks {
		return "", false
	}
	p := x.path
	if rest, ok := strings.CutPrefix(p, "/index.php/"); ok {
		p = "/" + rest
	}
	prefix := "/" + x.cfg.RESTPrefix
	if x.cfg.StaleRewriteRules {
		prefix = "/wp-json" // the rules still hold the prefix they were flushed with
	}
	if p != prefix && !strings.HasPrefix(p, prefix+"/") {
		return "", false
	}
	return untrailingslashit(strings.TrimPrefix(p, prefix)), true
}

// restURL is rest_url(route): home plus the REST prefix with pretty permalinks (after
// index.php/ with PATHINFO permalinks), index.php?rest_route=… with Plain ones.
func (x *exchange) restURL(route string) string {
	switch {
	case x.cfg.PlainPermalinks:
		return x.siteURL() + "/index.php?rest_route=" + route
	case x.cfg.IndexPermalinks:
		return x.siteURL() + "/index.php/" + x.cfg.RESTPrefix + route
	}
	return x.siteURL() + "/" + x.cfg.RESTPrefix + route
}

// untrailingslashit trims trailing slashes; an empty route is the index, "/".
func untrailingslashit(route string) string {
	route = strings.TrimRight(route, `/\`)
	if route == "" {
		return "/"
	}
	return route
}

// wcMarkers are the texts WooCommerce 11.0 and older look for in the raw request URI
// before considering a key: the REST prefix in force followed by wc/ or wc-.
func (x *exchange) wcMarkers() (string, string) {
	return x.cfg.RESTPrefix + "/wc/", x.cfg.RESTPrefix + "/wc-"
}

// webServerRoutes is nginx's part: the directory WordPress lives in (its name without
// the slash is redirected, anything outside it is a 404), and, without rewrite
// rules, try_files with no fallback to index.php. It answers nginx's own page and
// reports false when WordPress never runs.
func (x *exchange) webServerRoutes() bool {
	sub := x.cfg.SubDirectory
	switch {
	case sub != "" && x.r.URL.Path == sub:
		x.w.Header().Set("Location", x.scheme+"://"+x.r.Host+sub+"/")
		x.nginxPage(http.StatusMovedPermanently)
		return false
	case x.path == "", x.cfg.NoRewrites && !reachesPHP(x.path):
		x.nginxPage(http.StatusNotFound)
		return false
	}
	return true
}

// reachesPHP reports the paths nginx hands to PHP without a rewrite fallback: the
// directory index, PHP files, and the wp-admin directory (its index.php).
func reachesPHP(p string) bool {
	return p == "/" || strings.HasSuffix(p, ".php") || p == "/wp-admin" || p == "/wp-admin/"
}

// serverLogin reports whether the request carries the ServerPassword login as HTTP
// Basic, which nginx checks before PHP runs.
func (x *exchange) serverLogin() bool {
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(ServerUser+":"+x.cfg.ServerPassword))
	return x.r.Header.Get("Authorization") == want
}

// maintenancePage is wp_maintenance(): WordPress answers every URL, with or without
// credentials, with 503, Retry-After: 600 and its "Briefly unavailable" page.
func (x *exchange) maintenancePage() {
	h := x.w.Header()
	h.Set("Content-Type", "text/html; charset=UTF-8")
	h.Set("Retry-After", "600")
	setNoCache(h)
	x.w.WriteHeader(http.StatusServiceUnavailable)
	if x.r.Method != http.MethodHead {
		x.w.Write([]byte(maintenanceHTML))
	}
}

// fatalError is WordPress's fatal error handler on a REST URL: wp_die() answers
// JSON when the request asks for it (wp_is_json_request: application/json in
// Accept, or a JSON body) and the HTML error page otherwise; no REST header was sent.
func (x *exchange) fatalError() {
	h := x.w.Header()
	setNoCache(h)
	if !wantsJSON(x.r) {
		x.criticalPage()
		return
	}
	h.Set("Content-Type", "application/json; charset=UTF-8")
	x.w.WriteHeader(http.StatusInternalServerError)
	if x.r.Method != http.MethodHead {
		x.w.Write(phpJSON(obj{
			{"code", "internal_server_error"},
			{"message", `<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>`},
			{"data", obj{{"status", 500}}},
			{"additional_errors", []any{}},
		}))
	}
}

// criticalPage is wp_die()'s HTML page for a fatal error, in the site language.
func (x *exchange) criticalPage() {
	x.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	x.w.WriteHeader(http.StatusInternalServerError)
	if x.r.Method != http.MethodHead {
		x.w.Write([]byte(strings.Replace(criticalHTML, `lang="en-US"`, `lang="`+x.cfg.SiteLanguage+`"`, 1)))
	}
}

// wantsJSON is wp_is_json_request: a JSON media type in Accept or Content-Type.
func wantsJSON(r *http.Request) bool {
	for _, h := range []string{r.Header.Get("Accept"), r.Header.Get("Content-Type")} {
		for _, part := range strings.Split(h, ",") {
			mt, _, _ := strings.Cut(strings.TrimSpace(part), ";")
			mt = strings.ToLower(strings.TrimSpace(mt))
			if mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
				return true
			}
		}
	}
	return false
}
