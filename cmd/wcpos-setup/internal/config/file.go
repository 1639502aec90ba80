// Package config keeps the terminal's saved configuration: the store address
// and the WooCommerce REST key that the wizard verified against the store.
//
// The file is usually the till's only working configuration, so the package
// is built to never corrupt it and never replace it with something that was
// not verified: Save refuses unverified profiles, serialises concurrent runs
// with a lock file, writes atomically (temp file, fsync, rename), keeps the
// previous version as a backup, and refuses to write over a file it cannot
// parse or one written by a newer wcpos-setup.
//
// # File format
//
// The file is JSON, mode 0600, in a directory created 0700. By default it is
// os.UserConfigDir()/wcpos-setup/config.json; WCPOS_SETUP_CONFIG or a flag
// can point elsewhere (see ResolvePath). Example:
//
//	{
//	  "version": 1,
//	  "profiles": {
//	    "default": {
//	      "store_url": "https://shop.example.com",
//	      "home": "https://shop.example.com",
//	      "rest_root": "https://shop.example.com/wp-json/",
//	      "store_name": "Example Shop",
//	      "transport": "basic",
//	      "consumer_key": "ck_0123456789abcdef0123456789abcdef0abc1234",
//	      "consumer_secret": "cs_0123456789abcdef0123456789abcdef01234567",
//	      "key_ending": "abc1234",
//	      "permissions": {"read": true, "write": true, "orders": true, "products": true},
//	      "woocommerce_version": "10.0.2",
//	      "wcpos_version": "1.8.2",
//	      "verified_at": "2026-11-25T21:30:00Z"
//	    }
//	  }
//	}
//
// Fields:
//
//   - version: the format version, CurrentVersion (1). Required: a file
//     without it is treated as corrupt. A file with a higher version was
//     written by a newer wcpos-setup and is refused, never overwritten.
//   - profiles: named profiles; names are 1–64 of A–Z a–z 0–9 . _ -.
//     "default" is used when no name is given.
//   - store_url: the address the user typed, normalised.
//   - home: the canonical home URL from the store's REST index.
//   - rest_root: the REST root from the index (ends in "/").
//   - store_name: the site name from the index, for display.
//   - transport: how credentials are sent: "basic", "query" or "oauth1".
//   - consumer_key, consumer_secret: the WooCommerce REST key pair,
//     "ck_" and "cs_" followed by 40 hex digits. Stored in plain text, which
//     is why the file is 0600.
//   - key_ending: the last 7 characters of the key, as WooCommerce's key
//     list shows them, so cashier and support can agree on the key.
//   - permissions: what the verification proved the key can do.
//   - woocommerce_version, wcpos_version: as reported by the store; omitted
//     when unknown.
//   - verified_at: when the key was last verified against the store (UTC,
//     RFC 3339, whole seconds). A profile without it is never saved.
//
// Beside the file live config.json.bak (the previous version, same mode) and
// config.json.lock (the lock file; it stays after use, which is harmless:
// the lock is the kernel lock on it, released when its holder exits).
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// CurrentVersion is the format version this build reads and writes. Bump it
// only for changes an older build would misread; older builds then refuse
// the file instead of silently dropping what they do not understand.
const CurrentVersion = 1

// DefaultProfile is the profile used when none is named.
const DefaultProfile = "default"

// Transports a profile can record. They are strings in the file so a reader
// can make sense of it without this package.
const (
	TransportBasic  = "basic"
	TransportQuery  = "query"
	TransportOAuth1 = "oauth1"
)

// File is the whole configuration file.
//
// Its JSON form is the on-disk form and carries the secrets in clear; print
// it with fmt (which masks them) and never marshal it for display.
type File struct {
	Version  int                `json:"version"`
	Profiles map[string]Profile `json:"profiles"`
}

// Profile is one verified store connection.
//
// Printing a Profile with fmt masks the key and the secret (see Masked); its
// JSON form is the on-disk form, so marshal Masked() for any output.
type Profile struct {
	StoreURL           string      `json:"store_url"`
	Home               string      `json:"home"`
	RESTRoot           string      `json:"rest_root"`
	StoreName          string      `json:"store_name"`
	Transport          string      `json:"transport"`
	ConsumerKey        string      `json:"consumer_key"`
	ConsumerSecret     string      `json:"consumer_secret"`
	KeyEnding          string      `json:"key_ending"`
	Permissions        Permissions `json:"permissions"`
	WooCommerceVersion string      `json:"woocommerce_version,omitempty"`
	WCPOSVersion       string      `json:"wcpos_version,omitempty"`
	VerifiedAt         time.Time   `json:"verified_at"`
}

// Permissions records what verification proved the key may do, so `check`
// can tell a read-only key from a broken one without asking the store.
type Permissions struct {
	Read     bool `json:"read"`
	Write    bool `json:"write"`
	Orders   bool `json:"orders"`
	Products bool `json:"products"`
}

// newFile returns the empty configuration a missing file stands for.
func newFile() *File {
	return &File{Version: CurrentVersion, Profiles: map[string]Profile{}}
}

// ErrNoVersion and ErrBadVersion explain why a file that is valid JSON is
// still not one of ours.
var (
	ErrNoVersion  = errors.New(`it has no "version" field`)
	ErrBadVersion = errors.New(`its "version" is not a positive number`)
)

// decode parses the file's bytes. It is strict about the version (missing or
// newer is an error) and tolerant of unknown fields, so a file hand-edited
// with an extra note still loads.
func decode(path string, data []byte) (*File, error) {
	var raw struct {
		Version  *int               `json:"version"`
		Profiles map[string]Profile `json:"profiles"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &CorruptError{Path: path, Line: errorLine(data, err), Err: err}
	}
	switch {
	case raw.Version == nil:
		return nil, &CorruptError{Path: path, Err: ErrNoVersion}
	case *raw.Version < 1:
		return nil, &CorruptError{Path: path, Err: ErrBadVersion}
	case *raw.Version > CurrentVersion:
		return nil, &VersionError{Path: path, Version: *raw.Version}
	}
	f := &File{Version: *raw.Version, Profiles: raw.Profiles}
	if f.Profiles == nil {
		f.Profiles = map[string]Profile{}
	}
	return f, nil
}

// encode renders the file the way it is stored: indented for people who
// open it in an editor, HTML characters left alone ("Tom & Jerry" stays
// readable), and a final newline.
func encode(f *File) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("config: cannot encode the configuration: %w", err)
	}
	return buf.Bytes(), nil
}

// errorLine turns a JSON error's byte offset into a 1-based line number, so
// the message points the user at the line to fix. It returns 0 when the
// error carries no offset.
func errorLine(data []byte, err error) int {
	var offset int64
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntaxErr):
		offset = syntaxErr.Offset
	case errors.As(err, &typeErr):
		offset = typeErr.Offset
	default:
		return 0
	}
	offset = min(max(offset, 0), int64(len(data)))
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}
