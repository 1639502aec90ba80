package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestCheckAgainstDemoServe runs `check --json` against `demo serve` in
// every scenario, both as built binaries, and asserts the documented cause
// and exit code, and that the secret never appears in the output.
func TestCheckAgainstDemoServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			s := demoServe(t, sc.name)
			stdout, stderr, code := run(t, s.terminal+"\n", nil,
				"check", "--json", "--url", s.url, "--cacert", s.ca, "--keys-stdin")
			var out checkJSON
			if err := json.Unmarshal([]byte(stdout), &out); err != nil {
				t.Fatalf("not JSON (%v):\n%s\nstderr: %s", err, stdout, stderr)
			}
			want := exitOK
			if sc.expect != "" {
				var found *findingJSON
				for i, f := range out.Findings {
					if f.Cause == sc.expect {
						found = &out.Findings[i]
					}
				}
				if found == nil {
					t.Fatalf("no %s finding in %+v", sc.expect, out.Findings)
				}
				switch {
				case found.Severity != "blocker":
					want = exitOK
				case isKeyCause(sc.expect):
					want = exitKey
				default:
					want = exitStore
				}
			}
			if code != want || out.ExitCode != want || out.OK != (want == exitOK) {
				t.Errorf("exit %d (json exit_code %d, ok %v), want %d", code, out.ExitCode, out.OK, want)
			}
			secret := s.terminal[strings.Index(s.terminal, "|")+1:]
			if strings.Contains(stdout+stderr, secret) || regexp.MustCompile(`c[ks]_[0-9a-f]{40}`).MatchString(stdout+stderr) {
				t.Error("the output shows a key or the secret")
			}
		})
	}
}

func isKeyCause(c string) bool {
	switch c {
	case "unknown-key", "wrong-pair", "read-only", "write-only", "user-lacks-capability":
		return true
	}
	return false
}
