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
	// marker adds the text wp-json/wc/ to a ?rest_route= URL, which makes
	// WooCommerce 11.0 and older look at the key there; it proves a key on
	// a Plain-permalinks store, it is not something a POS should rely on.
	marker bool
}

func (v via) String() string {
	s := string(v.transport)
	if v.signHTTP {
		s += ", signed for http://"
	}
	if v.marker {
		s += ", wp-json marker"
	}
	return s
}

const markerParam = "wcpos_setup_marker"

// keyCall builds a request for route with the key presented by v. Basic and
// query credentials are only ever put on https:// URLs; over plain HTTP the
// key goes as an OAuth signature and the secret never travels.
func (r *run) keyCall(store Store, creds Credentials, v via, method, route string, q url.Values) call {
	all := url.Values{}
	for k, vs := range q {
		all[k] = vs
	}
	if v.marker {
		all.Set(markerParam, "/wp-json/wc/")
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
		base, err := BaseURL(store.Home, target, seesHTTPS)
		if err == nil {
			signer := OAuthSigner{Key: creds.Key, Secret: creds.Secret}
			if signed, err := signer.Sign(method, target, base, r.serverNow()); err == nil {
				cl.url = signed
			}
		}
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
func probeRoute() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "wc/v3/wcpos-setup-probe-" + hex.EncodeToString(b[:])
}

// readQuery asks for one id only: the cheapest read that still needs the key.
func readQuery() url.Values { return url.Values{"per_page": {"1"}, "_fields": {"id"}} }
