package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/tui"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// app holds the process's effects so tests can run every command in
// process with their own input, output and environment.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	version        buildVersion
	// catalog holds every language; tr is the one chosen for this run
	// (English until the flags are read) and lang why it was chosen.
	catalog *locale.Catalog
	tr      *locale.Translator
	lang    locale.Choice
	// exit is the code of a command that reported its own verdict.
	exit int
}

// globalFlags are shared by every command.
type globalFlags struct {
	config  string
	profile string
	cacert  string
	timeout time.Duration
	lang    string
}

// main runs the command line and returns the exit code. Exit codes are
// decided here and nowhere else.
func (a *app) main(ctx context.Context, args []string, signals ...os.Signal) int {
	a.catalog = newCatalog()
	a.tr, a.lang = a.catalog.English(), locale.Choice{Tag: "en", Source: "default"}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	sigCtx := ctx
	if len(signals) > 0 { // NotifyContext with none would catch every signal
		var stop context.CancelFunc
		sigCtx, stop = signal.NotifyContext(ctx, signals...)
		defer stop()
	}
	err := fang.Execute(sigCtx, root,
		fang.WithVersion(a.version.String()),
		fang.WithErrorHandler(a.errorHandler),
	)
	if err != nil && sigCtx.Err() != nil && ctx.Err() == nil {
		return exitInterrupted
	}
	if err == nil {
		return a.exit
	}
	return exitCode(err)
}

// errorHandler prints errors the fang way, with anything that looks like a
// key or secret masked: cobra repeats unexpected arguments in its errors,
// and a cashier may paste a key where a command was expected. An
// interruption gets one plain line.
func (a *app) errorHandler(w io.Writer, styles fang.Styles, err error) {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, a.tr.T("cli.interrupted"))
		return
	}
	fang.DefaultErrorHandler(w, styles, errors.New(maskCredentials(err.Error())))
}

// credentialLike finds ck_/cs_ tokens of any length, also percent-encoded,
// so even a mistyped key is not echoed.
var credentialLike = regexp.MustCompile(`(?i)c([ks])(?:_|%5f|%255f)[^\s"'&]{4,}`)

// maskCredentials hides every key-like token: keys keep their last 7
// characters, as WooCommerce shows them, secrets nothing.
func maskCredentials(s string) string {
	return credentialLike.ReplaceAllStringFunc(s, func(tok string) string {
		if strings.EqualFold(tok[:2], "cs") {
			return "cs_…•••"
		}
		return wooclient.MaskKey("ck_" + tok[len(tok)-min(len(tok)-3, 7):])
	})
}

// rootCmd is the wizard; the other commands hang off it.
func (a *app) rootCmd() *cobra.Command {
	g := &globalFlags{}
	w := &wizardFlags{}
	root := &cobra.Command{
		Use:   "wcpos-setup",
		Short: "Connect this point-of-sale terminal to a WooCommerce store",
		Long: "wcpos-setup walks you through connecting this terminal to a WooCommerce store with REST API keys,\n" +
			"and repairs the connection when the POS reports \"API02006: API Key Invalid\".\n\n" +
			"Without a command it starts the setup wizard. --demo practises on a built-in store.",
		Example: "# the wizard\nwcpos-setup\n\n# practise on the built-in store\nwcpos-setup --demo\n" +
			"wcpos-setup --demo --scenario read-only\n\n# the saved connection, for scripts\nwcpos-setup check --json\n\n" +
			"# what an error code means\nwcpos-setup explain API02006",
		Args:              cobra.NoArgs,
		PersistentPreRunE: func(*cobra.Command, []string) error { return a.chooseLanguage(g.lang) },
		RunE:              func(cmd *cobra.Command, _ []string) error { return a.runWizard(cmd, g, w) },
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.lang, "lang", "", "language of the wizard and the messages: "+strings.Join(locale.Languages(), ", ")+
		" (default: $WCPOS_SETUP_LANG, then the system's)")
	pf.StringVar(&g.config, "config", "", "configuration file (default: $WCPOS_SETUP_CONFIG or the OS config directory)")
	pf.StringVarP(&g.profile, "profile", "p", "default", "profile name, for support staff who set up several stores")
	pf.StringVar(&g.cacert, "cacert", "", "also trust this CA certificate file (PEM), like curl --cacert")
	pf.DurationVar(&g.timeout, "timeout", 45*time.Second, "give up on the store after this long")
	f := root.Flags()
	f.StringVar(&w.url, "url", "", "store address to start with (default: the saved one, or $WCPOS_STORE_URL)")
	f.BoolVar(&w.demo, "demo", false, "practise on the built-in demo store (nothing leaves this computer)")
	f.StringVar(&w.scenario, "scenario", "healthy", "demo scenario: "+scenarioList())
	f.StringVar(&w.siteLang, "site-lang", "", "demo: the practice store's site language, as WordPress names it (de-DE, ja, pt-BR)")
	f.BoolVar(&w.accessible, "accessible", false, "plain line prompts for screen readers (also when TERM=dumb)")
	root.AddCommand(a.checkCmd(g), a.explainCmd(), a.configCmd(g), a.demoCmd())
	return root
}

// chooseLanguage settles the language of this run, most specific first
// (--lang, WCPOS_SETUP_LANG, LC_ALL, LC_MESSAGES, LANG, the system's). A
// language without a translation falls back by CLDR matching, then to
// English; only a --lang that is no language tag at all is refused.
func (a *app) chooseLanguage(flag string) error {
	c, err := locale.Detect(flag, a.getenv, locale.SystemLanguage)
	if err != nil { // say so in the language the environment asks for
		if env, _ := locale.Detect("", a.getenv, locale.SystemLanguage); env.Tag != "" {
			if tr, err := a.catalog.Translator(env.Tag); err == nil {
				a.tr = tr
			}
		}
		return usageError(errors.New(a.tr.T("cli.bad-lang", "Value", flag, "Languages", strings.Join(locale.Languages(), ", "))))
	}
	tr, err := a.catalog.Translator(c.Tag)
	if err != nil {
		return err
	}
	a.tr, a.lang = tr, c
	return nil
}

// newCatalog holds everything wcpos-setup says: the engine's and the
// wizard's words (tui.Sources) and the commands' own.
func newCatalog() *locale.Catalog { return locale.NewCatalog(append(tui.Sources(), cmdWords())...) }
