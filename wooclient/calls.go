package wooclient

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"time"
)

// via is one way of presenting the key: a transport, and for OAuth the
// scheme the signature is made for.
type via struct {
	transport Transport
	// signHTTP signs OAuth for an http:// base URL although the request
	// goes over HTTPS: what WordPress expects behind a proxy it does not
	// see.
	signHTTP bool
	// marker adds the text "<prefix>/wc/" to a ?rest_route= URL, which
	// makes WooCommerce 11.0 and older look at the key there; it proves a
	// key on a store whose REST API only answers at ?rest_route= (Plain
	// permalinks, missing rewrite rules), it is not something a POS should
	// rely on.
	marker bool
}

func (v via) String() string {
	s := string(v.transport)
	if v.signHTTP {
		s += ", signed for http://"
	}
	if v.marker {
		s += ", REST prefix marker"
	}
	return s
}

const (
	markerParam = "wcpos_setup_marker"
	// bustParam carries a value unique to each run on every key request,
	// so a page cache keyed by URL cannot answer it from an earlier one.
	bustParam = "wcpos_setup_nocache"
)

// keyCall builds a request for route with the key presented by v. Basic and
// query credentials are only ever put on https:// URLs; over plain HTTP the
// key goes as an OAuth signature and the secret never travels. Every key
// request carries the run's cache-busting parameter (and, like every
// request, Cache-Control: no-cache). An OAuth call can be built afresh, with
// a new nonce and the store's latest clock, when it has to be sent again.
func (r *run) keyCall(store Store, creds Credentials, v via, method, route string, q url.Values) call {
	all := url.Values{bustParam: {r.bust}}
	for k, vs := range q {
		all[k] = vs
	}
	if v.marker {
		all.Set(markerParam, "/"+store.prefix()+"/wc/")
	}
	target := store.routeURL(route, all)
	cl := call{method: method, url: target, key: v}
	https := schemeOf(target) == "https"
	switch v.transport {
	case TransportBasic:
		if https {
			cl.auth = &creds
		}
	case TransportQuery:
		if https {
			all.Set("consumer_key", creds.Key)
			all.Set("consumer_secret", creds.Secret)
			cl.url = store.routeURL(route, all)
		}
	case TransportOAuth1:
		seesHTTPS := https && !v.signHTTP
		if base, err := BaseURL(store.Home, target, seesHTTPS); err == nil {
			signer := OAuthSigner{Key: creds.Key, Secret: creds.Secret}
			if signed, err := signer.Sign(method, target, base, r.serverNow()); err == nil {
				cl.url = signed
			}
		}
		cl.fresh = func() call { return r.keyCall(store, creds, v, method, route, q) }
	}
	return cl
}

// serverNow is the store's clock as last measured: OAuth timestamps made
// with it pass even when this terminal's clock is wrong.
func (r *run) serverNow() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.c.opts.Now().Add(r.offset)
}

// learnClock adopts the store's clock from an answer's Date header.
func (r *run) learnClock(res result) {
	if !res.ok() || res.answer.Date.IsZero() {
		return
	}
	r.mu.Lock()
	r.offset = res.answer.Date.Sub(r.c.opts.Now())
	r.mu.Unlock()
}

// probeRoute is a route that cannot exist under wc/v3: WooCommerce checks
// the key's write permission before routing, so a POST to it answers 404
// for a key that may write and 401 for one that may not, and no controller
// runs.
func probeRoute() string { return "wc/v3/wcpos-setup-probe-" + randomHex(8) }

// randomHex is n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// readQuery asks for one id only: the cheapest read that still needs the key.
func readQuery() url.Values { return url.Values{"per_page": {"1"}, "_fields": {"id"}} }
