package main

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/tui"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// wizardFlags are the root command's own flags.
type wizardFlags struct {
	url        string
	demo       bool
	scenario   string
	siteLang   string
	accessible bool
}

// runWizard starts the setup wizard, on the real store or the demo one.
func (a *app) runWizard(cmd *cobra.Command, g *globalFlags, w *wizardFlags) error {
	accessible := w.accessible || a.getenv("TERM") == "dumb"
	if !accessible && !a.interactive() {
		return usageError(errors.New(a.tr.T("cli.no-terminal")))
	}
	opts := tui.Options{Profile: g.profile, Accessible: accessible, In: a.stdin, Out: a.stdout, Version: a.version.String(),
		Tr: a.tr, Catalog: a.catalog}
	deps := tui.Deps{Browser: systemBrowser{getenv: a.getenv}, TerminalName: terminalName()}
	clientOpts := wooclient.Options{UserAgent: "wcpos-setup/" + a.version.Version}
	var store *config.Store
	if w.demo {
		sc, err := findScenario(w.scenario)
		if err != nil {
			return usageError(err)
		}
		siteLang, err := a.siteLangTag(w.siteLang)
		if err != nil {
			return err
		}
		if siteLang == "" && a.tr.Tag() != "en" {
			// A cashier practising in German sees a German WP Admin, as on
			// most German shops; --site-lang picks another.
			siteLang = a.tr.Tag()
		}
		d, err := startDemo(sc, "", "", 0, siteLang)
		if err != nil {
			return errors.New(a.tr.T("cli.demo-failed", "Error", err.Error()))
		}
		defer d.Close()
		clientOpts.RootCAs = d.CertPool()
		deps.Demo = demoAdmin{store: d.Store}
		opts.Address = d.SiteURL()
		if d.terminal != nil {
			opts.Saved = demoConnection(g.profile, d)
		}
		if store, err = a.demoConfig(g); err != nil {
			return err
		}
	} else {
		var err error
		if store, opts.Saved, opts.Address, err = a.loadForWizard(g, w.url); err != nil {
			return err
		}
		if clientOpts.RootCAs, err = caPool(g.cacert); err != nil {
			return usageError(err)
		}
	}
	clientOpts.Deadline = g.timeout
	deps.Checker = wooclient.New(clientOpts)
	deps.Saver = configSaver{store: store}
	res, err := tui.Run(cmd.Context(), deps, opts)
	if err != nil {
		return err
	}
	return a.verdict(wizardExit(res))
}

// interactive reports whether both ends are a terminal.
func (a *app) interactive() bool {
	in, ok1 := a.stdin.(*os.File)
	out, ok2 := a.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

// loadForWizard reads the saved profile (and environment overrides) that
// the wizard checks first.
func (a *app) loadForWizard(g *globalFlags, flagURL string) (*config.Store, *tui.Connection, string, error) {
	store, f, err := a.openConfig(g)
	if err != nil {
		return nil, nil, "", err
	}
	eff := config.Resolve(f, g.profile, flagURL, a.getenv)
	var saved *tui.Connection
	if eff.Saved != nil {
		saved = connectionOf(g.profile, *eff.Saved)
	}
	if eff.ConsumerKey.Value != "" && eff.ConsumerSecret.Value != "" && eff.StoreURL.Value != "" &&
		(saved == nil || eff.ConsumerKey.Source != config.SourceFile || eff.StoreURL.Source != config.SourceFile) {
		saved = &tui.Connection{Profile: g.profile,
			Store:       wooclient.Store{URL: eff.StoreURL.Value},
			Credentials: wooclient.Credentials{Key: eff.ConsumerKey.Value, Secret: eff.ConsumerSecret.Value}}
	}
	return store, saved, eff.StoreURL.Value, nil
}

// openConfig resolves, opens and reads the configuration file, printing
// its warnings. A corrupt file stops here: it is never overwritten.
func (a *app) openConfig(g *globalFlags) (*config.Store, *config.File, error) {
	path, _, err := config.ResolvePath(g.config, a.getenv)
	if err != nil {
		return nil, nil, usageError(err)
	}
	store := config.Open(path)
	f, warnings, err := store.Load()
	if err != nil {
		return nil, nil, usageError(err)
	}
	for _, w := range warnings {
		fmt.Fprintln(a.stderr, "warning:", w)
	}
	return store, f, nil
}

// demoConfig keeps practice runs away from the till's real configuration:
// unless --config names a file, the demo saves to a temporary directory.
func (a *app) demoConfig(g *globalFlags) (*config.Store, error) {
	if g.config != "" {
		return config.Open(g.config), nil
	}
	dir, err := os.MkdirTemp("", "wcpos-setup-demo-")
	if err != nil {
		return nil, err
	}
	return config.Open(filepath.Join(dir, "config.json")), nil
}

// demoConnection is the terminal's configuration in a demo scenario: the
// key the scenario broke, as if it had been saved earlier.
func demoConnection(profile string, d *demoStore) *tui.Connection {
	return &tui.Connection{Profile: profile, Store: wooclient.Store{URL: d.SiteURL(), Home: d.Home(), Name: "Demo Store"},
		Credentials: wooclient.Credentials{Key: d.terminal.ConsumerKey, Secret: d.terminal.ConsumerSecret}}
}

// caPool trusts an extra CA file on top of the system roots; "" keeps the
// system roots alone.
func caPool(file string) (*x509.CertPool, error) {
	if file == "" {
		return nil, nil
	}
	return wooclient.CertPoolWithFile(file)
}

// wizardExit maps how the wizard ended to an exit code.
func wizardExit(res tui.Result) int {
	switch {
	case res.Saved || res.Kept:
		return exitOK
	case res.Report != nil && !res.Report.OK():
		return reportExit(res.Report)
	}
	return exitInterrupted
}
