package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/wooclient"
)

func (a *app) explainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain [CODE|CAUSE]",
		Short: "Explain an error code or cause, offline",
		Long: "explain says what a WCPOS error code (API02006) or cause name (wrong-pair) means, what the\n" +
			"cashier can do, what the site admin must change, and where the WCPOS docs page is.\n" +
			"Without an argument it lists every code and cause the tool can report.",
		Example: "  wcpos-setup explain\n  wcpos-setup explain API02006\n  wcpos-setup explain read-only",
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, e := range wooclient.Catalogue() {
				names = append(names, string(e.Cause))
			}
			return append(names, wooclient.Codes()...), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return listCatalogue(a.stdout)
			}
			return explain(a.stdout, args[0])
		},
	}
}

// listCatalogue prints every cause with its code and severity.
func listCatalogue(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tCAUSE\tSEVERITY\tMEANING")
	for _, e := range wooclient.Catalogue() {
		code := e.Code
		if code == "" {
			code = "—"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", code, e.Cause, e.Severity, e.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nwcpos-setup explain CODE|CAUSE tells more about one of them.")
	return err
}

// explain prints every entry matching a code or cause.
func explain(w io.Writer, q string) error {
	entries := wooclient.Lookup(q)
	if len(entries) == 0 {
		return usageError(errors.New("no code or cause called " + strings.TrimSpace(q) + suggest(q) +
			"; `wcpos-setup explain` lists them all"))
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(w)
		}
		label := string(e.Cause)
		if e.Code != "" {
			label = e.Code + " " + label
		}
		fmt.Fprintf(w, "%s — %s (%s)\n\n", label, e.Title, e.Severity)
		fmt.Fprintf(w, "  For the cashier: %s\n  For the admin:   %s\n", e.Message, e.Fix)
		if e.Page != wooclient.PageNone {
			fmt.Fprintf(w, "  Admin page:      {home}/%s\n", e.Page)
		}
		if d := e.DocsURL(); d != "" {
			fmt.Fprintf(w, "  Docs:            %s\n", d)
		}
	}
	return nil
}

// suggest names the causes that share a word with an unknown query.
func suggest(q string) string {
	q = strings.ToLower(strings.TrimSpace(q))
	var near []string
	for _, e := range wooclient.Catalogue() {
		for _, part := range strings.Split(string(e.Cause), "-") {
			if len(part) > 2 && strings.Contains(q, part) {
				near = append(near, string(e.Cause))
				break
			}
		}
	}
	if len(near) == 0 {
		return ""
	}
	sort.Strings(near)
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}
