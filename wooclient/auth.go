package wooclient

// authed reports verdicts that prove WooCommerce accepted the key: a read,
// a capability refusal for the key's user (403), or a read refusal for a
// write-only key.
func authed(res result) bool {
	if !res.ok() {
		return false
	}
	switch res.answer.Verdict {
	case VerdictOK, VerdictForbidden, VerdictNoRead:
		return true
	}
	return false
}

// ignored reports verdicts that mean the key never counted: the request
// was handled as anonymous, or something else ate the credentials first.
func ignored(res result) bool {
	if !res.ok() {
		return false
	}
	switch res.answer.Verdict {
	case VerdictAnonymous, VerdictRESTBlocked, VerdictInvalidUser, VerdictAuthPlugin:
		return true
	}
	return false
}

// login is the outcome of authentication: the way that works and the read
// that proved it.
type login struct {
	via  via
	read result
	ok   bool
}

// authenticate finds a way the store accepts the key, naming the exact
// cause when none does. Over HTTPS Basic and query go out together; if
// both are ignored, OAuth signatures for https:// and http:// go out
// together; on a Plain-permalinks store a last level adds the wp-json
// marker. Over plain HTTP only OAuth is tried.
func (r *run) authenticate(store Store, creds Credentials) login {
	basicQuery := []via{{transport: TransportBasic}, {transport: TransportQuery}}
	pair := []via{{transport: TransportOAuth1}, {transport: TransportOAuth1, signHTTP: true}}
	switch {
	case !store.HTTPS():
		return r.judgeOAuth(store, creds, r.oauthLevel(r.reads(store, creds, via{transport: TransportOAuth1})))
	case store.HTTPSNotDetected:
		return r.judgeOAuth(store, creds, r.oauthLevel(r.reads(store, creds, pair...)))
	case store.PlainPermalinks && !versionAtLeast(store.WooCommerce, 11, 1):
		return r.plainPermalinks(store, creds, basicQuery)
	}
	res := r.all(r.reads(store, creds, basicQuery...)()...)
	r.learnClock(res[0])
	if l, done := r.judgeBasicQuery(store, res[0], res[1]); done {
		return l
	}
	l := r.judgeOAuth(store, creds, r.oauthLevel(r.reads(store, creds, pair...)))
	if l.ok && l.via == (via{transport: TransportOAuth1}) {
		r.add(NewFinding(CauseCredentialsLost, store.adminBase()).With(
			say("lost.signed-works", nil),
			res[0].evidence(), res[1].evidence(), l.read.evidence()))
	}
	return l
}

// plainPermalinks authenticates on a Plain-permalinks store whose
// WooCommerce may be 11.0 or older, in one level: the plain reads tell
// whether keys work there at all (11.1 and later), the marker reads
// whether the key itself is good.
func (r *run) plainPermalinks(store Store, creds Credentials, plain []via) login {
	res := r.oauthLevel(r.reads(store, creds, append(plain, markerVias(store)...)...))
	r.learnClock(res[0])
	if l, done := r.judgeBasicQuery(store, res[0], res[1]); done {
		if l.ok {
			r.drop(CausePlainPermalinks)
			r.set(CheckPermalinks, StateOK, say("permalinks.plain-here", nil))
		}
		return l
	}
	return r.judgeMarker(store, creds, res[2:])
}

// reads builds the authentication read for each way of presenting the
// key, afresh on every call so OAuth signatures get a new nonce and the
// store's latest clock.
func (r *run) reads(store Store, creds Credentials, vias ...via) func() []call {
	return func() []call {
		calls := make([]call, len(vias))
		for i, v := range vias {
			calls[i] = r.keyCall(store, creds, v, "GET", "wc/v3/products", readQuery())
		}
		return calls
	}
}

// judgeBasicQuery reads the first level over HTTPS. done is false when
// both ways were ignored and OAuth must tell why.
func (r *run) judgeBasicQuery(store Store, basic, query result) (login, bool) {
	base := store.adminBase()
	stripped := func(via result) {
		cause := CauseAuthHeaderStripped
		if basic.ok() && basic.answer.Verdict == VerdictAuthPlugin {
			cause = CauseAuthPlugin
		}
		r.add(NewFinding(cause, base).With(say("stripped.query-works", Args{"Code": basic.answer.Code}),
			basic.evidence(), via.evidence()))
	}
	switch {
	case wrongSecret(basic) || wrongSecret(query):
		res := basic
		if wrongSecret(query) {
			res = query
		}
		r.add(NewFinding(CauseWrongPair, base).With(say("pair.wrong", nil), res.evidence()))
		if ignored(basic) {
			stripped(query)
		}
		return login{}, true
	case authed(basic):
		return login{via: via{transport: TransportBasic}, read: basic, ok: true}, true
	case authed(query):
		stripped(query)
		return login{via: via{transport: TransportQuery}, read: query, ok: true}, true
	case ignored(basic) && ignored(query):
		return login{}, false
	}
	r.siteFailure(store, basic, query)
	return login{}, true
}

func wrongSecret(res result) bool { return res.ok() && res.answer.Verdict == VerdictWrongSecret }

// oauthLevel sends one level of OAuth requests and, if the store says a
// timestamp is off, builds and signs them again once with the store's own
// clock, learnt from that answer's Date header.
func (r *run) oauthLevel(build func() []call) []result {
	res := r.all(build()...)
	for _, x := range res {
		if x.ok() && x.answer.Verdict == VerdictBadTimestamp {
			r.learnClock(x)
			return r.all(build()...)
		}
	}
	return res
}
