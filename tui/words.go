package tui

import (
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// Sources is the English of everything the wizard says, for
// locale.NewCatalog: the engine's sentences and catalogue (wooclient), then
// the wizard's own words, which live beside the code that says them
// (words_*.go). cmd adds its own.
func Sources() [][]locale.Source {
	return [][]locale.Source{EngineSources(), wizardWords()}
}

// EngineSources adapts wooclient's English to the catalogue.
func EngineSources() []locale.Source {
	msgs := wooclient.Messages()
	out := make([]locale.Source, len(msgs))
	for i, m := range msgs {
		out[i] = locale.Source{ID: m.ID, Other: m.English}
	}
	return out
}

// wizardWords gathers the wizard's English, one list per area.
func wizardWords() []locale.Source {
	var out []locale.Source
	for _, list := range [][]locale.Source{frameWords, keyWords, wpadminWords, languageWords,
		savedWords, storeWords, storeViewWords, locateWords, generateWords,
		linkWords, navigationWords, sanitizeWords, qrWords, listWords, findingWords,
		keysWords, keysInputWords, keysViewWords, permsWords, reviewWords, doneWords,
		reportWords, accessWords, accessKeysWords, accessStepsWords, accessLocateWords,
	} {
		out = append(out, list...)
	}
	return out
}

// englishTranslator is the language of a Model or accessible run built
// without one (tests, embedders): English, from the wizard's own sources.
func englishTranslator() *locale.Translator {
	return locale.NewCatalog(Sources()...).English()
}

// wpadminWords are WP Admin's own labels, as WooCommerce and WordPress
// show them in English. Each language file gives them as WooCommerce's
// translation for that language shows them; Model.adminLabel names them
// in the store's language with the English beside.
var wpadminWords = []locale.Source{
	{ID: "wpadmin.woocommerce", Other: "WooCommerce"},
	{ID: "wpadmin.settings", Other: "Settings"},
	{ID: "wpadmin.advanced", Other: "Advanced"},
	{ID: "wpadmin.rest-api", Other: "REST API"},
	{ID: "wpadmin.add-key", Other: "Add key"},
	{ID: "wpadmin.description-field", Other: "Description"},
	{ID: "wpadmin.user", Other: "User"},
	{ID: "wpadmin.permissions", Other: "Permissions"},
	{ID: "wpadmin.read", Other: "Read"},
	{ID: "wpadmin.read-write", Other: "Read/Write"},
	{ID: "wpadmin.generate-api-key", Other: "Generate API key"},
	{ID: "wpadmin.consumer-key", Other: "Consumer key"},
	{ID: "wpadmin.consumer-secret", Other: "Consumer secret"},
	{ID: "wpadmin.key-ending", Other: "Consumer key ending in"},
	{ID: "wpadmin.last-access", Other: "Last access"},
	{ID: "wpadmin.edit", Other: "Edit"},
}
