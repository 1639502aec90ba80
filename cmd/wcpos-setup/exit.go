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
// how the process ends.
type exitError struct {
	code int
	err  error
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

// verdict records the exit code of a command that printed its own verdict
// (a failed check, a wizard left unsaved). It is not an error: returning
// one would send it through fang's error styling, which asks the terminal
// for its colours and waits seconds when nobody answers.
func (a *app) verdict(code int) error {
	a.exit = code
	return nil
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
