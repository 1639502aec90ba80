package wooclient

import (
	"strconv"
	"strings"
)

// wooChecks settles WooCommerce, the permalinks and the WCPOS plugin from
// the index.
func (r *run) wooChecks(store *Store, idx restIndex, route routeState, res *result) {
	base := store.adminBase()
	store.WooCommerceActive = idx.has("wc/v3")
	store.WooCommerce = idx.WCVersion
	switch {
	case !store.WooCommerceActive:
		r.add(NewFinding(CauseWooMissing, base).With(say("woocommerce.no-namespace", nil), res.evidence()))
		r.set(CheckWooCommerce, StateFail, say("woocommerce.not-active", nil))
	case idx.WCVersion != "":
		r.set(CheckWooCommerce, StateOK, say("woocommerce.version", Args{"Version": idx.WCVersion}))
	default:
		store.WooCommerce = "active"
		r.set(CheckWooCommerce, StateOK, say("woocommerce.active", nil))
	}
	store.WCPOSActive, store.WCPOS = idx.wcpos(), idx.WCPOSVersion
	switch {
	case store.WCPOSActive && idx.WCPOSVersion != "":
		r.set(CheckWCPOS, StateOK, say("wcpos.version", Args{"Version": idx.WCPOSVersion}))
	case store.WCPOSActive:
		r.set(CheckWCPOS, StateOK, say("wcpos.installed", nil))
	default:
		r.add(NewFinding(CauseWCPOSMissing, base))
		r.set(CheckWCPOS, StateSkipped, say("wcpos.not-installed", nil))
	}
	r.permalinks(store, idx, route, res)
}

// permalinks settles the permalinks check from how the REST API is reached:
// pretty, Plain (keys ignored on WooCommerce 11.0 and older), or pretty
// without the web server's rewrite rules (the same on the wire, fixed on the
// server instead).
func (r *run) permalinks(store *Store, idx restIndex, route routeState, res *result) {
	base := store.adminBase()
	switch {
	case route == routeBroken:
		r.set(CheckPermalinks, StateSkipped, Text{})
	case route == routePretty || route == routeBlocked:
		if store.prefix() == "wp-json" && !strings.Contains(store.RESTRoot, "/index.php/") {
			r.set(CheckPermalinks, StateOK, say("permalinks.pretty", nil))
		} else {
			r.set(CheckPermalinks, StateOK, say("permalinks.pretty-at", Args{"Root": store.RESTRoot}))
		}
	case route == routeNoRewrites:
		r.noRewrites(store, idx, res)
	case versionAtLeast(idx.WCVersion, 11, 1):
		r.set(CheckPermalinks, StateOK, say("permalinks.plain-newer", nil))
	case idx.WCVersion != "":
		r.add(NewFinding(CausePlainPermalinks, base).With(say("plain.version-ignores", Args{"Version": idx.WCVersion}), res.evidence()))
		r.set(CheckPermalinks, StateFail, say("permalinks.plain-version", Args{"Version": idx.WCVersion}))
	default:
		r.add(NewFinding(CausePlainPermalinks, base).As(SeverityWarning).With(say("plain.may-ignore", nil), res.evidence()))
		r.set(CheckPermalinks, StateWarn, say("permalinks.plain-maybe", nil))
	}
}

// noRewrites settles a store whose advertised root is the web server's 404:
// a warning on WooCommerce 11.1 and later (keys work at ?rest_route=) and
// while the version is unknown (the key check tells), a blocker on a known
// older version.
func (r *run) noRewrites(store *Store, idx restIndex, res *result) {
	base, root := store.adminBase(), store.Home+"/"+store.prefix()+"/"
	switch {
	case versionAtLeast(idx.WCVersion, 11, 1):
		r.add(NewFinding(CauseRewriteRules, base).As(SeverityWarning).With(say("rewrites.keys-work", nil), res.evidence()))
		r.set(CheckPermalinks, StateWarn, say("permalinks.rewrites-missing", Args{"Root": root}))
	case idx.WCVersion != "":
		r.add(NewFinding(CauseRewriteRules, base).With(say("rewrites.server-404", Args{"Root": root, "Version": idx.WCVersion}), res.evidence()))
		r.set(CheckPermalinks, StateFail, say("permalinks.rewrites-missing", Args{"Root": root}))
	default:
		r.add(NewFinding(CauseRewriteRules, base).As(SeverityWarning).With(say("rewrites.may-ignore", Args{"Root": root}), res.evidence()))
		r.set(CheckPermalinks, StateWarn, say("permalinks.rewrites-missing", Args{"Root": root}))
	}
}

// adminBase is the address admin pages hang off.
func (s Store) adminBase() string {
	if s.SiteURL != "" {
		return s.SiteURL
	}
	return s.Home
}

// versionKnown reports a dotted version number, not "active" or "".
func versionKnown(v string) bool {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	_, err1 := strconv.Atoi(parts[0])
	_, err2 := strconv.Atoi(parts[1])
	return err1 == nil && err2 == nil
}

// versionAtLeast compares a dotted version with major.minor; unknown or
// unparsable versions are not at least anything.
func versionAtLeast(v string, major, minor int) bool {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > major || (ma == major && mi >= minor)
}
