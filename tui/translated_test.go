package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// pseudoTr is the pseudo-locale: every message accented and about 40 %
// longer, in brackets. Text that reaches the screen unaccented did not go
// through the catalogue, or is a value (a key, a code, a WP Admin label).
func pseudoTr(t *testing.T) *locale.Translator {
	t.Helper()
	tr, err := locale.NewCatalog(Sources()...).Translator("en-XA")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func withTr(tr *locale.Translator) setup { return func(_ *Deps, o *Options) { o.Tr = tr } }

// mustSayAll fails on a message that has no English (shown as ⟦id⟧).
func (h *harness) mustSayAll() {
	h.t.Helper()
	if v := h.view(); strings.Contains(v, "⟦") {
		h.t.Errorf("a message is missing:\n%s", v)
	}
}

// detailColumn is the cell at which detail starts in line, -1 if absent.
func detailColumn(line, detail string) int {
	i := strings.Index(line, detail)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

func TestChecklistAlignsDetailsOnTheWidestTranslatedLabel(t *testing.T) {
	tr := pseudoTr(t)
	rep := storeOK()
	p := newPage(80, ansi.WcWidth)
	newChecklist(wooclient.StoreChecks).withReport(rep).render(p, plainStyles(), tr, "", false, false)
	widest := 0
	for _, id := range wooclient.StoreChecks {
		widest = max(widest, ansi.StringWidth(tr.Check(id)))
	}
	want := 2 + widest + 1 // icon and space, the label column, one space
	for i, r := range rep.Checks {
		if got := detailColumn(p.lines[i], r.Detail); got != want {
			t.Errorf("%s: detail at column %d, want %d (the widest translated label is %d wide):\n%s",
				r.ID, got, want, widest, p.String())
		}
	}
}

func TestChecklistColumnLeavesRoomForTheDetails(t *testing.T) {
	// At 50 columns the widest pseudo label (the user's capability, about
	// 35 cells) would push the store's short details off the line if the
	// column were as wide as it.
	tr := pseudoTr(t)
	c := newChecklist(wooclient.StoreChecks, wooclient.KeyChecks).withReport(storeOK()).
		withReport(keysReport(fakeKey, true, true, true))
	p := newPage(50, ansi.WcWidth)
	c.render(p, plainStyles(), tr, "", false, false)
	for i, r := range storeOK().Checks {
		if l := p.lines[i]; !strings.Contains(l, r.Detail) || strings.Contains(l, "…") {
			t.Errorf("%s: detail %q cut at 50 columns:\n%s", r.ID, r.Detail, p.String())
		}
	}
}

func TestChecklistLabelWiderThanTheWindowWraps(t *testing.T) {
	tr := pseudoTr(t)
	p := newPage(minWidth, ansi.WcWidth)
	newChecklist(wooclient.KeyChecks).render(p, plainStyles(), tr, "*", true, false)
	text := p.String()
	if strings.Contains(text, "…") {
		t.Errorf("a label was cut instead of wrapped:\n%s", text)
	}
	for _, w := range strings.Fields(strings.Trim(tr.Check(wooclient.CheckCapabilities), "[]· ")) {
		if !strings.Contains(text, w) {
			t.Errorf("label word %q lost:\n%s", w, text)
		}
	}
	for _, l := range p.lines {
		if ansi.StringWidth(l) > minWidth {
			t.Errorf("line wider than %d: %q", minWidth, l)
		}
	}
}

func TestStoreFieldShowsAnAddressAsWideAsTheWindow(t *testing.T) {
	// The prompt "› " is two cells (four bytes): the field has the rest of
	// the line less one cell for the cursor.
	h := newHarnessSize(t, 40, 24)
	addr := "shop.example.com/" + strings.Repeat("a", 40-2-1-len("shop.example.com/"))
	h.typ(addr)
	h.mustShow(fieldPrompt + addr)
}

func TestTranscriptKeepsTheStepCodeInEveryLanguage(t *testing.T) {
	tr := pseudoTr(t)
	h := newHarness(t, withTr(tr)).atLocate()
	h.press("1")
	want := []struct{ code, said string }{
		{"✓ S1 ", tr.T("step.store")},
		{"✓ S2 ", tr.T("step.locate")},
	}
	if len(h.printed) < len(want) {
		t.Fatalf("printed %q", h.printed)
	}
	for i, w := range want {
		l := h.printed[i]
		if !strings.HasPrefix(l, w.code) || !strings.Contains(l, strings.Trim(w.said, "[]· ")) {
			t.Errorf("line %d = %q, want it to start with %q and name the step as %q", i, l, w.code, w.said)
		}
	}
	if strings.Contains(strings.Join(h.printed, "\n"), "has the key") {
		t.Errorf("English in the transcript: %q", h.printed)
	}
}

func TestWPAdminLabelsAreNamedAsTheStoreShowsThem(t *testing.T) {
	// The store's language is not known here, so WP Admin's labels are
	// its English ones; the sentences around them are the cashier's. In
	// the pseudo-locale, a label written into a sentence would be accented.
	tr := pseudoTr(t)
	h := newHarnessSize(t, 100, 40, withTr(tr)).atKeys()
	h.typ(fakeKey) // the key is known, the secret not yet
	h.press("esc", "3")
	h.mustShow("Consumer key ending in …", "Last access", "WooCommerce → Settings ] → Advanced ] → REST API")
	h.mustSayAll()
	h.press("enter", "2")
	h.mustBe(stepGenerate)
	h.mustShow(" Add key ", "[Description: ", "[User: ", "[Permissions: ", " Read/Write ", "(Read ",
		" Generate API key ")
	h.mustNotShow("Click", "Open the")
	h.mustSayAll()
}

func TestKeysNamedInSentencesAreTheBindings(t *testing.T) {
	tr := pseudoTr(t)
	h := newHarness(t, withTr(tr))
	h.mustShow(" enter ")
	h.typ("127.0.0.1:4443")
	h.press("enter")
	h.mustShow("(y/n)")
	h.mustSayAll()
	h.press("y", "2", "o")
	h.mustShow(" c ", " q ")
	h.mustSayAll()
}

// TestLongSentencesAreNotCut checks that the program's own sentences are
// never cut like a hostile store's text: the admin's fix for HTTPS not
// detected is longer than the cap on outside text, and its end is the
// part that names the file to change.
func TestLongSentencesAreNotCut(t *testing.T) {
	tr := englishTranslator()
	f := wooclient.NewFinding(wooclient.CauseHTTPSNotDetected, fakeHome)
	if len([]rune(f.Fix)) <= maxShown {
		t.Fatalf("the fix is %d characters: pick a sentence longer than the cap", len([]rune(f.Fix)))
	}
	got := strings.Join(plainFinding(tr, f), "\n")
	if !strings.Contains(got, f.Fix) {
		t.Errorf("the admin's fix was cut:\n%s", got)
	}
	hostile := withDetail(wooclient.NewFinding(wooclient.CauseRESTBlocked, fakeHome), strings.Repeat("A", 5000))
	if d := saidDetail(tr, hostile); len([]rune(d)) > maxShown+1 {
		t.Errorf("a store's 5000-character detail is shown at %d characters", len([]rune(d)))
	}
}

// siteIn makes the fake store's front page say its language is lang.
func siteIn(lang string) setup {
	return func(d *Deps, _ *Options) {
		c := d.Checker.(*fakeChecker)
		c.discover = func(string) *wooclient.Report {
			r := storeOK()
			r.Store.Language = lang
			return r
		}
	}
}

// TestWPAdminLabelsInTheSiteLanguage walks to S3 on a German site: the
// labels are WooCommerce's German ones (de_DE, as in locales/de.toml),
// quoted the cashier's way, with the English beside them. A Portuguese
// site gets no Brazilian labels (WordPress's pt_PT is another
// translation): English only, as for an unknown language.
func TestWPAdminLabelsInTheSiteLanguage(t *testing.T) {
	tests := []struct {
		name, site, cashier string
		want                []string
	}{
		{"English cashier, German site", "de-DE", "en",
			[]string{"Click “API-Schlüssel erstellen” (Generate API key)", "“Berechtigungen” (Permissions):"}},
		{"German cashier, German site", "de-DE", "de",
			[]string{"„API-Schlüssel erstellen“ (Generate API key)", "„Lesen/Schreiben“ (Read/Write)"}},
		{"German cashier, English site", "en-US", "de", []string{"„Generate API key“"}},
		{"English cashier, Portuguese site", "pt-PT", "en", []string{"Click Generate API key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			speaking(t, tt.cashier)
			h := newHarnessSize(t, 120, 40, siteIn(tt.site)).atLocate()
			h.press("2")
			h.mustBe(stepGenerate)
			h.mustShow(tt.want...)
		})
	}
}
