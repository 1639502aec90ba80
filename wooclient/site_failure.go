package wooclient

// siteFailure names what stood between the key and WooCommerce when it was
// not the key: network, firewall, server errors, WooCommerce missing, or
// an answer nobody expects. Blocks that discovery only warned about become
// blockers here, since the key did not get past them either.
func (r *run) siteFailure(store Store, res ...result) {
	base := store.adminBase()
	for _, x := range res {
		if !sent(x) {
			continue
		}
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

// is reports an answer with verdict v.
func is(res result, v Verdict) bool { return res.ok() && res.answer.Verdict == v }

func wrongSecret(res result) bool { return is(res, VerdictWrongSecret) }

// sent reports whether a result holds an answer to a request that went out.
func sent(res result) bool { return res.call.method != "" }
