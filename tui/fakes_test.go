package tui

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// The fixed data every test and golden uses.
const (
	fakeHome      = "https://127.0.0.1:4443"
	fakeKey       = "ck_0123456789abcdef0123456789abcdef0abc1234"
	fakeSecret    = "cs_fedcba9876543210fedcba9876543210fe5ec7e7"
	readOnlyKey   = "ck_1111111111111111111111111111111112345678"
	readOnlySec   = "cs_2222222222222222222222222222222222222222"
	wrongSecret   = "cs_3333333333333333333333333333333333333333"
	fakeSavedPath = "/home/till/.config/wcpos-setup/config.json"
)

var fixedNow = time.Date(2026, 11, 25, 21, 30, 0, 0, time.UTC)

func fakeStore() wooclient.Store {
	return wooclient.Store{URL: fakeHome, Home: fakeHome, RESTRoot: fakeHome + "/wp-json/",
		Name: "Demo Store", WooCommerce: "10.0.2", WooCommerceActive: true,
		WCPOS: "1.8.2", WCPOSActive: true, IndexRead: true}
}

// storeOK is a discovery where everything answers.
func storeOK() *wooclient.Report {
	details := map[wooclient.CheckID]string{
		wooclient.CheckReachable: "200 in 12 ms", wooclient.CheckCertificate: "TLS 1.3",
		wooclient.CheckWordPress: "WordPress 6.8.8", wooclient.CheckREST: "wp-json",
		wooclient.CheckWooCommerce: "10.0.2", wooclient.CheckPermalinks: "pretty",
		wooclient.CheckWCPOS: "1.8.2", wooclient.CheckAdmin: "login page",
	}
	rep := &wooclient.Report{Store: fakeStore(), Requests: 4, Elapsed: 120 * time.Millisecond}
	for _, id := range wooclient.StoreChecks {
		rep.Checks = append(rep.Checks, wooclient.CheckResult{ID: id, State: wooclient.StateOK, Detail: details[id]})
	}
	return rep
}

// storeUntrusted is a discovery stopped by a self-signed certificate.
func storeUntrusted() *wooclient.Report {
	rep := &wooclient.Report{Store: wooclient.Store{URL: fakeHome, Home: fakeHome}}
	rep.Checks = []wooclient.CheckResult{
		{ID: wooclient.CheckReachable, State: wooclient.StateOK},
		{ID: wooclient.CheckCertificate, State: wooclient.StateFail, Detail: "signed by an unknown authority"},
	}
	for _, id := range wooclient.StoreChecks[2:] {
		rep.Checks = append(rep.Checks, wooclient.CheckResult{ID: id, State: wooclient.StateSkipped})
	}
	rep.Findings = []wooclient.Finding{withDetail(wooclient.NewFinding(wooclient.CauseTLSUntrust, ""), "x509: certificate signed by unknown authority")}
	return rep
}

// keysReport is a CheckKeys answer for a pair with the given abilities and
// findings.
func keysReport(key string, auth, read, write bool, fs ...wooclient.Finding) *wooclient.Report {
	st := func(ok bool) wooclient.State {
		if ok {
			return wooclient.StateOK
		}
		return wooclient.StateFail
	}
	k := &wooclient.KeyStatus{Ending: wooclient.MaskKey(key), Authenticated: auth, Read: read, Write: write,
		Orders: read, Products: read}
	if auth {
		k.Transport = wooclient.TransportBasic
	}
	rep := &wooclient.Report{Store: fakeStore(), Key: k, Findings: fs, Requests: 4, Elapsed: 80 * time.Millisecond}
	rep.Checks = []wooclient.CheckResult{
		{ID: wooclient.CheckKeyAccepted, State: st(auth), Detail: map[bool]string{true: "basic", false: "401 cannot_view"}[auth]},
		{ID: wooclient.CheckRead, State: st(read && auth)},
		{ID: wooclient.CheckWrite, State: st(write && auth)},
		{ID: wooclient.CheckCapabilities, State: st(read && auth), Detail: map[bool]string{true: "orders, products"}[read && auth]},
	}
	if !auth {
		for i := 1; i < len(rep.Checks); i++ {
			rep.Checks[i].State = wooclient.StateSkipped
		}
	}
	return rep
}

// fakeChecker answers like the test store: the fake key works (Read/Write),
// the read-only key works until granted, anything else is unknown. It
// calls the observer with every check before returning, as the real one
// does, and records what it was asked.
type fakeChecker struct {
	mu       sync.Mutex
	discover func(addr string) *wooclient.Report
	probe    wooclient.CheckResult
	granted  bool
	revoked  bool // the good pair's key was deleted on the store
	// revokeAfter revokes the good pair's key once this many key checks ran
	// (0: never), as if an admin deleted it while the wizard was open.
	revokeAfter int
	// storeBlocker, when set, is what every key check meets first: a
	// problem of the store found only with a key (a cache, a firewall).
	storeBlocker *wooclient.Finding
	calls        []string
	keyCalls     []wooclient.Credentials
	savedRep     *wooclient.Report
	lastStore    wooclient.Store
}

func newFakeChecker() *fakeChecker {
	return &fakeChecker{
		discover: func(string) *wooclient.Report { return storeOK() },
		probe:    wooclient.CheckResult{ID: wooclient.CheckAdmin, State: wooclient.StateOK, Detail: "answers with the login page"},
	}
}

