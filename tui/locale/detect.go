package locale

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// Choice is the language chosen for this run and why, for `config show`.
type Choice struct {
	// Tag is the supported language used: "de", "pt-BR", "en".
	Tag string
	// Asked is what the source said ("de_DE.UTF-8"); "" for the default.
	Asked string
	// Source names where it came from: "--lang", "WCPOS_SETUP_LANG",
	// "LC_ALL", "LC_MESSAGES", "LANG", "system" or "default".
	Source string
	// Fallback reports that nothing close to Asked is translated, so
	// English is used.
	Fallback bool
}

// Detect picks the language, most specific first: the --lang flag,
// WCPOS_SETUP_LANG, then the POSIX locale variables in their own order
// of precedence (LC_ALL, LC_MESSAGES, LANG), then the system's user
// interface language (Windows and macOS; system may be nil). A value that
// names no translated language falls back by CLDR matching (pt-PT → pt-BR,
// de-AT → de) and finally to English; it never fails, except for a --lang
// value that is not a language tag at all, which is a usage error.
func Detect(flag string, getenv func(string) string, system func() string) (Choice, error) {
	if flag != "" {
		c, ok := choose(flag, "--lang")
		if !ok {
			return Choice{}, fmt.Errorf("--lang %q is not a language; use one of %s", flag, strings.Join(Languages(), ", "))
		}
		return c, nil
	}
	for _, name := range []string{"WCPOS_SETUP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if c, ok := choose(getenv(name), name); ok {
			return c, nil
		}
	}
	if system != nil {
		if c, ok := choose(system(), "system"); ok {
			return c, nil
		}
	}
	return Choice{Tag: "en", Source: "default"}, nil
}

// choose matches one value; ok is false for an empty or unreadable one,
// so detection moves on to the next source.
func choose(raw, source string) (Choice, bool) {
	v := strings.TrimSpace(raw)
	if v == "" {
		return Choice{}, false
	}
	if isPOSIXDefault(v) {
		return Choice{Tag: "en", Asked: v, Source: source}, true
	}
	tag, ok := Match(v)
	if !ok {
		return Choice{}, false
	}
	return Choice{Tag: tag, Asked: v, Source: source, Fallback: tag == "en" && !isEnglish(v)}, true
}

// isPOSIXDefault recognises the C and POSIX locales, which mean "no
// particular language": English.
func isPOSIXDefault(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}

func isEnglish(v string) bool {
	t, err := language.Parse(posixToBCP47(v))
	if err != nil {
		return false
	}
	b, _ := t.Base()
	return b.String() == "en"
}

// Match turns a locale name (BCP 47 "pt-PT", POSIX "pt_PT.UTF-8@euro") into
// the closest supported language by CLDR matching. ok is false when the
// value is not a language tag at all; a tag with no translation close
// enough matches English.
func Match(v string) (string, bool) {
	bcp := posixToBCP47(v)
	if strings.EqualFold(bcp, pseudoTag) {
		return pseudoTag, true
	}
	want, err := language.Parse(bcp)
	if err != nil || want == language.Und {
		return "", false
	}
	langs := Languages()
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = language.MustParse(l)
	}
	_, idx, conf := language.NewMatcher(tags).Match(want)
	if conf == language.No {
		return "en", true
	}
	return langs[idx], true
}

// posixToBCP47 drops a POSIX locale's codeset and modifier and spells its
// separator the BCP 47 way: "de_DE.UTF-8@euro" → "de-DE".
func posixToBCP47(v string) string {
	v, _, _ = strings.Cut(v, "@")
	v, _, _ = strings.Cut(v, ".")
	v = strings.ReplaceAll(strings.TrimSpace(v), "_", "-")
	if strings.IndexFunc(v, func(r rune) bool { return r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
		return ""
	}
	return v
}

// supported reports whether a tag has a translation (or is English).
func supported(tag string) bool {
	for _, l := range Languages() {
		if l == tag {
			return true
		}
	}
	return false
}

// isRTL reports the right-to-left languages among the supported ones.
func isRTL(tag string) bool {
	base, _, _ := strings.Cut(tag, "-")
	switch base {
	case "ar", "he", "fa", "ur":
		return true
	}
	return false
}

// isRTLRune reports letters of right-to-left scripts.
func isRTLRune(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
