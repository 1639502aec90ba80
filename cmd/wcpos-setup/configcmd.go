package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/tui/locale"
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
				return a.configUsage(err)
			}
			_, f, err := a.openConfig(g)
			if err != nil {
				return err
			}
			return showConfig(a.stdout, a.tr, a.lang, path, src, f, config.Resolve(f, g.profile, url, a.getenv))
		},
	}
	show.Flags().StringVar(&url, "url", "", "show the effect of this --url")
	cfg.AddCommand(show)
	return cfg
}

// showConfig prints the effective settings with their sources; the key
// shows only its ending and the secret nothing at all.
func showConfig(w io.Writer, tr *locale.Translator, lang locale.Choice, path string, src config.Source, f *config.File, eff config.Effective) error {
	head := [][2]string{{tr.T("config.file"), tr.T("config.file-from", "Path", path, "Source", sourceName(tr, src))}}
	profile := eff.Profile
	if names := profileNames(f); len(names) > 0 {
		profile = tr.T("config.profile-saved", "Profile", eff.Profile, "Names", strings.Join(names, ", "))
	}
	head = append(head, [2]string{tr.T("config.profile"), profile}, [2]string{tr.T("config.language"), languageLine(tr, lang)})
	labelled(w, 0, "", "  ", head)
	fmt.Fprintln(w)
	rows := [][]string{{tr.T("config.col-setting"), tr.T("config.col-value"), tr.T("config.col-from")}}
	row := func(name string, v config.Value) {
		rows = append(rows, []string{name, v.String(), sourceName(tr, v.Source)})
	}
	row(tr.T("config.store-address"), eff.StoreURL)
	row(tr.T("config.consumer-key"), eff.ConsumerKey)
	row(tr.T("config.consumer-secret"), eff.ConsumerSecret)
	if p := eff.Saved; p != nil {
		file := func(name, v string) {
			rows = append(rows, []string{name, orDash(v), sourceName(tr, config.SourceFile)})
		}
		file(tr.T("config.store-name"), p.StoreName)
		file(tr.T("config.home"), p.Home)
		file(tr.T("config.rest-root"), p.RESTRoot)
		file(tr.T("config.transport"), p.Transport)
		file(tr.T("config.permissions"), permissionsText(tr, p.Permissions))
		file("WooCommerce", p.WooCommerceVersion)
		file(tr.T("config.wcpos-plugin"), p.WCPOSVersion)
		file(tr.T("config.verified-at"), p.VerifiedAt.Format("2006-01-02 15:04:05 MST"))
	}
	if _, err := io.WriteString(w, columns(rows)); err != nil {
		return err
	}
	if eff.Saved == nil {
		_, err := fmt.Fprintf(w, "\n%s\n", tr.T("config.none-saved", "Profile", eff.Profile))
		return err
	}
	return nil
}

// sourceName says where a setting came from.
func sourceName(tr *locale.Translator, s config.Source) string {
	switch s {
	case config.SourceFlag:
		return tr.T("config.from-flag")
	case config.SourceEnvironment:
		return tr.T("config.from-environment")
	case config.SourceFile:
		return tr.T("config.from-file")
	case config.SourceDefault:
		return tr.T("config.from-default")
	}
	return tr.T("config.not-set")
}

// languageLine says which language is spoken and why: "Deutsch (de, from
// LANG=de_DE.UTF-8)".
func languageLine(tr *locale.Translator, c locale.Choice) string {
	switch {
	case c.Source == "default":
		return tr.T("config.language-default", "Name", tr.Name(), "Tag", c.Tag)
	case c.Fallback:
		return tr.T("config.language-fallback", "Name", tr.Name(), "Tag", c.Tag, "Source", c.Source, "Asked", c.Asked)
	}
	return tr.T("config.language-from", "Name", tr.Name(), "Tag", c.Tag, "Source", c.Source, "Asked", c.Asked)
}

func profileNames(f *config.File) []string {
	var names []string
	for n := range f.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func permissionsText(tr *locale.Translator, p config.Permissions) string {
	mark := func(ok bool) string {
		if ok {
			return "✓"
		}
		return "✗"
	}
	return tr.T("config.permission-marks", "Read", mark(p.Read), "Write", mark(p.Write), "Orders", mark(p.Orders), "Products", mark(p.Products))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
