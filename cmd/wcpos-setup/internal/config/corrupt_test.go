package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// assertUntouched fails if the file's bytes changed or a backup appeared:
// nothing may be written over a file the tool cannot read.
func assertUntouched(t *testing.T, s *Store, want []byte) {
	t.Helper()
	if got := mustRead(t, s.Path); !bytes.Equal(got, want) {
		t.Errorf("file changed:\n%q\nwant\n%q", got, want)
	}
	if _, err := os.Stat(s.backupPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a backup was written (stat err %v)", err)
	}
}

func TestCorruptFileIsRefusedAndNeverOverwritten(t *testing.T) {
	valid := string(fileBytes(t, map[string]Profile{"a": testProfile("a")}))
	tests := []struct {
		name, content, wantMsg string
	}{
		{"syntax error", "{\n  \"version\": 1,\n  \"profiles\": {,}\n}\n", "is not valid JSON (line 3)"},
		{"empty", "", "is not valid JSON"},
		{"truncated", valid[:len(valid)/2], "is not valid JSON"},
		{"trailing garbage", valid + "}", "is not valid JSON"},
		{"no version", `{"profiles": {}}`, `no "version" field`},
		{"null", "null", `no "version" field`},
		{"version zero", `{"version": 0, "profiles": {}}`, `"version" is not a positive number`},
		{"version as string", "{\n\"version\": \"1\"}", "value of the wrong type (line 2)"},
		{"array", "[]", "value of the wrong type (line 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			if err := os.WriteFile(s.Path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, _, err := s.Load()
			var ce *CorruptError
			if !errors.As(err, &ce) || ce.Path != s.Path {
				t.Fatalf("Load = %v, want *CorruptError for %s", err, s.Path)
			}
			msg := err.Error()
			for _, want := range []string{s.Path, tt.wantMsg, "fix or move it aside; it was not overwritten"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if _, err := s.Save("b", testProfile("b")); !errors.As(err, &ce) {
				t.Errorf("Save over a corrupt file = %v, want *CorruptError", err)
			}
			if err := s.Delete("a"); !errors.As(err, &ce) {
				t.Errorf("Delete in a corrupt file = %v, want *CorruptError", err)
			}
			if _, err := s.Names(); !errors.As(err, &ce) {
				t.Errorf("Names of a corrupt file = %v, want *CorruptError", err)
			}
			assertUntouched(t, s, []byte(tt.content))
		})
	}
}

func TestNewerVersionIsRefusedAndNeverOverwritten(t *testing.T) {
	s := newTestStore(t)
	content := []byte(`{"version": 2, "profiles": {"a": {"store_url": "https://a.example.com"}}, "new_thing": true}`)
	if err := os.WriteFile(s.Path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Load()
	var ve *VersionError
	if !errors.As(err, &ve) || ve.Version != 2 || ve.Path != s.Path {
		t.Fatalf("Load = %v, want *VersionError{Version: 2}", err)
	}
	for _, want := range []string{s.Path, "newer wcpos-setup", "format version 2", "up to 1", "upgrade", "not overwritten"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if _, err := s.Save("b", testProfile("b")); !errors.As(err, &ve) {
		t.Errorf("Save over a newer file = %v, want *VersionError", err)
	}
	if err := s.Delete("a"); !errors.As(err, &ve) {
		t.Errorf("Delete in a newer file = %v, want *VersionError", err)
	}
	assertUntouched(t, s, content)
}

func TestUnknownFieldsAreTolerated(t *testing.T) {
	s := newTestStore(t)
	content := `{"version": 1, "note": "set up by Sam", "profiles": {"a": {"home": "https://a.example.com", "extra": 1}}}`
	if err := os.WriteFile(s.Path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	p, ok, err := s.Profile("a")
	if err != nil || !ok || p.Home != "https://a.example.com" {
		t.Errorf("Profile = %+v, %v, %v; want the profile despite unknown fields", p, ok, err)
	}
}

func TestUnreadablePathIsCorrupt(t *testing.T) {
	s := newTestStore(t)
	if err := os.Mkdir(s.Path, 0o700); err != nil { // a directory where the file should be
		t.Fatal(err)
	}
	_, _, err := s.Load()
	var ce *CorruptError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "cannot be read") {
		t.Errorf("Load of a directory = %v, want *CorruptError saying it cannot be read", err)
	}
	if _, err := s.Save("a", testProfile("a")); !errors.As(err, &ce) {
		t.Errorf("Save = %v, want *CorruptError", err)
	}
}
