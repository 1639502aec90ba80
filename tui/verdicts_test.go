package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// verdictCase is one store and one key, driven through the wizard with the
// real engine against the WooCommerce-faithful test store, and what the
// wizard must make of it. The expectations are written from domain.md and
// the README (transports, permissions, findings catalogue), not read back
// from the engine.
type verdictCase struct {
	name    string
	cfg     wootest.Config
	plain   bool // type the plain-HTTP address
	perm    wootest.Permission
	role    wootest.Role
	revoked bool // the key was deleted in WP Admin
	// What the key check must prove.
	stop      step
	transport wooclient.Transport
	may       [4]bool  // read, write, orders, products
	blockers  []string // every blocker, in order
	warnings  []string // every warning
	screen    []string // on screen at the stop
	notShown  []string // never on screen at the stop
	review    []string // on S6's screen, for a pair that passes
}

var verdictCases = []verdictCase{
	{name: "shop manager, Read/Write", perm: wootest.ReadWrite, role: wootest.ShopManager,
		stop: stepPermissions, transport: wooclient.TransportBasic, may: [4]bool{true, true, true, true},
		screen: []string{"Sent as: basic (HTTP Basic over HTTPS)", "Everything the till needs works"}},
	{name: "host strips the Authorization header", cfg: wootest.Config{StripAuthorization: true},
		perm: wootest.ReadWrite, role: wootest.ShopManager,
		stop: stepPermissions, transport: wooclient.TransportQuery, may: [4]bool{true, true, true, true},
		warnings: []string{"auth-header-stripped"},
		screen:   []string{"Sent as: query (the key in the address, over HTTPS)", "API06003 auth-header-stripped"},
		review:   []string{"Sent as   query", "API06003 auth-header-stripped"}},
	{name: "plain HTTP store", cfg: wootest.Config{HomeScheme: "http"}, plain: true,
		perm: wootest.ReadWrite, role: wootest.Administrator,
		stop: stepPermissions, transport: wooclient.TransportOAuth1, may: [4]bool{true, true, true, true},
		screen: []string{"Sent as: oauth1 (signed; the secret never travels)"}},
	{name: "Read key, the form's default", perm: wootest.Read, role: wootest.ShopManager,
		stop: stepPermissions, transport: wooclient.TransportBasic, may: [4]bool{true, false, true, true},
		blockers: []string{"read-only"},
		screen:   []string{"API02005 read-only", "✗ Write", "Permissions: Read/Write", "The key stays the same"}},
	{name: "Write key", perm: wootest.Write, role: wootest.ShopManager,
		stop: stepPermissions, transport: wooclient.TransportBasic, may: [4]bool{false, true, false, false},
		blockers: []string{"write-only"},
		screen:   []string{"API02005 write-only", "✗ Read", "Permissions: Read/Write", "The key stays the same"}},
	// The key is Read/Write: its reads get 403 (the key counted, its user may
	// not), not 401 "does not have read permissions" (domain.md, section 3).
	{name: "a customer's key", perm: wootest.ReadWrite, role: wootest.Customer,
		stop: stepPermissions, transport: wooclient.TransportBasic, may: [4]bool{true, true, false, false},
		// The key's row cannot fix its user's role: no Read/Write advice.
		blockers: []string{"user-lacks-capability"},
		screen:   []string{"API02005 user-lacks-capability"},
		notShown: []string{"Permissions: Read/Write", "The key stays the same"}},
	{name: "deleted key", perm: wootest.ReadWrite, role: wootest.ShopManager, revoked: true,
		stop: stepKeys, blockers: []string{"unknown-key"},
		screen: []string{"API02006 unknown-key"}},
}

// TestVerdictsThroughTheRealEngine types each case's pair into S4 and
// checks the whole verdict the wizard took: where it stopped, how the key
// travels, each permission, every blocker and warning by cause and
// severity, what the screen says, and that only a passing pair reaches S6
// and is saved with exactly what was proved.
func TestVerdictsThroughTheRealEngine(t *testing.T) {
	for _, tc := range verdictCases {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Name = "Demo Store"
			store := wootest.New(tc.cfg)
			defer store.Close()
			k := store.MintKey("POS till", tc.perm, tc.role)
			if tc.revoked {
				if err := store.Revoke(k.ID); err != nil {
					t.Fatal(err)
				}
			}
			h := newHarness(t)
			h.m.deps.Checker = wooclient.New(wooclient.Options{RootCAs: store.CertPool()})
			addr := store.URL()
			if tc.plain {
				addr = store.HTTPURL()
			}
			h.typ(addr)
			h.press("enter")
			h.mustShow("Is this your store?")
			h.press("y", "1")
			h.mustBe(stepKeys)
			h.enterPair(k.ConsumerKey, k.ConsumerSecret)
			h.mustBe(tc.stop)
			h.mustShow(tc.screen...)
			h.mustNotShow(tc.notShown...)

			rep := h.m.pair.report
			if rep == nil || rep.Key == nil {
				t.Fatalf("no key report: %+v", rep)
			}
			got := rep.Key
			if want := !tc.revoked; got.Authenticated != want {
				t.Errorf("authenticated %v, want %v", got.Authenticated, want)
			}
			if got.Transport != tc.transport {
				t.Errorf("transport %q, want %q", got.Transport, tc.transport)
			}
			if may := [4]bool{got.Read, got.Write, got.Orders, got.Products}; !tc.revoked && may != tc.may {
				t.Errorf("read, write, orders, products = %v, want %v", may, tc.may)
			}
			if b := causes(rep.Blockers()); !slices.Equal(b, tc.blockers) {
				t.Errorf("blockers %v, want %v", b, tc.blockers)
			}
			if w := causes(rep.Warnings()); !slices.Equal(w, tc.warnings) {
				t.Errorf("warnings %v, want %v", w, tc.warnings)
			}
			assertScreen(t, h.m)

			h.press("enter")
			if len(tc.blockers) > 0 {
				h.mustBe(tc.stop) // a blocker: enter goes nowhere
				if len(h.saver.saved) != 0 {
					t.Error("a blocked pair was saved")
				}
				return
			}
			h.mustBe(stepReview)
			h.mustShow(tc.review...)
			if len(tc.warnings) == 0 {
				h.mustNotShow("API0")
			}
			h.press("enter")
			h.mustBe(stepDone)
			if len(h.saver.saved) != 1 {
				t.Fatalf("saved %d times", len(h.saver.saved))
			}
			c := h.saver.saved[0]
			if c.Credentials.Key != k.ConsumerKey || c.Credentials.Secret != k.ConsumerSecret ||
				c.Key.Transport != tc.transport || c.Store.Home != store.Home() ||
				[4]bool{c.Key.Read, c.Key.Write, c.Key.Orders, c.Key.Products} != tc.may {
				t.Errorf("saved %+v", c)
			}
			wantLine := "✓ S5 Permissions: read, write, orders, products (" + string(tc.transport) + ")"
			if !slices.Contains(h.printed, wantLine) {
				t.Errorf("transcript lacks %q:\n%s", wantLine, strings.Join(h.printed, "\n"))
			}
		})
	}
}

// causes lists findings by cause name.
func causes(fs []wooclient.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Cause))
	}
	return out
}
