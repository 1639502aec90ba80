package wooclient

import (
	"strconv"
	"strings"
)

// wooChecks settles WooCommerce, the permalinks and the WCPOS plugin from
// the index.
func (r *run) wooChecks(store *Store, idx restIndex, pretty bool, res *result) {
	base := store.adminBase()
	store.WooCommerceActive = idx.has("wc/v3")
	store.WooCommerce = idx.WCVersion
	switch {
	case !store.WooCommerceActive:
		r.add(NewFinding(CauseWooMissing, base).With("the REST index lists no wc/v3 namespace", res.evidence()))
		r.set(CheckWooCommerce, StateFail, "not active (no wc/v3 in the REST index)")
	case idx.WCVersion != "":
		r.set(CheckWooCommerce, StateOK, "WooCommerce "+idx.WCVersion)
	default:
		store.WooCommerce = "active"
		r.set(CheckWooCommerce, StateOK, "active (version not shown)")
	}
	store.WCPOSActive, store.WCPOS = idx.wcpos(), idx.WCPOSVersion
	switch {
	case store.WCPOSActive && idx.WCPOSVersion != "":
		r.set(CheckWCPOS, StateOK, "WCPOS "+idx.WCPOSVersion)
	case store.WCPOSActive:
		r.set(CheckWCPOS, StateOK, "installed")
	default:
		r.add(NewFinding(CauseWCPOSMissing, base))
		r.set(CheckWCPOS, StateSkipped, "not installed (not needed with keys)")
	}
	store.PlainPermalinks = !pretty
	switch {
	case pretty:
		r.set(CheckPermalinks, StateOK, "pretty (…/wp-json/)")
	case versionAtLeast(idx.WCVersion, 11, 1):
		r.set(CheckPermalinks, StateOK, "Plain (keys work on WooCommerce 11.1 and later)")
	case idx.WCVersion != "":
		r.add(NewFinding(CausePlainPermalinks, base).With("WooCommerce "+idx.WCVersion+" ignores keys on index.php?rest_route= addresses", res.evidence()))
		r.set(CheckPermalinks, StateFail, "Plain: WooCommerce "+idx.WCVersion+" ignores keys")
	default:
		r.add(NewFinding(CausePlainPermalinks, base).As(SeverityWarning).With("Plain permalinks: WooCommerce 11.0 and older ignore keys; the key check will tell", res.evidence()))
		r.set(CheckPermalinks, StateWarn, "Plain: keys may be ignored")
	}
}

// adminBase is the address admin pages hang off.
func (s Store) adminBase() string {
	if s.SiteURL != "" {
		return s.SiteURL
	}
	return s.Home
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
