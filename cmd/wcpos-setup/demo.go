package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
)

func (a *app) demoCmd() *cobra.Command {
	demo := &cobra.Command{Use: "demo", Short: "The built-in practice store"}
	var scenarioName, addr, httpAddr, caOut, siteLang string
	var delay time.Duration
	serve := &cobra.Command{
		Use:   "serve",
		Short: "Run the practice store for other terminals or scripts to connect to",
		Long: "serve starts the built-in WooCommerce practice store on this computer and prints its address,\n" +
			"the CA certificate it wrote (trust it with --cacert) and practice keys. It answers like a real\n" +
			"WooCommerce store in the chosen scenario. Stop it with Ctrl+C.",
		Example: "  wcpos-setup demo serve --scenario read-only --addr 127.0.0.1:8443\n" +
			"  wcpos-setup check --url https://127.0.0.1:8443 --cacert /tmp/wcpos-demo-ca.pem --keys-stdin",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sc, err := a.findScenario(scenarioName)
			if err != nil {
				return err
			}
			tag, err := a.siteLangTag(siteLang)
			if err != nil {
				return err
			}
			d, err := startDemo(sc, addr, httpAddr, delay, tag)
			if err != nil {
				return usageError(errors.New(a.tr.T("cli.demo-failed", "Error", err.Error())))
			}
			defer d.Close()
			if caOut == "" {
				caOut = filepath.Join(os.TempDir(), "wcpos-setup-demo-ca.pem")
			}
			if err := os.WriteFile(caOut, d.CACertPEM(), 0o644); err != nil {
				return errors.New(a.tr.T("demo.ca-failed", "Error", err.Error()))
			}
			printServe(a, d, caOut)
			<-cmd.Context().Done()
			fmt.Fprintln(a.stdout, "\n"+a.tr.T("demo.stopped"))
			return nil
		},
	}
	f := serve.Flags()
	f.StringVar(&scenarioName, "scenario", "healthy", "scenario: "+scenarioList())
	f.StringVar(&addr, "addr", "127.0.0.1:0", "HTTPS address to listen on (loopback only is wise)")
	f.StringVar(&httpAddr, "http-addr", "127.0.0.1:0", "plain-HTTP address to listen on")
	f.StringVar(&caOut, "ca-out", "", "where to write the CA certificate (default: the temp directory)")
	f.DurationVar(&delay, "delay", 0, "answer every request after this long, like a slow shop connection")
	f.StringVar(&siteLang, "site-lang", "", "the store's site language, as WordPress names it (de-DE, ja, pt-BR): WP Admin's labels follow it")
	demo.AddCommand(serve)
	return demo
}

// printServe tells how to reach the practice store. Practice keys are shown
// in full: they open nothing but this store, which vanishes on exit.
func printServe(a *app, d *demoStore, caFile string) {
	w, tr := a.stdout, a.tr
	fmt.Fprintf(w, "%s\n\n", tr.T("demo.running", "Scenario", d.scenario.name, "Summary", scenarioSummary(tr, d.scenario)))
	rows := [][2]string{{"HTTPS:", d.SiteURL()}, {"HTTP:", d.HTTPURL() + d.subDirectory()}, {tr.T("demo.ca-file"), caFile},
		{tr.T("demo.admin"), d.Home() + "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys"}}
	labelled(w, 0, "  ", " ", rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("demo.keys"))
	keys := [][2]string{{tr.T("demo.admin-key"), d.admin.ConsumerKey + "|" + d.admin.ConsumerSecret}}
	if t := d.terminal; t != nil && (t.ConsumerKey != d.admin.ConsumerKey || t.ConsumerSecret != d.admin.ConsumerSecret) {
		keys = append(keys, [2]string{tr.T("demo.terminal-key", "Scenario", d.scenario.name), t.ConsumerKey + "|" + t.ConsumerSecret})
	}
	labelled(w, 0, "  ", "  ", keys) // never wrapped: copied whole
	fmt.Fprintf(w, "\n%s printf '%%s\\n' '<ck|cs>' | wcpos-setup check --url %s --cacert %s --keys-stdin\n", tr.T("demo.try"), d.SiteURL(), caFile)
	fmt.Fprintln(w, tr.T("demo.stop-hint"))
}
