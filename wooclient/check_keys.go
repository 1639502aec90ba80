package wooclient

import "context"

// CheckKeys proves, on a store Discover described, what the key can do:
// which transport works, whether it may read and write (proved without
// writing) and whether its user may manage orders and products. The key
// and secret never appear in the report.
func (c *Client) CheckKeys(ctx context.Context, store Store, creds Credentials, obs Observer) *Report {
	r, cancel := c.newRun(ctx, obs, KeyChecks, creds.Key, creds.Secret)
	defer cancel()
	defer c.CloseIdle()
	r.offset = store.ClockOffset
	key := r.checkKeys(store, creds)
	return r.report(store, key)
}

// Check is Discover followed by CheckKeys when the store allows: the whole
// diagnosis of a saved or given connection. With no credentials it is
// Discover alone.
func (c *Client) Check(ctx context.Context, address string, creds Credentials, obs Observer) *Report {
	ids := StoreChecks
	if !creds.IsZero() {
		ids = append(append([]CheckID(nil), StoreChecks...), KeyChecks...)
	}
	r, cancel := c.newRun(ctx, obs, ids, creds.Key, creds.Secret)
	defer cancel()
	defer c.CloseIdle()
	store := r.discover(address)
	if creds.IsZero() {
		return r.report(store, nil)
	}
	r.offset = store.ClockOffset
	return r.report(store, r.checkKeys(store, creds))
}

// checkKeys runs the key stage into the run.
func (r *run) checkKeys(store Store, creds Credentials) *KeyStatus {
	key := &KeyStatus{Ending: MaskKey(creds.Key)}
	for _, id := range KeyChecks {
		r.set(id, StateRunning, Text{})
	}
	defer r.skipKeyChecks()
	parsed := ParseCredentials(creds.Key, creds.Secret)
	r.add(parsed.Findings...)
	if !parsed.OK {
		r.set(CheckKeyAccepted, StateFail, say("key.not-well-formed", nil))
		return key
	}
	creds = parsed.Credentials
	if store.RESTRoot == "" || r.blocked() {
		r.set(CheckKeyAccepted, StateSkipped, say("key.store-first", nil))
		return key
	}
	r.settleKey(store, creds, r.authenticate(store, creds), key)
	return key
}

// settleKey records what a proof established: the key's acceptance, its
// transport, and its permissions.
func (r *run) settleKey(store Store, creds Credentials, l proof, key *KeyStatus) {
	if !l.ok {
		detail := say("key.refused", nil)
		if r.has(CauseRESTCached) {
			detail = say("key.cached", nil)
		}
		r.set(CheckKeyAccepted, StateFail, detail)
		return
	}
	key.Authenticated = true
	if !l.via.marker && !r.has(CauseHTTPSNotDetected) {
		key.Transport = l.via.transport
	}
	r.soften(CauseRESTBlocked, CauseWAFBlocked, CauseBotChallenge)
	r.settledByKey(store, l)
	accepted := StateOK
	if l.via.marker || l.via.signHTTP {
		accepted = StateWarn // the key is good, but not in a way a POS can use
	}
	r.set(CheckKeyAccepted, accepted, acceptedDetail(l.via))
	r.permissions(store, creds, l, key)
}

// settledByKey settles the store checks discovery left open when anonymous
// requests were blocked: a key that reached wc/v3 proves WooCommerce active,
// and on a pretty root, that the permalinks let keys through.
func (r *run) settledByKey(store Store, l proof) {
	if r.hasCheck(CheckWooCommerce) && r.state(CheckWooCommerce) != StateOK {
		r.set(CheckWooCommerce, StateOK, say("woocommerce.key-reached", nil))
	}
	if r.hasCheck(CheckPermalinks) && r.state(CheckPermalinks) == StateSkipped && isPretty(store.RESTRoot) && !l.via.marker {
		r.set(CheckPermalinks, StateOK, say("permalinks.pretty-at", Args{"Root": store.RESTRoot}))
	}
}

// blocked reports a blocker from discovery that keys cannot get past.
func (r *run) blocked() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.findings {
		if f.Severity == SeverityBlocker && f.Cause != CausePlainPermalinks && f.Cause != CauseRewriteRules && f.Cause != CauseMalformedJSON {
			return true
		}
	}
	return false
}

func (r *run) skipKeyChecks() {
	for _, id := range KeyChecks {
		if !r.state(id).Done() {
			r.set(id, StateSkipped, Text{})
		}
	}
}

func acceptedDetail(v via) Text {
	switch {
	case v.marker:
		return say("key.via-marker", nil)
	case v.signHTTP:
		return say("key.via-sign-http", nil)
	case v.transport == TransportBasic:
		return say("key.via-basic", nil)
	case v.transport == TransportQuery:
		return say("key.via-query", nil)
	}
	return say("key.via-oauth", nil)
}
