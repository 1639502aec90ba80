package tui

import (
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestSiteLanguageIsWhatAStoreSaid: the WP Admin labels follow the last
// language a store's front page stated; a later answer that stated none
// (a front page without <html lang>) does not erase what S0 learned, and
// nothing known means English labels ("").
func TestSiteLanguageIsWhatAStoreSaid(t *testing.T) {
	said := func(lang string) *wooclient.Report { return &wooclient.Report{Store: wooclient.Store{Language: lang}} }
	for _, tc := range []struct {
		name         string
		store, saved *wooclient.Report
		want         string
	}{
		{"S1 said de-DE", said("de-DE"), nil, "de-DE"},
		{"S1 said nothing, S0 said de-DE", said(""), said("de-DE"), "de-DE"},
		{"S1 said fr-FR, S0 de-DE", said("fr-FR"), said("de-DE"), "fr-FR"},
		{"only S0 said ja", nil, said("ja"), "ja"},
		{"nobody said", said(""), said(""), ""},
	} {
		var m Model
		m.store.report, m.saved.report = tc.store, tc.saved
		if got := m.siteLanguage(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
