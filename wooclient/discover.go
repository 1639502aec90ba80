package wooclient

import (
	"context"
	"net/url"
	"strings"
)

// Discover learns, anonymously, what the store at address is: whether it
// answers, its certificate, WordPress, the REST API, WooCommerce, the
// permalinks, the WCPOS plugin and the admin page. Its four requests go out
// together. Nothing here needs or sends a key.
func (c *Client) Discover(ctx context.Context, address string, obs Observer) *Report {
	r, cancel := c.newRun(ctx, obs, StoreChecks)
	defer cancel()
	defer c.CloseIdle()
	return r.report(r.discover(address), nil)
}

// discovery holds the four anonymous answers of the first level.
type discovery struct {
	base                          string
	front, wpJSON, route, wpAdmin result
	// advAnswer is the answer of the advertised REST root when discovery
	// had to ask it on its own.
	advAnswer *result
}

func (r *run) discover(address string) Store {
	base, err := NormalizeAddress(address)
	if err != nil {
		f := NewFinding(CauseInvalidURL, "")
		if ae, ok := err.(*AddressError); ok {
			f = ae.Finding()
		}
		r.add(f)
		r.set(CheckReachable, StateFail, f.DetailText)
		return Store{}
	}
	for _, id := range StoreChecks {
		r.set(id, StateRunning, Text{})
	}
	d := r.firstLevel(base)
	if !explicitScheme(address) && speaksPlainHTTP(d) {
		// Typed without a scheme, on a port that answers plain HTTP: do what
		// the error would say and try http://, following the store's own
		// redirects (usually on to https://); keys only ever go to the home
		// its index names, and never over plain HTTP except signed.
		base = "http://" + strings.TrimPrefix(base, "https://")
		d = r.firstLevel(base)
	}
	store := Store{URL: base, Home: base}
	if !r.reachable(d) {
		return store
	}
	offset := r.clock(d.front, d.wpJSON, d.route)
	r.redirects(base, d.front)
	store = r.readIndex(d, store)
	store.ClockOffset = offset
	if !r.has(CauseNotWordPress) {
		r.adminPage(&store, d.wpAdmin)
	}
	r.skipRest()
	return store
}

// firstLevel sends discovery's four anonymous requests together: the front
// page (its Link header and <html lang>), the REST index at /wp-json/ and at
// index.php?rest_route=/ (which works on every site), and wp-admin/.
func (r *run) firstLevel(base string) discovery {
	res := r.all(
		call{method: "GET", url: base + "/", follow: true, page: true},
		call{method: "GET", url: indexURL(base + "/wp-json/"), follow: true},
		call{method: "GET", url: indexURL(base + "/index.php?rest_route=/"), follow: true},
		call{method: "GET", url: base + "/wp-admin/", page: true},
	)
	return discovery{base: base, front: res[0], wpJSON: res[1], route: res[2], wpAdmin: res[3]}
}

// speaksPlainHTTP reports a first level that failed only because the port
// answers plain HTTP to a TLS handshake.
func speaksPlainHTTP(d discovery) bool {
	for _, x := range []result{d.front, d.wpJSON, d.route, d.wpAdmin} {
		if x.ok() || x.detail.ID != "tls.not-https" {
			return false
		}
	}
	return schemeOf(d.base) == "https"
}

// reachable settles the connection and certificate checks. It reports
// false when no request got any answer: nothing more can be learnt.
func (r *run) reachable(d discovery) bool {
	all := []result{d.front, d.wpJSON, d.route, d.wpAdmin}
	var answered *result
	for i := range all {
		if all[i].ok() {
			answered = &all[i]
			break
		}
	}
	if answered == nil {
		first := all[0]
		for _, res := range all {
			if res.cause == CauseTLSUntrust || res.cause == CauseTLSExpired || res.cause == CauseTLSHostname || res.cause == CauseTLSOther {
				first = res
				break
			}
		}
		f := NewFinding(first.cause, "").With(first.detail, first.evidence())
		r.add(f)
		if isTLSCause(first.cause) {
			r.set(CheckReachable, StateOK, say("reachable.server-answers", nil))
			r.set(CheckCertificate, StateFail, first.detail)
		} else {
			r.set(CheckReachable, StateFail, first.detail)
		}
		r.skipRest()
		return false
	}
	r.set(CheckReachable, StateOK, say("reachable.answers", Args{"Host": hostOf(answered.finalURL)}))
	if ts := answered.tls; ts != nil && len(ts.PeerCertificates) > 0 {
		r.set(CheckCertificate, StateOK, say("certificate.valid", Args{"Protocol": tlsVersion(ts.Version),
			"Date": ts.PeerCertificates[0].NotAfter.UTC()}))
	} else {
		r.add(NewFinding(CauseInsecureHTTP, "").With(say("insecure.answers-at", Args{"URL": answered.finalURL}), answered.evidence()))
		r.set(CheckCertificate, StateWarn, say("certificate.no-https", nil))
	}
	return true
}

// skipRest marks every store check that has no verdict as skipped.
func (r *run) skipRest() {
	for _, id := range StoreChecks {
		if !r.state(id).Done() {
			r.set(id, StateSkipped, Text{})
		}
	}
}

// redirects reports where the typed address led, and warns when a
// redirect left HTTPS for plain HTTP.
func (r *run) redirects(base string, front result) {
	if len(front.redirects) == 0 {
		return
	}
	final := front.finalURL
	r.add(NewFinding(CauseRedirected, "").With(say("redirected.to", Args{"From": base, "To": final}), front.evidence()))
	if schemeOf(base) == "https" && schemeOf(final) == "http" {
		r.add(NewFinding(CauseInsecureHTTP, "").With(say("insecure.redirected", Args{"URL": final}), front.evidence()))
		r.set(CheckCertificate, StateWarn, say("certificate.left-https", nil))
	}
}

func isTLSCause(c Cause) bool {
	return c == CauseTLSUntrust || c == CauseTLSExpired || c == CauseTLSHostname || c == CauseTLSOther
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Host
}

func tlsVersion(v uint16) string {
	switch v {
	case 0x0304:
		return "TLS 1.3"
	case 0x0303:
		return "TLS 1.2"
	}
	return "TLS"
}
