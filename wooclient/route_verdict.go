package wooclient

import "strings"

// keysNeedMarker reports a store whose REST API answers only at ?rest_route=
// and whose WooCommerce may be 11.0 or older: those look at a key only when
// the request URI holds "<prefix>/wc/", so every key request there carries the
// marker (see via.marker).
func (s Store) keysNeedMarker() bool {
	return strings.Contains(s.RESTRoot, "rest_route=") && !versionAtLeast(s.WooCommerce, 11, 1)
}

// routeCause is why the REST API answers only at ?rest_route=: Plain
// permalinks (fixed in Settings → Permalinks), or pretty permalinks the web
// server has no rewrite rules for (fixed on the server).
func (s Store) routeCause() Cause {
	if s.RewriteRulesMissing {
		return CauseRewriteRules
	}
	return CausePlainPermalinks
}

// routeVerdict settles, from the key level, a store whose keys need the
// marker: its WooCommerce ignores keys on the addresses a POS would use, a
// blocker whether or not the key itself is good (keyWorks says which, so the
// admin fixes the site rather than making yet another key).
func (r *run) routeVerdict(store Store, keyWorks bool, res ...result) {
	if !store.keysNeedMarker() {
		return
	}
	c := store.routeCause()
	detail := say("plain.ignores", nil)
	if keyWorks {
		detail = say("plain.key-works", nil)
	}
	r.drop(c)
	r.add(NewFinding(c, store.adminBase()).As(SeverityBlocker).With(detail, evidenceOf(res...)...))
	if c == CauseRewriteRules {
		r.set(CheckPermalinks, StateFail, say("permalinks.rewrites-ignored", nil))
		return
	}
	r.set(CheckPermalinks, StateFail, say("permalinks.plain-ignored", nil))
}

// keysWorkOnRoute settles a store whose WooCommerce (11.1 or later, its version
// hidden) takes keys at ?rest_route= without the marker: Plain permalinks are
// then no problem; missing rewrite rules stay a warning, since /wp-json/ still
// does not reach WordPress.
func (r *run) keysWorkOnRoute(store Store) {
	c := store.routeCause()
	r.drop(c)
	if c == CauseRewriteRules {
		r.add(NewFinding(c, store.adminBase()).As(SeverityWarning).With(say("rewrites.keys-work", nil)))
		r.set(CheckPermalinks, StateWarn, say("permalinks.rewrites-missing", nil))
		return
	}
	r.set(CheckPermalinks, StateOK, say("permalinks.plain-here", nil))
}
