package wooclient

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fixtureDir holds the transcripts of a real WooCommerce store; the test
// store's conformance test replays the same files.
const fixtureDir = "wootest/testdata/fixtures"

// transcript is one recorded exchange with a real store.
type transcript struct {
	Name    string
	Notes   []string
	Request string // request line: METHOD URL
	ReqHdr  http.Header
	Status  int
	Header  http.Header
	Body    []byte
}

// readTranscript parses the NN-name.txt format: "# " notes, then
// "--- request ---", "--- response ---" and "--- body … ---" sections.
// A truncated JSON body is replaced by a small object standing for it.
func readTranscript(t *testing.T, path string) transcript {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := transcript{Name: strings.TrimSuffix(filepath.Base(path), ".txt"), ReqHdr: http.Header{}, Header: http.Header{}}
	section := ""
	var body []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case section == "" && strings.HasPrefix(line, "# Note: "):
			tr.Notes = append(tr.Notes, strings.TrimPrefix(line, "# Note: "))
		case line == "--- request ---":
			section = "request"
		case line == "--- response ---":
			section = "response"
		case strings.HasPrefix(line, "--- body"):
			section = "body"
		case section == "request" && line != "":
			if tr.Request == "" {
				tr.Request = line
			} else if k, v, ok := strings.Cut(line, ": "); ok {
				tr.ReqHdr.Add(k, v)
			}
		case section == "response" && line != "":
			if tr.Status == 0 {
				fields := strings.Fields(line)
				tr.Status, _ = strconv.Atoi(fields[1])
			} else if k, v, ok := strings.Cut(line, ": "); ok {
				tr.Header.Add(k, v)
			}
		case section == "body":
			body = append(body, line)
		}
	}
	text := strings.Join(body, "\n")
	if strings.HasSuffix(text, "...[truncated]") && strings.Contains(tr.Header.Get("Content-Type"), "json") {
		// Keep what was printed before the JSON (a notice, a BOM).
		lead := text[:max(0, strings.IndexAny(text, "{["))]
		text = lead + `{"truncated":true}`
	}
	tr.Body = []byte(text)
	return tr
}

func allTranscripts(t *testing.T) []transcript {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "[0-9]*.txt"))
	if err != nil || len(paths) < 60 {
		t.Fatalf("expected the WooCommerce transcripts in %s, found %d (%v)", fixtureDir, len(paths), err)
	}
	out := make([]transcript, len(paths))
	for i, p := range paths {
		out[i] = readTranscript(t, p)
	}
	return out
}
