package wooclient

import "testing"

// TestParsePasteWordBoundaries: "ck_" glued to a letter, digit or underscore
// is the end of another word ("truck_"), at each end of each range.
func TestParsePasteWordBoundaries(t *testing.T) {
	for _, c := range []string{"0", "9", "a", "z", "A", "Z", "_"} {
		if key, _, _ := ParsePaste(c + testKey); key != "" {
			t.Errorf("ParsePaste(%q + key) found %q, but %q makes ck_ part of a word", c, key, c)
		}
	}
	for _, c := range []string{"/", ":", "@", "[", "`", "{", "-"} {
		if key, _, _ := ParsePaste(c + testKey); key != testKey {
			t.Errorf("ParsePaste(%q + key) found %q, want the key: %q ends a word", c, key, c)
		}
	}
}

// TestShortFieldsAreNotOtherThings: two- and three-character fields that
// start like a key are short keys, not user names or the same value twice.
func TestShortFieldsAreNotOtherThings(t *testing.T) {
	p := ParseCredentials("ck_", "cs_")
	if p.SecretProblem == nil || p.SecretProblem.Message != "Too short: 3 of 43 characters." {
		t.Errorf("secret problem %+v, want too short", p.SecretProblem)
	}
	for _, k := range []string{"ck", "CK", "cs"} {
		if _, prob := CheckKey(k); prob == nil || prob.Cause == CauseNotAKey {
			t.Errorf("CheckKey(%q) = %+v, want a malformed key", k, prob)
		}
	}
}
