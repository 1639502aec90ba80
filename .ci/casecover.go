//go:build ignore

// casecover adds the case expressions of expression switches to a Go
// coverage profile, for .ci/mutation. Go's coverage blocks hold statements:
// `case a.Status < 300 && !a.JSON:` lies between blocks, so gremlins v0.6.0
// reports every mutant there NOT COVERED and never runs it, although most
// of the engine's verdicts are decided on such lines. A switch counts as
// reached when any of its clauses' bodies ran; then each case list is marked
// run once. That over-approximates: a case after the one that matched was
// not evaluated, so its mutants run and can only live, never be killed by
// accident. The measurement gets stricter, never kinder.
//
//	go run .ci/casecover.go PROFILE MODULE ROOT
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

type block struct {
	file                  string
	sl, sc, el, ec, count int
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: casecover PROFILE MODULE ROOT")
		os.Exit(2)
	}
	profile, module, root := os.Args[1], os.Args[2], os.Args[3]
	blocks, err := read(profile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "casecover:", err)
		os.Exit(1)
	}
	byFile := map[string][]block{}
	for _, b := range blocks {
		byFile[b.file] = append(byFile[b.file], b)
	}
	f, err := os.OpenFile(profile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "casecover:", err)
		os.Exit(1)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	for name, bs := range byFile {
		path := filepath.Join(root, strings.TrimPrefix(name, module+"/"))
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			continue // not in this module's tree (a generated file): leave it
		}
		ast.Inspect(file, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || !reached(fset, sw, bs) {
				return true
			}
			for _, s := range sw.Body.List {
				cc := s.(*ast.CaseClause)
				if len(cc.List) == 0 {
					continue // default: nothing to mutate before the colon
				}
				start, end := fset.Position(cc.Case), fset.Position(cc.Colon)
				fmt.Fprintf(w, "%s:%d.%d,%d.%d 1 1\n", name, start.Line, start.Column, end.Line, end.Column+1)
			}
			return true
		})
	}
}

// reached: some clause body of the switch holds a block that ran.
func reached(fset *token.FileSet, sw *ast.SwitchStmt, bs []block) bool {
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		from, to := fset.Position(cc.Colon), fset.Position(cc.End())
		for _, b := range bs {
			if b.count > 0 && after(b.sl, b.sc, from) && !after(b.sl, b.sc, to) {
				return true
			}
		}
	}
	return false
}

func after(line, col int, p token.Position) bool {
	return line > p.Line || line == p.Line && col > p.Column
}

// read parses "file:sl.sc,el.ec stmts count" lines after the mode line.
func read(path string) ([]block, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []block
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "mode:") {
			continue
		}
		colon := strings.LastIndexByte(line, ':')
		var b block
		b.file = line[:colon]
		var stmts int
		if _, err := fmt.Sscanf(line[colon+1:], "%d.%d,%d.%d %d %d", &b.sl, &b.sc, &b.el, &b.ec, &stmts, &b.count); err != nil {
			return nil, fmt.Errorf("%q: %v", line, err)
		}
		out = append(out, b)
	}
	return out, nil
}
