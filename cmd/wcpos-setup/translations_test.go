package main

import (
	"flag"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/wcpos/wcpos-setup/tui/locale"
)

var update = flag.Bool("update", false, "rewrite the English template of the language files")

// wantLanguages are the 12 languages WCPOS publishes its docs in; every
// one must ship complete.
var wantLanguages = []string{"ar", "de", "en", "es", "fr", "hi-IN", "it", "ja", "ko", "nl", "pt-BR", "zh-CN"}

func TestTheTwelveLanguagesShip(t *testing.T) {
	have := locale.Languages()
	for _, l := range wantLanguages {
		if !strings.Contains(" "+strings.Join(have, " ")+" ", " "+l+" ") {
			t.Errorf("no translation for %s (have %v)", l, have)
		}
	}
}

var placeholderRe = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// placeholders lists a template's {{.Name}} arguments.
func placeholders(s string) []string {
	seen := map[string]bool{}
	for _, m := range placeholderRe.FindAllStringSubmatch(s, -1) {
		seen[m[1]] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// forms lists a translated message's non-empty plural forms.
func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for name, v := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if v != "" {
			out[name] = v
		}
	}
	return out
}

// TestTranslationsAreComplete fails when a language misses a message, has
// one nobody says any more, or uses other arguments than the English: a
// dropped {{.Host}} hides the store's address from that cashier, a
// misspelt one prints "<no value>".
func TestTranslationsAreComplete(t *testing.T) {
	sources := newCatalog().Sources()
	for _, tag := range locale.Languages()[1:] {
		msgs, err := locale.Translations(tag)
		if err != nil {
			t.Errorf("%s: %v", tag, err)
			continue
		}
		for _, s := range sources {
			m, ok := msgs[s.ID]
			if !ok {
				t.Errorf("%s: %s is not translated (English: %q)", tag, s.ID, s.Other)
				continue
			}
			want := strings.Join(placeholders(s.Other+s.One), ",")
			for form, text := range forms(m) {
				got := placeholders(text)
				if s.One != "" { // {{.Count}} may be spelt out in a form
					got = appendMissing(got, "Count")
				}
				wantHere := want
				if s.One != "" {
					wantHere = strings.Join(appendMissing(placeholders(s.Other+s.One), "Count"), ",")
				}
				if strings.Join(got, ",") != wantHere {
					t.Errorf("%s: %s (%s) has arguments %v; the English has %s", tag, s.ID, form, got, wantHere)
				}
			}
			if m.Other == "" {
				t.Errorf("%s: %s has no \"other\" form", tag, s.ID)
			}
		}
		known := map[string]bool{}
		for _, s := range sources {
			known[s.ID] = true
		}
		for id := range msgs {
			if !known[id] {
				t.Errorf("%s: %s is translated but nothing says it", tag, id)
			}
		}
	}
}

func appendMissing(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	list = append(list, v)
	sort.Strings(list)
	return list
}

// sameInEveryLanguage are messages that may read like the English: brand
// names, codes, technical words every language borrows, and WP Admin
// labels that WooCommerce itself leaves in English in some languages.
var sameInEveryLanguage = map[string]string{
	"check.wordpress":      "brand name",
	"check.woocommerce":    "brand name",
	"check.rest-api":       "technical term",
	"woocommerce.version":  "brand name and version",
	"wcpos.version":        "brand name and version",
	"redirected.to":        "two addresses",
	"site.rest-said":       "the store's own words",
	"net.bad-request":      "the system's own words",
	"tls.failed":           "the system's own words",
	"config.file-from":     "a path and a source",
	"config.rest-root":     "technical term",
	"config.wcpos-plugin":  "brand name",
	"format.date":          "a numeric date layout can match",
	"wpadmin.woocommerce":  "brand name",
	"wpadmin.rest-api":     "technical term",
	"wpadmin.quote":        "a bare label",
	"explain.col-code":     "may stay CODE",
	"key.qr-code":          "technical term",
	"frame.practice-store": "never",
	"cli.error":            "the Spanish word is the English one",
}

