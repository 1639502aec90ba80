package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

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
				return usageError(fmt.Errorf("starting the practice store: %w", err))
			}
			defer d.Close()
			if caOut == "" {
				caOut = filepath.Join(os.TempDir(), "wcpos-setup-demo-ca.pem")
			}
			if err := os.WriteFile(caOut, d.CACertPEM(), 0o644); err != nil {
				return fmt.Errorf("writing the CA certificate: %w", err)
			}
			printServe(a, d, caOut)
			<-cmd.Context().Done()
			fmt.Fprintln(a.stdout, "\nPractice store stopped.")
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
	w := a.stdout
	fmt.Fprintf(w, "Practice store running (scenario %s: %s)\n\n", d.scenario.name, d.scenario.summary)
	fmt.Fprintf(w, "  HTTPS:   %s\n  HTTP:    %s\n  CA file: %s\n", d.SiteURL(), d.HTTPURL()+d.subDirectory(), caFile)
	fmt.Fprintf(w, "  Admin:   %s/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys\n\n", d.Home())
	fmt.Fprintln(w, "Practice keys (they open nothing but this store):")
	fmt.Fprintf(w, "  admin (Read/Write):  %s|%s\n", d.admin.ConsumerKey, d.admin.ConsumerSecret)
	if t := d.terminal; t != nil && (t.ConsumerKey != d.admin.ConsumerKey || t.ConsumerSecret != d.admin.ConsumerSecret) {
		fmt.Fprintf(w, "  terminal (%s):  %s|%s\n", d.scenario.name, t.ConsumerKey, t.ConsumerSecret)
	}
	fmt.Fprintf(w, "\nTry: printf '%%s\\n' '<ck|cs>' | wcpos-setup check --url %s --cacert %s --keys-stdin\n", d.SiteURL(), caFile)
	fmt.Fprintln(w, "Press Ctrl+C to stop.")
}
