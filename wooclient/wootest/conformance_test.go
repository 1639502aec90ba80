package wootest

import (
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestConformance replays every recorded request of both fixture sets against a
// store set up like the recorded one (the default store, or the site setup the
// second set's "sites" describes) and expects the recorded status, Content-Type,
// JSON code and message, the telling headers, and — where the transcript holds the
// whole body — the exact bytes. It runs twice:
//
//   - fixture-home: home is the recorded one (http://127.0.0.1 without a port for the
//     default store, the site's own base for the others), so OAuth is signed for the
//     very base URLs in the transcripts' notes and Link, Location and index bodies
//     must match byte for byte;
//   - listener-home: home is the listener the case uses (the default setup other
//     packages test against), with the transcripts' host mapped onto it.
func TestConformance(t *testing.T) {
	cases := append(firstSet.cases(t), secondSet.cases(t)...)
	var ran atomic.Int64
	t.Run("cases", func(t *testing.T) {
		for _, fixtureHome := range []bool{true, false} {
			variant := map[bool]string{true: "fixture-home", false: "listener-home"}[fixtureHome]
			for _, c := range cases {
				t.Run(variant+"/"+c.Case, func(t *testing.T) {
					t.Parallel()
					runCase(t, c, fixtureHome)
					ran.Add(1)
				})
			}
		}
	})
	if want := int64(2 * len(cases)); ran.Load() != want {
		t.Fatalf("only %d of %d case runs reached their checks", ran.Load(), want)
	}
}

// wrongSecret is a well-formed secret that belongs to no key.
const wrongSecret = "cs_0000000000000000000000000000000000000bad"

// stagingPassword is the server-password site's login for user "staging".
const stagingPassword = "staging-password-1"

// conformanceKeys are the recorded store's keys, by the names cases.json uses.
// tempmgr_rw belongs to a user the second set deletes.
func conformanceKeys() map[string]Key {
	k := func(p Permission, r Role) Key { return NewKey(p, r) }
	revoked := k(ReadWrite, Administrator)
	revoked.Revoked = true
	tempmgr := k(ReadWrite, ShopManager)
	tempmgr.User = "tempmgr"
	return map[string]Key{
		"admin_rw": k(ReadWrite, Administrator), "admin_read": k(Read, Administrator),
		"admin_write": k(Write, Administrator), "revoked_admin_rw": revoked,
		"subscriber_rw": k(ReadWrite, Subscriber), "customer_rw": k(ReadWrite, Customer),
		"shopmgr_rw": k(ReadWrite, ShopManager), "tempmgr_rw": tempmgr,
	}
}

// runCase sets up the store for one case, sends the equivalent request and compares.
func runCase(t *testing.T, c fixtureCase, fixtureHome bool) {
	tr := c.set.transcript(t, c.Transcript)
	keys := conformanceKeys()
	cfg := Config{
		Name: "WC Oracle Store", Description: "Loopback WooCommerce acceptance-test oracle",
		ClockOffset: time.Until(tr.time), // the transcripts' OAuth timestamps are then current
	}
	for _, k := range keys {
		cfg.Keys = append(cfg.Keys, k)
	}
	site := siteSetup(t, c.Site)
	site.configure(&cfg)
	target, err := url.Parse(tr.url)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !fixtureHome:
		cfg.HomeScheme = target.Scheme
	case site.home != "":
		cfg.HomeScheme, cfg.HomeHost = "https", site.home
	default:
		cfg.HomeScheme, cfg.HomeHost = "http", "127.0.0.1"
	}
	s := New(cfg)
	defer s.Close()
	if site.after != nil {
		site.after(s)
	}

	key, found := keys[c.keyKind()]
	if !found && c.keyKind() != "none" {
		t.Fatalf("unknown key kind %q", c.Key)
	}
	req := caseRequest(t, s, c, tr, key, fixtureHome)
	client := testClient(s)
	if strings.Contains(c.Case, "nonce-replay") { // the first use, then the replay under test
		first := req.Clone(req.Context())
		resp, err := client.Do(first)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("first use of the nonce: status %d, want 200", resp.StatusCode)
		}
	}
	if c.Site == "burst-limit" {
		resp, body := burstOfSix(t, s, req, c.Status)
		compareAnswer(t, c, tr, resp, body, fixtureHome)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	compareAnswer(t, c, tr, resp, body, fixtureHome)
}

