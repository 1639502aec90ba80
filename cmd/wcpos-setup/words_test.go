package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCommandWordsAreSaidAndKnown is tui's TestWizardWordsAreSaidAndKnown
// for the commands: every ID said has English, every English is said.
func TestCommandWordsAreSaidAndKnown(t *testing.T) {
	known := map[string]bool{}
	for _, s := range newCatalog().Sources() {
		known[s.ID] = true
	}
	names, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	said, count := map[string]string{}, map[string]int{}
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
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "T" || sel.Sel.Name == "N") && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
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
	if len(said) < 30 {
		t.Fatalf("found only %d translated calls: the source walk is broken", len(said))
	}
	for id, pos := range said {
		if !known[id] {
			t.Errorf("%s: %q has no English", pos, id)
		}
	}
	for _, s := range cmdWords() {
		if strings.HasPrefix(s.ID, "scenario.") {
			continue // said as "scenario." + name, one per scenario
		}
		if count[s.ID] < 2 {
			t.Errorf("%q is declared but never said", s.ID)
		}
	}
}
