// Command wcpos-setup gets a point-of-sale terminal talking to a WooCommerce
// store with REST API keys, and repairs the connection when the POS reports
// "API02006: API Key Invalid". Run it without arguments for the wizard,
// with --demo to practise on the built-in store, or use check for scripts.
package main

import (
	"context"
	"os"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	a := &app{
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		getenv:  os.Getenv,
		version: version,
	}
	os.Exit(a.main(context.Background(), os.Args[1:], os.Interrupt, syscall.SIGTERM))
}
