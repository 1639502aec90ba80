package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// SaidIn reads the Go files of dir (tests left out) for the tests that
// hold a package's words and its code together: said maps each message ID
// passed literally to one of calls — a method name and the argument
// position of its ID, {"T": 0, "N": 0, "AdminLabel": 1} — to where it is
// said; literals counts every string literal, so an ID declared in a
// Source list and never said shows up once.
func SaidIn(dir string, calls map[string]int) (said map[string]string, literals map[string]int, err error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, nil, err
	}
	fset := token.NewFileSet()
	said, literals = map[string]string{}, map[string]int{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if arg, ok := calls[sel.Sel.Name]; ok && len(n.Args) > arg {
					if lit, ok := n.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						said[v] = fset.Position(lit.Pos()).String()
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					v, _ := strconv.Unquote(n.Value)
					literals[v]++
				}
			}
			return true
		})
	}
	return said, literals, nil
}
