package config

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeEnv is a getenv over a fixed map, so tests never read the real
// environment.
func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestResolvePathPrecedence(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the default path is checked through XDG_CONFIG_HOME")
	}
	xdg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	def := filepath.Join(xdg, "wcpos-setup", "config.json")
	if got, err := DefaultPath(); err != nil || got != def {
		t.Fatalf("DefaultPath = %q, %v; want %q", got, err, def)
	}
	rel, _ := filepath.Abs("rel.json")
	tests := []struct {
		name, flag, env string
		wantPath        string
		wantSrc         Source
	}{
		{"flag beats env", "/f/config.json", "/e/config.json", "/f/config.json", SourceFlag},
		{"env", "", "/e/config.json", "/e/config.json", SourceEnvironment},
		{"default", "", "", def, SourceDefault},
		{"relative made absolute", "rel.json", "", rel, SourceFlag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, src, err := ResolvePath(tt.flag, fakeEnv(map[string]string{EnvConfigPath: tt.env}))
			if err != nil || path != tt.wantPath || src != tt.wantSrc {
				t.Errorf("ResolvePath = %q, %q, %v; want %q, %q", path, src, err, tt.wantPath, tt.wantSrc)
			}
		})
	}
}

func TestDefaultPathErrorSaysWhatToSet(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("os.UserConfigDir fails this way only on Linux")
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "")
	_, _, err := ResolvePath("", fakeEnv(nil))
	if err == nil || !strings.Contains(err.Error(), "set WCPOS_SETUP_CONFIG") {
		t.Errorf("ResolvePath without a home = %v, want advice to set WCPOS_SETUP_CONFIG", err)
	}
}

func TestResolvePrecedenceAndSources(t *testing.T) {
	saved := testProfile("saved")
	file := &File{Version: 1, Profiles: map[string]Profile{DefaultProfile: saved, "till-2": testProfile("till-2")}}
	env := map[string]string{
		EnvStoreURL:       "https://env.example.com",
		EnvConsumerKey:    "ck_env",
		EnvConsumerSecret: "cs_env",
	}
	type setting struct {
		value  string
		source Source
	}
	fromFile := func(p Profile) [3]setting {
		return [3]setting{{p.StoreURL, SourceFile}, {p.ConsumerKey, SourceFile}, {p.ConsumerSecret, SourceFile}}
	}
	tests := []struct {
		name    string
		file    *File
		profile string
		flagURL string
		env     map[string]string
		want    [3]setting // store URL, key, secret
		saved   bool
	}{
		{"file only", file, "", "", nil, fromFile(saved), true},
		{"named profile", file, "till-2", "", nil, fromFile(testProfile("till-2")), true},
		{"env beats file", file, "", "", env, [3]setting{
			{"https://env.example.com", SourceEnvironment}, {"ck_env", SourceEnvironment}, {"cs_env", SourceEnvironment}}, true},
		{"flag beats env for URL", file, "", "https://flag.example.com", env, [3]setting{
			{"https://flag.example.com", SourceFlag}, {"ck_env", SourceEnvironment}, {"cs_env", SourceEnvironment}}, true},
		{"secret alone from env", file, "", "", map[string]string{EnvConsumerSecret: "cs_env"}, [3]setting{
			{saved.StoreURL, SourceFile}, {saved.ConsumerKey, SourceFile}, {"cs_env", SourceEnvironment}}, true},
		{"nothing anywhere", nil, "", "", nil, [3]setting{}, false},
		{"missing profile", file, "nope", "https://flag.example.com", nil, [3]setting{{"https://flag.example.com", SourceFlag}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Resolve(tt.file, tt.profile, tt.flagURL, fakeEnv(tt.env))
			got := [3]Value{e.StoreURL, e.ConsumerKey, e.ConsumerSecret}
			for i, field := range []string{"StoreURL", "ConsumerKey", "ConsumerSecret"} {
				if got[i].Value != tt.want[i].value || got[i].Source != tt.want[i].source {
					t.Errorf("%s = {%q %q}, want {%q %q}", field, got[i].Value, got[i].Source, tt.want[i].value, tt.want[i].source)
				}
			}
			if (e.Saved != nil) != tt.saved {
				t.Errorf("Saved = %v, want present=%v", e.Saved, tt.saved)
			}
			wantName := tt.profile
			if wantName == "" {
				wantName = DefaultProfile
			}
			if e.Profile != wantName {
				t.Errorf("Profile = %q, want %q", e.Profile, wantName)
			}
		})
	}
}
