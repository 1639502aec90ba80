package config

import (
	"os"
	"path/filepath"
)

// Environment variables the tool reads. The key and secret have no flags on
// purpose: a flag would put them in the shell history and the process list.
const (
	EnvConfigPath     = "WCPOS_SETUP_CONFIG"
	EnvStoreURL       = "WCPOS_STORE_URL"
	EnvConsumerKey    = "WCPOS_CONSUMER_KEY"
	EnvConsumerSecret = "WCPOS_CONSUMER_SECRET"
)

// Source says where a setting came from, so `config show` and `check` can
// tell the user which one to change.
type Source string

// Sources, from strongest to weakest. The zero Source means unset.
const (
	SourceFlag        Source = "flag"
	SourceEnvironment Source = "environment"
	SourceFile        Source = "file"
	SourceDefault     Source = "default"
)

// DefaultPath is os.UserConfigDir()/wcpos-setup/config.json, the place each
// OS expects per-user settings.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", &Problem{Kind: ProblemNoConfigDir, Err: err}
	}
	return filepath.Join(dir, "wcpos-setup", "config.json"), nil
}

// ResolvePath picks the configuration file: the flag if given, else
// $WCPOS_SETUP_CONFIG, else DefaultPath; and says which, for `config show`.
// The path is made absolute so every message names the real file.
// A nil getenv means os.Getenv.
func ResolvePath(flagValue string, getenv func(string) string) (string, Source, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	path, src := flagValue, SourceFlag
	if path == "" {
		path, src = getenv(EnvConfigPath), SourceEnvironment
	}
	if path == "" {
		p, err := DefaultPath()
		if err != nil {
			return "", "", err
		}
		path, src = p, SourceDefault
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", &Problem{Kind: ProblemNotAbsolute, Path: path, Source: src, Err: err}
	}
	return abs, src, nil
}

// Value is one effective setting and where it came from. Its Value field is
// the real thing, for use; printing a Value with fmt or encoding/json masks
// a key or secret (see mask.go).
type Value struct {
	Value  string `json:"value"`
	Source Source `json:"source,omitempty"` // "" when unset

	kind valueKind // set by Resolve on the key and secret
}

// Effective is the configuration a run will use, merged from flags, the
// environment and the file, with the provenance of each setting. Printing
// it with fmt or encoding/json masks the key and secret.
type Effective struct {
	Profile        string   `json:"profile"`
	StoreURL       Value    `json:"store_url"`
	ConsumerKey    Value    `json:"consumer_key"`
	ConsumerSecret Value    `json:"consumer_secret"`
	Saved          *Profile `json:"saved,omitempty"` // the profile in the file, if any
}

// Resolve merges the settings for profile (DefaultProfile if empty) with
// precedence flag > environment > file. The store URL may come from the
// --url flag or $WCPOS_STORE_URL; the key and secret only from
// $WCPOS_CONSUMER_KEY and $WCPOS_CONSUMER_SECRET or the file. Values are
// passed on exactly as given: a stray space in a secret is for `check` to
// diagnose, not for this function to hide. f may be nil (no file); a nil
// getenv means os.Getenv.
func Resolve(f *File, profile string, flagURL string, getenv func(string) string) Effective {
	if getenv == nil {
		getenv = os.Getenv
	}
	if profile == "" {
		profile = DefaultProfile
	}
	e := Effective{Profile: profile}
	var saved Profile
	if f != nil {
		if p, ok := f.Profiles[profile]; ok {
			saved = p
			e.Saved = &p
		}
	}
	e.StoreURL = pick(flagURL, getenv(EnvStoreURL), saved.StoreURL)
	e.ConsumerKey = pick("", getenv(EnvConsumerKey), saved.ConsumerKey)
	e.ConsumerKey.kind = kindKey
	e.ConsumerSecret = pick("", getenv(EnvConsumerSecret), saved.ConsumerSecret)
	e.ConsumerSecret.kind = kindSecret
	return e
}

// pick returns the first non-empty of flag, environment and file values,
// labelled with its source.
func pick(flag, env, file string) Value {
	switch {
	case flag != "":
		return Value{Value: flag, Source: SourceFlag}
	case env != "":
		return Value{Value: env, Source: SourceEnvironment}
	case file != "":
		return Value{Value: file, Source: SourceFile}
	}
	return Value{}
}
