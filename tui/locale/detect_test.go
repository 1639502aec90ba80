package locale

import (
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// TestDetect walks the documented order (--lang, WCPOS_SETUP_LANG, LC_ALL,
// LC_MESSAGES, LANG, the system, English) and the POSIX and CLDR rules of
// matching. Expectations come from the README's table, not from Match.
func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		flag   string
		env    map[string]string
		system string
		tag    string
		source string
		fall   bool
	}{
		{"nothing set", "", nil, "", "en", "default", false},
		{"LANG German", "", map[string]string{"LANG": "de_DE.UTF-8"}, "", "de", "LANG", false},
		{"LANG with modifier", "", map[string]string{"LANG": "de_DE.UTF-8@euro"}, "", "de", "LANG", false},
		{"Brazilian", "", map[string]string{"LANG": "pt_BR.UTF-8"}, "", "pt-BR", "LANG", false},
		{"Portugal falls to pt-BR", "", map[string]string{"LANG": "pt_PT.UTF-8"}, "", "pt-BR", "LANG", false},
		{"Austria falls to de", "", map[string]string{"LANG": "de_AT.UTF-8"}, "", "de", "LANG", false},
		{"Chinese", "", map[string]string{"LANG": "zh_CN.UTF-8"}, "", "zh-CN", "LANG", false},
		{"Hindi", "", map[string]string{"LANG": "hi_IN"}, "", "hi-IN", "LANG", false},
		{"Arabic Egypt", "", map[string]string{"LANG": "ar_EG.UTF-8"}, "", "ar", "LANG", false},
		{"Korean", "", map[string]string{"LANG": "ko_KR.UTF-8"}, "", "ko", "LANG", false},
		{"C is English", "", map[string]string{"LANG": "C"}, "", "en", "LANG", false},
		{"C.UTF-8 is English", "", map[string]string{"LANG": "C.UTF-8", "LC_MESSAGES": ""}, "", "en", "LANG", false},
		{"POSIX is English", "", map[string]string{"LC_ALL": "POSIX", "LANG": "de_DE"}, "", "en", "LC_ALL", false},
		{"LC_ALL beats LANG", "", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "", "fr", "LC_ALL", false},
		{"LC_MESSAGES beats LANG", "", map[string]string{"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "de_DE.UTF-8"}, "", "ja", "LC_MESSAGES", false},
		{"LC_ALL beats LC_MESSAGES", "", map[string]string{"LC_ALL": "it_IT", "LC_MESSAGES": "ja_JP"}, "", "it", "LC_ALL", false},
		{"env var beats POSIX", "", map[string]string{"WCPOS_SETUP_LANG": "nl", "LC_ALL": "fr_FR"}, "", "nl", "WCPOS_SETUP_LANG", false},
		{"flag beats everything", "es", map[string]string{"WCPOS_SETUP_LANG": "nl", "LC_ALL": "fr_FR"}, "ja-JP", "es", "--lang", false},
		{"flag BCP 47 region", "zh-Hans-CN", nil, "", "zh-CN", "--lang", false},
		{"Swedish has no translation", "", map[string]string{"LANG": "sv_SE.UTF-8"}, "", "en", "LANG", true},
		{"English region", "", map[string]string{"LANG": "en_GB.UTF-8"}, "", "en", "LANG", false},
		{"garbage env is skipped", "", map[string]string{"WCPOS_SETUP_LANG": "!!", "LANG": "ko_KR"}, "", "ko", "LANG", false},
		{"system when env is empty", "", nil, "de-DE", "de", "system", false},
		{"env beats system", "", map[string]string{"LANG": "fr_FR.UTF-8"}, "de-DE", "fr", "LANG", false},
		{"pseudo-locale", "en-XA", nil, "", "en-XA", "--lang", false},
	}
	for _, tt := range tests {
		c, err := Detect(tt.flag, env(tt.env), func() string { return tt.system })
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.Tag != tt.tag || c.Source != tt.source || c.Fallback != tt.fall {
			t.Errorf("%s: Detect = %+v; want tag %s from %s (fallback %v)", tt.name, c, tt.tag, tt.source, tt.fall)
		}
	}
}

func TestDetectRefusesGarbageFlag(t *testing.T) {
	_, err := Detect("not a language!", env(nil), nil)
	if err == nil || !strings.Contains(err.Error(), "de") {
		t.Fatalf("Detect with a garbage --lang = %v; want an error listing the languages", err)
	}
}

func TestFirstAppleLanguage(t *testing.T) {
	tests := map[string]string{
		"(\n    \"de-DE\",\n    en\n)\n": "de-DE",
		"(\n    en,\n    \"ja-JP\"\n)":   "en",
		"(\n)\n":                         "",
		"":                               "",
	}
	for in, want := range tests {
		if got := firstAppleLanguage(in); got != want {
			t.Errorf("firstAppleLanguage(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestSiteLabelTag checks which language file names a store's WP Admin
// labels: WordPress locales are regional where our files are (pt_PT is
// not pt_BR), whole-language otherwise.
func TestSiteLabelTag(t *testing.T) {
	tests := map[string]string{
		"de-DE": "de", "de_AT": "de", "de": "de", "pt-BR": "pt-BR", "pt-PT": "", "zh-CN": "zh-CN",
		"zh-TW": "", "ja": "ja", "en-US": "", "": "", "sv-SE": "", "ar": "ar", "hi-IN": "hi-IN",
	}
	for in, want := range tests {
		if got := siteLabelTag(in); got != want {
			t.Errorf("siteLabelTag(%q) = %q; want %q", in, got, want)
		}
	}
}
