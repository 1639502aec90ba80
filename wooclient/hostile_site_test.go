package wooclient_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// hostileSiteCases are site setups the faithful store does not have a knob
// for, made by the layer in front of it.
func hostileSiteCases() []hostile {
	const noWCPOS = "wcpos-plugin-missing/info"
	var rootAsked atomic.Int32
	return []hostile{
		// A REST prefix (/wp-json/ is a 404), ?rest_route= refused by a
		// firewall rule, and a "no trailing slash" redirect on the root
		// WordPress advertises (/api/ → /api): discovery asks that root for
		// its index once, and the answer it followed settles the root without
		// asking again (README: one more level, nothing asked twice).
		{name: "advertised root redirected to drop its slash, ?rest_route= refused",
			setup: func(t *testing.T, o *wooclient.Options) string {
				rootAsked.Store(0)
				return serveFake(slashlessRoot(&rootAsked))(t, o)
			},
			want: []string{noWCPOS}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				if n := rootAsked.Load(); n != 1 || !strings.HasSuffix(rep.Store.RESTRoot, "/api/") {
					t.Errorf("REST root %q, its index asked %d times, want …/api/ asked once", rep.Store.RESTRoot, n)
				}
			}},
		// A security plugin that blocks anonymous REST and hides every
		// sign of the REST root (no Link header, no <link> in pages): its
		// rest_cannot_access still shows WordPress, and the key gets past.
		{name: "REST blocked and its root hidden", setup: serveFake(&fakeWoo{cfg: wootest.Config{RESTBlocked: true}, modify: hideRESTRoot}),
			want: []string{"rest-blocked/info"}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				assertChecks(t, "wordpress=ok:WordPress_answers rest-api=warn woocommerce=ok", rep)
			}},
		// The same plugin on a site whose front page sends visitors to their
		// language (/ → /en/): with the REST root hidden, the page's path says
		// nothing of the home, so the key goes to the origin's /wp-json/.
		{name: "REST blocked and its root hidden, the front page redirecting to /en/",
			setup: serveFake(&fakeWoo{cfg: wootest.Config{RESTBlocked: true}, modify: hideRESTRoot, override: toLanguage, rewrite: fromLanguage}),
			want:  []string{"redirected/info", "rest-blocked/info"}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				if u, err := url.Parse(rep.Store.Home); err != nil || u.Path != "" || rep.Store.RESTRoot != rep.Store.Home+"/wp-json/" {
					t.Errorf("home %q and REST root %q, want the origin and its /wp-json/", rep.Store.Home, rep.Store.RESTRoot)
				}
			}},
		// The same plugin on a store in a sub-directory, typed with its path:
		// no redirect, no root advertised; the home is what was typed.
		{name: "REST blocked and its root hidden, in a sub-directory",
			setup: func(t *testing.T, o *wooclient.Options) string {
				return serveFake(&fakeWoo{cfg: wootest.Config{RESTBlocked: true, SubDirectory: "/shop"}, modify: hideRESTRoot})(t, o) + "/shop"
			},
			want: []string{"rest-blocked/info"}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				if u, err := url.Parse(rep.Store.Home); err != nil || u.Path != "/shop" || rep.Store.RESTRoot != rep.Store.Home+"/wp-json/" {
					t.Errorf("home %q and REST root %q, want …/shop and its /wp-json/", rep.Store.Home, rep.Store.RESTRoot)
				}
			}},
		// Plain permalinks with the REST root hidden: nothing is advertised and
		// /wp-json/ is the front page, so the API is the ?rest_route= one.
		{name: "Plain permalinks and the REST root hidden", setup: serveFake(&fakeWoo{
			cfg: wootest.Config{PlainPermalinks: true, WooCommerceVersion: "11.1.0"}, modify: hideRESTRoot}),
			want: []string{noWCPOS}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				if want := rep.Store.Home + "/index.php?rest_route=/"; rep.Store.RESTRoot != want || !rep.Store.PlainPermalinks {
					t.Errorf("REST root %q (plain %v), want %q", rep.Store.RESTRoot, rep.Store.PlainPermalinks, want)
				}
			}},
		// WordPress in its own directory (Settings → General: WordPress
		// Address /wp, Site Address /): wp-admin and every admin page live
		// under /wp, the API under home.
		{name: "WordPress in its own directory", setup: serveFake(&fakeWoo{override: ownDirectory}),
			want: []string{noWCPOS}, transport: "basic", perms: "rwop",
			check: func(t *testing.T, rep *wooclient.Report) {
				if want := rep.Store.Home + "/wp"; rep.Store.SiteURL != want {
					t.Errorf("site URL %q, want %q", rep.Store.SiteURL, want)
				}
				if u := rep.Findings[0].AdminURL; !strings.HasPrefix(u, rep.Store.Home+"/wp/wp-admin/") {
					t.Errorf("the finding's admin page %q is not under /wp/wp-admin/", u)
				}
				assertChecks(t, "admin-page=ok:login", rep)
			}},
	}
}

