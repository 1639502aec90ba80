package tui

import (
	"context"
	"errors"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// The real engine satisfies the wizard's interface; the wizard never names
// the concrete type outside this test.
var _ Checker = (*wooclient.Client)(nil)

// testStoreAdmin is the practice store's admin for DemoStore, on wootest.
type testStoreAdmin struct{ store *wootest.Store }

func (a testStoreAdmin) MintKey(_ context.Context, desc string) (wooclient.Credentials, error) {
	k := a.store.MintKey(desc, wootest.Read, wootest.Administrator) // Read: the form's default
	return wooclient.Credentials{Key: k.ConsumerKey, Secret: k.ConsumerSecret}, nil
}

func (a testStoreAdmin) GrantReadWrite(_ context.Context, ending string) error {
	for _, k := range a.store.Keys() {
		if k.Ending() == ending && !k.Revoked {
			return a.store.SetPermissions(k.ID, wootest.ReadWrite)
		}
	}
	return errors.New("no key ends in " + ending)
}

// TestWizardAgainstTheTestStore walks the demo flow with the real engine
// against the in-process test store (loopback only): discovery, a practice
// key made with the form's default Read permission and scanned, the
// read-only blocker, the admin's fix, the re-check and the save.
func TestWizardAgainstTheTestStore(t *testing.T) {
	store := wootest.New(wootest.Config{})
	defer store.Close()
	h := newHarness(t)
	h.m.deps.Checker = wooclient.New(wooclient.Options{RootCAs: store.CertPool()})
	h.m.deps.Demo = testStoreAdmin{store}

	h.typ(store.URL())
	h.press("enter")
	h.mustShow("✓ Store reachable", "Demo Store", "Is this your store?")
	h.press("y", "2")
	h.mustShow("Admin page answers with the login page")
	h.press("g")
	h.mustShow("Practice key ck_…")
	h.press("s")
	h.mustBe(stepPermissions)
	h.mustShow("API02005 read-only")
	h.press("f")
	h.mustShow("to Read/Write")
	h.press("r")
	h.mustShow("Everything the till needs works")
	h.press("enter", "enter")
	h.mustBe(stepDone)
	if len(h.saver.saved) != 1 || !h.saver.saved[0].Key.Write || h.saver.saved[0].Store.Home != store.Home() {
		t.Fatalf("saved %v", h.saver.saved)
	}
	assertScreen(t, h.m)
}
