package main

import (
	"io"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/cli/browser"

	"github.com/wcpos/wcpos-setup/tui"
)

// errNoBrowser is Open's error when Available said no. The wizard never
// calls Open then (it says the reason itself, in the cashier's language),
// so this is for callers that skip asking.
type errNoBrowser struct{ why tui.NoBrowser }

func (e errNoBrowser) Error() string { return "no browser can be opened here" }

// init silences github.com/cli/browser: it hands its package-level
// writers to the opener it starts (xdg-open, open), whose chatter would
// otherwise land on the wizard's screen. They are process-wide, so they
// are set once, before anything can open a page.
func init() {
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
}

// openGrace is how long Open waits for the opener to fail. An opener
// still running after it (a browser named in $BROWSER that stays in the
// foreground, xdg-open running one without a desktop) is taken as
// opened, and is left to finish on its own.
const openGrace = 2 * time.Second

// systemBrowser opens URLs with $BROWSER when it is set, else with
// github.com/cli/browser (xdg-open and its fallbacks, wslview on WSL,
// open on macOS, the shell's default on Windows), and only when there is
// a display to open them on.
type systemBrowser struct{ getenv func(string) string }

func (b systemBrowser) Available() (bool, tui.NoBrowser) {
	switch {
	case b.getenv("SSH_CONNECTION") != "" || b.getenv("SSH_TTY") != "":
		return false, tui.NoBrowser{Kind: tui.NoBrowserOverSSH}
	case runtime.GOOS == "linux" && b.getenv("DISPLAY") == "" && b.getenv("WAYLAND_DISPLAY") == "":
		return false, tui.NoBrowser{Kind: tui.NoBrowserNoDisplay}
	}
	names := platformOpeners()
	if name, _ := b.browserCommand(""); name != "" {
		names = []string{name}
	}
	for _, name := range names {
		if _, err := exec.LookPath(name); err == nil {
			return true, tui.NoBrowser{}
		}
	}
	if len(names) == 0 { // Windows: the shell opens URLs itself
		return true, tui.NoBrowser{}
	}
	return false, tui.NoBrowser{Kind: tui.NoBrowserNoOpener, Programs: strings.Join(names, ", ")}
}

func (b systemBrowser) Open(url string) error {
	if ok, why := b.Available(); !ok {
		return errNoBrowser{why}
	}
	opened := make(chan error, 1)
	go func() { opened <- b.launch(url) }()
	select {
	case err := <-opened:
		return err
	case <-time.After(openGrace):
		return nil
	}
}

// launch runs $BROWSER, or cli/browser's opener, until it exits. Neither
// is given the terminal: standard input is empty and output is dropped.
func (b systemBrowser) launch(url string) error {
	name, args := b.browserCommand(url)
	if name == "" {
		return browser.OpenURL(url)
	}
	return exec.Command(name, args...).Run()
}

// browserCommand is $BROWSER as a command line: the address replaces
// each %s, or is added at the end. name is "" when $BROWSER is not set.
func (b systemBrowser) browserCommand(url string) (name string, args []string) {
	fields := strings.Fields(b.getenv("BROWSER"))
	if len(fields) == 0 {
		return "", nil
	}
	substituted := false
	for _, f := range fields[1:] {
		if strings.Contains(f, "%s") {
			f, substituted = strings.ReplaceAll(f, "%s", url), true
		}
		args = append(args, f)
	}
	if !substituted {
		args = append(args, url)
	}
	return fields[0], args
}

// platformOpeners are the programs cli/browser looks for, in its order;
// none on Windows, where it asks the shell.
func platformOpeners() []string {
	switch runtime.GOOS {
	case "windows":
		return nil
	case "darwin":
		return []string{"open"}
	case "linux":
		return []string{"xdg-open", "x-www-browser", "www-browser", "wslview"}
	}
	return []string{"xdg-open"}
}
