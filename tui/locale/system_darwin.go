//go:build darwin

package locale

import (
	"context"
	"os/exec"
	"time"
)

// systemLanguage asks macOS for the user's preferred languages. Terminal
// apps usually set LANG, so this runs only when they did not; it is
// bounded so a stuck preferences daemon cannot delay the start.
func systemLanguage() string {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	out, err := exec.CommandContext(ctx, "defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return ""
	}
	return firstAppleLanguage(string(out))
}
