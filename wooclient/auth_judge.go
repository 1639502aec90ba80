package wooclient

// judgeBasic reads the key level of a store WordPress knows is on HTTPS,
// where the POS would send HTTP Basic.
func (r *run) judgeBasic(store Store, creds Credentials, k keyLevel) proof {
	base := store.adminBase()
	b, s := k.read, k.signedRead
	probe := result{}
	if authed(s) || probeSettled(k.probe) {
		probe = k.probe // the signed read proved the key: its probe counts
	}
	switch {
	case sent(k.bare) && authed(k.bare):
		r.keysWorkOnRoute(store)
		return r.complete(store, creds, proof{via: k.bare.call.key, read: k.bare, orders: k.orders, probe: probe, ok: true})
	case wrongSecret(b):
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong", nil), b.evidence(), s.evidence()))
	case authed(b):
		r.routeVerdict(store, true, b, s)
		return r.complete(store, creds, proof{via: k.basic, read: b, orders: k.orders, probe: probe, ok: true})
	case ignored(b) && authed(s) && k.basic.marker:
		r.routeVerdict(store, true, b, s)
		return r.complete(store, creds, proof{via: k.signed, read: s, probe: probe, ok: true})
	case ignored(b) && authed(s):
		return r.headerDropped(store, creds, k)
	case ignored(b) && knowsKey(s) && !store.IndexRead:
		return r.signedBothWays(store, creds, k)
	case ignored(b) && knowsKey(s):
		// A known key with a wrong secret says so by Basic; silence means
		// the Authorization header never reached WooCommerce.
		r.stripped(store, b, s, say("stripped.signed-knows", Args{"Code": b.answer.Code}))
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong-signature", nil), b.evidence(), s.evidence()))
	case ignored(b) && is(s, VerdictUnknownKey):
		r.add(NewFinding(CauseUnknownKey, base).With(say("key.unknown-why", Args{"Ending": creds.Ending()}), b.evidence(), s.evidence()))
	case ignored(b) && ignored(s) && k.basic.marker:
	case ignored(b) && ignored(s):
		r.add(NewFinding(CauseCredentialsLost, base).As(SeverityBlocker).With(say("lost.all-anonymous", nil), b.evidence(), s.evidence()))
	default:
		r.siteFailure(store, b, s, k.orders)
		return proof{}
	}
	r.routeVerdict(store, false, b, s)
	return proof{}
}

// judgeSigned reads the key level of a store only signatures reach: plain
// HTTP, or HTTPS behind a proxy WordPress does not see.
func (r *run) judgeSigned(store Store, creds Credentials, k keyLevel) proof {
	base := store.adminBase()
	s := k.read
	switch {
	case sent(k.bare) && authed(k.bare):
		r.keysWorkOnRoute(store)
		return r.complete(store, creds, proof{via: k.bare.call.key, read: k.bare, orders: k.orders, probe: k.probe, ok: true})
	case authed(s):
		if store.HTTPSNotDetected && sent(k.httpsSigned) && !authed(k.httpsSigned) {
			r.add(NewFinding(CauseHTTPSNotDetected, base).With(say("https.not-detected", nil), k.httpsSigned.evidence(), s.evidence()))
		}
		r.routeVerdict(store, true, s)
		return r.complete(store, creds, proof{via: k.signed, read: s, orders: k.orders, probe: k.probe, ok: true})
	case is(s, VerdictUnknownKey):
		r.add(NewFinding(CauseUnknownKey, base).With(say("key.unknown-why", Args{"Ending": creds.Ending()}), s.evidence()))
	case is(s, VerdictBadSignature):
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong-signature", nil), s.evidence()))
	case ignored(s) && k.signed.marker:
	case ignored(s):
		r.add(NewFinding(CauseCredentialsLost, base).As(SeverityBlocker).With(say("lost.all-anonymous", nil), s.evidence()))
	default:
		r.siteFailure(store, s, k.orders)
		return proof{}
	}
	r.routeVerdict(store, false, s)
	return proof{}
}

