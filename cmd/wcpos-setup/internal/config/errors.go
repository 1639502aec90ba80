package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
)

// ErrProfileNotFound is returned (wrapped) by Delete when the profile does
// not exist, so a caller can choose to treat that as already done.
var ErrProfileNotFound = errors.New("profile not found")

// CorruptError reports a configuration file that exists but cannot be used:
// not JSON, the wrong shape, no version, or unreadable. Save and Delete
// return it instead of writing, so the file stays as it was for the user to
// fix or move aside: it may still be the till's only copy of its key.
type CorruptError struct {
	Path string
	Line int // 1-based line of a JSON error; 0 when unknown
	Err  error
}

// Error names the file, says what is wrong with it, and what to do.
func (e *CorruptError) Error() string {
	const fix = ": fix or move it aside; it was not overwritten"
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var pathErr *fs.PathError
	switch {
	case errors.As(e.Err, &syntaxErr):
		return fmt.Sprintf("config: %s is not valid JSON%s: %v%s", e.Path, e.line(), e.Err, fix)
	case errors.As(e.Err, &typeErr):
		return fmt.Sprintf("config: %s has a value of the wrong type%s: %v%s", e.Path, e.line(), e.Err, fix)
	case errors.As(e.Err, &pathErr):
		return fmt.Sprintf("config: %s cannot be read: %v%s", e.Path, pathErr.Err, fix)
	default:
		return fmt.Sprintf("config: %s is not a wcpos-setup configuration: %v%s", e.Path, e.Err, fix)
	}
}

func (e *CorruptError) line() string {
	if e.Line <= 0 {
		return ""
	}
	return fmt.Sprintf(" (line %d)", e.Line)
}

// Unwrap exposes the cause (a *json.SyntaxError, an *fs.PathError, …).
func (e *CorruptError) Unwrap() error { return e.Err }

// VersionError reports a file written by a newer wcpos-setup. It is refused
// rather than read, because this build would drop what it does not know and
// then overwrite the newer file with less.
type VersionError struct {
	Path    string
	Version int // the version found in the file
}

// Error names the file, both versions, and what to do.
func (e *VersionError) Error() string {
	return fmt.Sprintf("config: %s was written by a newer wcpos-setup (format version %d; this build understands up to %d): "+
		"upgrade wcpos-setup, or set WCPOS_SETUP_CONFIG to use another file; it was not overwritten",
		e.Path, e.Version, CurrentVersion)
}

// readError turns a failure to read the file into the error the caller
// shows: permission problems say whose file it is to fix; anything else
// means the file is unusable, which is a CorruptError so Save will not
// write over it.
func readError(path string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return &Problem{Kind: ProblemUnreadable, Path: path, Err: err}
	}
	return &CorruptError{Path: path, Err: err}
}
