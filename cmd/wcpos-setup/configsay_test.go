package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
)

// TestConfigProblemsAreSaid checks that every kind of configuration
// problem, a corrupt file and a newer one are said from the catalogue (in
// English, word for word what the config package's English says, so logs
// and screens agree), never by falling back to the raw error.
func TestConfigProblemsAreSaid(t *testing.T) {
	en := newCatalog().English()
	denied := &fs.PathError{Op: "open", Path: "/x/config.json.tmp", Err: fs.ErrPermission}
	var v struct{ Version int }
	syntaxErr := json.Unmarshal([]byte("{\n\"version\": 1,\n}"), &v)
	typeErr := json.Unmarshal([]byte(`{"version": "one"}`), &v)
	for _, err := range []error{
		&config.Problem{Kind: config.ProblemNoConfigDir, Err: errors.New("$HOME is not defined")},
		&config.Problem{Kind: config.ProblemMakeDir, Dir: "/x", Err: denied},
		&config.Problem{Kind: config.ProblemLock, Path: "/x/config.json.lock", Dir: "/x", Err: denied},
		&config.Problem{Kind: config.ProblemLockBusy, Name: "/x/config.json", Path: "/x/config.json.lock", Wait: 5 * time.Second},
		&config.Problem{Kind: config.ProblemWriteBackup, Path: "/x/config.json.bak", Dir: "/x", Name: "/x/config.json", Err: denied},
		&config.Problem{Kind: config.ProblemWrite, Path: "/x/config.json", Dir: "/x", Err: denied},
		&config.Problem{Kind: config.ProblemProfileName, Name: "bad name"},
		&config.VersionError{Path: "/x/config.json", Version: 9},
		&config.CorruptError{Path: "/x/config.json", Err: config.ErrNoVersion},
		&config.CorruptError{Path: "/x/config.json", Err: config.ErrBadVersion},
		&config.CorruptError{Path: "/x/config.json", Err: syntaxErr, Line: 3},
		&config.CorruptError{Path: "/x/config.json", Err: syntaxErr}, // the line unknown
		&config.CorruptError{Path: "/x/config.json", Err: typeErr, Line: 2},
		&config.CorruptError{Path: "/x/config.json", Err: typeErr},
	} {
		got := sayConfig(en, err)
		if strings.Contains(got, "⟦") || strings.Contains(got, "<no value>") {
			t.Errorf("%T %+v said as %q", err, err, got)
		}
		if want := strings.ReplaceAll(err.Error(), ": "+denied.Error(), ": "+denied.Err.Error()); got != want {
			t.Errorf("said %q\n    English error %q", got, want)
		}
	}
}

// TestCorruptConfigInGerman runs config show on a file that is not JSON
// with --lang de: the error is German, names the file, and keeps the exit
// code of a configuration error.
func TestCorruptConfigInGerman(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "", nil, "config", "show", "--config", path, "--lang", "de")
	if code != 3 {
		t.Errorf("exit %d; want 3 (a configuration error)", code)
	}
	if !strings.Contains(stderr, path) || !strings.Contains(stderr, "JSON") || strings.Contains(stderr, "is not valid JSON") {
		t.Errorf("not a German error naming the file:\n%s", stderr)
	}
}

func TestLangFlagBeforeCobra(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--lang", "de", "--bogus"}, "de"},
		{[]string{"--lang=ja"}, "ja"},
		{[]string{"--lang"}, ""},
		{[]string{"explain", "--", "--lang", "fr"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := langFlag(tt.args); got != tt.want {
			t.Errorf("langFlag(%q) = %q; want %q", tt.args, got, tt.want)
		}
	}
}
