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
	store.PlainPermalinks = !pretty
	switch {
	case pretty:
		r.set(CheckPermalinks, StateOK, say("permalinks.pretty", nil))
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
