package wooclient

import (
	"sort"
	"time"
)

// Transport is how a key travels to the store.
type Transport string

// The transports WooCommerce accepts. Basic and query only over HTTPS as
// WordPress sees it; OAuth 1.0a signatures anywhere (the secret never
// travels).
const (
	TransportNone   Transport = ""
	TransportBasic  Transport = "basic"
	TransportQuery  Transport = "query"
	TransportOAuth1 Transport = "oauth1"
)

// Store is what discovery learnt about a store. Home and RESTRoot come from
// the store's own REST index, not from what was typed: every later request
// and every OAuth base string is built from them.
type Store struct {
	// URL is the address as typed, normalised.
	URL string `json:"url"`
	// Home is WordPress's home URL as the index reports it (scheme, host,
	// sub-directory), or URL when the index could not be read.
	Home string `json:"home"`
	// RESTRoot ends in "/" for pretty permalinks (…/wp-json/) or in
	// "rest_route=/" for Plain permalinks (…/index.php?rest_route=/).
	RESTRoot string `json:"rest_root"`
	// RESTPrefix is the REST URL prefix WordPress advertises ("wp-json", or
	// what a plugin set with rest_url_prefix): WooCommerce 11.0 and older
	// only look at keys when the request URI holds "<prefix>/wc/".
	RESTPrefix  string `json:"rest_prefix,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// WooCommerce is the WooCommerce version when the index tells (the
	// WCPOS plugin adds it), "active" when only its namespace shows, or ""
	// when WooCommerce is not active or not known.
	WooCommerce       string   `json:"woocommerce"`
	WooCommerceActive bool     `json:"woocommerce_active"`
	WCPOS             string   `json:"wcpos,omitempty"`
	WCPOSActive       bool     `json:"wcpos_active"`
	PlainPermalinks   bool     `json:"plain_permalinks"`
	Namespaces        []string `json:"namespaces,omitempty"`
	// IndexRead reports whether the anonymous REST index answered; a store
	// that blocks anonymous REST can still work with keys.
	IndexRead bool `json:"index_read"`
	// SiteURL is where WordPress itself lives (wp-admin is under it); it
	// differs from Home when WordPress sits in its own sub-directory.
	SiteURL string `json:"site_url,omitempty"`
	// HTTPSNotDetected records that WordPress believes it is served over
	// plain HTTP although the store answers over HTTPS (a TLS-terminating
	// proxy): OAuth must then be signed for http://.
	HTTPSNotDetected bool `json:"https_not_detected,omitempty"`
	// Language is the site language from the front page's <html lang="…">
	// (WordPress prints language_attributes(), e.g. "de-DE"), or from the
	// REST index when it tells; "" when unknown.
	Language string `json:"language,omitempty"`
	// RewriteRulesMissing records that WordPress advertises pretty REST URLs
	// the web server does not route to it: the REST API only answers at
	// index.php?rest_route=.
	RewriteRulesMissing bool `json:"rewrite_rules_missing,omitempty"`
	// ClockOffset is the store's clock minus this terminal's, measured
	// from the Date header, so OAuth timestamps use the store's time.
	ClockOffset time.Duration `json:"-"`
}

// NoReport stands in for a checker that returned no report at all: an
// unexpected-answer blocker, so a caller never treats silence as success.
func NoReport() *Report {
	return &Report{Findings: []Finding{NewFinding(CauseUnexpected, "").With(say("report.none", nil))}}
}

// HTTPS reports whether the store is reached over TLS.
func (s Store) HTTPS() bool { return len(s.Home) >= 8 && s.Home[:8] == "https://" }

// AdminURL is the full address of an admin page on this store: under the
// WordPress address when it is known, else under home.
func (s Store) AdminURL(p AdminPage) string { return p.On(s.adminBase()) }

// KeyStatus is what the store said about a key.
type KeyStatus struct {
	// Ending is the masked key, "ck_…" and the last 7 characters.
	Ending string `json:"ending"`
	// Transport is the way the key works on this store ("" if none does).
	Transport     Transport `json:"transport"`
	Authenticated bool      `json:"authenticated"`
	Read          bool      `json:"read"`
	Write         bool      `json:"write"`
	Orders        bool      `json:"orders"`
	Products      bool      `json:"products"`
}

// Report is the outcome of a diagnosis: the store, the key (when one was
// checked), the checklist and the findings, blockers first.
type Report struct {
	Store    Store         `json:"store"`
	Key      *KeyStatus    `json:"key,omitempty"`
	Checks   []CheckResult `json:"checks"`
	Findings []Finding     `json:"findings"`
	// Requests counts the requests sent; Levels the rounds of them that
	// had to wait for an earlier answer (what a slow connection pays per
	// round trip); Elapsed is the wall time.
	Requests int           `json:"requests"`
	Levels   int           `json:"levels"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// OK reports whether the connection works: nothing blocks it, and every
// check the verdict rests on ran and passed. With a key that means the store
// accepted it and reading, writing, orders and products were all proved; a
// skipped or unfinished check never counts as passed.
func (r *Report) OK() bool { return len(r.Blockers()) == 0 && r.unproven() == "" }

// restsOn reports the checks a verdict rests on. The WCPOS plugin is not
// needed with keys, and the admin page only helps people find it.
func restsOn(id CheckID) bool { return id != CheckWCPOS && id != CheckAdmin }

// unproven names the first check the verdict rests on that did not pass, or
// a key proof that is missing; "" when everything is proved.
func (r *Report) unproven() CheckID {
	for _, c := range r.Checks {
		if restsOn(c.ID) && c.State != StateOK && c.State != StateWarn {
			return c.ID
		}
	}
	switch k := r.Key; {
	case k == nil:
	case !k.Authenticated:
		return CheckKeyAccepted
	case !k.Read || !k.Products:
		return CheckRead
	case !k.Write:
		return CheckWrite
	case !k.Orders:
		return CheckCapabilities
	}
	return ""
}

// Blockers returns the findings that stop the setup.
func (r *Report) Blockers() []Finding { return r.bySeverity(SeverityBlocker) }

// Warnings returns the findings that deserve attention.
func (r *Report) Warnings() []Finding { return r.bySeverity(SeverityWarning) }

func (r *Report) bySeverity(s Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether the report contains a finding of cause c.
func (r *Report) Has(c Cause) bool {
	for _, f := range r.Findings {
		if f.Cause == c {
			return true
		}
	}
	return false
}

// Check returns the result of one checklist line.
func (r *Report) Check(id CheckID) (CheckResult, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return CheckResult{}, false
}

// sortFindings puts blockers first, keeping discovery order within a
// severity, so the first finding is always the one to fix first.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity.rank() < fs[j].Severity.rank() })
}