// TestTranslationsAreTranslated fails when a message is left in English:
// a cashier who does not read English would be stuck exactly there.
func TestTranslationsAreTranslated(t *testing.T) {
	delete(sameInEveryLanguage, "frame.practice-store")
	sources := newCatalog().Sources()
	for _, tag := range locale.Languages()[1:] {
		msgs, err := locale.Translations(tag)
		if err != nil {
			continue // reported by TestTranslationsAreComplete
		}
		for _, s := range sources {
			m, ok := msgs[s.ID]
			if !ok || m.Other != s.Other || sameInEveryLanguage[s.ID] != "" || !hasWords(s.Other) {
				continue
			}
			if strings.HasPrefix(s.ID, "wpadmin.") {
				continue // WooCommerce's own translation, English where WooCommerce leaves it so
			}
			t.Errorf("%s: %s is still English: %q", tag, s.ID, s.Other)
		}
	}
}

// hasWords reports text beyond placeholders, codes and punctuation: a
// message of only {{.Error}} or "{{.From}} → {{.To}}" reads the same
// everywhere.
func hasWords(s string) bool {
	s = placeholderRe.ReplaceAllString(s, "")
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 2
}

// TestEnglishTemplate keeps tui/locale/en.template.toml, the file a new
// language starts from, equal to the English in the code.
func TestEnglishTemplate(t *testing.T) {
	var b strings.Builder
	b.WriteString("# The English of every message wcpos-setup says, generated from the code by\n" +
		"#   go test ./cmd/wcpos-setup -run TestEnglishTemplate -update\n" +
		"# To add a language, copy this file to locales/<tag>.toml and translate every value.\n" +
		"# Keep {{.Placeholders}}; give every plural form your language has (one, few, many, other...).\n\n")
	for _, s := range newCatalog().Sources() {
		if s.One != "" { // an inline table: a [table] header would take in every key after it
			b.WriteString(quoteKey(s.ID) + " = { one = " + tomlString(s.One) + ", other = " + tomlString(s.Other) + " }\n")
			continue
		}
		b.WriteString(quoteKey(s.ID) + " = " + tomlString(s.Other) + "\n")
	}
	const path = "../../tui/locale/en.template.toml"
	parsed, err := i18n.ParseMessageFileBytes([]byte(b.String()), "en.toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("the template does not parse: %v", err)
	}
	if len(parsed.Messages) != len(newCatalog().Sources()) {
		t.Errorf("the template parses into %d messages; the code has %d", len(parsed.Messages), len(newCatalog().Sources()))
	}
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != b.String() {
		t.Errorf("%s is out of date: run go test ./cmd/wcpos-setup -run TestEnglishTemplate -update", path)
	}
}

func quoteKey(id string) string { return `"` + id + `"` }

func tomlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

// TestEveryCountRendersInEveryLanguage says every countable message with
// counts that pick every CLDR plural form (Arabic has six, French and
// Italian a "many" for millions): a form missing from a translation would
// show ⟦id⟧ to the cashier who hits that count.
func TestEveryCountRendersInEveryLanguage(t *testing.T) {
	cat := newCatalog()
	for _, tag := range locale.Languages() {
		tr, err := cat.Translator(tag)
		if err != nil {
			t.Errorf("%s: %v", tag, err)
			continue
		}
		for _, s := range cat.Sources() {
			if s.One == "" {
				continue
			}
			var args []any
			for _, p := range placeholders(s.Other + s.One) {
				args = append(args, p, "x")
			}
			for _, n := range []int{0, 1, 2, 3, 5, 11, 12, 21, 99, 100, 101, 102, 111, 1000, 1000000} {
				if got := tr.N(s.ID, n, args...); strings.Contains(got, "⟦") || strings.Contains(got, "<no value>") {
					t.Errorf("%s: %s with %d says %q", tag, s.ID, n, got)
				}
			}
		}
	}
}
