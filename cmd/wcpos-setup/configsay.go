package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strconv"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// sayConfig says a configuration error in the user's language: the
// problems the config package names by kind, a corrupt file and a file
// from a newer version. The system's own words in them (a JSON parser's,
// the OS's "permission denied") are quoted as they are.
func sayConfig(tr *locale.Translator, err error) string {
	var p *config.Problem
	var corrupt *config.CorruptError
	var newer *config.VersionError
	switch {
	case errors.As(err, &p):
		return sayProblem(tr, p)
	case errors.As(err, &corrupt):
		return sayCorrupt(tr, corrupt)
	case errors.As(err, &newer):
		return tr.T("config.err-newer", "Path", newer.Path, "Version", strconv.Itoa(newer.Version),
			"Max", strconv.Itoa(config.CurrentVersion))
	}
	return err.Error()
}

func sayProblem(tr *locale.Translator, p *config.Problem) string {
	cause := ""
	if p.Err != nil {
		cause = p.Err.Error()
		var pe *fs.PathError
		if errors.As(p.Err, &pe) {
			cause = pe.Err.Error()
		}
	}
	switch p.Kind {
	case config.ProblemUnreadable:
		return tr.T("config.err-unreadable", "Path", p.Path)
	case config.ProblemNoConfigDir:
		return tr.T("config.err-no-config-dir", "Error", cause, "Env", config.EnvConfigPath)
	case config.ProblemNotAbsolute:
		return tr.T("config.err-not-absolute", "Path", p.Path, "Error", cause)
	case config.ProblemMakeDir:
		return tr.T("config.err-make-dir", "Dir", p.Dir, "Error", cause, "Env", config.EnvConfigPath)
	case config.ProblemLock:
		return tr.T("config.err-lock", "Path", p.Path, "Error", cause, "Dir", p.Dir)
	case config.ProblemLockBusy:
		return tr.T("config.err-lock-busy", "Path", p.Name, "Wait", p.Wait.String(), "Lock", p.Path)
	case config.ProblemWriteBackup:
		return tr.T("config.err-write-backup", "Path", p.Path, "Error", cause, "Dir", p.Dir, "File", p.Name)
	case config.ProblemWrite:
		return tr.T("config.err-write", "Path", p.Path, "Error", cause, "Dir", p.Dir)
	case config.ProblemProfileName:
		return tr.T("config.err-profile-name", "Name", p.Name)
	}
	return p.Error()
}

// sayCorrupt says what is wrong with a file that cannot be used.
func sayCorrupt(tr *locale.Translator, e *config.CorruptError) string {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var pathErr *fs.PathError
	switch {
	case errors.As(e.Err, &syntaxErr) && e.Line > 0:
		return tr.T("config.err-not-json-line", "Path", e.Path, "Line", e.Line, "Error", e.Err.Error())
	case errors.As(e.Err, &syntaxErr):
		return tr.T("config.err-not-json", "Path", e.Path, "Error", e.Err.Error())
	case errors.As(e.Err, &typeErr) && e.Line > 0:
		return tr.T("config.err-wrong-type-line", "Path", e.Path, "Line", e.Line, "Error", e.Err.Error())
	case errors.As(e.Err, &typeErr):
		return tr.T("config.err-wrong-type", "Path", e.Path, "Error", e.Err.Error())
	case errors.As(e.Err, &pathErr):
		return tr.T("config.err-unreadable-file", "Path", e.Path, "Error", pathErr.Err.Error())
	case errors.Is(e.Err, config.ErrNoVersion):
		return tr.T("config.err-no-version", "Path", e.Path)
	case errors.Is(e.Err, config.ErrBadVersion):
		return tr.T("config.err-bad-version", "Path", e.Path)
	}
	return tr.T("config.err-not-ours", "Path", e.Path, "Error", e.Err.Error())
}

