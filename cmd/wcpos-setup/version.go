package main

import (
	"runtime/debug"
	"strings"
)

// Stamped by release builds (.goreleaser.yaml):
//
//	-X main.version=1.2.0 -X main.commit=<full revision> -X main.date=<commit time, RFC 3339>
//
// They stay empty for `go build` and `go install`, where the build
// information Go records in every binary is read instead.
var (
	version string
	commit  string
	date    string
)

// stamp is what the linker flags set.
type stamp struct{ version, commit, date string }

// buildVersion says exactly what was built, so support knows what a till
// runs: the version, the commit it was built from, that commit's time, and
// whether the tree had uncommitted changes.
type buildVersion struct {
	// Version is the release version ("1.2.0"), the module version Go
	// recorded ("v1.2.0", or a pseudo-version such as
	// "v0.0.0-20261125213000-3f2a9c1d0e4b+dirty"), or "dev" when neither
	// is known.
	Version string
	// Commit is the full VCS revision, "" when unknown.
	Commit string
	// Date is the commit's time (RFC 3339). Release builds stamp it as
	// their build date so that rebuilding a tag gives the same bytes.
	Date string
	// Dirty reports uncommitted changes in the tree that was built.
	Dirty bool
}

// shortCommit is how many characters of the revision are shown, as many
// as a Go pseudo-version carries.
const shortCommit = 12

// resolveVersion prefers what the release stamped and falls back, field by
// field, to the build information (info may be nil): the module version,
// vcs.revision, vcs.time and vcs.modified. It is "dev" only when neither
// knows a version.
func resolveVersion(ld stamp, info *debug.BuildInfo) buildVersion {
	var revision, vcsTime, modified string
	v := buildVersion{Version: strings.TrimSpace(ld.version), Commit: strings.TrimSpace(ld.commit), Date: strings.TrimSpace(ld.date)}
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if m := info.Main.Version; v.Version == "" && m != "" && m != "(devel)" {
			v.Version = m
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	if v.Commit == "" {
		v.Commit = revision
	}
	if v.Date == "" {
		v.Date = vcsTime
	}
	// The tree's state belongs to the revision Go recorded: it says
	// nothing of a different commit a release stamped.
	v.Dirty = modified == "true" && v.Commit == revision
	return v
}

// String is the one-line form --version, the support report and
// `check --json` show:
//
//	1.2.0 (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)
//	v0.0.0-20261125213000-3f2a9c1d0e4b+dirty (commit 3f2a9c1d0e4b, dirty, 2026-11-25T21:30:00Z)
//	v1.2.0
//	dev
func (v buildVersion) String() string {
	var details []string
	if c := v.Commit; c != "" {
		details = append(details, "commit "+c[:min(len(c), shortCommit)])
	}
	if v.Dirty {
		details = append(details, "dirty")
	}
	if v.Date != "" {
		details = append(details, v.Date)
	}
	if len(details) == 0 {
		return v.Version
	}
	return v.Version + " (" + strings.Join(details, ", ") + ")"
}
