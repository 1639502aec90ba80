//go:build unix

package config

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// TestCrashSafetyUnderSIGKILL kills a process that is saving in a tight
// loop, at random moments, many times. After every kill the file must
// parse and be exactly one of the two complete versions the process
// alternates between, and so must the backup; the lock must be free at once
// (flock dies with its holder), and a final Save must go through and sweep
// up the temp files that killed writers left behind.
//
// SIGKILL proves atomicity against a crashed process; the page cache
// survives it, so power loss is covered by the fsyncs, not by this test.
func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process hundreds of times")
	}
	const kills = 200
	s := newTestStore(t)
	versions := crashVersions()
	complete := [][]byte{
		fileBytes(t, map[string]Profile{DefaultProfile: versions[0]}),
		fileBytes(t, map[string]Profile{DefaultProfile: versions[1]}),
	}
	mustSave(t, s, DefaultProfile, versions[0])

	isComplete := func(data []byte) int {
		for i, c := range complete {
			if bytes.Equal(data, c) {
				return i
			}
		}
		return -1
	}
	seen := [2]int{}
	midWrite := 0 // kills that left a temp file: the kill landed inside a write
	deadline := time.Now().Add(25 * time.Second)
	for i := range kills {
		if time.Now().After(deadline) {
			t.Fatalf("only %d kills in 25s; the machine is too slow for this test", i)
		}
		killSaver(t, s.Path, rand.N(21*time.Millisecond))

		data := mustRead(t, s.Path)
		v := isComplete(data)
		if v < 0 {
			t.Fatalf("kill %d: config.json is not one of the complete versions (%d bytes):\n%s", i, len(data), data)
		}
		seen[v]++
		if _, _, err := s.Load(); err != nil {
			t.Fatalf("kill %d: Load: %v", i, err)
		}
		if bak, err := os.ReadFile(s.backupPath()); err == nil {
			if isComplete(bak) < 0 {
				t.Fatalf("kill %d: the backup is not one of the complete versions:\n%s", i, bak)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		if n := countTemps(t, s.Path); n > 0 {
			midWrite++
		}
		// The killed process held the lock most of the time it ran; the
		// kernel must have released it with the process.
		l := flock.New(s.lockPath())
		if ok, err := l.TryLock(); !ok || err != nil {
			t.Fatalf("kill %d: lock still held after the holder died (ok=%v, err=%v)", i, ok, err)
		}
		_ = l.Unlock()
	}
	t.Logf("%d kills: file held version A %d times, B %d times; %d kills landed mid-write", kills, seen[0], seen[1], midWrite)
	if seen[0] == 0 || seen[1] == 0 {
		t.Errorf("the file never changed version across %d kills (%v): the child did not save", kills, seen)
	}

	// The stale lock file (and temp files) left by killed processes must not
	// block the next Save.
	if _, err := os.Stat(s.lockPath()); err != nil {
		t.Fatalf("expected the killed processes' lock file to be left behind: %v", err)
	}
	s.LockTimeout = time.Second
	mustSave(t, s, "after", testProfile("after"))
	names, err := s.Names()
	if err != nil || len(names) != 2 {
		t.Errorf("after the kills: Names = %v, %v; want default and after", names, err)
	}
	if n := countTemps(t, s.Path); n > 0 {
		t.Errorf("%d temp files left after a successful Save", n)
	}
}

// killSaver starts the helper that saves in a loop, waits until it is
// running, lets it save for wait, and kills it with SIGKILL.
func killSaver(t *testing.T, path string, wait time.Duration) {
	t.Helper()
	cmd := helperCommand(t, "saveloop", path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("helper did not start: %q %s", line, stderr.String())
	}
	time.Sleep(wait)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return
		}
	}
	t.Fatalf("helper ended by itself, not by the kill: %v %s", err, stderr.String())
}
