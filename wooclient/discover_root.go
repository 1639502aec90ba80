package wooclient

import (
	"net/url"
	"strings"
)

// routeState is how the REST API is reached on a store.
type routeState int

const (
	// routePretty: the root WordPress advertises answers the index.
	routePretty routeState = iota
	// routeBlocked: the advertised root refused anonymous requests (a
	// plugin, a firewall); keys are tried there.
	routeBlocked
	// routePlain: Plain permalinks; the API is at index.php?rest_route=.
	routePlain
	// routeNoRewrites: WordPress advertises a pretty root the web server
	// answers with its own 404; only ?rest_route= reaches WordPress.
	routeNoRewrites
	// routeBroken: the advertised root answers something that is not
	// WordPress's JSON (a page, a redirect, a stale 404).
	routeBroken
)

// advertisedRoot is the REST root WordPress names: the Link header it sends
// with REST answers and pages (rel="https://api.w.org/"), else the page's
// <link rel="https://api.w.org/">; "" when a plugin or proxy removed both.
func advertisedRoot(d discovery) string {
	for _, x := range []result{d.route, d.wpJSON, d.front} {
		if sent(x) && x.ok() && x.answer.RESTLink != "" {
			return x.answer.RESTLink
		}
	}
	if d.front.ok() && d.front.answer.RESTLinkHTML != "" {
		return d.front.answer.RESTLinkHTML
	}
	return ""
}

// isPretty reports a pretty REST root ("…/wp-json/", "…/index.php/api/").
func isPretty(root string) bool {
	return root != "" && !strings.Contains(root, "rest_route=") && strings.HasSuffix(root, "/")
}

// indexURL is the small REST index under root.
func indexURL(root string) string {
	q := url.Values{"_fields": {indexFields}}
	if !isPretty(root) {
		q.Set("rest_route", "/")
		return strings.TrimSuffix(strings.SplitN(root, "?", 2)[0], "/") + "?" + sendQuery(q)
	}
	return root + "?" + sendQuery(q)
}

// rootOf is the REST root an index answer was served from: its final URL
// without the query, compared without the scheme (WordPress's Link header
// says http:// behind a proxy it does not see).
func rootOf(res result) string {
	u, err := url.Parse(res.finalURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host) + u.EscapedPath()
}

// sameRoot compares two roots without their schemes.
func sameRoot(a string, res result) bool {
	u, err := url.Parse(a)
	return err == nil && rootOf(res) != "" && strings.ToLower(u.Host)+u.EscapedPath() == rootOf(res)
}

// restRoot settles store.RESTRoot from what WordPress advertises, never from
// an assumed /wp-json/: a root another answer already showed serving the
// index is confirmed; otherwise the advertised root is asked (one level,
// unless discovery already asked it) and its answer tells a working root
// from missing rewrite rules (the web server's own 404), a block that keys
// may get past, and a root that does not answer WordPress's JSON at all.
func (r *run) restRoot(d discovery, res *result, adv string, store *Store) routeState {
	home := store.Home
	if adv != "" && sameHost(adv, home) {
		adv = withScheme(adv, schemeOf(home))
	} else {
		adv = ""
	}
	plainRoot := home + "/index.php?rest_route=/"
	switch {
	case adv == "" && (res.call.url == d.wpJSON.call.url || (d.wpJSON.ok() && !isPlainAnswer(d.wpJSON.answer))):
		store.RESTRoot = home + "/wp-json/" // no advertised root: WordPress's default
		return routePretty
	case adv == "":
		store.RESTRoot, store.PlainPermalinks = plainRoot, true
		return routePlain
	case !isPretty(adv):
		store.RESTRoot, store.PlainPermalinks = plainRoot, true
		return routePlain
	}
	store.RESTRoot, store.RESTPrefix = adv, prefixOf(adv)
	if sameRoot(adv, *res) {
		return routePretty
	}
	at := d.advAnswer
	switch {
	case at != nil:
	case sent(d.wpJSON) && sameRoot(adv, d.wpJSON):
		at = &d.wpJSON
	default:
		x := r.fetchIndex(adv)
		at = &x
	}
	if _, ok := r.indexIn(*at); ok {
		return routePretty
	}
	return r.advertisedFails(store, *at, *res, plainRoot)
}

// advertisedFails explains an advertised root that did not answer the index
// while another address did.
func (r *run) advertisedFails(store *Store, at, index result, plainRoot string) routeState {
	a := at.answer
	switch {
	case at.ok() && a.Verdict == VerdictNotFound && !a.WordPress404:
		store.RESTRoot, store.RewriteRulesMissing = plainRoot, true
		d := say("rest.server-404", Args{"Root": at.call.url})
		r.set(CheckREST, StateWarn, d)
		return routeNoRewrites
	}
	if c, ok := siteProblem(at); ok {
		f := NewFinding(c, "").With(problemDetail(c, at), at.evidence())
		r.add(f)
		if f.Severity == SeverityWarning {
			r.set(CheckREST, StateWarn, say("rest.trying-key", Args{"Title": c.Title()}))
			return routeBlocked
		}
		r.set(CheckREST, StateFail, c.Title())
		return routeBroken
	}
	detail := say("rest.not-json", Args{"Root": store.RESTRoot, "Status": statusLine(a.Status)})
	if a.WordPress404 {
		detail = say("rest.stale-rules", Args{"Root": store.RESTRoot})
	}
	r.add(NewFinding(CauseRESTNotFound, store.adminBase()).With(detail, at.evidence(), index.evidence()))
	r.set(CheckREST, StateFail, say("rest.not-at", Args{"Root": store.RESTRoot}))
	return routeBroken
}