// headerDropped follows a level where Basic was ignored but a signature
// proved the key: the Authorization header does not reach WooCommerce.
// Only now may the secret go in a URL: the query-string read and orders go
// out with the orders read by signature, and whichever works is the
// transport (query, or OAuth when the query string is lost too).
func (r *run) headerDropped(store Store, creds Credentials, k keyLevel) proof {
	q := via{transport: TransportQuery}
	res := r.level(r.read(store, creds, q), r.orders(store, creds, q), r.orders(store, creds, k.signed))
	if r.cached(store, res...) {
		return proof{}
	}
	switch {
	case authed(res[0]):
		r.stripped(store, k.read, res[0], say("stripped.query-works", Args{"Code": k.read.answer.Code}))
		return r.complete(store, creds, proof{via: q, read: res[0], orders: res[1], probe: k.probe, ok: true})
	case ignored(res[0]):
		r.add(NewFinding(CauseCredentialsLost, store.adminBase()).With(say("lost.signed-works", nil),
			k.read.evidence(), res[0].evidence(), k.signedRead.evidence()))
		return r.complete(store, creds, proof{via: k.signed, read: k.signedRead, orders: res[2], probe: k.probe, ok: true})
	}
	r.siteFailure(store, res[0])
	return proof{}
}

// signedBothWays settles a signature refusal on a store whose index could
// not be read, so whether WordPress sees HTTPS is unknown: the same read
// signed for https:// and for http:// tells a wrong secret from a proxy
// WordPress does not see.
func (r *run) signedBothWays(store Store, creds Credentials, k keyLevel) proof {
	https, http := via{transport: TransportOAuth1}, via{transport: TransportOAuth1, signHTTP: true}
	res := r.level(r.read(store, creds, https), r.read(store, creds, http))
	base := store.adminBase()
	switch {
	case authed(res[0]):
		return r.complete(store, creds, proof{via: https, read: res[0], ok: true})
	case authed(res[1]):
		r.add(NewFinding(CauseHTTPSNotDetected, base).With(say("https.not-detected", nil), res[0].evidence(), res[1].evidence()))
		return r.complete(store, creds, proof{via: http, read: res[1], ok: true})
	case is(res[0], VerdictBadSignature) && is(res[1], VerdictBadSignature):
		r.stripped(store, k.read, k.signedRead, say("stripped.signed-knows", Args{"Code": k.read.answer.Code}))
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong-signature", nil), evidenceOf(res...)...))
		return proof{}
	}
	r.siteFailure(store, res...)
	return proof{}
}

// complete sends, in one more level, what the proof still lacks: the orders
// read and the write probe with the way the key was proven on.
func (r *run) complete(store Store, creds Credentials, p proof) proof {
	var calls []call
	if !sent(p.orders) {
		calls = append(calls, r.orders(store, creds, p.via))
	}
	if !sent(p.probe) {
		calls = append(calls, r.probe(store, creds, p.via))
	}
	if len(calls) == 0 {
		return p
	}
	res := r.level(calls...)
	if r.cached(store, res...) {
		return proof{}
	}
	if !sent(p.orders) {
		p.orders, res = res[0], res[1:]
	}
	if !sent(p.probe) {
		p.probe = res[0]
	}
	return p
}

// probeSettled reports a probe answer that needs no proven key to read: a 2xx
// or a redirect means something other than WooCommerce answers the made-up
// route, whoever asks, and asking again would not tell more.
func probeSettled(probe result) bool {
	a := probe.answer
	return probe.ok() && sent(probe) && (a.Verdict == VerdictRedirect || (a.Status >= 200 && a.Status < 300))
}

// stripped reports a Basic read the key did not count on while another way
// proved the key known: the host strips the Authorization header, or an
// authentication plugin eats it.
func (r *run) stripped(store Store, basic, other result, detail Text) {
	cause := CauseAuthHeaderStripped
	if is(basic, VerdictAuthPlugin) {
		cause = CauseAuthPlugin
	}
	r.add(NewFinding(cause, store.adminBase()).With(detail, basic.evidence(), other.evidence()))
}
