package wootest

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixtureSet is one folder of recorded WooCommerce answers: the repository's copy
// and where the lead keeps the originals (when present, the copy must not have
// drifted from them).
type fixtureSet struct{ dir, shared string }

// The two recordings: the default store and its broken-key setups, then the site
// setups that differ from the default (domain.md §6).
var (
	firstSet  = fixtureSet{"testdata/fixtures", "../../../shared/fixtures/woocommerce"}
	secondSet = fixtureSet{"testdata/fixtures-2", "../../../shared/fixtures/woocommerce-2"}
)

// fixtureDir is the first set's copy, the one the OAuth transcripts live in.
const fixtureDir = "testdata/fixtures"

// fixtureCase is one entry of cases.json.
type fixtureCase struct {
	Case        string  `json:"case"`
	What        string  `json:"what"`
	Site        string  `json:"site"`
	Key         string  `json:"key"`
	Transport   string  `json:"transport"`
	Method      string  `json:"method"`
	URL         string  `json:"url"`
	Status      int     `json:"status"`
	Code        *string `json:"code"`
	Message     *string `json:"message"`
	ContentType string  `json:"content_type"`
	Transcript  string  `json:"transcript"`
	set         fixtureSet
}

// keyKind is the first word of the case's key description ("admin_rw", "none", …).
func (c fixtureCase) keyKind() string { return strings.Fields(c.Key)[0] }

// cases reads cases.json from the copy, after checking it against the shared
// original when that is reachable.
func (set fixtureSet) cases(t *testing.T) []fixtureCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(set.dir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	if orig, err := os.ReadFile(filepath.Join(set.shared, "cases.json")); err == nil && !bytes.Equal(orig, b) {
		t.Fatalf("%s/cases.json differs from %s: refresh the copy", set.dir, set.shared)
	}
	var doc struct {
		Cases []fixtureCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Cases) == 0 {
		t.Fatal("cases.json has no cases")
	}
	for i := range doc.Cases {
		doc.Cases[i].set = set
	}
	return doc.Cases
}

// transcript is one parsed NN-name.txt.
type transcript struct {
	time         time.Time
	notes        []string
	method, url  string
	reqHeaders   [][2]string
	reqBody      string
	status       int
	respHeader   http.Header
	body         string
	bodyComplete bool // false when the transcript shows only the first bytes
}

// baseStringNote is the "# Note: Signature base string: …" line, if any.
func (tr *transcript) baseStringNote() string {
	for _, n := range tr.notes {
		if s, ok := strings.CutPrefix(n, "Signature base string: "); ok {
			return s
		}
	}
	return ""
}

// loadTranscript parses a transcript of the first set.
func loadTranscript(t *testing.T, name string) *transcript { return firstSet.transcript(t, name) }

// transcript parses a transcript from the copy (checked against the original).
func (set fixtureSet) transcript(t *testing.T, name string) *transcript {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(set.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if orig, err := os.ReadFile(filepath.Join(set.shared, name)); err == nil && !bytes.Equal(orig, raw) {
		t.Fatalf("%s/%s differs from the shared original", set.dir, name)
	}
	tr := &transcript{respHeader: http.Header{}}
	text := string(raw)
	head, rest, _ := strings.Cut(text, "--- request ---\n")
	req, rest, _ := strings.Cut(rest, "--- response ---\n")
	resp, body, _ := strings.Cut(rest, "\n--- body (")
	for _, line := range strings.Split(head, "\n") {
		if n, ok := strings.CutPrefix(line, "# Note: "); ok {
			tr.notes = append(tr.notes, n)
		}
		if ts, ok := strings.CutPrefix(line, "# Time: "); ok {
			tr.time, err = time.Parse(time.RFC3339, strings.Fields(ts)[0])
			if err != nil {
				t.Fatalf("%s: time: %v", name, err)
			}
		}
	}
	reqHead, reqBody, _ := strings.Cut(strings.TrimRight(req, "\n"), "\n\n")
	lines := strings.Split(reqHead, "\n")
	tr.method, tr.url, _ = strings.Cut(lines[0], " ")
	for _, l := range lines[1:] {
		k, v, _ := strings.Cut(l, ": ")
		tr.reqHeaders = append(tr.reqHeaders, [2]string{k, v})
	}
	tr.reqBody = strings.TrimSpace(reqBody)
	respLines := strings.Split(strings.TrimSpace(resp), "\n")
	tr.status, _ = strconv.Atoi(strings.Fields(respLines[0])[1])
	for _, l := range respLines[1:] {
		k, v, _ := strings.Cut(l, ": ")
		tr.respHeader.Add(k, v)
	}
	sizeLine, content, _ := strings.Cut(body, ") ---\n")
	tr.bodyComplete = !strings.HasPrefix(sizeLine, "first ")
	content = strings.TrimSuffix(content, "\n")
	tr.body = strings.TrimSuffix(content, " ...[truncated]")
	if tr.method == "" || tr.status == 0 || tr.time.IsZero() {
		t.Fatalf("%s: could not parse transcript", name)
	}
	return tr
}

// testClient trusts only the store's CA and never follows redirects, so every test
// sees exactly what the store answered.
func testClient(s *Store) *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig:   &tls.Config{RootCAs: s.CertPool()},
			DisableKeepAlives: true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// decodeError extracts code and message from a WordPress JSON error body.
func decodeError(body []byte) (code, message string, isObject bool) {
	var e struct {
		Code    *string `json:"code"`
		Message string  `json:"message"`
	}
	if json.Unmarshal(body, &e) != nil || e.Code == nil {
		return "", "", bytes.HasPrefix(bytes.TrimSpace(body), []byte("{"))
	}
	return *e.Code, e.Message, true
}
