package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// A value wraps under its own start, not under the labels, as support
// reads it on an 80- or 40-column terminal; the words are the README's
// (a hanging indent at the value's column).
func TestCheckOutputHangsUnderTheValue(t *testing.T) {
	rep := wrapReport("the key ending in 15d3c5a has Read permission only, which is not enough for a till")
	var b bytes.Buffer
	if err := writeHuman(&b, 40, func(string) string { return "" }, newCatalog().English(), rep, false, docKeyProblem); err != nil {
		t.Fatal(err)
	}
	want := "  What:    the key ending in 15d3c5a has\n" +
		"           Read permission only, which\n" +
		"           is not enough for a till\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("at 40 columns the What line is not hung under its value; want\n%s\ngot\n%s", want, b.String())
	}
	if !strings.Contains(b.String(), "\n✗ Not working: a key or permission\n  problem (exit 1).\n") {
		t.Errorf("the verdict does not wrap under its words:\n%s", b.String())
	}
}

// Every language, at 80 and 40 columns (and a narrow 24, where values go
// under their labels): no line is wider than the terminal, and wrapping
// only moves words between lines: nothing is lost or repeated.
func TestCheckOutputFitsTheTerminalInEveryLanguage(t *testing.T) {
	cat := newCatalog()
	rep := wrapReport("the key ending in 15d3c5a has Read permission only")
	for _, f := range wooclient.Catalogue() {
		rep.Findings = append(rep.Findings, wooclient.NewFinding(f.Cause, rep.Store.Home))
	}
	env := func(k string) string { return map[string]string{"CLICOLOR_FORCE": "1", "TERM": "xterm-256color"}[k] }
	for _, tag := range append(locale.Languages(), "en-XA") {
		tr, err := cat.Translator(tag)
		if err != nil {
			t.Fatal(err)
		}
		whole := render(t, 0, env, tr, rep)
		for _, width := range []int{80, 40, 24} {
			got := render(t, width, env, tr, rep)
			for i, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if w := ansi.WcWidth.StringWidth(l); w > width && !addressLine.MatchString(ansi.Strip(l)) {
					t.Errorf("%s at %d columns: line %d is %d cells: %q", tag, width, i+1, w, ansi.Strip(l))
				}
			}
			for _, f := range rep.Findings {
				for _, addr := range []string{tr.DocsURL(f.Code), f.AdminURL} {
					if addr != "" && !strings.Contains(ansi.Strip(got), addr+"\n") {
						t.Errorf("%s at %d columns: %s is not whole on a line of its own", tag, width, addr)
					}
				}
			}
			if squeeze(got) != squeeze(whole) {
				t.Errorf("%s at %d columns: the words changed in wrapping:\n%s", tag, width, ansi.Strip(got))
			}
		}
		// explain wraps the same way.
		var e bytes.Buffer
		if err := explain(&e, 40, tr, "API02005"); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(e.String(), "\n") {
			if w := ansi.WcWidth.StringWidth(l); w > 40 && !addressLine.MatchString(l) {
				t.Errorf("%s: explain at 40 columns has a line of %d cells: %q", tag, w, l)
			}
		}
	}
}

// A pipe or a file gets whole lines (scripts read them); a terminal gets
// its width, also through the colour writer fang and check put in front.
func TestCheckWrapsToTheTerminalsWidth(t *testing.T) {
	if w := lineWidth(&bytes.Buffer{}); w != 0 {
		t.Errorf("a buffer is %d columns wide; want 0 (no wrapping)", w)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 57}); err != nil {
		t.Fatal(err)
	}
	if w := lineWidth(tty); w != 57 {
		t.Errorf("a 57-column terminal is %d wide", w)
	}
	if w := lineWidth(colorprofile.NewWriter(tty, nil)); w != 57 {
		t.Errorf("a 57-column terminal behind colorprofile is %d wide", w)
	}
}

func wrapReport(detail string) *wooclient.Report {
	const home = "https://shop.example.com/store-with-a-long-name"
	readOnly := wooclient.NewFinding("read-only", home)
	readOnly.Detail = detail
	readOnly.Evidence = []wooclient.Evidence{{Request: "POST " + home + "/wp-json/wc/v3/wcpos-setup-probe-1 (basic)",
		Status: 401, Code: "woocommerce_rest_authentication_error"}}
	return &wooclient.Report{
		Store: wooclient.Store{URL: home, Home: home, Name: "Kaffeerösterei Müller & Söhne Filiale Hauptbahnhof"},
		Checks: []wooclient.CheckResult{
			{ID: wooclient.CheckReachable, State: wooclient.StateOK, Detail: "shop.example.com answers"},
			{ID: wooclient.CheckWrite, State: wooclient.StateFail, Detail: "the key has Read permission only"},
		},
		Findings: []wooclient.Finding{readOnly},
	}
}

func render(t *testing.T, width int, env func(string) string, tr *locale.Translator, r *wooclient.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeHuman(&b, width, env, tr, r, true, docKeyProblem); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var escapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// addressLine is a line holding only an address, which may be wider than
// the terminal: split, it could not be clicked or copied.
var addressLine = regexp.MustCompile(`^ *(https?://|\{home\}/)\S+$`)

// squeeze is the text without colour and white space: what wrapping may
// not change.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, escapes.ReplaceAllString(s, ""))
}

// The edges of the layout rules, cell for cell: a value keeps its place
// beside the label while at least 16 cells remain there; an address stays
// on the label's line when it fits exactly, goes under it indented by four
// when that fits exactly, and starts at the left edge when nothing fits.
func TestCheckWrapBoundaries(t *testing.T) {
	const label = "  Docs:   " // 10 cells
	for _, c := range []struct {
		name  string
		write func(*bytes.Buffer)
		want  string
	}{
		{"16 cells beside the label", func(b *bytes.Buffer) { hang(b, 26, label, "sixteen cells ok", nil) },
			"  Docs:   sixteen cells ok\n"},
		{"15 cells beside the label", func(b *bytes.Buffer) { hang(b, 25, label, "fifteen cells a", nil) },
			"  Docs:\n    fifteen cells a\n"},
		{"an address that fits exactly", func(b *bytes.Buffer) { whole(b, 32, label, "https://a.example/0123") },
			"  Docs:   https://a.example/0123\n"},
		{"an address under the label, exactly", func(b *bytes.Buffer) { whole(b, 26, label, "https://a.example/0123") },
			"  Docs:\n    https://a.example/0123\n"},
		{"an address one cell too long for the indent", func(b *bytes.Buffer) { whole(b, 25, label, "https://a.example/0123") },
			"  Docs:\nhttps://a.example/0123\n"},
	} {
		var b bytes.Buffer
		c.write(&b)
		if b.String() != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, b.String(), c.want)
		}
	}
}