// caseRequest rebuilds the transcript's request for this store: placeholders become
// the store's keys, 127.0.0.1 becomes the listener, OAuth is re-signed.
func caseRequest(t *testing.T, s *Store, c fixtureCase, tr *transcript, k Key, fixtureHome bool) *http.Request {
	t.Helper()
	repl := strings.NewReplacer("<CK>", k.ConsumerKey, "<WRONG_CS>", wrongSecret, "<CS>", k.ConsumerSecret,
		"<STAGING_PASSWORD>", stagingPassword)
	u, err := url.Parse(repl.Replace(tr.url))
	if err != nil {
		t.Fatal(err)
	}
	listener, _ := url.Parse(map[string]string{"https": s.URL(), "http": s.HTTPURL()}[u.Scheme])
	u.Host = listener.Host
	header := http.Header{}
	for _, h := range tr.reqHeaders {
		v := repl.Replace(h[1])
		if inner, ok := strings.CutPrefix(v, "Basic base64("); ok {
			v = "Basic " + base64.StdEncoding.EncodeToString([]byte(strings.TrimSuffix(inner, ")")))
		}
		header.Set(h[0], v)
	}
	if strings.HasPrefix(c.Transport, "oauth1") {
		resign(t, s, c, tr, k, u, header, fixtureHome)
	}
	var body io.Reader
	if tr.reqBody != "" {
		body = strings.NewReader(tr.reqBody)
	}
	req, err := http.NewRequest(tr.method, u.String(), body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header
	return req
}

// oauthSignatureParam finds the signature in a query or an OAuth header.
var oauthSignatureParam = regexp.MustCompile(`oauth_signature=("[^"]*"|[^&]*)`)

// resign signs the request the way the recorded client did: for the base URL in the
// transcript's note (localhost, :80, the http scheme … included), with the
// transcript's nonce and timestamp, and with the wrong secret where the case says so.
func resign(t *testing.T, s *Store, c fixtureCase, tr *transcript, k Key, u *url.URL, header http.Header, fixtureHome bool) {
	t.Helper()
	note := tr.baseStringNote()
	parts := strings.SplitN(note, "&", 3)
	if len(parts) != 3 {
		t.Fatalf("%s: no signature base string note", c.Transcript)
	}
	signedFor, err := url.PathUnescape(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	if !fixtureHome {
		signedFor = onHomeHost(t, signedFor, s.Home())
	}
	params, _ := url.ParseQuery(u.RawQuery)
	authz := header.Get("Authorization")
	for _, m := range regexp.MustCompile(`(oauth_[a-z_]+)="([^"]*)"`).FindAllStringSubmatch(authz, -1) {
		v, _ := url.QueryUnescape(m[2])
		params.Set(m[1], v)
	}
	secret := k.ConsumerSecret
	if strings.Contains(c.Case, "wrong-secret") {
		secret = wrongSecret
	}
	sig := pctEncode(rfcSign(tr.method, signedFor, params, secret))
	if authz != "" {
		header.Set("Authorization", oauthSignatureParam.ReplaceAllString(authz, `oauth_signature="`+sig+`"`))
		return
	}
	u.RawQuery = oauthSignatureParam.ReplaceAllString(u.RawQuery, "oauth_signature="+sig)
}

// onHomeHost moves a base URL the recorded client signed for 127.0.0.1 (or localhost)
// onto the store's home host, keeping its scheme, path and any explicit port.
func onHomeHost(t *testing.T, signedFor, home string) string {
	su, err := url.Parse(signedFor)
	if err != nil {
		t.Fatal(err)
	}
	hu, _ := url.Parse(home)
	_, port, _ := net.SplitHostPort(hu.Host)
	switch su.Host {
	case "127.0.0.1":
		su.Host = hu.Host
	case "localhost":
		su.Host = "localhost:" + port
	}
	return su.String()
}
