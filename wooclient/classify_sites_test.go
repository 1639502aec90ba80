package wooclient

import (
	"path/filepath"
	"testing"
	"time"
)

// fixtureDir2 holds the transcripts of the store set up in other ways
// (domain.md §6).
const fixtureDir2 = "wootest/testdata/fixtures-2"

// TestClassifySiteTranscripts classifies every answer of the second fixture
// set and checks what the diagnosis reads from it: the verdict, and the
// signals that tell a setup apart (the REST root a page advertises, a
// WordPress 404 from the web server's own, maintenance, junk, a BOM).
func TestClassifySiteTranscripts(t *testing.T) {
	type want struct {
		v        Verdict
		link     string // RESTLink, when it matters
		wp404    bool
		junk     bool
		bom      bool
		lang     string
		retryMin time.Duration
	}
	api, idx, nr := "https://127.0.0.1/api/", "https://127.0.0.1/index.php/wp-json/", "https://127.0.0.1:8452/wp-json/"
	wants := map[string]want{
		"100": {v: VerdictHTML, link: api, lang: "en-US"}, "101": {v: VerdictOK, link: api},
		"102": {v: VerdictNotFound, link: api, wp404: true, lang: "en-US"}, "103": {v: VerdictOK}, "104": {v: VerdictAnonymous},
		"105": {v: VerdictOK}, "106": {v: VerdictAnonymous},
		"110": {v: VerdictHTML, link: idx, lang: "en-US"}, "111": {v: VerdictOK, link: idx}, "112": {v: VerdictOK}, "113": {v: VerdictOK, link: idx},
		"120": {v: VerdictOK, link: "https://127.0.0.1:8446/shop/wp-json/"}, "121": {v: VerdictOK},
		"130": {v: VerdictHTML, link: nr}, "131": {v: VerdictNotFound}, "132": {v: VerdictOK, link: nr}, "133": {v: VerdictAnonymous},
		"140": {v: VerdictMaintenance, retryMin: 10 * time.Minute}, "141": {v: VerdictMaintenance, retryMin: 10 * time.Minute},
		"150": {v: VerdictServerError}, "151": {v: VerdictServerError},
		"160": {v: VerdictOK, junk: true}, "170": {v: VerdictOK, junk: true, bom: true},
		"180": {v: VerdictAnonymous}, "190": {v: VerdictOK}, "191": {v: VerdictServerError},
		"195": {v: VerdictSitePassword}, "196": {v: VerdictSitePassword}, "197": {v: VerdictOK},
	}
	paths, err := filepath.Glob(filepath.Join(fixtureDir2, "[0-9]*.txt"))
	if err != nil || len(paths) != len(wants) {
		t.Fatalf("%d transcripts in %s, %d expected (%v)", len(paths), fixtureDir2, len(wants), err)
	}
	for _, p := range paths {
		tr := readTranscript(t, p)
		w, ok := wants[tr.Name[:3]]
		if !ok {
			t.Errorf("%s: no expectation: add one", tr.Name)
			continue
		}
		a := Classify(tr.Status, tr.Header, tr.Body, time.Now())
		if a.Verdict != w.v || a.WordPress404 != w.wp404 || a.Junk != w.junk || a.BOM != w.bom || a.RetryAfter < w.retryMin {
			t.Errorf("%s: %v wp404=%v junk=%v bom=%v retry=%v; want %+v", tr.Name, a.Verdict, a.WordPress404, a.Junk, a.BOM, a.RetryAfter, w)
		}
		if w.link != "" && a.RESTLink != w.link {
			t.Errorf("%s: REST link %q, want %q", tr.Name, a.RESTLink, w.link)
		}
		if w.lang != "" && a.Lang != w.lang {
			t.Errorf("%s: language %q, want %q", tr.Name, a.Lang, w.lang)
		}
		if a.Cached {
			t.Errorf("%s: read as a cache hit", tr.Name)
		}
	}
}
