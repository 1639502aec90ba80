package tui

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/wooclient"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// scenario brings a wizard of the given size to one state of one step.
type scenario struct {
	name  string
	build func(t *testing.T, w, h int) *harness
}

func at(w, h int, t *testing.T, opts ...setup) *harness { return newHarnessSize(t, w, h, opts...) }

// holdLast types s but the last character, then delivers the last one
// without running its commands: the check it starts stays in flight.
func (h *harness) holdLast(s string) {
	h.typ(s[:len(s)-1])
	h.update(keyMsg(s[len(s)-1:]))
}

var unknownPair = wooclient.Credentials{Key: "ck_9999999999999999999999999999999999999999", Secret: fakeSecret}

var scenarios = []scenario{
	{"s0_saved_busy", func(t *testing.T, w, h int) *harness {
		hs := &harness{t: t, checker: newFakeChecker()}
		deps, o := Deps{Checker: hs.checker, Saver: &fakeSaver{}, Now: nowFixed}, Options{Version: "test"}
		if harnessLanguage != nil {
			o.Tr, o.Catalog = harnessLanguage.Tr, harnessLanguage.Catalog
		}
		withSaved(goodPair)(&deps, &o)
		hs.m = newModel(t.Context(), deps, o)
		hs.m.setStyles(plainStyles())
		hs.m.resize(w, h)
		run := hs.m.saved.run
		for _, c := range storeOK().Checks[:3] {
			hs.update(checkProgressedMsg{run: run.id, input: run.input, result: c})
		}
		return hs
	}},
	{"s0_saved_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t, withSaved(goodPair)) }},
	{"s0_saved_failed", func(t *testing.T, w, h int) *harness { return at(w, h, t, withSaved(unknownPair)) }},
	{"s1_store_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t) }},
	{"s1_store_busy", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t)
		hs.typ("127.0.0.1:4443")
		hs.update(keyMsg("enter"))
		run := hs.m.store.run
		for _, c := range storeOK().Checks[:4] {
			hs.update(checkProgressedMsg{run: run.id, input: run.input, result: c})
		}
		return hs
	}},
	{"s1_store_confirm", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t)
		hs.typ("127.0.0.1:4443")
		hs.press("enter")
		return hs
	}},
	{"s1_store_failed", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t)
		hs.checker.discover = func(string) *wooclient.Report { return storeUntrusted() }
		hs.typ("127.0.0.1:4443")
		hs.press("enter")
		return hs
	}},
	{"s1_store_invalid", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t)
		hs.typ("my shop")
		return hs
	}},
	{"s2_locate_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atLocate() }},
	{"s2_locate_repair", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t, withSaved(unknownPair))
		hs.press("2")
		return hs
	}},
	{"s2_locate_whichkey", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t, withSaved(unknownPair))
		hs.press("2", "3")
		return hs
	}},
	{"s3_generate_busy", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atLocate()
		hs.update(keyMsg("2"))
		return hs
	}},
	{"s3_generate_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atLocate().press2() }},
	{"s3_generate_failed", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t)
		hs.checker.probe = wooclient.CheckResult{ID: wooclient.CheckAdmin, State: wooclient.StateWarn, Detail: "404"}
		hs.atLocate().press2().press("o")
		return hs
	}},
	{"s3_generate_qr", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atLocate().press2()
		hs.press("q")
		return hs
	}},
	{"s3_generate_demo", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t, withDemo).atLocate().press2()
		hs.press("g")
		return hs
	}},
	{"s4_keys_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atKeys() }},
	{"s4_keys_typing", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.typ("ck_0123456789abcdeG")
		return hs
	}},
	{"s4_keys_busy", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.typ(fakeKey)
		hs.press("tab")
		hs.holdLast(fakeSecret)
		return hs
	}},
	{"s4_keys_failed", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.enterPair(fakeKey, wrongSecret)
		return hs
	}},
	{"s5_permissions_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atPermissions() }},
	{"s5_permissions_busy", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atPermissions()
		hs.update(keyMsg("r"))
		return hs
	}},
	{"s5_permissions_failed", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.enterPair(readOnlyKey, readOnlySec)
		return hs
	}},
	{"s6_review_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atReview() }},
	{"s6_review_busy", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atReview()
		hs.update(keyMsg("enter"))
		return hs
	}},
	{"s6_review_failed", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atReview()
		hs.saver.err = errors.New("open " + fakeSavedPath + ".tmp: permission denied")
		hs.press("enter")
		return hs
	}},
	{"s7_done_idle", func(t *testing.T, w, h int) *harness { return at(w, h, t).atReview().pressEnter() }},
	{"s7_done_copied", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atReview().pressEnter()
		hs.press("c")
		return hs
	}},
	{"help_full_s4", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.press("?")
		return hs
	}},
	{"quit_confirm_s4", func(t *testing.T, w, h int) *harness {
		hs := at(w, h, t).atKeys()
		hs.typ("ck_0123")
		hs.press("ctrl+c")
		return hs
	}},
}

func (h *harness) press2() *harness     { h.press("2"); return h }
func (h *harness) pressEnter() *harness { h.press("enter"); return h }

// TestGoldenViews renders every step in its idle, busy and failed states
// at 80 and 40 columns and compares the screen, as text, with
// testdata/golden. go test ./tui/ -update rewrites them.
func TestGoldenViews(t *testing.T) {
	for _, sc := range scenarios {
		for _, w := range []int{80, 40} {
			name := sc.name + "_" + strconv.Itoa(w)
			t.Run(name, func(t *testing.T) {
				hs := sc.build(t, w, 24)
				golden(t, name, hs.m)
			})
		}
	}
}

// golden compares the screen with its golden file, after checking what
// must hold on every screen: no secret, no line wider than the window.
func golden(t *testing.T, name string, m Model) {
	t.Helper()
	assertScreen(t, m)
	got := ansi.Strip(m.View().Content) + "\n"
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui/ -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s--- want\n%s", name, got, want)
	}
}
