package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

func (a *app) demoCmd() *cobra.Command {
	demo := &cobra.Command{Use: "demo", Short: "The built-in practice store"}
	var scenarioName, addr, httpAddr, caOut string
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
			sc, err := findScenario(scenarioName)
			if err != nil {
				return usageError(err)
			}
			d, err := startDemo(sc, addr, httpAddr, delay)
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
	demo.AddCommand(serve)
	return demo
}

// printServe tells how to reach the practice store. Practice keys are shown
// in full: they open nothing but this store, which vanishes on exit.
func printServe(a *app, d *demoStore, caFile string) {
	w, tr := a.stdout, a.tr
	fmt.Fprintf(w, "%s\n\n", tr.T("demo.running", "Scenario", d.scenario.name, "Summary", scenarioSummary(tr, d.scenario)))
	rows := [][2]string{{"HTTPS:", d.URL()}, {"HTTP:", d.HTTPURL()}, {tr.T("demo.ca-file"), caFile},
		{tr.T("demo.admin"), d.Home() + "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys"}}
	col := 0
	for _, r := range rows {
		col = max(col, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %s %s\n", padCells(r[0], col), r[1])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("demo.keys"))
	fmt.Fprintf(w, "  %s  %s|%s\n", tr.T("demo.admin-key"), d.admin.ConsumerKey, d.admin.ConsumerSecret)
	if t := d.terminal; t != nil && (t.ConsumerKey != d.admin.ConsumerKey || t.ConsumerSecret != d.admin.ConsumerSecret) {
		fmt.Fprintf(w, "  %s  %s|%s\n", tr.T("demo.terminal-key", "Scenario", d.scenario.name), t.ConsumerKey, t.ConsumerSecret)
	}
	fmt.Fprintf(w, "\n%s printf '%%s\\n' '<ck|cs>' | wcpos-setup check --url %s --cacert %s --keys-stdin\n", tr.T("demo.try"), d.URL(), caFile)
	fmt.Fprintln(w, tr.T("demo.stop-hint"))
}
