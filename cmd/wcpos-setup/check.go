package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// checkFlags are the check command's flags.
type checkFlags struct {
	url       string
	json      bool
	keysStdin bool
}

func (a *app) checkCmd(g *globalFlags) *cobra.Command {
	f := &checkFlags{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Diagnose the connection without the wizard (for scripts and support)",
		Long: "check runs the same diagnosis as the wizard and prints one line per check, then every finding\n" +
			"with its WCPOS code, cause, fix and admin page.\n\n" +
			"Keys come from the saved profile, from WCPOS_CONSUMER_KEY and WCPOS_CONSUMER_SECRET, or from\n" +
			"standard input with --keys-stdin (one ck|cs line, or two lines); never from the command line.\n\n" +
			"Exit codes: 0 works; 1 key or permission problem; 2 store or network problem;\n" +
			"3 usage or configuration error; 130 interrupted.",
		Example: "  wcpos-setup check\n" +
			"  wcpos-setup check --url shop.example.com --json\n" +
			"  printf '%s|%s\\n' \"$CK\" \"$CS\" | wcpos-setup check --url shop.example.com --keys-stdin",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runCheck(cmd, g, f) },
	}
	cmd.Flags().StringVar(&f.url, "url", "", "store address (default: the saved profile's, or $WCPOS_STORE_URL)")
	cmd.Flags().BoolVar(&f.json, "json", false, "print one JSON object (schema in the README)")
	cmd.Flags().BoolVar(&f.keysStdin, "keys-stdin", false, "read the key and secret from standard input")
	return cmd
}

func (a *app) runCheck(cmd *cobra.Command, g *globalFlags, f *checkFlags) error {
	_, file, err := a.openConfig(g)
	if err != nil {
		return err
	}
	eff := config.Resolve(file, g.profile, f.url, a.getenv)
	if eff.StoreURL.Value == "" {
		return usageError(errors.New(a.tr.T("cli.no-address")))
	}
	creds := wooclient.Credentials{Key: eff.ConsumerKey.Value, Secret: eff.ConsumerSecret.Value}
	if f.keysStdin {
		if creds, err = readKeysUntil(cmd.Context(), a.stdin, a.tr); err != nil {
			if ctxErr := cmd.Context().Err(); ctxErr != nil {
				return ctxErr // interrupted while waiting for the keys: exit 130
			}
			return usageError(err)
		}
	}
	pool, err := a.caPool(g.cacert)
	if err != nil {
		return err
	}
	client := wooclient.New(wooclient.Options{RootCAs: pool, Deadline: g.timeout,
		RequestTimeout: min(g.timeout, 10*time.Second), UserAgent: "wcpos-setup/" + a.version.Version})
	var rep *wooclient.Report
	if saved, ok := savedConnection(g.profile, eff); ok && !creds.IsZero() {
		rep = client.CheckSaved(cmd.Context(), saved, creds, nil)
	} else {
		rep = client.Check(cmd.Context(), eff.StoreURL.Value, creds, nil)
	}
	if err := cmd.Context().Err(); err != nil {
		return err
	}
	code := reportExit(rep)
	if f.json {
		err = writeJSON(a.stdout, rep, !creds.IsZero(), code, a.version.String())
	} else {
		err = writeHuman(a.stdout, lineWidth(a.stdout), a.getenv, a.tr, rep, creds.IsZero(), code)
	}
	if err != nil {
		return err
	}
	return a.verdict(code)
}

// savedConnection is the saved profile's connection when the store comes
// from it (no --url, no $WCPOS_STORE_URL) and it kept its home and REST root:
// then check asks every question at once there, as the wizard's S0 does.
func savedConnection(profile string, eff config.Effective) (wooclient.Saved, bool) {
	if eff.StoreURL.Source != config.SourceFile || eff.Saved == nil || eff.Saved.Home == "" || eff.Saved.RESTRoot == "" {
		return wooclient.Saved{}, false
	}
	c := connectionOf(profile, *eff.Saved)
	return wooclient.Saved{Store: c.Store, Transport: c.Key.Transport}, true
}

// readKeysUntil is readKeys that gives up when ctx ends. A read from a
// terminal or a pipe cannot be cancelled, and Ctrl+C is caught (it only
// cancels ctx), so without this a cashier who pressed Ctrl+C instead of
// typing the keys would be left with a process that never exits. The
// abandoned read ends with the process.
func readKeysUntil(ctx context.Context, r io.Reader, tr *locale.Translator) (wooclient.Credentials, error) {
	type read struct {
		creds wooclient.Credentials
		err   error
	}
	done := make(chan read, 1)
	go func() {
		creds, err := readKeys(r, tr)
		done <- read{creds, err}
	}()
	select {
	case got := <-done:
		return got.creds, got.err
	case <-ctx.Done():
		return wooclient.Credentials{}, ctx.Err()
	}
}

// readKeys reads a pair from standard input: one "ck|cs" line (a scanner's
// text), both on one line, or two lines.
func readKeys(r io.Reader, tr *locale.Translator) (wooclient.Credentials, error) {
	data, err := io.ReadAll(io.LimitReader(bufio.NewReader(r), 64<<10))
	if err != nil {
		return wooclient.Credentials{}, errors.New(tr.T("cli.stdin-failed", "Error", err.Error()))
	}
	key, secret, found := wooclient.ParsePaste(string(data))
	if !found {
		lines := strings.SplitN(strings.TrimSpace(string(data)), "\n", 2)
		if len(lines) == 2 {
			key, secret = lines[0], lines[1]
		} else {
			return wooclient.Credentials{}, errors.New(tr.T("cli.stdin-no-key"))
		}
	}
	return wooclient.Credentials{Key: key, Secret: secret}, nil
}

// reportExit is the exit code of a report: 0 works, 1 a key or permission
// problem, 2 a store or network problem (the store comes first: a key
// cannot be judged on a store that does not work).
func reportExit(r *wooclient.Report) int {
	code := exitOK
	for _, f := range r.Blockers() {
		if !f.AboutKey() {
			return exitStore
		}
		code = exitKey
	}
	return code
}
