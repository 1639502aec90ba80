package wootest

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
)

// sitePages are the HTML pages of the front end and of the layers in front of it.
const sitePages = `
{{define "site-head"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='noindex, nofollow' />
	<style>img:is([sizes="auto" i], [sizes^="auto," i]) { contain-intrinsic-size: 3000px 1500px }</style>
	<title>{{if .NotFound}}Page not found &#8211; {{.Name}}{{else}}{{.Name}} &#8211; {{.Description}}{{end}}</title>
<link rel="alternate" type="application/rss+xml" title="{{.Name}} &raquo; Feed" href="{{.Feed}}" />
<link rel="alternate" type="application/rss+xml" title="{{.Name}} &raquo; Comments Feed" href="{{.CommentsFeed}}" />
<link rel="https://api.w.org/" href="{{.RESTRoot}}" />
</head>
{{end}}
{{define "front"}}{{template "site-head" .}}<body class="home blog">
<header><h1><a href="{{.Site}}/">{{.Name}}</a></h1><p>{{.Description}}</p></header>
<main><h2>Shop</h2><ul><li>Espresso &#8211; $3.50</li><li>Croissant &#8211; $2.80</li></ul></main>
</body>
</html>
{{end}}
{{define "notfound"}}{{template "site-head" .}}<body class="error404"><h1>Oops! That page can&rsquo;t be found.</h1></body>
</html>
{{end}}
{{define "login"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="UTF-8" /><title>Log In &lsaquo; {{.Name}} &#8212; WordPress</title></head>
<body class="login no-js login-action-login wp-core-ui">
<div id="login"><h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>
<form name="loginform" id="loginform" action="{{.Site}}/wp-login.php" method="post">
<p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login" /></p>
<p><label for="user_pass">Password</label><input type="password" name="pwd" id="user_pass" /></p>
<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" value="Log In" /></p>
</form></div>
</body>
</html>
{{end}}
{{define "challenge"}}<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">{{.Host}}</h1><h2 class="h2" id="challenge-running">Verifying you are human. This may take a few seconds.</h2>
<div id="cf-chl-widget-a1b2c" class="cf-chl-widget"></div>
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
</div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "{{.Host}}",cType: 'managed'};var a = document.createElement('script');a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8e1f0c0d0e0f0a0b';document.getElementsByTagName('head')[0].appendChild(a);}());</script>
</body></html>
{{end}}`

// newPages parses the store's HTML templates once; they are only executed afterwards.
func newPages() *template.Template {
	return template.Must(template.Must(template.New("pages").Parse(sitePages)).Parse(adminPages))
}

// siteData is what the front-end templates show.
func (x *exchange) siteData() map[string]any {
	feed, comments := x.siteURL()+"/feed/", x.siteURL()+"/comments/feed/"
	switch {
	case x.cfg.PlainPermalinks:
		feed, comments = x.siteURL()+"/?feed=rss2", x.siteURL()+"/?feed=comments-rss2"
	case x.cfg.IndexPermalinks:
		feed, comments = x.siteURL()+"/index.php/feed/", x.siteURL()+"/index.php/comments/feed/"
	}
	return map[string]any{
		"Name": x.cfg.Name, "Description": x.cfg.Description,
		"Site": x.siteURL(), "RESTRoot": x.restURL("/"), "Host": x.r.Host,
		"Feed": feed, "CommentsFeed": comments, "Lang": x.cfg.SiteLanguage,
	}
}

// page renders template name as an HTML answer (no body for HEAD).
func (x *exchange) page(status int, name string, data any) {
	var buf bytes.Buffer
	if err := x.store.pages.ExecuteTemplate(&buf, name, data); err != nil {
		panic("wootest: template " + name + ": " + err.Error()) // the templates are constants
	}
	x.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	x.w.WriteHeader(status)
	if x.r.Method != http.MethodHead {
		x.w.Write(buf.Bytes())
	}
}

// nginxPage is nginx's own error page for status, used by the layers WordPress never
// sees (redirects, rate limits, a WAF, a server password, missing files, an upstream
// that is down), with nginx's wording and CRLF line ends.
func (x *exchange) nginxPage(status int) {
	text := nginxStatusText(status)
	x.w.Header().Set("Content-Type", "text/html")
	x.w.WriteHeader(status)
	if x.r.Method != http.MethodHead {
		fmt.Fprintf(x.w, "<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", text, text)
	}
}

// nginxStatusText is the title of nginx's error pages, which differs from the status
// line's reason for some codes ("401 Authorization Required").
func nginxStatusText(status int) string {
	switch status {
	case http.StatusUnauthorized:
		return "401 Authorization Required"
	case http.StatusServiceUnavailable:
		return "503 Service Temporarily Unavailable"
	case http.StatusGatewayTimeout:
		return "504 Gateway Time-out"
	}
	return fmt.Sprintf("%d %s", status, http.StatusText(status))
}

// serverError answers the ServerError knob: WordPress's critical-error page for 500
// (PHP died), nginx's page for the gateway errors.
func (x *exchange) serverError(status int) {
	if status == http.StatusInternalServerError {
		x.criticalPage()
		return
	}
	x.nginxPage(status)
}

// notFound is WordPress's 404: the theme's page, with the nocache headers
// WP::handle_404 sends and the REST API's Link header like every page.
func (x *exchange) notFound() {
	setNoCache(x.w.Header())
	data := x.siteData()
	data["NotFound"] = true
	x.page(http.StatusNotFound, "notfound", data)
}

// serveSite answers everything that is not the REST API.
func (s *Store) serveSite(x *exchange) {
	p := x.path
	switch {
	case p == "/wp-login.php":
		x.w.Header().Set("Expires", "Wed, 11 Jan 1984 05:00:00 GMT")
		x.w.Header().Set("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private")
		if x.cfg.CustomLoginURL && !x.cfg.DemoAdmin {
			x.notFound()
			return
		}
		x.page(http.StatusOK, "login", x.siteData())
	case p == "/wp-admin" || strings.HasPrefix(p, "/wp-admin/"):
		s.serveAdmin(x)
	default:
		s.frontEnd(x)
	}
}

// frontEnd is a theme page. WordPress determines the user on every page, so a valid
// key on a URI containing wp-json/wc/ logs in here too (and spends its OAuth nonce),
// which shows as nocache headers. With plain permalinks WordPress first adds a
// trailing slash to GET and HEAD requests (transcript 70), then serves the front page
// for any path and method (71, 76) — so a POST write probe gets a 200 HTML page.
func (s *Store) frontEnd(x *exchange) {
	st := s.authenticate(x, "")
	x.authenticated = st.loggedIn
	h := x.w.Header()
	if st.loggedIn {
		setNoCache(h)
	}
	p := x.path
	getOrHead := x.r.Method == http.MethodGet || x.r.Method == http.MethodHead // redirect_canonical skips others
	if x.cfg.PlainPermalinks && getOrHead && p != "/" && p != "/index.php" && !strings.HasSuffix(p, "/") {
		loc := x.siteURL() + p + "/"
		if x.r.URL.RawQuery != "" {
			loc += "?" + x.r.URL.RawQuery
		}
		x.wpRedirect(http.StatusMovedPermanently, loc)
		return
	}
	h.Set("Link", "<"+x.restURL("/")+`>; rel="https://api.w.org/"`)
	if !x.cfg.PlainPermalinks && p != "/" && p != "/index.php" {
		x.notFound()
		return
	}
	x.page(http.StatusOK, "front", x.siteData())
}
