package locale

import "strings"

// SystemLanguage is the user's interface language as the operating system
// reports it when no environment variable says ("de-DE"), or "" where the
// system has no such setting apart from the environment (Linux, BSD).
func SystemLanguage() string { return systemLanguage() }

// firstAppleLanguage reads the first entry of `defaults read -g
// AppleLanguages`, a property list array such as
//
//	(
//	    "de-DE",
//	    en
//	)
func firstAppleLanguage(out string) string {
	for _, line := range strings.Split(out, "\n") {
		v := strings.Trim(strings.TrimSpace(line), `",`)
		if v == "" || v == "(" || v == ")" {
			continue
		}
		return v
	}
	return ""
}
