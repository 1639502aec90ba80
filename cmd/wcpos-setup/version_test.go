package main

import (
	"runtime/debug"
	"testing"
)

// The forms below are the ones the README's "Version" part documents.
func TestVersionForms(t *testing.T) {
	const (
		rev   = "3f2a9c1d0e4b5a6978695a4b3c2d1e0f01234567"
		other = "0123456789abcdef0123456789abcdef01234567"
		when  = "2026-11-25T21:30:00Z"
	)
	vcs := func(mainVersion string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/wcpos/wcpos-setup", Version: mainVersion}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	release := stamp{version: "1.2.0", commit: rev, date: when}
	for _, c := range []struct {
		name string
		ld   stamp
		info *debug.BuildInfo
		want string
	}{
		{"release, built without VCS stamping", release, vcs("(devel)"),
			"1.2.0 (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)"},
		{"release, Go recorded the same clean commit", release,
			vcs("v1.2.0", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "false"),
			"1.2.0 (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)"},
		{"snapshot of a tree with changes", stamp{version: "1.2.1-SNAPSHOT-3f2a9c1", commit: rev, date: when},
			vcs("v1.2.1-0.20261125213000-3f2a9c1d0e4b+dirty", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "true"),
			"1.2.1-SNAPSHOT-3f2a9c1 (commit 3f2a9c1d0e4b, dirty, 2026-11-25T21:30:00Z)"},
		{"stamped commit differs from the recorded one", stamp{version: "1.2.0", commit: other, date: when},
			vcs("(devel)", "vcs.revision", rev, "vcs.time", "2026-11-20T08:00:00Z", "vcs.modified", "true"),
			"1.2.0 (commit 0123456789ab, 2026-11-25T21:30:00Z)"},
		{"only the version stamped", stamp{version: "1.2.0"},
			vcs("(devel)", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "false"),
			"1.2.0 (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)"},
		{"go build in a checkout with changes", stamp{},
			vcs("v0.0.0-20261125213000-3f2a9c1d0e4b+dirty", "vcs", "git", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "true"),
			"v0.0.0-20261125213000-3f2a9c1d0e4b+dirty (commit 3f2a9c1d0e4b, dirty, 2026-11-25T21:30:00Z)"},
		{"go build of a tagged, clean checkout", stamp{},
			vcs("v1.2.0", "vcs", "git", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "false"),
			"v1.2.0 (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)"},
		{"go install module@v1.2.0 (no VCS in a module download)", stamp{}, vcs("v1.2.0"), "v1.2.0"},
		{"no module version, but a commit", stamp{},
			vcs("(devel)", "vcs.revision", rev, "vcs.time", when), "dev (commit 3f2a9c1d0e4b, 2026-11-25T21:30:00Z)"},
		{"nothing known", stamp{}, vcs("(devel)"), "dev"},
		{"no build information at all", stamp{}, nil, "dev"},
		{"short revision shown whole", stamp{version: "1.2.0", commit: "3f2a9c1"}, nil, "1.2.0 (commit 3f2a9c1)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := resolveVersion(c.ld, c.info).String(); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
