package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wordUses walks the package's source: the IDs passed literally to a
// Translator's T, N and AdminLabel, and how often each string literal
// appears.
func wordUses(t *testing.T, dir string) (said map[string]string, count map[string]int) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	said, count = map[string]string{}, map[string]int{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				arg := -1
				switch sel.Sel.Name {
				case "T", "N":
					arg = 0
				case "AdminLabel":
					arg = 1
				}
				if arg >= 0 && len(n.Args) > arg {
					if lit, ok := n.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						said[v] = fset.Position(lit.Pos()).String()
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					v, _ := strconv.Unquote(n.Value)
					count[v]++
				}
			}
			return true
		})
	}
	return said, count
}

// TestWizardWordsAreSaidAndKnown holds the wizard's English and its code
// together: an ID said without English would reach a cashier as ⟦id⟧, a
// word never said would be translated for nothing, and an ID given twice
// would make one of its two sentences silently win.
func TestWizardWordsAreSaidAndKnown(t *testing.T) {
	known := map[string]bool{}
	for _, list := range Sources() {
		for _, s := range list {
			known[s.ID] = true
		}
	}
	for _, id := range []string{"language.name", "format.date", "wpadmin.quote", "wpadmin.quote-english"} {
		known[id] = true // the locale package's own
	}
	said, count := wordUses(t, ".")
	if len(said) < 200 {
		t.Fatalf("found only %d translated calls: the source walk is broken", len(said))
	}
	for id, pos := range said {
		if !known[id] {
			t.Errorf("%s: %q has no English", pos, id)
		}
	}
	seen := map[string]bool{}
	for _, s := range wizardWords() {
		if seen[s.ID] {
			t.Errorf("%q is declared twice", s.ID)
		}
		seen[s.ID] = true
		if count[s.ID] < 2 {
			t.Errorf("%q is declared but never said", s.ID)
		}
		if strings.TrimSpace(s.Other) == "" {
			t.Errorf("%q has no English", s.ID)
		}
	}
}
