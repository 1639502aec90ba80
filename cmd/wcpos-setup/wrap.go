package main

import (
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/wcpos/wcpos-setup/tui"
)

// minBeside is the fewest cells a wrapped text may have beside its label;
// with less room (long German labels at 40 columns) it goes under the label.
const minBeside = 16

// lineWidth is the width to wrap plain output to: the terminal's columns
// when out is a terminal, 0 (never wrap) when it is a pipe or a file, where
// a script or a log reader wants each line whole.
func lineWidth(out io.Writer) int {
	if cw, ok := out.(*colorprofile.Writer); ok {
		out = cw.Forward
	}
	f, ok := out.(term.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	cols, _, err := term.GetSize(f.Fd())
	if err != nil || cols <= 0 {
		return 0
	}
	return cols
}

// hang writes first, then text wrapped to width cells with its following
// lines under its start, each line through render (a colour). A terminal
// would wrap a long line at its last column and start the rest at the left
// edge, under the labels; this keeps the column support reads down. Width
// 0 writes one line.
func hang(w io.Writer, width int, first, text string, render func(...string) string) {
	if render == nil {
		render = func(s ...string) string { return strings.Join(s, "") }
	}
	if width <= 0 || text == "" {
		io.WriteString(w, first+render(text)+"\n")
		return
	}
	indent := ansi.WcWidth.StringWidth(first)
	if width-indent < minBeside {
		for _, l := range tui.Wrap(strings.TrimRight(first, " "), width, ansi.WcWidth) {
			io.WriteString(w, l+"\n")
		}
		first, indent = "    ", 4
	}
	for i, l := range tui.Wrap(text, max(width-indent, 1), ansi.WcWidth) {
		if i > 0 {
			first = strings.Repeat(" ", indent)
		}
		io.WriteString(w, first+render(l)+"\n")
	}
}

// whole writes an address after first when both fit, else under first, on
// a line of its own: an address split over lines can no longer be clicked
// or copied, so one too long for any line is left whole for the terminal
// to fold.
func whole(w io.Writer, width int, first, addr string) {
	if width <= 0 || ansi.WcWidth.StringWidth(first+addr) <= width {
		io.WriteString(w, first+addr+"\n")
		return
	}
	io.WriteString(w, strings.TrimRight(first, " ")+"\n")
	indent := "    "
	if len(indent)+ansi.WcWidth.StringWidth(addr) > width {
		indent = ""
	}
	io.WriteString(w, indent+addr+"\n")
}

// isAddress tells a value that is one address (a docs link, an admin page)
// from words that may wrap.
func isAddress(v string) bool {
	return !strings.ContainsAny(v, " \t") && (strings.Contains(v, "://") || strings.HasPrefix(v, "{home}/"))
}
