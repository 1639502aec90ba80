package wooclient_test

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// probeRoute is the write probe's route under any REST root (a prefix, a
// sub-directory, index.php/), or in a rest_route argument.
var probeRoute = regexp.MustCompile(`(^|/)wc/v3/wcpos-setup-probe-[0-9a-f]{16}$`)

// assertNothingWritten fails if any request could have created or changed
// store data: the only non-GET allowed is the write probe, a POST to a
// route that cannot exist.
func assertNothingWritten(t *testing.T, s *wootest.Store) {
	t.Helper()
	for _, r := range s.Requests() {
		switch r.Method {
		case "GET", "HEAD", "OPTIONS":
			continue
		case "POST":
			route := r.Path
			if strings.HasSuffix(r.Path, "/index.php") {
				route = queryValue(r.RawQuery, "rest_route")
			}
			if probeRoute.MatchString(route) {
				continue
			}
		}
		t.Errorf("a request could have written data: %s %s?%s", r.Method, r.Path, r.RawQuery)
	}
}

// assertCredentialsSafe fails if Basic or query credentials went over
// plain HTTP, or if any credential (OAuth included) went to a host other
// than the store's home (or a saved connection's home, when given):
// redirects are only followed anonymously.
func assertCredentialsSafe(t *testing.T, s *wootest.Store, savedHosts ...string) {
	t.Helper()
	home, err := url.Parse(s.Home())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Requests() {
		if r.Credentials != wootest.CredNone && r.Host != home.Host && !slices.Contains(savedHosts, r.Host) {
			t.Errorf("credentials sent to %s, not the store's home %s: %s %s", r.Host, home.Host, r.Method, r.Path)
		}
		if r.Scheme == "http" && (r.Credentials == wootest.CredBasic || r.Credentials == wootest.CredQuery ||
			r.Header.Get("Authorization") != "" || strings.Contains(r.RawQuery, "consumer_secret")) {
			t.Errorf("credentials sent over plain HTTP: %s %s (%v)", r.Method, r.Path, r.Credentials)
		}
	}
}

// assertNoSecretIn fails if the report, in any form, shows the secret or
// the full key.
func assertNoSecretIn(t *testing.T, rep *wooclient.Report, c wooclient.Credentials) {
	t.Helper()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, secret := range []string{c.Secret, c.Key} {
		if len(secret) > 10 && strings.Contains(text, secret) {
			t.Errorf("the report contains a secret or a full key")
		}
	}
	if m := regexp.MustCompile(`c[ks]_[0-9a-f]{40}`).FindString(text); m != "" {
		t.Errorf("the report contains an unmasked key or secret")
	}
}

func queryValue(raw, key string) string {
	for _, part := range strings.Split(raw, "&") {
		if k, v, ok := strings.Cut(part, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// assertSecretInURLOnlyAfterProof fails if the secret went in a URL (query
// credentials) before the store showed, in the same diagnosis, that the
// Authorization header does not reach WooCommerce: a Basic read left
// anonymous (or refused by a plugin that ate the header) answered, and a
// signed read with the same key accepted.
func assertSecretInURLOnlyAfterProof(t *testing.T, s *wootest.Store) {
	t.Helper()
	var basicIgnored, signedOK time.Time
	for _, r := range s.Requests() {
		switch {
		case r.Credentials == wootest.CredBasic && (!r.Authenticated || r.Status == 403) && basicIgnored.IsZero():
			basicIgnored = r.Answered
		case r.Credentials == wootest.CredOAuthQuery && r.Authenticated && signedOK.IsZero():
			signedOK = r.Answered
		case r.Credentials == wootest.CredQuery:
			if basicIgnored.IsZero() || signedOK.IsZero() || r.Time.Before(basicIgnored) || r.Time.Before(signedOK) {
				t.Errorf("the secret went in a URL before the header was proven dropped: %s %s", r.Method, r.Path)
			}
		}
	}
}
