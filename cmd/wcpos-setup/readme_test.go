package main

import (
	"os"
	"strings"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestREADMEMatchesCode keeps the README's findings catalogue, scenario list
// and exit codes true to the code.
func TestREADMEMatchesCode(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, e := range wooclient.Catalogue() {
		code := "—"
		if e.Code != "" {
			code = "[" + e.Code + "](" + e.DocsURL() + ")"
		}
		row := "| `" + string(e.Cause) + "` | " + code + " | " + string(e.Severity) + " | " + e.Title + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README lacks the catalogue row\n%s", row)
		}
	}
	if n := strings.Count(readme, "\n| `"); n < len(wooclient.Catalogue()) {
		t.Errorf("README catalogue has %d rows, the code %d", n, len(wooclient.Catalogue()))
	}
	for _, sc := range scenarios {
		if !strings.Contains(readme, "`"+sc.name+"`") {
			t.Errorf("README does not list the demo scenario %s", sc.name)
		}
	}
	for _, code := range []string{"| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"} {
		if !strings.Contains(readme, code) {
			t.Errorf("README lacks exit code row %s", code)
		}
	}
}
