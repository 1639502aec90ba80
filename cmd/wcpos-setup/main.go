// Command wcpos-setup gets a point-of-sale terminal talking to a WooCommerce
// store with REST API keys, and repairs the connection when the POS reports
// "API02006: API Key Invalid". Run it without arguments for the wizard,
// with --demo to practise on the built-in store, or use check for scripts.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"syscall"
)

func main() {
	info, _ := debug.ReadBuildInfo()
	a := &app{
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		getenv:  os.Getenv,
		version: resolveVersion(stamp{version, commit, date}, info),
	}
	os.Exit(a.main(context.Background(), os.Args[1:], os.Interrupt, syscall.SIGTERM))
}
