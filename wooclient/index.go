package wooclient

import (
	"encoding/json"
	"net/url"
	"strings"
)

// indexFields keeps the REST index small: without _fields it carries every
// route and can weigh megabytes.
const indexFields = "name,description,url,home,namespaces,authentication,wc_version,wcpos_version,language"

// restIndex is the part of WordPress's REST index the diagnosis reads.
type restIndex struct {
	Name, Description string
	URL, Home         string
	Namespaces        []string
	WCVersion         string
	WCPOSVersion      string
	// Language is a site language some plugins add to the index.
	Language string
}

// parseIndex reads an index answer. ok is false when the object is not a
// WordPress index; problem names a malformed field (namespaces that are not
// a list of strings) so it can be reported as garbled rather than ignored.
func parseIndex(obj map[string]json.RawMessage) (idx restIndex, ok bool, problem Text) {
	if obj == nil {
		return idx, false, Text{}
	}
	rawNS, hasNS := obj["namespaces"]
	_, hasHome := obj["home"]
	if !hasNS && !hasHome {
		return idx, false, Text{}
	}
	for field, dst := range map[string]*string{"name": &idx.Name, "description": &idx.Description,
		"url": &idx.URL, "home": &idx.Home, "wc_version": &idx.WCVersion, "wcpos_version": &idx.WCPOSVersion, "language": &idx.Language} {
		if raw, ok := obj[field]; ok && json.Unmarshal(raw, dst) != nil {
			problem = say("json.field-not-text", Args{"Field": field})
		}
	}
	if hasNS && json.Unmarshal(rawNS, &idx.Namespaces) != nil {
		return idx, true, say("json.namespaces-not-list", nil)
	}
	return idx, true, problem
}

// has reports whether a namespace is registered.
func (idx restIndex) has(ns string) bool {
	for _, n := range idx.Namespaces {
		if n == ns {
			return true
		}
	}
	return false
}

// wcpos reports whether the WCPOS plugin's namespace is registered.
func (idx restIndex) wcpos() bool {
	for _, n := range idx.Namespaces {
		if strings.HasPrefix(n, "wcpos/") {
			return true
		}
	}
	return false
}

// sameOrigin reports whether two URLs share scheme-less host (and port).
func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && strings.EqualFold(ua.Host, ub.Host)
}

// withScheme returns raw with its scheme replaced.
func withScheme(raw, scheme string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Scheme = scheme
	return u.String()
}

// schemeOf returns the scheme of a URL, or "".
func schemeOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Scheme
}

// cleanBase validates an address the store reported (home, siteurl) and
// drops its trailing slash; "" when it is not an http(s) URL.
func cleanBase(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.RawQuery, u.Fragment = "", ""
	return strings.TrimRight(u.String(), "/")
}

// prefix is the REST URL prefix: the one WordPress advertised, else the
// last segment of a pretty REST root, else WordPress's default.
func (s Store) prefix() string {
	if s.RESTPrefix != "" {
		return s.RESTPrefix
	}
	if p := prefixOf(s.RESTRoot); p != "" {
		return p
	}
	return "wp-json"
}

// prefixOf is the last path segment of a pretty REST root
// ("https://shop/sub/index.php/api/" → "api"), "" for a ?rest_route= root.
func prefixOf(root string) string {
	u, err := url.Parse(root)
	if err != nil || u.Query().Has("rest_route") {
		return ""
	}
	p := strings.Trim(u.Path, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	if p == "index.php" {
		return ""
	}
	return p
}

// routeURL builds the URL of a REST route ("wc/v3/products") under the
// store's REST root, pretty (…/wp-json/wc/v3/products?…) or Plain
// (…/index.php?rest_route=/wc/v3/products&…).
func (s Store) routeURL(route string, q url.Values) string {
	root := s.RESTRoot
	if i := strings.Index(root, "rest_route="); i >= 0 {
		u, err := url.Parse(root)
		if err != nil {
			return root
		}
		all := u.Query()
		all.Set("rest_route", "/"+route)
		for k, vs := range q {
			all[k] = vs
		}
		u.RawQuery = sendQuery(all)
		return u.String()
	}
	out := root + route
	if len(q) > 0 {
		out += "?" + sendQuery(q)
	}
	return out
}

// sendQuery encodes a query for the wire. Slashes stay literal, as
// WordPress itself writes rest_route=/…; PHP decodes either form the same.
func sendQuery(q url.Values) string {
	return strings.ReplaceAll(encodeQuery(q), "%2F", "/")
}
