package wooclient

// permissions proves what the authenticated key may do, in one level: the
// write probe (a POST to a route that cannot exist, redirects never
// followed) and the orders read go out together; the products read
// already came with authentication.
func (r *run) permissions(store Store, creds Credentials, l login, key *KeyStatus) {
	res := r.all(
		r.keyCall(store, creds, l.via, "POST", probeRoute(), nil),
		r.keyCall(store, creds, l.via, "GET", "wc/v3/orders", readQuery()),
	)
	probe, orders := res[0], res[1]
	base := store.adminBase()
	read := l.read.answer.Verdict
	key.Read = read != VerdictNoRead
	key.Products = read == VerdictOK
	key.Orders = orders.ok() && orders.answer.Verdict == VerdictOK
	r.junk(base, l.read, probe, orders)
	r.judgeWrite(base, creds, probe, key)
	switch {
	case !key.Read:
		r.add(NewFinding(CauseWriteOnly, base).With("the key ending in "+creds.Ending()+" has Write permission only", l.read.evidence()))
		r.set(CheckRead, StateFail, "the key has Write permission only")
	default:
		r.set(CheckRead, StateOK, "products answer")
	}
	forbidden := read == VerdictForbidden || (orders.ok() && orders.answer.Verdict == VerdictForbidden)
	switch {
	case key.Orders && key.Products:
		r.set(CheckCapabilities, StateOK, "orders and products")
	case forbidden:
		r.add(NewFinding(CauseUserCapability, base).With("the key's user is refused orders or products (403)", l.read.evidence(), orders.evidence()))
		r.set(CheckCapabilities, StateFail, capabilityDetail(key))
	case !key.Read:
		r.set(CheckCapabilities, StateSkipped, "needs Read permission to check")
	default:
		r.siteFailure(store, orders)
		r.set(CheckCapabilities, StateFail, "orders did not answer")
	}
}

// judgeWrite reads the write probe. A 2xx means some plugin answers the
// made-up route: that is reported and never retried.
func (r *run) judgeWrite(base string, creds Credentials, probe result, key *KeyStatus) {
	a := probe.answer
	switch {
	case probe.ok() && a.Verdict == VerdictNoRoute:
		key.Write = true
		r.set(CheckWrite, StateOK, "proved without writing")
	case probe.ok() && a.Verdict == VerdictNoWrite:
		r.add(NewFinding(CauseReadOnly, base).With("the key ending in "+creds.Ending()+" has Read permission only", probe.evidence()))
		r.set(CheckWrite, StateFail, "the key has Read permission only")
	case probe.ok() && a.Status >= 200 && a.Status < 300:
		r.add(NewFinding(CauseProbeRouteExists, base).With("a made-up route answered "+statusLine(a.Status), probe.evidence()))
		r.set(CheckWrite, StateWarn, "not proven: a plugin answered the check")
	case probe.ok() && a.Verdict == VerdictRedirect:
		r.add(NewFinding(CauseWriteUnproven, base).With("the write check was redirected to "+a.Location+" (not followed)", probe.evidence()))
		r.set(CheckWrite, StateWarn, "not proven: redirected")
	default:
		d := probe.detail
		if probe.ok() {
			d = "the write check answered " + statusLine(a.Status) + " " + a.Code
		}
		r.add(NewFinding(CauseWriteUnproven, base).With(d, probe.evidence()))
		r.set(CheckWrite, StateWarn, "not proven")
	}
}

// junk reports PHP notices or other text around the JSON: a POS that
// parses the body strictly fails on them even though the key works.
func (r *run) junk(base string, res ...result) {
	for _, x := range res {
		if x.ok() && x.answer.Junk {
			r.add(NewFinding(CauseMalformedJSON, base).With("text is printed before the JSON (a PHP notice?)", x.evidence()))
			return
		}
	}
}

func capabilityDetail(k *KeyStatus) string {
	mark := func(ok bool) string {
		if ok {
			return "✓"
		}
		return "✗"
	}
	return "orders " + mark(k.Orders) + ", products " + mark(k.Products)
}
