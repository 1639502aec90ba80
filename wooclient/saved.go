package wooclient

import (
	"context"
	"strings"
)

// Saved is a connection as a terminal saved it: the store discovery found
// (its address as typed, home and REST root, and what else was kept) and the
// transport the key was proven on.
type Saved struct {
	Store     Store
	Transport Transport
}

// CheckSaved checks a saved connection in one level: the store's questions
// (front page, the index at the saved REST root, wp-admin) and the key's
// (read, orders read, write probe, with the saved transport) go out together
// to the saved home, which discovery confirmed when the connection was saved.
// When the answers show the store moved (the saved root redirects or no
// longer answers WordPress's index, or the index names another home or root)
// it falls back to the full diagnosis from the saved address and says so
// (store-moved); when the saved transport no longer works it runs the key
// stage's differential diagnosis.
func (c *Client) CheckSaved(ctx context.Context, saved Saved, creds Credentials, obs Observer) *Report {
	ids := append(append([]CheckID(nil), StoreChecks...), KeyChecks...)
	r, cancel := c.newRun(ctx, obs, ids, creds.Key, creds.Secret)
	defer cancel()
	defer c.CloseIdle()
	home, root := cleanBase(saved.Store.Home), saved.Store.RESTRoot
	if home == "" || !strings.HasPrefix(root, home+"/") || !ParseCredentials(creds.Key, creds.Secret).OK {
		return r.fullCheck(saved, creds, nil)
	}
	store := Store{URL: saved.Store.URL, Home: home, RESTRoot: root, RESTPrefix: prefixOf(root),
		PlainPermalinks: !isPretty(root)}
	for _, id := range ids {
		r.set(id, StateRunning, Text{})
	}
	v := savedVia(saved.Transport, store)
	res := r.level(
		call{method: "GET", url: home + "/", follow: true, page: true},
		call{method: "GET", url: indexURL(root)},
		call{method: "GET", url: home + "/wp-admin/", page: true},
		r.read(store, creds, v), r.orders(store, creds, v), r.probe(store, creds, v),
	)
	d := discovery{base: home, front: res[0], wpAdmin: res[2]}
	if isPretty(root) {
		d.wpJSON = res[1]
	} else {
		d.route = res[1]
	}
	if moved(res[1], saved.Store) {
		return r.fullCheck(saved, creds, &res[1])
	}
	if !r.reachable(d) {
		return r.report(store, &KeyStatus{Ending: MaskKey(creds.Key)})
	}
	offset := r.clock(d.front, res[1])
	store = r.readIndex(d, store)
	store.URL, store.ClockOffset, r.offset = saved.Store.URL, offset, offset
	if !r.has(CauseNotWordPress) {
		r.adminPage(&store, d.wpAdmin)
	}
	r.skipRest()
	key := &KeyStatus{Ending: MaskKey(creds.Key)}
	switch {
	case r.blocked() || store.RESTRoot != root:
		key = r.checkKeys(store, creds)
	case r.cached(store, res[3:]...):
		r.settleKey(store, creds, proof{}, key)
		r.skipKeyChecks()
	case authed(res[3]):
		r.settleKey(store, creds, proof{via: v, read: res[3], orders: res[4], probe: res[5], ok: true}, key)
		r.skipKeyChecks()
	default:
		key = r.checkKeys(store, creds) // the saved way no longer works: find out why
	}
	return r.report(store, key)
}

// savedVia is the way to present the key that was saved: Basic and query
// only ever go over HTTPS, a plain-HTTP store gets signatures.
func savedVia(t Transport, store Store) via {
	switch {
	case !store.HTTPS() || t == TransportOAuth1:
		return via{transport: TransportOAuth1}
	case t == TransportQuery:
		return via{transport: TransportQuery}
	}
	return via{transport: TransportBasic}
}

// moved reports an answer of the saved REST root showing the store is no
// longer there: a redirect, a page or a 404 instead of the index, or an index
// naming another home or root. A store that is down, blocked or busy has not
// moved: that is diagnosed where it is.
func moved(index result, saved Store) bool {
	if !index.ok() {
		return false
	}
	a := index.answer
	switch {
	case a.Verdict == VerdictRedirect, a.Verdict == VerdictHTML, a.Verdict == VerdictNotFound:
		return true
	case a.Verdict != VerdictOK || a.Object == nil:
		return false
	}
	idx, ok, _ := parseIndex(a.Object)
	if !ok {
		return true
	}
	if home := cleanBase(idx.Home); home != "" && withoutScheme(home) != withoutScheme(saved.Home) {
		return true // the scheme alone may differ: WordPress behind a proxy it does not see
	}
	// A ?rest_route= root was saved because the advertised pretty root
	// does not work (missing rewrite rules): the Link still names that one.
	return a.RESTLink != "" && isPretty(saved.RESTRoot) && !sameRoot(a.RESTLink, result{finalURL: saved.RESTRoot})
}

// withoutScheme is an address without its scheme, for comparing where
// WordPress is regardless of whether it sees HTTPS.
func withoutScheme(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		return strings.ToLower(u[i+3:])
	}
	return strings.ToLower(u)
}

// fullCheck is the whole diagnosis from the saved address, for a saved
// connection that is incomplete or whose store moved (then said with the
// saved root's answer as evidence).
func (r *run) fullCheck(saved Saved, creds Credentials, moved *result) *Report {
	addr := saved.Store.URL
	if addr == "" {
		addr = saved.Store.Home
	}
	store := r.discover(addr)
	if moved != nil {
		r.add(NewFinding(CauseStoreMoved, store.adminBase()).With(say("moved.found-again", Args{
			"Saved": saved.Store.RESTRoot, "Now": orUnknown(store.RESTRoot)}), moved.evidence()))
	}
	if creds.IsZero() {
		return r.report(store, nil)
	}
	r.offset = store.ClockOffset
	return r.report(store, r.checkKeys(store, creds))
}

// orUnknown stands in for a REST root discovery could not find.
func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}
