package config

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestProfileNameLimitsAreInclusive checks both ends of the documented
// rule, names of 1 to 64 characters: the shortest and the longest names
// are saved, one longer is refused.
func TestProfileNameLimitsAreInclusive(t *testing.T) {
	s := newTestStore(t)
	for _, name := range []string{"a", strings.Repeat("x", 64), "Till_2.back-up"} {
		if _, err := s.Save(name, testProfile("x")); err != nil {
			t.Errorf("Save(%q): %v; want it saved", name, err)
		}
	}
	if _, err := s.Save(strings.Repeat("x", 65), testProfile("x")); err == nil {
		t.Error("a 65-character name was saved")
	}
}

// TestCorruptErrorWithoutALineNamesNone: Line 0 means the line is unknown
// (CorruptError's doc), so the message must not point at a "line 0".
func TestCorruptErrorWithoutALineNamesNone(t *testing.T) {
	for _, e := range []*CorruptError{
		{Path: "/x/config.json", Err: &json.SyntaxError{}},
		{Path: "/x/config.json", Err: &json.UnmarshalTypeError{Value: "string"}},
	} {
		if msg := e.Error(); strings.Contains(msg, "line") {
			t.Errorf("%q names a line", msg)
		}
	}
	e := &CorruptError{Path: "/x/config.json", Line: 1, Err: &json.SyntaxError{}}
	if msg := e.Error(); !strings.Contains(msg, "(line 1)") {
		t.Errorf("%q does not name line 1", msg)
	}
}
