package config

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentSavesKeepEveryProfile has goroutines of this process and
// separate processes save different profiles at the same moment. Without
// the lock and the re-read under it, writers would overwrite each other's
// profiles (last writer wins) and some would be missing.
func TestConcurrentSavesKeepEveryProfile(t *testing.T) {
	s := newTestStore(t)
	const goroutines, processes, each = 8, 4, 5
	want := map[string]Profile{}
	var cmds []*exec.Cmd
	var outputs []*bytes.Buffer
	for i := range processes {
		var names []string
		for j := range each {
			name := fmt.Sprintf("proc%d-%d", i, j)
			names = append(names, name)
			want[name] = testProfile(name)
		}
		cmd := helperCommand(t, "save", s.Path, names...)
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		cmds, outputs = append(cmds, cmd), append(outputs, out)
	}
	for g := range goroutines {
		for j := range each {
			name := fmt.Sprintf("goroutine%d-%d", g, j)
			want[name] = testProfile(name)
		}
	}

	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*each+processes)
	for g := range goroutines {
		wg.Go(func() {
			<-start
			store := Open(s.Path) // a Store of its own, as another caller would have
			for j := range each {
				name := fmt.Sprintf("goroutine%d-%d", g, j)
				if _, err := store.Save(name, testProfile(name)); err != nil {
					errs <- err
				}
			}
		})
	}
	for i, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			if err := cmd.Wait(); err != nil {
				errs <- fmt.Errorf("process %d: %v: %s", i, err, outputs[i])
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	f, _, err := s.Load()
	if err != nil {
		t.Fatalf("file does not parse after concurrent saves: %v", err)
	}
	if !reflect.DeepEqual(f.Profiles, want) {
		for name := range want {
			if _, ok := f.Profiles[name]; !ok {
				t.Errorf("profile %s was lost", name)
			}
		}
		t.Fatalf("got %d profiles, want %d", len(f.Profiles), len(want))
	}
	if _, _, err := Open(s.backupPath()).Load(); err != nil {
		t.Errorf("backup does not parse: %v", err)
	}
}

// TestReadersNeverSeeAPartialFile reads the file as fast as possible while
// another goroutine replaces it over and over. Every read must be exactly
// the old or the new file; a writer that truncated and rewrote in place
// would be caught half-way.
func TestReadersNeverSeeAPartialFile(t *testing.T) {
	const saves = 60
	s := newTestStore(t)
	a, b := testProfile("a"), testProfile("b")
	// A long store name makes each write span several pages.
	a.StoreName, b.StoreName = string(bytes.Repeat([]byte("a"), 64<<10)), string(bytes.Repeat([]byte("b"), 64<<10))
	versions := [][]byte{fileBytes(t, map[string]Profile{"p": a}), fileBytes(t, map[string]Profile{"p": b})}
	mustSave(t, s, "p", a)

	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(done)
		for i := range saves {
			if _, err := s.Save("p", []Profile{b, a}[i%2]); err != nil {
				t.Error(err)
				return
			}
		}
	})
	reads := 0
	for loop := true; loop; reads++ {
		select {
		case <-done:
			loop = false
		default:
		}
		data, err := os.ReadFile(s.Path)
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		if !bytes.Equal(data, versions[0]) && !bytes.Equal(data, versions[1]) {
			t.Fatalf("read %d saw a partial file (%d bytes)", reads, len(data))
		}
	}
	wg.Wait()
	t.Logf("%d reads during %d saves, all complete", reads, saves)
}
