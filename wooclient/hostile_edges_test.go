package wooclient_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// hostileRedirectCases are redirect chains at the limit the README names:
// five redirects are followed, a sixth is a loop (browsers allow more, but
// a store that needs six hops to show its front page is misconfigured).
func hostileRedirectCases() []hostile {
	// The REST API answers either way, so the store works; what differs is
	// whether the front page was reached (the redirected finding's evidence).
	const noWCPOS = "wcpos-plugin-missing/info"
	return []hostile{
		{name: "front page behind five redirects", setup: serveFake(hops(5)),
			want: []string{"redirected/info", noWCPOS}, transport: "basic", perms: "rwop",
			check: frontEvidence(`^GET https://[^/]+/ → 200 \(redirected to https://[^/]+/hop5\)$`)},
		{name: "front page behind six redirects", setup: serveFake(hops(6)),
			want: []string{"redirected/info", noWCPOS}, transport: "basic", perms: "rwop",
			check: frontEvidence(`^GET https://[^/]+/ \(redirects go round: https://[^/]+/hop6\)$`)},
	}
}

// hops sends the front page through n redirects, /hop1 … /hopN, the last
// of which is the store's front page.
func hops(n int) *fakeWoo {
	last := fmt.Sprintf("/hop%d", n)
	return &fakeWoo{
		override: func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/" && r.URL.RawQuery == "" {
				http.Redirect(w, r, "/hop1", http.StatusFound)
				return true
			}
			if k, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop")); err == nil && k < n {
				http.Redirect(w, r, fmt.Sprintf("/hop%d", k+1), http.StatusFound)
				return true
			}
			return false
		},
		rewrite: func(r *http.Request) {
			if r.URL.Path == last {
				r.URL.Path = "/"
			}
		},
	}
}

// frontEvidence checks the one evidence line of the first finding (the
// redirected front page).
func frontEvidence(pattern string) func(*testing.T, *wooclient.Report) {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, rep *wooclient.Report) {
		if ev := rep.Findings[0].Evidence; len(ev) != 1 || !re.MatchString(ev[0].String()) {
			t.Errorf("front page evidence %v, want one line matching %s", ev, pattern)
		}
	}
}

// hostileCapCases are answers at the size cap: Options.MaxBody is the
// most a body may be, so an index of exactly that size is read and one
// byte more is named too large.
func hostileCapCases() []hostile {
	padded := func(size int) func(*testing.T, *wooclient.Options) string {
		return func(t *testing.T, o *wooclient.Options) string {
			o.MaxBody = 1 << 20
			return serveFake(&fakeWoo{modify: func(resp *http.Response) error {
				if q := resp.Request.URL; q.Path != "/wp-json/" && q.Query().Get("rest_route") != "/" {
					return nil
				}
				body, err := io.ReadAll(resp.Body)
				if err != nil {
					return err
				}
				body = append(body, bytes.Repeat([]byte(" "), size-len(body))...) // JSON allows trailing blanks
				resp.Body = io.NopCloser(bytes.NewReader(body))
				resp.ContentLength = int64(len(body))
				resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
				return nil
			}})(t, o)
		}
	}
	return []hostile{
		{name: "an index of exactly the 1 MiB cap", setup: padded(1 << 20),
			want: []string{"wcpos-plugin-missing/info"}, transport: "basic", perms: "rwop"},
		{name: "an index one byte over the 1 MiB cap", setup: padded(1<<20 + 1),
			want: []string{"response-too-large/blocker"}, detail: "the answer is larger than 1 MiB"},
	}
}

// hostileDownCases are stores that are down, not limiting bursts: a JSON
// 500 (WordPress's critical error) is not the REST API answering, so the
// 503s beside it are a server error, named at once, never retried as a rate
// limit (throttle.go: "a store that is down is not a burst").
func hostileDownCases() []hostile {
	var mu sync.Mutex
	asked := map[string]int{}
	var started time.Time
	return []hostile{
		// A pause the deadline has no room for is not waited: the limit is
		// named at once, with the wait the store asked for.
		{name: "429 asking for a wait the deadline cannot give", setup: func(t *testing.T, o *wooclient.Options) string {
			started = time.Now()
			return fake(everywhere(429, http.Header{"Retry-After": {"4"}}, ""))(t, o)
		}, want: []string{"rate-limited/blocker"}, detail: "asked to wait 4s", check: func(t *testing.T, _ *wooclient.Report) {
			// Waiting would run into the 4 s deadline; not waiting takes
			// milliseconds. Half the deadline tells them apart on any machine.
			if took := time.Since(started); took > 2*time.Second {
				t.Errorf("took %v: the pause was waited into the deadline", took)
			}
		}},
		{name: "critical error on the index, 503 elsewhere", setup: fake(func(w http.ResponseWriter, r *http.Request) bool {
			mu.Lock()
			asked[r.Method+" "+r.URL.Path]++
			mu.Unlock()
			if r.URL.Path == "/wp-json/" || r.URL.Query().Get("rest_route") == "/" {
				jsonAnswer(w, 500, `{"code":"internal_server_error","message":"<p>There has been a critical error on this website.</p>","data":{"status":500}}`)
				return true
			}
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(503)
			return true
		}), want: []string{"server-error/blocker"}, check: func(t *testing.T, _ *wooclient.Report) {
			mu.Lock()
			defer mu.Unlock()
			for req, n := range asked {
				if n > 1 {
					t.Errorf("%s was asked %d times: a store that is down was retried as if it limited bursts", req, n)
				}
			}
		}},
	}
}