// sayWarning says a warning about the file's permissions.
func sayWarning(tr *locale.Translator, w config.Warning) string {
	mode := "0" + strconv.FormatUint(uint64(w.Mode), 8)
	switch {
	case w.Kind == config.WarnDirOpen:
		return tr.T("config.warn-dir-open", "Dir", w.Path, "Mode", mode, "File", w.File)
	case w.Writable:
		return tr.T("config.warn-file-writable", "File", w.File, "Mode", mode, "Path", w.Path)
	}
	return tr.T("config.warn-file-readable", "File", w.File, "Mode", mode, "Path", w.Path)
}

// configError is a configuration error that the wizard says in its own
// language, even after the cashier switched language (tui.Sayer).
type configError struct{ err error }

func (e configError) Error() string                    { return e.err.Error() }
func (e configError) Unwrap() error                    { return e.err }
func (e configError) Say(tr *locale.Translator) string { return sayConfig(tr, e.err) }

// configWords are the configuration's errors and warnings.
var configWords = []locale.Source{
	{ID: "config.err-newer", Other: "config: {{.Path}} was written by a newer wcpos-setup (format version {{.Version}}; this build understands up to {{.Max}}): upgrade wcpos-setup, or set WCPOS_SETUP_CONFIG to use another file; it was not overwritten"},
	{ID: "config.err-unreadable", Other: "config: cannot read {{.Path}}: permission denied: run wcpos-setup as the user that owns it, or check its owner and mode with ls -l {{.Path}}"},
	{ID: "config.err-no-config-dir", Other: "config: cannot find your configuration directory ({{.Error}}): set {{.Env}} to the file to use"},
	{ID: "config.err-not-absolute", Other: "config: cannot make {{.Path}} an absolute path: {{.Error}}"},
	{ID: "config.err-make-dir", Other: "config: cannot create the directory {{.Dir}}: {{.Error}}: create it, or set {{.Env}} to a writable path"},
	{ID: "config.err-lock", Other: "config: cannot lock {{.Path}}: {{.Error}}: check that you can write to {{.Dir}}"},
	{ID: "config.err-lock-busy", Other: "config: another wcpos-setup has been saving {{.Path}} for over {{.Wait}} (lock {{.Lock}}): wait for it to finish and try again; nothing was changed"},
	{ID: "config.err-write-backup", Other: "config: cannot write the backup {{.Path}}: {{.Error}}: check that you can write to {{.Dir}}; {{.File}} was not changed"},
	{ID: "config.err-write", Other: "config: cannot write {{.Path}}: {{.Error}}: check that you can write to {{.Dir}}; the file was not changed"},
	{ID: "config.err-profile-name", Other: "config: profile name \"{{.Name}}\" is not valid: use 1 to 64 letters, digits, '.', '_' or '-'"},
	{ID: "config.err-not-json", Other: "config: {{.Path}} is not valid JSON: {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.err-not-json-line", Other: "config: {{.Path}} is not valid JSON (line {{.Line}}): {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.err-wrong-type", Other: "config: {{.Path}} has a value of the wrong type: {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.err-wrong-type-line", Other: "config: {{.Path}} has a value of the wrong type (line {{.Line}}): {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.err-unreadable-file", Other: "config: {{.Path}} cannot be read: {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.err-no-version", Other: "config: {{.Path}} is not a wcpos-setup configuration: it has no \"version\" field: fix or move it aside; it was not overwritten"},
	{ID: "config.err-bad-version", Other: "config: {{.Path}} is not a wcpos-setup configuration: its \"version\" is not a positive number: fix or move it aside; it was not overwritten"},
	{ID: "config.err-not-ours", Other: "config: {{.Path}} is not a wcpos-setup configuration: {{.Error}}: fix or move it aside; it was not overwritten"},
	{ID: "config.warn-file-readable", Other: "{{.File}} is readable by other users (mode {{.Mode}}); run chmod 600 {{.Path}}"},
	{ID: "config.warn-file-writable", Other: "{{.File}} is writable by other users (mode {{.Mode}}); run chmod 600 {{.Path}}"},
	{ID: "config.warn-dir-open", Other: "the directory {{.Dir}} is writable by other users (mode {{.Mode}}), so they could replace {{.File}}; run chmod 700 {{.Dir}}"},
	{ID: "config.warning", Other: "warning: {{.Warning}}"},
}
