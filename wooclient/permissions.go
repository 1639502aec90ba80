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
		r.add(NewFinding(CauseWriteOnly, base).With(say("read.write-only", Args{"Ending": creds.Ending()}), l.read.evidence()))
		r.set(CheckRead, StateFail, say("read.no", nil))
	default:
		r.set(CheckRead, StateOK, say("read.ok", nil))
	}
	forbidden := read == VerdictForbidden || (orders.ok() && orders.answer.Verdict == VerdictForbidden)
	switch {
	case key.Orders && key.Products:
		r.set(CheckCapabilities, StateOK, say("caps.ok", nil))
	case forbidden:
		r.add(NewFinding(CauseUserCapability, base).With(say("caps.refused", nil), l.read.evidence(), orders.evidence()))
		r.set(CheckCapabilities, StateFail, capabilityDetail(key))
	case !key.Read:
		r.set(CheckCapabilities, StateSkipped, say("caps.needs-read", nil))
	default:
		r.siteFailure(store, orders)
		r.set(CheckCapabilities, StateFail, say("caps.no-answer", nil))
	}
}

// judgeWrite reads the write probe. A 2xx means some plugin answers the
// made-up route: that is reported and never retried.
func (r *run) judgeWrite(base string, creds Credentials, probe result, key *KeyStatus) {
	a := probe.answer
	switch {
	case probe.ok() && a.Verdict == VerdictNoRoute:
		key.Write = true
		r.set(CheckWrite, StateOK, say("write.ok", nil))
	case probe.ok() && a.Verdict == VerdictNoWrite:
		r.add(NewFinding(CauseReadOnly, base).With(say("write.read-only", Args{"Ending": creds.Ending()}), probe.evidence()))
		r.set(CheckWrite, StateFail, say("write.no", nil))
	case probe.ok() && a.Status >= 200 && a.Status < 300:
		r.add(NewFinding(CauseProbeRouteExists, base).With(say("write.route-answered", Args{"Status": statusLine(a.Status)}), probe.evidence()))
		r.set(CheckWrite, StateWarn, say("write.plugin-answered", nil))
	case probe.ok() && a.Verdict == VerdictRedirect:
		r.add(NewFinding(CauseWriteUnproven, base).With(say("write.redirected-to", Args{"URL": a.Location}), probe.evidence()))
		r.set(CheckWrite, StateWarn, say("write.redirected", nil))
	default:
		d := probe.detail
		if probe.ok() {
			d = say("write.answered", Args{"Status": statusLine(a.Status), "Code": a.Code})
		}
		r.add(NewFinding(CauseWriteUnproven, base).With(d, probe.evidence()))
		r.set(CheckWrite, StateWarn, say("write.unproven", nil))
	}
}

// junk reports PHP notices or other text around the JSON: a POS that
// parses the body strictly fails on them even though the key works.
func (r *run) junk(base string, res ...result) {
	for _, x := range res {
		if x.ok() && x.answer.Junk {
			r.add(NewFinding(CauseMalformedJSON, base).With(say("json.notice", nil), x.evidence()))
			return
		}
	}
}

func capabilityDetail(k *KeyStatus) Text {
	mark := func(ok bool) string {
		if ok {
			return "✓"
		}
		return "✗"
	}
	return say("caps.marks", Args{"Orders": mark(k.Orders), "Products": mark(k.Products)})
}
