package wooclient

import (
	"net/url"
	"strings"
)

// readIndex finds the REST index among the first answers (or at the root
// the Link header names), adopts the store's own home, and settles the
// WordPress, REST, WooCommerce, permalinks and WCPOS checks.
func (r *run) readIndex(d discovery, store Store) Store {
	res, idx, pretty := r.pickIndex(d)
	if res == nil {
		return r.noIndex(d, store)
	}
	if res.answer.Junk {
		r.add(NewFinding(CauseMalformedJSON, "").With(say("json.notice", nil), res.evidence()))
	}
	store.IndexRead = true
	store.Name, store.Description, store.Namespaces = idx.Name, idx.Description, idx.Namespaces
	store.Home = r.adoptHome(d.base, res, idx)
	if site := cleanBase(idx.URL); site != "" && sameHost(site, store.Home) {
		if site = withScheme(site, schemeOf(store.Home)); site != store.Home {
			store.SiteURL = site
		}
	}
	store.HTTPSNotDetected = schemeOf(res.finalURL) == "https" && schemeOf(cleanBase(idx.Home)) == "http"
	if pretty {
		store.RESTRoot = store.Home + "/wp-json/"
		if link := res.answer.RESTLink; link != "" && sameHost(link, store.Home) && strings.HasSuffix(link, "/") {
			store.RESTRoot = withScheme(link, schemeOf(store.Home))
		}
	} else {
		store.RESTRoot = store.Home + "/index.php?rest_route=/"
	}
	r.set(CheckWordPress, StateOK, say("wordpress.answers", nil))
	r.set(CheckREST, StateOK, say("rest.open-at", Args{"URL": store.RESTRoot}))
	r.wooChecks(&store, idx, pretty, res)
	return store
}

// pickIndex returns the answer that holds the REST index: /wp-json/ first
// (pretty permalinks), then index.php?rest_route=/, then the root from the
// front page's Link header (sub-directory or index.php/wp-json/ setups).
func (r *run) pickIndex(d discovery) (*result, restIndex, bool) {
	if idx, ok := r.indexIn(d.wpJSON); ok {
		return &d.wpJSON, idx, true
	}
	if idx, ok := r.indexIn(d.route); ok {
		pretty := false
		if d.wpJSON.ok() && !isPlainAnswer(d.wpJSON.answer) {
			pretty = true // /wp-json/ exists but was blocked; keys need it
		}
		return &d.route, idx, pretty
	}
	link := ""
	if d.front.ok() {
		link = d.front.answer.RESTLink
	}
	if link == "" || link == d.base+"/wp-json/" || strings.Contains(link, "rest_route=") {
		return nil, restIndex{}, false
	}
	u, err := url.Parse(link)
	if err != nil {
		return nil, restIndex{}, false
	}
	u.RawQuery = sendQuery(url.Values{"_fields": {indexFields}})
	res := r.do(call{method: "GET", url: u.String(), follow: true})
	if idx, ok := r.indexIn(res); ok {
		return &res, idx, true
	}
	return nil, restIndex{}, false
}

// indexIn parses an index out of one answer, reporting a malformed one.
func (r *run) indexIn(res result) (restIndex, bool) {
	if !res.ok() || (res.answer.Verdict != VerdictOK && res.answer.Verdict != VerdictGarbled) {
		return restIndex{}, false
	}
	if res.answer.Object == nil {
		r.add(NewFinding(CauseMalformedJSON, "").With(say("json.index-not-object", nil), res.evidence()))
		return restIndex{}, false
	}
	idx, ok, problem := parseIndex(res.answer.Object)
	if ok && !problem.IsZero() {
		r.add(NewFinding(CauseMalformedJSON, "").With(problem, res.evidence()))
	}
	return idx, ok
}

// isPlainAnswer recognises /wp-json/ on a Plain-permalinks site: no REST
// route there, just the front page (after WordPress's trailing-slash
// redirect) or a 404 page.
func isPlainAnswer(a Answer) bool {
	return a.Verdict == VerdictHTML || a.Verdict == VerdictNotFound ||
		(a.Verdict == VerdictRedirect && !a.JSON)
}

// adoptHome takes the index's home as the store's address: API URLs and
// OAuth base strings are built from it. It never downgrades HTTPS: when
// the index was read over HTTPS but reports http://, WordPress is behind a
// proxy it does not see (recorded in Store.HTTPSNotDetected).
func (r *run) adoptHome(typed string, res *result, idx restIndex) string {
	home := cleanBase(idx.Home)
	if home == "" {
		return typed
	}
	if schemeOf(res.finalURL) == "https" && schemeOf(home) == "http" {
		home = withScheme(home, "https")
	}
	if home != typed {
		r.add(NewFinding(CauseRedirected, "").With(say("redirected.home", Args{"Typed": typed, "Home": home}), res.evidence()))
	}
	return home
}
