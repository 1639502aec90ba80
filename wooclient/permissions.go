package wooclient

// permissions judges what the proven key may do from the proof's answers:
// the products read that proved it, the orders read, and the write probe
// (404 rest_no_route: the key may write; "does not have write permissions":
// Read-only). WooCommerce checks capabilities per object type, so a user may
// read products but not orders, or the reverse: a till needs both.
func (r *run) permissions(store Store, creds Credentials, p proof, key *KeyStatus) {
	orders, probe := p.orders, p.probe
	base := store.adminBase()
	read := p.read.answer.Verdict
	key.Read = read != VerdictNoRead
	key.Products = read == VerdictOK
	key.Orders = is(orders, VerdictOK) && !orders.answer.Cached
	r.junk(base, p.read, probe, orders)
	r.judgeWrite(base, creds, probe, key)
	switch {
	case !key.Read:
		r.add(NewFinding(CauseWriteOnly, base).With(say("read.write-only", Args{"Ending": creds.Ending()}), p.read.evidence()))
		r.set(CheckRead, StateFail, say("read.no", nil))
	default:
		r.set(CheckRead, StateOK, say("read.ok", nil))
	}
	ordersRefused, productsRefused := is(orders, VerdictForbidden), read == VerdictForbidden
	switch {
	case key.Orders && key.Products:
		r.set(CheckCapabilities, StateOK, say("caps.ok", nil))
	case key.Read && (ordersRefused || productsRefused):
		r.add(NewFinding(CauseUserCapability, base).With(capabilityFinding(key, ordersRefused, productsRefused),
			p.read.evidence(), orders.evidence()))
		r.set(CheckCapabilities, StateFail, capabilityDetail(key))
	case !key.Read:
		r.set(CheckCapabilities, StateSkipped, say("caps.needs-read", nil))
	default:
		r.siteFailure(store, orders)
		r.set(CheckCapabilities, StateFail, say("caps.no-answer", nil))
	}
}

// capabilityFinding names what the key's user may not do.
func capabilityFinding(k *KeyStatus, ordersRefused, productsRefused bool) Text {
	switch {
	case ordersRefused && k.Products:
		return say("caps.no-orders", nil)
	case productsRefused && k.Orders:
		return say("caps.no-products", nil)
	}
	return say("caps.refused", nil)
}

// judgeWrite reads the probe. A 2xx means some plugin answers the made-up
// route: that is reported and never retried. A probe that was never sent
// with a proven way (sent is false) proves nothing.
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
		r.set(CheckWrite, StateFail, say("write.plugin-answered", nil))
	case probe.ok() && a.Verdict == VerdictRedirect:
		r.add(NewFinding(CauseWriteUnproven, base).With(say("write.redirected-to", Args{"URL": a.Location}), probe.evidence()))
		r.set(CheckWrite, StateFail, say("write.redirected", nil))
	default:
		d := probe.detail
		if probe.ok() {
			d = say("write.answered", Args{"Status": statusLine(a.Status), "Code": a.Code})
		}
		r.add(NewFinding(CauseWriteUnproven, base).With(d, probe.evidence()))
		r.set(CheckWrite, StateFail, say("write.unproven", nil))
	}
}

// junk reports PHP notices, a byte order mark or other text around the
// JSON: a POS that parses the body strictly fails on them even though the
// key works.
func (r *run) junk(base string, res ...result) {
	for _, x := range res {
		if x.ok() && x.answer.Junk {
			r.add(NewFinding(CauseMalformedJSON, base).With(junkDetail(x.answer), x.evidence()))
			return
		}
	}
}

// junkDetail says what was printed before the JSON.
func junkDetail(a Answer) Text {
	if a.BOM {
		return say("json.bom", nil)
	}
	return say("json.notice", nil)
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
