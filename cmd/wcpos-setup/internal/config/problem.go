package config

import (
	"fmt"
	"time"
)

// Problem is a configuration error a person must act on, kept as its kind
// and the values its sentence needs, so the command line and the wizard
// can say it in the user's language; Error is the English for logs.
type Problem struct {
	Kind ProblemKind
	// Path is the file concerned (the configuration, its backup or its
	// lock); Dir is the directory to check; Name a profile name; Source
	// where a path came from; Wait how long a lock was waited for.
	Path, Dir, Name string
	Source          Source
	Wait            time.Duration
	Err             error
}

// ProblemKind names what went wrong.
type ProblemKind int

// The kinds of configuration problem.
const (
	ProblemUnreadable  ProblemKind = iota + 1 // permission denied reading Path
	ProblemNoConfigDir                        // the OS has no configuration directory
	ProblemNotAbsolute                        // Path (from Source) cannot be made absolute
	ProblemMakeDir                            // Dir cannot be created
	ProblemLock                               // the lock Path cannot be taken (Dir not writable)
	ProblemLockBusy                           // another process held the lock for Wait
	ProblemWriteBackup                        // the backup Path cannot be written
	ProblemWrite                              // the file Path cannot be written
	ProblemProfileName                        // Name is not a valid profile name
)

func (p *Problem) Error() string {
	switch p.Kind {
	case ProblemUnreadable:
		return fmt.Sprintf("config: cannot read %s: permission denied: run wcpos-setup as the user that owns it, "+
			"or check its owner and mode with ls -l %s: %v", p.Path, p.Path, p.Err)
	case ProblemNoConfigDir:
		return fmt.Sprintf("config: cannot find your configuration directory (%v): set %s to the file to use", p.Err, EnvConfigPath)
	case ProblemNotAbsolute:
		return fmt.Sprintf("config: cannot make %s (from the %s) an absolute path: %v", p.Path, p.Source, p.Err)
	case ProblemMakeDir:
		return fmt.Sprintf("config: cannot create the directory %s: %v: create it, or set %s to a writable path", p.Dir, p.Err, EnvConfigPath)
	case ProblemLock:
		return fmt.Sprintf("config: cannot lock %s: %v: check that you can write to %s", p.Path, p.Err, p.Dir)
	case ProblemLockBusy:
		return fmt.Sprintf("config: another wcpos-setup has been saving %s for over %v (lock %s): "+
			"wait for it to finish and try again; nothing was changed", p.Name, p.Wait, p.Path)
	case ProblemWriteBackup:
		return fmt.Sprintf("config: cannot write the backup %s: %v: check that you can write to %s; %s was not changed",
			p.Path, p.Err, p.Dir, p.Name)
	case ProblemWrite:
		return fmt.Sprintf("config: cannot write %s: %v: check that you can write to %s; the file was not changed", p.Path, p.Err, p.Dir)
	case ProblemProfileName:
		return fmt.Sprintf("config: profile name %q is not valid: use 1 to 64 letters, digits, '.', '_' or '-'", p.Name)
	}
	return fmt.Sprintf("config: %v", p.Err)
}

// Unwrap exposes the cause (an *fs.PathError, a lock error …).
func (p *Problem) Unwrap() error { return p.Err }

// Warning is something about the configuration worth fixing that does not
// stop anything: a file or directory other users can read or change.
type Warning struct {
	Kind WarningKind
	// Path is the file or directory concerned, File the configuration
	// file's name, Mode their permission bits.
	Path, File string
	Mode       uint32
	// Writable reports a file others may write but not read.
	Writable bool
}

// WarningKind names a warning.
type WarningKind int

// The warnings.
const (
	WarnFileOpen WarningKind = iota + 1 // the file is readable or writable by others
	WarnDirOpen                         // the directory is writable by others
)

// String is the warning in English.
func (w Warning) String() string {
	if w.Kind == WarnDirOpen {
		return fmt.Sprintf("the directory %s is writable by other users (mode %04o), so they could replace %s; run chmod 700 %s",
			w.Path, w.Mode, w.File, w.Path)
	}
	what := "readable"
	if w.Writable {
		what = "writable"
	}
	return fmt.Sprintf("%s is %s by other users (mode %04o); run chmod 600 %s", w.File, what, w.Mode, w.Path)
}
