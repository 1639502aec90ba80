package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/tui"
)

// fakeOpener writes an executable shell script named name into dir that
// records its arguments in a file, prints noise on both outputs, and exits
// with code. It returns the script's path and the record's.
func fakeOpener(t *testing.T, dir, name string, code int) (string, string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("fake openers are shell scripts")
	}
	record := filepath.Join(dir, name+".args")
	script := filepath.Join(dir, name)
	body := "#!/bin/sh\necho NOISE-FROM-" + name + "\necho NOISE-FROM-" + name + " >&2\n" +
		`printf '%s\n' "$*" > '` + record + "'\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, record
}

// recorded waits for the fake opener's record of its arguments.
func recorded(t *testing.T, record string) string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(record); err == nil && strings.HasSuffix(string(b), "\n") {
			return strings.TrimSuffix(string(b), "\n")
		}
	}
	t.Fatalf("the opener was not run (no %s)", record)
	return ""
}

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestBrowserAvailable(t *testing.T) {
	dir := t.TempDir()
	script, _ := fakeOpener(t, dir, "mybrowser", 0)
	t.Setenv("PATH", dir) // holds no xdg-open, open or wslview
	none := tui.NoBrowser{Kind: tui.NoBrowserNoOpener, Programs: "xdg-open, x-www-browser, www-browser, wslview"}
	if runtime.GOOS == "darwin" {
		none.Programs = "open"
	}
	ssh := tui.NoBrowser{Kind: tui.NoBrowserOverSSH}
	for _, c := range []struct {
		name string
		env  map[string]string
		ok   bool
		why  tui.NoBrowser
	}{
		{"SSH", map[string]string{"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22", "DISPLAY": ":0", "BROWSER": script},
			false, ssh},
		{"SSH terminal", map[string]string{"SSH_TTY": "/dev/pts/3", "DISPLAY": ":0"}, false, ssh},
		{"$BROWSER found", map[string]string{"DISPLAY": ":0", "BROWSER": script}, true, tui.NoBrowser{}},
		{"$BROWSER by name on PATH, with arguments", map[string]string{"WAYLAND_DISPLAY": "wayland-0", "BROWSER": "mybrowser --new-window %s"}, true, tui.NoBrowser{}},
		{"$BROWSER missing", map[string]string{"DISPLAY": ":0", "BROWSER": "/nowhere/firefox"},
			false, tui.NoBrowser{Kind: tui.NoBrowserNoOpener, Programs: "/nowhere/firefox"}},
		{"no opener installed", map[string]string{"DISPLAY": ":0"}, runtime.GOOS == "windows", none},
	} {
		t.Run(c.name, func(t *testing.T) {
			ok, why := systemBrowser{getenv: envOf(c.env)}.Available()
			if c.ok {
				c.why = tui.NoBrowser{}
			}
			if ok != c.ok || why != c.why {
				t.Errorf("Available() = %v, %+v; want %v, %+v", ok, why, c.ok, c.why)
			}
		})
	}
	if runtime.GOOS == "linux" {
		ok, why := systemBrowser{getenv: envOf(map[string]string{"BROWSER": script})}.Available()
		if ok || why.Kind != tui.NoBrowserNoDisplay {
			t.Errorf("no DISPLAY nor WAYLAND_DISPLAY on Linux: Available() = %v, %+v", ok, why)
		}
	}
}

// TestBrowserHonoursBROWSER opens a page with $BROWSER, given as a path
// and as a command line with %s.
func TestBrowserHonoursBROWSER(t *testing.T) {
	const url = "https://shop.example.com/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys&create-key=1"
	dir := t.TempDir()
	script, record := fakeOpener(t, dir, "mybrowser", 0)
	for _, c := range []struct{ browser, want string }{
		{script, url},
		{script + " --new-window %s --private", "--new-window " + url + " --private"},
	} {
		_ = os.Remove(record)
		b := systemBrowser{getenv: envOf(map[string]string{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "BROWSER": c.browser})}
		if err := b.Open(url); err != nil {
			t.Fatalf("BROWSER=%q: %v", c.browser, err)
		}
		if got := recorded(t, record); got != c.want {
			t.Errorf("BROWSER=%q was run with %q, want %q", c.browser, got, c.want)
		}
	}
}

// TestBrowserReportsAFailedOpener: an opener that fails at once is an
// error for the wizard to show, not "opened".
func TestBrowserReportsAFailedOpener(t *testing.T) {
	script, record := fakeOpener(t, t.TempDir(), "broken", 3)
	b := systemBrowser{getenv: envOf(map[string]string{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "BROWSER": script})}
	if err := b.Open("https://shop.example.com/wp-admin/"); err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("Open with a failing $BROWSER = %v, want its exit status", err)
	}
	recorded(t, record)
}

// TestWizardOpensTheBrowserSilently presses o on S3 in the real wizard, in
// a pseudo-terminal, once through cli/browser's xdg-open and once through
// $BROWSER, both noisy fakes: the page opens, and nothing they print
// reaches the screen.
func TestWizardOpensTheBrowserSilently(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the fake xdg-open stands in for the Linux opener")
	}
	for _, via := range []string{"xdg-open", "BROWSER"} {
		t.Run(via, func(t *testing.T) {
			dir := t.TempDir()
			script, record := fakeOpener(t, dir, via, 0)
			env := []string{"DISPLAY=:0", "PATH=" + dir + ":/usr/bin:/bin"}
			if via == "BROWSER" {
				env = append(env, "BROWSER="+script)
			}
			w := startWizardWith(t, ptyOptions{env: env}, "--demo", "--config", tempConfig(t))
			w.toLocate()
			w.send("2")
			w.expect("S3 Generate key", "o open")
			w.send("o")
			w.expect("Opened in the browser.")
			if got := recorded(t, record); !strings.Contains(got, "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys&create-key=1") {
				t.Errorf("the opener was given %q, not the Add key page", got)
			}
			w.settle(200 * time.Millisecond)
			if out := w.output(); strings.Contains(out, "NOISE-FROM") {
				t.Errorf("the opener's output reached the terminal:\n%s", lastLines(out, 20))
			}
		})
	}
}
