//go:build unix

package config

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the unprivileged user a root test run drops to. The kernel
// needs no passwd entry for it.
const nobody = 65534

// TestPermissionDeniedSaysWhatToDo reads and saves a configuration that
// belongs to someone else: the file and its lock file are 0600 and the
// directory 0755, all owned by another user. Load must say "permission
// denied" and what to do, not call the file corrupt; Save must refuse
// without touching the file.
//
// Root reads any file, and CI runs as root, so as root the check runs in a
// child process (this test binary) that has dropped to uid nobody. Any
// other user cannot make a file belong to someone else, and instead makes
// the file and the lock file 0000 and checks in process.
func TestPermissionDeniedSaysWhatToDo(t *testing.T) {
	dir := reachableTempDir(t)
	s := Open(filepath.Join(dir, "config.json"))
	mustSave(t, s, "a", testProfile("a"))
	before := mustRead(t, s.Path)

	var got deniedOutcome
	if os.Geteuid() == 0 {
		got = deniedAsNobody(t, s.Path)
	} else {
		for _, p := range []string{s.Path, s.lockPath()} {
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
		}
		got = tryLoadAndSave(Open(s.Path))
		for _, p := range []string{s.Path, s.lockPath()} {
			if err := os.Chmod(p, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}

	if !got.LoadPermission || got.LoadCorrupt {
		t.Errorf("Load error %q: permission %v, corrupt %v; want a permission error, not a corrupt file",
			got.LoadErr, got.LoadPermission, got.LoadCorrupt)
	}
	for _, want := range []string{s.Path, "permission denied: run wcpos-setup as the user that owns it", "ls -l " + s.Path} {
		if !strings.Contains(got.LoadErr, want) {
			t.Errorf("Load error %q lacks %q", got.LoadErr, want)
		}
	}
	for _, want := range []string{"cannot lock " + s.lockPath(), "permission denied", "check that you can write to " + dir} {
		if !strings.Contains(got.SaveErr, want) {
			t.Errorf("Save error %q lacks %q", got.SaveErr, want)
		}
	}
	if after := mustRead(t, s.Path); !bytes.Equal(after, before) {
		t.Errorf("the file changed:\n%s", after)
	}
}

// reachableTempDir is a temporary directory, mode 0755, that another user
// can reach: t.TempDir's parents are 0700.
func reachableTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "wcpos-config-denied-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// deniedAsNobody runs tryLoadAndSave on path in a copy of this test binary
// running as uid and gid nobody, and returns what it found.
func deniedAsNobody(t *testing.T, path string) deniedOutcome {
	t.Helper()
	bin := filepath.Join(reachableTempDir(t), "config.test")
	copyExecutable(t, bin)
	cmd := helperCommand(t, "denied", path)
	cmd.Path, cmd.Args[0] = bin, bin
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper as nobody: %v\n%s", err, stderr.String())
	}
	var got deniedOutcome
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("helper output %q: %v", out, err)
	}
	return got
}

// copyExecutable copies the running test binary to dst, mode 0755.
func copyExecutable(t *testing.T, dst string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, src); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
