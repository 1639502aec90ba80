package wooclient

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"time"
)

// sourceLiterals parses the package's non-test files and returns the IDs
// passed literally to say, and every string literal outside texts_en.go.
func sourceLiterals(t *testing.T) (said map[string]token.Position, literals map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	said, literals = map[string]token.Position{}, map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "texts_en.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "say" && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok {
						v, _ := strconv.Unquote(lit.Value)
						said[v] = fset.Position(lit.Pos())
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					v, _ := strconv.Unquote(n.Value)
					literals[v] = true
				}
			}
			return true
		})
	}
	return said, literals
}

// TestEveryTextHasEnglish holds the message table and the code together: an
// ID the engine says without English would reach users as a bare ID, and
// English nobody says would be translated for nothing.
func TestEveryTextHasEnglish(t *testing.T) {
	said, literals := sourceLiterals(t)
	if len(said) < 50 {
		t.Fatalf("found only %d say calls: the source walk is broken", len(said))
	}
	for id, pos := range said {
		if _, ok := englishTexts[id]; !ok {
			t.Errorf("%s: say(%q) has no English in englishTexts", pos, id)
		}
	}
	for id := range englishTexts {
		if !literals[id] {
			t.Errorf("englishTexts[%q] is never said", id)
		}
	}
}

// TestMessagesParse checks that every English sentence is a valid template
// and that Messages covers the catalogue and the checklist, which
// translations must cover too.
func TestMessagesParse(t *testing.T) {
	ids := map[string]string{}
	all := Messages()
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].ID < all[j].ID }) {
		t.Error("Messages() is not sorted by ID, as documented")
	}
	for _, m := range all {
		if _, err := template.New(m.ID).Parse(m.English); err != nil {
			t.Errorf("%s: %v", m.ID, err)
		}
		if strings.TrimSpace(m.English) == "" {
			t.Errorf("%s: empty English", m.ID)
		}
		ids[m.ID] = m.English
	}
	if got := ids["cause.wrong-pair.title"]; got != "Secret does not match the key" {
		t.Errorf("cause.wrong-pair.title = %q", got)
	}
	if got := ids["check.key-accepted"]; got != "Key accepted" {
		t.Errorf("check.key-accepted = %q", got)
	}
	if got := ids["severity.blocker"]; got != "blocker" {
		t.Errorf("severity.blocker = %q", got)
	}
	for _, e := range Catalogue() {
		for _, part := range []string{"title", "message", "fix"} {
			if _, ok := ids[e.Cause.TextID(part)]; !ok {
				t.Errorf("Messages lacks %s", e.Cause.TextID(part))
			}
		}
	}
}

func TestTextString(t *testing.T) {
	tests := []struct {
		t    Text
		want string
	}{
		{Text{}, ""},
		{say("net.dns", Args{"Host": "shop.example"}), "no address found for shop.example"},
		{say("field.too-short", Args{"Len": 41}), "Too short: 41 of 43 characters."},
		{say("rest.trying-key", Args{"Title": CauseWAFBlocked.Title()}), "Blocked by a firewall: trying with the key"},
		{say("certificate.valid", Args{"Protocol": "TLS 1.3", "Date": time.Date(2027, 11, 5, 0, 0, 0, 0, time.UTC)}),
			"TLS 1.3, valid until 5 Nov 2027"},
		{Text{ID: "no.such.id"}, "no.such.id"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%s: String() = %q; want %q", tt.t.ID, got, tt.want)
		}
	}
}

// TestTextMapStringsReachesNested checks redaction reaches every string a
// Text carries, nested ones included, without touching the original.
func TestTextMapStringsReachesNested(t *testing.T) {
	secret := "cs_" + strings.Repeat("a", 40)
	orig := say("admin.no-answer", Args{"Detail": say("net.failed", Args{"Error": "GET ?consumer_secret=" + secret})})
	got := orig.MapStrings(func(s string) string { return Redact(s, secret) })
	if strings.Contains(got.String(), secret) {
		t.Errorf("redacted text still holds the secret: %q", got.String())
	}
	if !strings.Contains(orig.String(), secret) {
		t.Errorf("MapStrings changed the original Text")
	}
}
