package wooclient

// authed reports verdicts that prove WooCommerce accepted the key: a read,
// a capability refusal for the key's user (403), or a read refusal for a
// write-only key.
func authed(res result) bool {
	if !res.ok() || res.answer.Cached {
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

// knowsKey reports OAuth verdicts that show the store found the key: it
// only checks the signature, the timestamp and the nonce of a key it has.
func knowsKey(res result) bool {
	if authed(res) {
		return true
	}
	if !res.ok() {
		return false
	}
	switch res.answer.Verdict {
	case VerdictBadSignature, VerdictBadTimestamp, VerdictBadNonce:
		return true
	}
	return false
}

// proof is what the key stage established: the way the key works, the read
// that proved it, and the answers its permissions are judged from. A zero
// orders or probe result was not sent yet with a way the key is proven on.
type proof struct {
	via    via
	read   result
	orders result
	probe  result
	ok     bool
}

// keyLevel is the one level of key requests a store gets after discovery:
// the read and the orders read the way a POS would send them (HTTP Basic
// over HTTPS, else an OAuth signature), and an OAuth-signed read with the
// write probe. The signed pair tells every cause apart in the same level
// without the secret travelling (an unknown key, a pair that does not
// match, a header the host drops) and proves write permission: its probe is
// read only after its own read proved the key, since an anonymous POST gets
// the same 404. On a store whose REST API only answers at ?rest_route=
// (Plain permalinks, missing rewrite rules) every request carries the
// prefix marker, and one more read without it shows whether this
// WooCommerce looks at keys there anyway; behind a proxy WordPress does not
// see, a read signed for https:// shows that WordPress refuses it.
type keyLevel struct {
	basic, signed via
	// the answers, by role; bare and httpsSigned only when sent
	read, orders, signedRead, probe, bare, httpsSigned result
}

// authenticate runs the key level and judges it, sending a second level only
// when the answers call for it: the query-string read once the
// Authorization header is proven dropped, a probe or an orders read with the
// way that turned out to work.
func (r *run) authenticate(store Store, creds Credentials) proof {
	marker := store.keysNeedMarker()
	k := keyLevel{signed: via{transport: TransportOAuth1, signHTTP: store.HTTPSNotDetected, marker: marker}}
	primary := k.signed
	if store.HTTPS() && !store.HTTPSNotDetected {
		k.basic = via{transport: TransportBasic, marker: marker}
		primary = k.basic
	}
	calls := []call{r.read(store, creds, primary), r.orders(store, creds, primary), r.probe(store, creds, k.signed)}
	if primary != k.signed {
		calls = append(calls, r.read(store, creds, k.signed))
	}
	extra := len(calls)
	if store.HTTPSNotDetected {
		calls = append(calls, r.read(store, creds, via{transport: TransportOAuth1, marker: marker}))
	}
	bare := marker && !versionKnown(store.WooCommerce)
	if bare {
		v := primary
		v.marker = false
		calls = append(calls, r.read(store, creds, v))
	}
	res := r.level(calls...)
	k.read, k.orders, k.probe, k.signedRead = res[0], res[1], res[2], res[0]
	if primary != k.signed {
		k.signedRead = res[3]
	}
	rest := res[extra:]
	if store.HTTPSNotDetected {
		k.httpsSigned, rest = rest[0], rest[1:]
	}
	if bare {
		k.bare = rest[0]
	}
	if r.cached(store, res...) {
		return proof{}
	}
	r.learnClock(k.read)
	if k.basic.transport != "" {
		return r.judgeBasic(store, creds, k)
	}
	return r.judgeSigned(store, creds, k)
}

// read, orders and probe build the key stage's three questions for a way of
// presenting the key: the cheapest read (one product id), the orders read
// that needs a shop manager's capabilities, and the write probe, a POST to a
// route that cannot exist (redirects never followed).
func (r *run) read(store Store, creds Credentials, v via) call {
	return r.keyCall(store, creds, v, "GET", "wc/v3/products", readQuery())
}

func (r *run) orders(store Store, creds Credentials, v via) call {
	return r.keyCall(store, creds, v, "GET", "wc/v3/orders", readQuery())
}

func (r *run) probe(store Store, creds Credentials, v via) call {
	return r.keyCall(store, creds, v, "POST", probeRoute(), nil)
}

// level sends one level and, if the store refused an OAuth timestamp, signs
// those requests again once with the store's own clock from that answer.
func (r *run) level(calls ...call) []result {
	res := r.all(calls...)
	for _, x := range res {
		if x.ok() && x.answer.Verdict == VerdictBadTimestamp {
			r.learnClock(x)
			r.warnSkew(x)
			var again []call
			var at []int
			for i, cl := range calls {
				if cl.fresh != nil {
					again, at = append(again, cl.fresh()), append(at, i)
				}
			}
			for j, y := range r.all(again...) {
				res[at[j]] = y
			}
			break
		}
	}
	return res
}

// warnSkew reports the clock a refused OAuth timestamp revealed: discovery
// may not have seen it (a CDN stamps its own Date on pages), but "Invalid
// timestamp." means this terminal's clock is more than 15 minutes off the
// store's. The diagnosis signs with the store's clock; the POS will not.
func (r *run) warnSkew(x result) {
	if x.answer.Date.IsZero() {
		return
	}
	r.mu.Lock()
	off := r.offset
	r.mu.Unlock()
	r.add(NewFinding(CauseClockSkew, "").With(skewDetail(off), x.evidence()))
}

// cached reports key answers a cache served: they prove nothing about the
// key, whatever they say, so the key gets no verdict and the cache is named.
func (r *run) cached(store Store, res ...result) bool {
	var ev []Evidence
	for _, x := range res {
		if x.ok() && x.answer.Cached {
			e := x.evidence()
			e.NoteText = say("cache.hit", nil)
			e.Note = e.NoteText.String()
			ev = append(ev, e)
		}
	}
	if len(ev) == 0 {
		return false
	}
	r.add(NewFinding(CauseRESTCached, store.adminBase()).With(say("cache.key-answers", nil), ev...))
	return true
}
