package config

import (
	"fmt"
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
func permissionWarnings(path string) []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	var warnings []string
	if fi, err := os.Stat(path); err == nil {
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			what := "readable"
			if perm&0o044 == 0 {
				what = "writable"
			}
			warnings = append(warnings, fmt.Sprintf("%s is %s by other users (mode %04o); run chmod 600 %s",
				filepath.Base(path), what, perm, path))
		}
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err == nil {
		if perm := fi.Mode(); perm.Perm()&0o022 != 0 && perm&fs.ModeSticky == 0 {
			warnings = append(warnings, fmt.Sprintf("the directory %s is writable by other users (mode %04o), so they could replace %s; run chmod 700 %s",
				dir, perm.Perm(), filepath.Base(path), dir))
		}
	}
	return warnings
}
