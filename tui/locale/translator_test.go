package locale

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/wooclient"
)

func testCatalog() *Catalog {
	var engine []Source
	for _, m := range wooclient.Messages() {
		engine = append(engine, Source{ID: m.ID, Other: m.English})
	}
	return NewCatalog(engine, []Source{
		{ID: "t.count", One: "{{.Count}} check passed", Other: "{{.Count}} checks passed"},
		{ID: "t.host", Other: "{{.Host}} answers"},
		{ID: "t.date", Other: "valid until {{.Date}}"},
		{ID: "wpadmin.generate-api-key", Other: "Generate API key"},
	})
}

func TestEnglishSaysTheSources(t *testing.T) {
	tr := testCatalog().English()
	tests := []struct{ got, want string }{
		{tr.T("t.host", "Host", "shop.example"), "shop.example answers"},
		{tr.N("t.count", 1), "1 check passed"},
		{tr.N("t.count", 8), "8 checks passed"},
		{tr.N("t.count", 0), "0 checks passed"},
		{tr.T("t.date", "Date", time.Date(2027, 11, 25, 0, 0, 0, 0, time.UTC)), "valid until 25 Nov 2027"},
		{tr.T("no.such.message"), "⟦no.such.message⟧"},
		{tr.Text(wooclient.Text{}), ""},
		{tr.Title(wooclient.Cause("wrong-pair")), "Secret does not match the key"},
		{tr.Severity(wooclient.SeverityBlocker), "blocker"},
		{tr.DocsURL("API02006"), "https://docs.wcpos.com/error-codes/API02006"},
		{tr.DocsURL(""), ""},
		{tr.AdminLabel("", "wpadmin.generate-api-key"), "Generate API key"},
		{tr.AdminLabel("sv-SE", "wpadmin.generate-api-key"), "Generate API key"},
		{tr.Name(), "English"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q; want %q", i, tt.got, tt.want)
		}
	}
}

// TestEngineTextsInEnglishMatchTheEngine checks that a Text said through
// the catalogue reads exactly as the engine's own English rendering, so
// the wizard in English and --json never disagree.
func TestEngineTextsInEnglishMatchTheEngine(t *testing.T) {
	tr := testCatalog().English()
	probe := wooclient.ParseCredentials("ck_"+strings.Repeat("a", 39), "cs_"+strings.Repeat("b", 40))
	if probe.KeyProblem == nil {
		t.Fatal("a 42-character key must be a problem")
	}
	if got, want := tr.Text(probe.KeyProblem.Text), probe.KeyProblem.Message; got != want {
		t.Errorf("catalogue says %q; engine says %q", got, want)
	}
}

// TestPseudoLocaleIsLongerAndKeepsArguments checks what the layout tests
// rely on: every message about 40 % longer, accented, with its arguments
// intact.
func TestPseudoLocaleIsLongerAndKeepsArguments(t *testing.T) {
	c := testCatalog()
	tr, err := c.Translator(pseudoTag)
	if err != nil {
		t.Fatal(err)
	}
	got := tr.T("t.host", "Host", "shop.example")
	if !strings.Contains(got, "shop.example") || strings.Contains(got, "answers") {
		t.Errorf("pseudo %q: argument lost or text not accented", got)
	}
	for _, s := range c.Sources() {
		en := c.English().T(s.ID)
		ps := tr.T(s.ID)
		if s.ID == "format.date" || s.ID == "wpadmin.quote" || strings.Contains(s.Other, "{{") {
			continue
		}
		if ansi.StringWidth(ps) < ansi.StringWidth(en)*13/10 {
			t.Errorf("%s: pseudo %q is not much longer than %q", s.ID, ps, en)
		}
	}
}

func TestTranslatorRefusesUnknownLanguage(t *testing.T) {
	if _, err := testCatalog().Translator("tlh"); err == nil {
		t.Error("Translator(tlh) should fail: no such translation")
	}
}
