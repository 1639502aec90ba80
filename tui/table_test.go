package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTableColumnTakesLabelsUpToAThird: S6 and S7's label column takes at
// most a third of the page, a label exactly that wide included; a wider
// label goes on its own line with its value below, at the column.
func TestTableColumnTakesLabelsUpToAThird(t *testing.T) {
	p := newPage(30, ansi.WcWidth) // a third: 10 cells
	table(p, plainStyles(), [][2]string{{"Permission", "read, write"}, {"Key", "ck_…abc1234"}})
	if want := "Permission  read, write\nKey         ck_…abc1234"; p.String() != want {
		t.Errorf("a 10-cell label on a 30-cell page:\n%s\nwant\n%s", p.String(), want)
	}
	p = newPage(30, ansi.WcWidth)
	table(p, plainStyles(), [][2]string{{"Permissions", "read, write"}, {"Key", "ck_…abc1234"}})
	if want := "Permissions\n     read, write\nKey  ck_…abc1234"; p.String() != want {
		t.Errorf("an 11-cell label on a 30-cell page:\n%s\nwant\n%s", p.String(), want)
	}
}
