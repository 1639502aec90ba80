package main

import (
	"context"
	"errors"
	"strconv"
)

// Exit codes, documented in the README; scripts rely on them.
const (
	exitOK          = 0   // the connection works
	exitKey         = 1   // a key or permission problem
	exitStore       = 2   // a store or network problem
	exitUsage       = 3   // usage or configuration error
	exitInterrupted = 130 // interrupted (Ctrl+C)
)

// exitError carries an exit code up to main, the only place that decides
// how the process ends. quiet errors have already been reported in the
// command's own output.
type exitError struct {
	code  int
	err   error
	quiet bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return "exit status " + strconv.Itoa(e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks a usage or configuration problem (exit 3).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// quietExit ends with code after the command printed its own verdict.
func quietExit(code int) error {
	if code == exitOK {
		return nil
	}
	return &exitError{code: code, quiet: true}
}

// exitCode maps any error returned by a command to the process exit code.
func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	// Cobra's own errors (unknown flag, bad arguments) are usage errors.
	return exitUsage
}