var restLinkTag = regexp.MustCompile(`<link[^>]*https://api\.w\.org/[^>]*>`)

// hideRESTRoot removes the REST root from headers and pages.
func hideRESTRoot(resp *http.Response) error {
	resp.Header.Del("Link")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	body = restLinkTag.ReplaceAll(body, nil)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	return nil
}

// slashlessRoot is a store with the REST prefix api whose server refuses
// ?rest_route= and redirects /api/ to /api (WordPress answers both), counting
// the index requests to /api/ in asked.
func slashlessRoot(asked *atomic.Int32) *fakeWoo {
	return &fakeWoo{cfg: wootest.Config{RESTPrefix: "api"},
		override: func(w http.ResponseWriter, r *http.Request) bool {
			switch {
			case r.URL.Query().Has("rest_route"):
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusForbidden)
				_, _ = w.Write([]byte("<html><body><h1>403 Forbidden</h1></body></html>"))
				return true
			case r.URL.Path == "/api/" && r.URL.Query().Has("_fields"):
				asked.Add(1)
				http.Redirect(w, r, "/api?"+r.URL.RawQuery, http.StatusMovedPermanently)
				return true
			}
			return false
		},
		rewrite: func(r *http.Request) {
			if r.URL.Path == "/api" {
				r.URL.Path = "/api/"
			}
		}}
}

// toLanguage redirects the front page to the English one, as multilingual
// plugins do; fromLanguage serves it from the store's front page.
func toLanguage(w http.ResponseWriter, r *http.Request) bool {
	if r.URL.Path != "/" || r.URL.RawQuery != "" {
		return false
	}
	http.Redirect(w, r, "/en/", http.StatusFound)
	return true
}

func fromLanguage(r *http.Request) {
	if r.URL.Path == "/en/" {
		r.URL.Path = "/"
	}
}

// ownDirectory answers as a WordPress whose siteurl is home's /wp: the index
// names it as "url", and /wp/wp-admin/ is the admin.
func ownDirectory(w http.ResponseWriter, r *http.Request) bool {
	home := "https://" + r.Host
	switch {
	case r.URL.Path == "/wp-json/" || r.URL.Query().Get("rest_route") == "/":
		w.Header().Set("Link", "<"+home+"/wp-json/>; rel=\"https://api.w.org/\"")
		jsonAnswer(w, 200, `{"name":"Shop","url":"`+home+`/wp","home":"`+home+`","namespaces":["wp/v2","wc/v3"]}`)
	case r.URL.Path == "/wp/wp-admin/":
		http.Redirect(w, r, home+"/wp/wp-login.php?redirect_to=x", http.StatusFound)
	case r.URL.Path == "/wp-admin/":
		http.NotFound(w, r)
	default:
		return false
	}
	return true
}

// TestSavedHomeChangedWithoutLink: a saved connection is found moved by the
// home its index names even where no Link header names the REST root.
func TestSavedHomeChangedWithoutLink(t *testing.T) {
	f := &fakeWoo{modify: hideRESTRoot}
	srv := f.start(t, "https")
	c := wooclient.New(wooclient.Options{RootCAs: trust(srv)})
	creds := wooclient.Credentials{Key: testKey, Secret: testSecret}
	first := c.Check(context.Background(), srv.URL, creds, nil)
	if !first.OK() {
		t.Fatalf("the connection to save does not work: %v", first.Findings)
	}
	f.store.Update(func(cfg *wootest.Config) { cfg.HomeHost = strings.Replace(cfg.HomeHost, "127.0.0.1", "localhost", 1) })
	rep := c.CheckSaved(context.Background(), wooclient.Saved{Store: first.Store, Transport: first.Key.Transport}, creds, nil)
	if !rep.Has(wooclient.CauseStoreMoved) {
		t.Errorf("findings %v, want store-moved: the index names another home", rep.Findings)
	}
}