func (f *fakeChecker) record(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

func (f *fakeChecker) count(prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if len(c) >= len(prefix) && c[:len(prefix)] == prefix {
			n++
		}
	}
	return n
}

func replay(rep *wooclient.Report, obs wooclient.Observer) *wooclient.Report {
	if obs != nil {
		for _, c := range rep.Checks {
			obs(c)
		}
	}
	return rep
}

func (f *fakeChecker) Discover(_ context.Context, addr string, obs wooclient.Observer) *wooclient.Report {
	f.record("discover " + addr)
	return replay(f.discover(addr), obs)
}

func (f *fakeChecker) keys(creds wooclient.Credentials) *wooclient.Report {
	f.mu.Lock()
	granted, revoked, blocker := f.granted, f.revoked, f.storeBlocker
	f.mu.Unlock()
	switch {
	case blocker != nil:
		return keysReport(creds.Key, false, false, false, *blocker)
	case revoked && creds.Key == fakeKey:
		return keysReport(creds.Key, false, false, false, wooclient.NewFinding(wooclient.CauseUnknownKey, fakeHome))
	case creds.Key == fakeKey && creds.Secret == fakeSecret:
		return keysReport(creds.Key, true, true, true)
	case creds.Key == fakeKey:
		return keysReport(creds.Key, false, false, false, withDetail(wooclient.NewFinding(wooclient.CauseWrongPair, fakeHome), "Consumer secret is invalid."))
	case creds.Key == readOnlyKey && granted:
		return keysReport(creds.Key, true, true, true)
	case creds.Key == readOnlyKey:
		return keysReport(creds.Key, true, true, false, withDetail(wooclient.NewFinding(wooclient.CauseReadOnly, fakeHome), "The API key provided does not have write permissions."))
	}
	return keysReport(creds.Key, false, false, false, wooclient.NewFinding(wooclient.CauseUnknownKey, fakeHome))
}

func (f *fakeChecker) CheckKeys(_ context.Context, store wooclient.Store, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report {
	f.record("keys " + creds.Masked())
	f.mu.Lock()
	f.keyCalls = append(f.keyCalls, creds)
	f.lastStore = store
	if f.revokeAfter > 0 && len(f.keyCalls) > f.revokeAfter {
		f.revoked = true
	}
	f.mu.Unlock()
	return replay(f.keys(creds), obs)
}

func (f *fakeChecker) Check(_ context.Context, addr string, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report {
	f.record("check " + addr)
	if f.savedRep != nil {
		return replay(f.savedRep, obs)
	}
	store := f.discover(addr)
	if !store.OK() {
		return replay(store, obs)
	}
	keys := f.keys(creds)
	rep := &wooclient.Report{Store: store.Store, Key: keys.Key, Checks: append(append([]wooclient.CheckResult(nil), store.Checks...), keys.Checks...),
		Findings: append(append([]wooclient.Finding(nil), store.Findings...), keys.Findings...)}
	return replay(rep, obs)
}

// CheckSaved answers like Check on the saved address, and records the
// saved home, REST root and transport it was given.
func (f *fakeChecker) CheckSaved(ctx context.Context, saved wooclient.Saved, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report {
	f.record("saved " + saved.Store.Home + " " + saved.Store.RESTRoot + " " + string(saved.Transport))
	addr := saved.Store.URL
	if addr == "" {
		addr = saved.Store.Home
	}
	return f.Check(ctx, addr, creds, obs)
}

func (f *fakeChecker) ProbeAdmin(_ context.Context, url string) wooclient.CheckResult {
	f.record("probe " + url)
	return f.probe
}

// fakeSaver records what it was asked to save.
type fakeSaver struct {
	mu    sync.Mutex
	saved []Connection
	err   error
}

func (s *fakeSaver) Save(c Connection) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return fakeSavedPath, s.err
	}
	s.saved = append(s.saved, c)
	return fakeSavedPath, nil
}

// fakeBrowser is a browser that can or cannot open pages.
type fakeBrowser struct {
	ok     bool
	why    NoBrowser
	opened []string
}

func (b *fakeBrowser) Open(url string) error {
	b.opened = append(b.opened, url)
	if !b.ok {
		return errors.New("no browser")
	}
	return nil
}

func (b *fakeBrowser) Available() (bool, NoBrowser) { return b.ok, b.why }

// fakeDemo is the practice store's admin.
type fakeDemo struct {
	checker  *fakeChecker
	readOnly bool
	minted   int
	grants   []string
}

// MintKey makes the fake pair, or a Read key (the Add key form's default)
// when readOnly is set.
func (d *fakeDemo) MintKey(context.Context, string) (wooclient.Credentials, error) {
	d.minted++
	if d.readOnly {
		return wooclient.Credentials{Key: readOnlyKey, Secret: readOnlySec}, nil
	}
	return wooclient.Credentials{Key: fakeKey, Secret: fakeSecret}, nil
}

func (d *fakeDemo) GrantReadWrite(_ context.Context, ending string) error {
	d.grants = append(d.grants, ending)
	d.checker.mu.Lock()
	d.checker.granted = true
	d.checker.mu.Unlock()
	return nil
}

func nowFixed() time.Time { return fixedNow }

// withDetail is Finding.With for a fake's own English detail: the engine
// says details as wooclient.Text, a fake may write the words directly.
func withDetail(f wooclient.Finding, detail string, ev ...wooclient.Evidence) wooclient.Finding {
	f.Detail = detail
	f.Evidence = append(f.Evidence, ev...)
	return f
}
