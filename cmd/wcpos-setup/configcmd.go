package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
)

func (a *app) configCmd(g *globalFlags) *cobra.Command {
	cfg := &cobra.Command{Use: "config", Short: "Show the saved configuration"}
	var url string
	show := &cobra.Command{
		Use:   "show",
		Short: "Show the saved configuration, secrets masked, and where each value comes from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, src, err := config.ResolvePath(g.config, a.getenv)
			if err != nil {
				return usageError(err)
			}
			_, f, err := a.openConfig(g)
			if err != nil {
				return err
			}
			return showConfig(a.stdout, path, src, f, config.Resolve(f, g.profile, url, a.getenv))
		},
	}
	show.Flags().StringVar(&url, "url", "", "show the effect of this --url")
	cfg.AddCommand(show)
	return cfg
}

// showConfig prints the effective settings with their sources; the key
// shows only its ending and the secret nothing at all.
func showConfig(w io.Writer, path string, src config.Source, f *config.File, eff config.Effective) error {
	fmt.Fprintf(w, "File:     %s (%s)\n", path, src)
	fmt.Fprintf(w, "Profile:  %s", eff.Profile)
	if names := profileNames(f); len(names) > 0 {
		fmt.Fprintf(w, " (saved profiles: %s)", strings.Join(names, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
	row := func(name string, v config.Value) {
		from := string(v.Source)
		if from == "" {
			from = "not set"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, v.String(), from)
	}
	row("store address", eff.StoreURL)
	row("consumer key", eff.ConsumerKey)
	row("consumer secret", eff.ConsumerSecret)
	if p := eff.Saved; p != nil {
		file := func(name, v string) { fmt.Fprintf(tw, "%s\t%s\tfile\n", name, orDash(v)) }
		file("store name", p.StoreName)
		file("home", p.Home)
		file("REST root", p.RESTRoot)
		file("transport", p.Transport)
		file("permissions", permissionsText(p.Permissions))
		file("WooCommerce", p.WooCommerceVersion)
		file("WCPOS plugin", p.WCPOSVersion)
		file("verified at", p.VerifiedAt.Format("2006-01-02 15:04:05 MST"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if eff.Saved == nil {
		_, err := fmt.Fprintf(w, "\nNo profile %q is saved yet: run wcpos-setup to set one up.\n", eff.Profile)
		return err
	}
	return nil
}

func profileNames(f *config.File) []string {
	var names []string
	for n := range f.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func permissionsText(p config.Permissions) string {
	mark := func(name string, ok bool) string {
		if ok {
			return name + " ✓"
		}
		return name + " ✗"
	}
	return mark("read", p.Read) + ", " + mark("write", p.Write) + ", " + mark("orders", p.Orders) + ", " + mark("products", p.Products)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
