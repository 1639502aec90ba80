package tui

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/wcpos/wcpos-setup/tui/locale"
)

// harnessLanguage, when set, is the language and catalogue every harness
// of the running test speaks: the layout tests render the golden
// scenarios once per language with it.
var harnessLanguage *Options

// speaking makes every harness of the test speak tag, with the catalogue
// so the language key shows as it does for a cashier.
func speaking(t *testing.T, tag string) {
	t.Helper()
	cat := locale.NewCatalog(Sources()...)
	tr, err := cat.Translator(tag)
	if err != nil {
		t.Fatal(err)
	}
	harnessLanguage = &Options{Tr: tr, Catalog: cat}
	t.Cleanup(func() { harnessLanguage = nil })
}

// layoutLanguages are every shipped language and the pseudo-locale.
func layoutLanguages() []string { return append(locale.Languages(), "en-XA") }

// TestEveryScreenFitsInEveryLanguage renders every golden scenario (every
// step idle, busy and failed) in every language at 80 and 40 columns:
// no line wider than the window (measured in cells: CJK is two, combining
// marks none), nothing taller, no message missing, no argument lost.
func TestEveryScreenFitsInEveryLanguage(t *testing.T) {
	if raceEnabled {
		t.Skip("a pure layout sweep: run by go test without -race")
	}
	for _, tag := range layoutLanguages() {
		for _, sc := range scenarios {
			for _, w := range []int{80, 40} {
				t.Run(tag+"/"+sc.name+"_"+strconv.Itoa(w), func(t *testing.T) {
					speaking(t, tag)
					hs := sc.build(t, w, 24)
					assertScreen(t, hs.m)
					v := hs.view()
					for _, l := range strings.Split(hs.m.View().Content, "\n") {
						marks := strings.IndexFunc(l, func(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }) >= 0
						if marks && hs.m.wm.StringWidth(l) >= w {
							t.Errorf("a line with combining marks reaches the last column: %q", l)
						}
					}
					for _, bad := range []string{"⟦", "<no value>", "%!"} {
						if strings.Contains(v, bad) {
							t.Errorf("%q on screen:\n%s", bad, v)
						}
					}
					for _, line := range hs.printed {
						if strings.Contains(line, "⟦") || strings.Contains(line, "<no value>") {
							t.Errorf("transcript line %q", line)
						}
					}
				})
			}
		}
	}
}

// goldenLanguages get golden screens of their own: a long-word language,
// a double-width one and a right-to-left one.
var goldenLanguages = []string{"de", "ja", "ar"}

// TestGoldenViewsInOtherLanguages compares every scenario's screen in
// goldenLanguages with testdata/golden/<lang>/ (go test ./tui/ -update
// rewrites them).
func TestGoldenViewsInOtherLanguages(t *testing.T) {
	if raceEnabled {
		t.Skip("pure rendering: run by go test without -race")
	}
	for _, tag := range goldenLanguages {
		if !strings.Contains(" "+strings.Join(locale.Languages(), " ")+" ", " "+tag+" ") {
			t.Errorf("no %s translation to render", tag)
			continue
		}
		for _, sc := range scenarios {
			for _, w := range []int{80, 40} {
				name := tag + "/" + sc.name + "_" + strconv.Itoa(w)
				t.Run(name, func(t *testing.T) {
					speaking(t, tag)
					golden(t, name, sc.build(t, w, 24).m)
				})
			}
		}
	}
}
