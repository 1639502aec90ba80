package wooclient

// readIndex finds the REST index among the first answers, adopts the store's
// own home, takes the REST root from what WordPress advertises (see restRoot),
// and settles the WordPress, REST, WooCommerce, permalinks and WCPOS checks.
func (r *run) readIndex(d discovery, store Store) Store {
	adv := advertisedRoot(d)
	res, idx := r.pickIndex(d)
	var fetched *result
	if res == nil && isPretty(adv) && sameHost(adv, d.base) && adv != d.base+"/wp-json/" {
		// Neither address answered the index, but WordPress names its
		// root: a sub-directory, a prefix, index.php/ permalinks.
		x := r.fetchIndex(adv)
		fetched = &x
		if i, ok := r.indexIn(x); ok {
			res, idx = &x, i
		}
	}
	if res == nil {
		return r.noIndex(d, store, adv)
	}
	if res.answer.Junk {
		r.add(NewFinding(CauseMalformedJSON, "").With(junkDetail(res.answer), res.evidence()))
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
	store.Language = d.front.answer.Lang
	if store.Language == "" || !d.front.ok() {
		store.Language = idx.Language
	}
	if fetched != nil {
		d.advAnswer = fetched
	}
	route := r.restRoot(d, res, adv, &store)
	r.set(CheckWordPress, StateOK, say("wordpress.answers", nil))
	if route == routePretty || route == routePlain {
		r.set(CheckREST, StateOK, say("rest.open-at", Args{"URL": store.RESTRoot}))
	}
	r.wooChecks(&store, idx, route, res)
	return store
}

// pickIndex returns the answer that holds the REST index: /wp-json/ first,
// then index.php?rest_route=/ (which works on every site).
func (r *run) pickIndex(d discovery) (*result, restIndex) {
	if idx, ok := r.indexIn(d.wpJSON); ok {
		return &d.wpJSON, idx
	}
	if idx, ok := r.indexIn(d.route); ok {
		return &d.route, idx
	}
	return nil, restIndex{}
}

// fetchIndex asks one REST root for the (small) index, following anonymous
// redirects: the level that confirms a root discovery did not ask yet.
func (r *run) fetchIndex(root string) result {
	return r.all(call{method: "GET", url: indexURL(root), follow: true})[0]
}

// indexIn parses an index out of one answer, reporting a malformed one.
func (r *run) indexIn(res result) (restIndex, bool) {
	if !sent(res) || !res.ok() || (res.answer.Verdict != VerdictOK && res.answer.Verdict != VerdictGarbled) {
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
