package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/tui/locale"
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
				return listCatalogue(a.stdout, a.tr)
			}
			return explain(a.stdout, lineWidth(a.stdout), a.tr, args[0])
		},
	}
}

// listCatalogue prints every cause with its code and severity.
func listCatalogue(w io.Writer, tr *locale.Translator) error {
	rows := [][]string{{tr.T("explain.col-code"), tr.T("explain.col-cause"), tr.T("explain.col-severity"), tr.T("explain.col-meaning")}}
	for _, e := range wooclient.Catalogue() {
		code := e.Code
		if code == "" {
			code = "—"
		}
		rows = append(rows, []string{code, string(e.Cause), tr.Severity(e.Severity), tr.Title(e.Cause)})
	}
	if _, err := io.WriteString(w, columns(rows)); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\n"+tr.T("explain.more"))
	return err
}

// columns lays rows out in columns two spaces apart, measured in terminal
// cells (tabwriter counts runes, which misaligns CJK text).
func columns(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.WcWidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(padCells(c, widths[i]) + "  ")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// explain prints every entry matching a code or cause, wrapped to width
// cells (0: one line per item).
func explain(w io.Writer, width int, tr *locale.Translator, q string) error {
	entries := wooclient.Lookup(q)
	if len(entries) == 0 {
		if near := suggest(q); near != "" {
			return usageError(errors.New(tr.T("explain.unknown-near", "Query", strings.TrimSpace(q), "Near", near)))
		}
		return usageError(errors.New(tr.T("explain.unknown", "Query", strings.TrimSpace(q))))
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(w)
		}
		label := string(e.Cause)
		if e.Code != "" {
			label = e.Code + " " + label
		}
		hang(w, width, "", fmt.Sprintf("%s — %s (%s)", label, tr.Title(e.Cause), tr.Severity(e.Severity)), nil)
		fmt.Fprintln(w)
		rows := [][2]string{{tr.T("explain.cashier"), tr.Message(e.Cause)}, {tr.T("explain.admin"), tr.Fix(e.Cause)}}
		if e.Page != wooclient.PageNone {
			rows = append(rows, [2]string{tr.T("explain.admin-page"), "{home}/" + string(e.Page)})
		}
		if d := tr.DocsURL(e.Code); d != "" {
			rows = append(rows, [2]string{tr.T("explain.docs"), d})
		}
		labelled(w, width, "  ", " ", rows)
	}
	return nil
}

// suggest names the causes that share a word with an unknown query, or
// "" when none does.
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
	return strings.Join(near, ", ")
}
