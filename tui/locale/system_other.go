//go:build !windows && !darwin

package locale

// systemLanguage: Unix-like systems keep the user's language in the
// environment (LC_ALL, LC_MESSAGES, LANG), which Detect reads first.
func systemLanguage() string { return "" }
