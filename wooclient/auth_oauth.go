package wooclient

// judgeOAuth reads a level of OAuth requests: res[0] signed for the scheme
// the request used, res[1] (when present) signed for http:// over HTTPS.
func (r *run) judgeOAuth(store Store, creds Credentials, res []result) login {
	base := store.adminBase()
	ev := evidenceOf(res...)
	switch {
	case authed(res[0]):
		return login{via: res[0].call.key, read: res[0], ok: true}
	case len(res) > 1 && authed(res[1]):
		r.add(NewFinding(CauseHTTPSNotDetected, base).With(
			say("https.not-detected", nil), ev...))
		return login{via: res[1].call.key, read: res[1], ok: true}
	case anyVerdict(res, VerdictUnknownKey):
		r.add(NewFinding(CauseUnknownKey, base).With(
			say("key.unknown-why", Args{"Ending": creds.Ending()}), ev...))
	case allVerdict(res, VerdictBadSignature):
		r.add(NewFinding(CauseWrongPair, base).With(
			say("pair.wrong-signature", nil), ev...))
	case allIgnored(res) && store.PlainPermalinks:
		return r.markerLevel(store, creds)
	case allIgnored(res):
		r.add(NewFinding(CauseCredentialsLost, base).As(SeverityBlocker).With(
			say("lost.all-anonymous", nil), ev...))
	default:
		r.siteFailure(store, res...)
	}
	return login{}
}

// markerVias are the ways to prove a key on a Plain-permalinks store whose
// addresses WooCommerce 11.0 and older ignore keys on: the same read with
// the wp-json marker, signed and (over HTTPS) by Basic.
func markerVias(store Store) []via {
	vias := []via{{transport: TransportOAuth1, signHTTP: store.HTTPSNotDetected, marker: true}}
	if store.HTTPS() {
		vias = append(vias, via{transport: TransportBasic, marker: true})
	}
	return vias
}

// markerLevel sends the marker reads on their own, when the plain reads
// were ignored without being expected to be.
func (r *run) markerLevel(store Store, creds Credentials) login {
	return r.judgeMarker(store, creds, r.oauthLevel(r.reads(store, creds, markerVias(store)...)))
}

// judgeMarker settles a Plain-permalinks store from the marker reads: a
// key they prove is good, so the admin is told to change the permalinks
// and not to make yet another key.
func (r *run) judgeMarker(store Store, creds Credentials, res []result) login {
	base := store.adminBase()
	ev := evidenceOf(res...)
	r.drop(CausePlainPermalinks)
	plain := NewFinding(CausePlainPermalinks, base).As(SeverityBlocker)
	r.set(CheckPermalinks, StateFail, say("permalinks.plain-ignored", nil))
	for _, x := range res {
		if authed(x) {
			r.add(plain.With(say("plain.key-works", nil), ev...))
			return login{via: x.call.key, read: x, ok: true}
		}
	}
	switch {
	case anyVerdict(res, VerdictWrongSecret) || anyVerdict(res, VerdictBadSignature):
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong", nil), ev...))
	case anyVerdict(res, VerdictUnknownKey):
		r.add(NewFinding(CauseUnknownKey, base).With(say("key.unknown", Args{"Ending": creds.Ending()}), ev...))
	}
	r.add(plain.With(say("plain.ignores", nil), ev...))
	return login{}
}

// siteFailure names what stood between the key and WooCommerce when it was
// not the key: network, firewall, server errors, WooCommerce missing, or
// an answer nobody expects. Blocks that discovery only warned about become
// blockers here, since the key did not get past them either.
func (r *run) siteFailure(store Store, res ...result) {
	base := store.adminBase()
	for _, x := range res {
		if c, ok := siteProblem(x); ok {
			r.drop(c)
			r.add(NewFinding(c, base).As(SeverityBlocker).With(problemDetail(c, x), x.evidence()))
			return
		}
		if x.answer.Verdict == VerdictNoRoute {
			r.add(NewFinding(CauseWooMissing, base).With(say("woocommerce.no-route", nil), x.evidence()))
			return
		}
	}
	r.add(NewFinding(CauseUnexpected, base).With(unexpectedDetail(res[0]), evidenceOf(res...)...))
}

func unexpectedDetail(res result) Text {
	a := res.answer
	if a.Code != "" {
		return say("answer.status-code", Args{"Status": statusLine(a.Status), "Code": a.Code})
	}
	return say("answer.status", Args{"Status": statusLine(a.Status)})
}

func evidenceOf(res ...result) []Evidence {
	out := make([]Evidence, 0, len(res))
	for _, x := range res {
		out = append(out, x.evidence())
	}
	return out
}

func anyVerdict(res []result, v Verdict) bool {
	for _, x := range res {
		if x.ok() && x.answer.Verdict == v {
			return true
		}
	}
	return false
}

func allVerdict(res []result, v Verdict) bool {
	for _, x := range res {
		if !x.ok() || x.answer.Verdict != v {
			return false
		}
	}
	return len(res) > 0
}

func allIgnored(res []result) bool {
	for _, x := range res {
		if !ignored(x) {
			return false
		}
	}
	return len(res) > 0
}
