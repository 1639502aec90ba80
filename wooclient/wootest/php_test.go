package wootest

import (
	"strings"
	"testing"
)

// TestParsePHPQuery checks the PHP parsing rules the signature depends on.
func TestParsePHPQuery(t *testing.T) {
	p := parsePHPQuery("a=1&b.c=x+y&a=2&d[]=p&d[]=q&e[k]=v&f=%41%zz&=skip")
	if v, _ := p.str("a"); v != "2" {
		t.Errorf("a = %q, want the last value", v)
	}
	if v, _ := p.str("b_c"); v != "x y" {
		t.Errorf("b.c should arrive as b_c = %q", v)
	}
	if d := p.vals["d"].arr; len(d) != 2 || d[0] != (phpMember{"0", "p"}) || d[1] != (phpMember{"1", "q"}) {
		t.Errorf("d[] = %v", d)
	}
	if v, _ := p.str("f"); v != "A%zz" {
		t.Errorf("f = %q, malformed escapes stay", v)
	}
	if want := []string{"a", "b_c", "d", "e", "f"}; strings.Join(p.names, ",") != strings.Join(want, ",") {
		t.Errorf("names = %v, want %v", p.names, want)
	}
}

// TestPHPAuthUser checks how PHP splits a Basic header.
func TestPHPAuthUser(t *testing.T) {
	tests := []struct {
		header, user, pass string
		ok                 bool
	}{
		{"Basic Y2tfYTpjc19iOmM=", "ck_a", "cs_b:c", true},
		{"basic Y2tfYTpjc19i", "ck_a", "cs_b", true},
		{"Basic bm9jb2xvbg==", "", "", false},
		{"Bearer abc", "", "", false},
	}
	for _, tc := range tests {
		u, p, ok := phpAuthUser(tc.header)
		if u != tc.user || p != tc.pass || ok != tc.ok {
			t.Errorf("%q: %q %q %v", tc.header, u, p, ok)
		}
	}
}

// TestPHPJSON checks WordPress's JSON spelling: \/ and \u escapes, no HTML escaping,
// empty arrays as [].
func TestPHPJSON(t *testing.T) {
	got := string(phpJSON(obj{{"a", "x/y <b>&"}, {"é", "€😀"}, {"e", obj{}}, {"n", nil}}))
	want := `{"a":"x\/y <b>&","\u00e9":"\u20ac\ud83d\ude00","e":[],"n":null}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
