package tui

import (
	"context"
	"io"
	"time"

	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// Checker is the live diagnosis the wizard runs as commands. It is declared
// here, where it is used, so the wizard never depends on the concrete
// *wooclient.Client and tests drive every step with a fake.
type Checker interface {
	// Discover checks the store only: Report.Store, the store checks and
	// their findings.
	Discover(ctx context.Context, address string, obs wooclient.Observer) *wooclient.Report
	// CheckKeys checks a pair against a discovered store: the key checks
	// and Report.Key.
	CheckKeys(ctx context.Context, store wooclient.Store, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report
	// Check runs both, for an address and a pair.
	Check(ctx context.Context, address string, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report
	// CheckSaved checks the saved connection: the store and the key in one
	// level at the saved home and REST root with the saved transport,
	// falling back to the whole diagnosis when the store moved.
	CheckSaved(ctx context.Context, saved wooclient.Saved, creds wooclient.Credentials, obs wooclient.Observer) *wooclient.Report
	// ProbeAdmin sends an anonymous GET without following redirects: a
	// redirect to wp-login answers ok, a 404 warns of a custom login URL.
	ProbeAdmin(ctx context.Context, pageURL string) wooclient.CheckResult
}

// Saver keeps a verified connection. cmd adapts it to the config file, which
// keeps the previous working file as a backup. The path is returned even
// with an error when it is known, so the wizard can say where it tried.
type Saver interface {
	Save(c Connection) (path string, err error)
}

// Connection is what the wizard saves: a store, a pair that a CheckKeys
// report proved, and what the store said the pair may do.
type Connection struct {
	Profile     string
	Store       wooclient.Store
	Credentials wooclient.Credentials
	Key         wooclient.KeyStatus
	VerifiedAt  time.Time
}

// Browser opens the admin pages. Available says why it cannot (over SSH, no
// display), so the wizard offers the clipboard and the QR code instead of
// failing silently.
type Browser interface {
	Open(url string) error
	Available() (ok bool, why NoBrowser)
}

// NoBrowser says why no page can be opened on this terminal, for the
// wizard to say in the cashier's language.
type NoBrowser struct {
	Kind NoBrowserKind
	// Programs names the openers looked for, for NoOpener.
	Programs string
}

// NoBrowserKind is one reason there is no browser.
type NoBrowserKind int

// The reasons: none known, an SSH session (a browser would open on the
// other computer), no graphical display, no program that opens pages.
const (
	NoBrowserUnknown NoBrowserKind = iota
	NoBrowserOverSSH
	NoBrowserNoDisplay
	NoBrowserNoOpener
)

// DemoStore is the practice store's admin, only in demo mode (nil
// otherwise): it does on the built-in test store what a site admin does in
// WP Admin, so the whole wizard can be rehearsed without a real shop.
type DemoStore interface {
	// MintKey is "Generate API key": a Read/Write key for the admin user.
	MintKey(ctx context.Context, description string) (wooclient.Credentials, error)
	// GrantReadWrite is what the admin does on the Edit key page.
	GrantReadWrite(ctx context.Context, keyEnding string) error
}

// Deps are the effects the wizard needs; cmd wires the real ones.
type Deps struct {
	Checker Checker
	Saver   Saver
	Browser Browser // nil: no browser can be opened
	Demo    DemoStore
	// Now is the clock; nil means time.Now. It is read only in commands
	// and once at start, never inside Update.
	Now func() time.Time
	// TerminalName names this till in suggested key descriptions.
	TerminalName string
}

// Options are what cmd knows before the wizard starts.
type Options struct {
	// Address pre-fills the store address (flag or environment).
	Address string
	// Saved is the saved connection to check first (step S0).
	Saved *Connection
	// Profile names the profile the connection is saved under.
	Profile string
	// Accessible selects plain line prompts instead of the full-screen
	// wizard (screen readers, TERM=dumb).
	Accessible bool
	In         io.Reader
	Out        io.Writer
	Version    string
	// Tr is the language to speak; nil means English. Catalog, when set,
	// lets the cashier switch language on the spot (ctrl+l).
	Tr      *locale.Translator
	Catalog *locale.Catalog
}

// Result is how the wizard ended; cmd turns it into an exit code.
type Result struct {
	// Saved reports a connection saved at Path.
	Saved bool
	Path  string
	// Kept reports that the user kept the saved connection unchanged.
	Kept bool
	// Connection is the saved or kept connection, nil otherwise.
	Connection *Connection
	// Report is the last report the wizard received, nil if none.
	Report *wooclient.Report
	// Step is where the wizard stopped, for example "S4 Enter keys".
	Step string
}

// now reads the injected clock.
func (d Deps) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}
