package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// permissionWarnings reports modes that expose the secret, with the command
// that fixes each. They are warnings, not errors: refusing to run would take
// the till down over a fix the user can make in one line.
//
// For the directory only write access by others matters (they could replace
// or delete the file); being able to list it reveals nothing, since every
// file in it is 0600. A sticky directory such as /tmp stops others from
// replacing files they do not own, so it is not reported. Windows modes do
// not describe ACLs, so nothing is checked there.
func permissionWarnings(path string) []Warning {
	if runtime.GOOS == "windows" {
		return nil
	}
	var warnings []Warning
	if fi, err := os.Stat(path); err == nil {
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			warnings = append(warnings, Warning{Kind: WarnFileOpen, Path: path, File: filepath.Base(path),
				Mode: uint32(perm), Writable: perm&0o044 == 0})
		}
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err == nil {
		if perm := fi.Mode(); perm.Perm()&0o022 != 0 && perm&fs.ModeSticky == 0 {
			warnings = append(warnings, Warning{Kind: WarnDirOpen, Path: dir, File: filepath.Base(path), Mode: uint32(perm.Perm())})
		}
	}
	return warnings
}
