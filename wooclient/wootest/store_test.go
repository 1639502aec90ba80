package wootest

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRequestLog checks what the store records about each request, in order.
func TestRequestLog(t *testing.T) {
	k := NewKey(ReadWrite, Administrator)
	s := New(Config{Keys: []Key{k}})
	defer s.Close()
	c := testClient(s)
	const status = "/wp-json/wc/v3/system_status"
	do(t, c, "GET", s.URL()+status, "Authorization", basic(k))
	do(t, c, "GET", s.HTTPURL()+status+"?consumer_key="+k.ConsumerKey+"&consumer_secret="+k.ConsumerSecret)
	do(t, c, "GET", signedURL("GET", s.HTTPURL()+status, s.Home()+status, k, time.Now()))
	do(t, c, "POST", s.URL()+"/wp-json/wc/v3/zz-probe", "Authorization", "OAuth oauth_consumer_key=\""+k.ConsumerKey+"\"")
	do(t, c, "GET", s.URL()+"/")

	want := []struct {
		scheme, path  string
		cred          CredentialKind
		ck            string
		authenticated bool
		status        int
	}{
		{"https", status, CredBasic, k.ConsumerKey, true, 200},
		{"http", status, CredQuery, k.ConsumerKey, false, 401}, // query credentials are ignored over HTTP
		{"http", status, CredOAuthQuery, k.ConsumerKey, false, 401},
		{"https", "/wp-json/wc/v3/zz-probe", CredOAuthHeader, k.ConsumerKey, false, 401},
		{"https", "/", CredNone, "", false, 200},
	}
	got := s.Requests()
	if len(got) != len(want) {
		t.Fatalf("%d requests logged, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Scheme != w.scheme || g.Path != w.path || g.Credentials != w.cred || g.ConsumerKey != w.ck ||
			g.Authenticated != w.authenticated || g.Status != w.status {
			t.Errorf("request %d = %s %s %v %q auth=%v %d; want %+v", i, g.Scheme, g.Path, g.Credentials, g.ConsumerKey, g.Authenticated, g.Status, w)
		}
		if g.Host == "" || g.Time.IsZero() || g.Method == "" {
			t.Errorf("request %d lacks host, time or method: %+v", i, g)
		}
	}
	if got[0].Header.Get("Authorization") != basic(k) || !strings.Contains(got[1].RawQuery, "consumer_secret=") {
		t.Error("the log should hold the request as received")
	}
	got[0].Header.Set("Authorization", "changed")
	if s.Requests()[0].Header.Get("Authorization") != basic(k) {
		t.Error("Requests must return copies")
	}
	s.ResetRequests()
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d requests after ResetRequests", n)
	}
}

// TestKeyTable covers the key API: IDs, minted pairs, permission edits, revocation
// and last access.
func TestKeyTable(t *testing.T) {
	s := New(Config{Keys: []Key{{ID: 7, Permissions: Read}, {}}})
	defer s.Close()
	keys := s.Keys()
	if keys[0].ID != 7 || keys[1].ID != 8 || keys[1].Permissions != Read || keys[1].User != "admin" {
		t.Errorf("initial keys %+v", keys)
	}
	pair := regexp.MustCompile(`^ck_[0-9a-f]{40}$`)
	m := s.MintKey("Till 2", Write, ShopManager)
	if m.ID != 9 || !pair.MatchString(m.ConsumerKey) || !strings.HasPrefix(m.ConsumerSecret, "cs_") || len(m.ConsumerSecret) != 43 ||
		m.Description != "Till 2" || m.User != "shopmgr" || m.Ending() != m.ConsumerKey[36:] {
		t.Errorf("minted %+v", m)
	}
	if a := s.AddKey(NewKey(ReadWrite, Customer)); a.ID != 10 || a.User != "customer1" {
		t.Errorf("added %+v", a)
	}
	s.Update(func(c *Config) { c.Keys = append(c.Keys, Key{Description: "via Update"}) })
	if u := s.Keys()[4]; u.ID != 11 || !pair.MatchString(u.ConsumerKey) {
		t.Errorf("key appended in Update: %+v", u)
	}
	if err := s.SetPermissions(99, Read); err == nil {
		t.Error("SetPermissions on an unknown key succeeded")
	}
	if err := s.SetPermissions(9, "admin"); err == nil {
		t.Error("an invalid permission was stored")
	}

	c := testClient(s)
	const status = "/wp-json/wc/v3/system_status"
	r, b := do(t, c, "GET", s.URL()+status, "Authorization", basic(m))
	wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "The API key provided does not have read permissions.")
	if err := s.SetPermissions(m.ID, ReadWrite); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	r, b = do(t, c, "GET", s.URL()+status, "Authorization", basic(m))
	wantStatus(200)(t, r, b)
	if la := s.Keys()[2].LastAccess; la.Before(before.Add(-time.Second)) {
		t.Errorf("LastAccess %v not updated", la)
	}
	if err := s.Revoke(m.ID); err != nil {
		t.Fatal(err)
	}
	r, b = do(t, c, "GET", s.URL()+status, "Authorization", basic(m))
	wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "")
	r, b = do(t, c, "GET", signedURL("GET", s.URL()+status, s.Home()+status, m, time.Now()))
	wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "Consumer key is invalid.")
	if err := s.Revoke(m.ID); err == nil {
		t.Error("revoking twice succeeded")
	}
}

// TestRESTDetails covers _fields, paging and its validation, HEAD and OPTIONS.
func TestRESTDetails(t *testing.T) {
	k := NewKey(Read, ShopManager)
	s := New(Config{Keys: []Key{k}})
	defer s.Close()
	c := testClient(s)
	auth := []string{"Authorization", basic(k)}

	r, b := do(t, c, "GET", s.URL()+"/wp-json/wc/v3/orders?per_page=1&_fields=id", auth...)
	if b != `[{"id":101}]` || r.Header.Get("X-WP-Total") != "2" || r.Header.Get("X-WP-TotalPages") != "2" {
		t.Errorf("orders page 1: %s total %q pages %q", b, r.Header.Get("X-WP-Total"), r.Header.Get("X-WP-TotalPages"))
	}
	if links := strings.Join(r.Header.Values("Link"), ", "); !strings.Contains(links, `page=2&per_page=1>; rel="next"`) {
		t.Errorf("Link %s", links)
	}
	r, b = do(t, c, "GET", s.URL()+"/wp-json/wc/v3/products?per_page=500", auth...)
	wantError(t, r, b, 400, "rest_invalid_param", "Invalid parameter(s): per_page")
	r, b = do(t, c, "GET", s.URL()+"/wp-json/wc/v3/products/11?_fields=id,name,price", auth...)
	if b != `{"id":11,"name":"Espresso","price":"3.50"}` {
		t.Errorf("product 11: %d %s", r.StatusCode, b)
	}
	r, b = do(t, c, "GET", s.URL()+"/wp-json/wc/v3/products/999", auth...)
	wantError(t, r, b, 404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
	r, b = do(t, c, "HEAD", s.URL()+"/wp-json/wc/v3/products", auth...)
	if r.StatusCode != 200 || b != "" || r.Header.Get("X-WP-Total") != "2" {
		t.Errorf("HEAD: %d %q", r.StatusCode, b)
	}
	r, b = do(t, c, "OPTIONS", s.URL()+"/wp-json/wc/v3/no-such-route")
	if r.StatusCode != 200 || b != "[]" {
		t.Errorf("OPTIONS on no route: %d %s", r.StatusCode, b)
	}
	r, b = do(t, c, "GET", s.URL()+"/wp-json/wp/v2/users/me", auth...)
	wantError(t, r, b, 401, "rest_not_logged_in", "You are not currently logged in.") // keys never reach wp/v2
	if r.Header.Get("WWW-Authenticate") != "" {
		t.Error("WordPress sent WWW-Authenticate")
	}
}

// TestCreateNeedsWriteKeyAndCapability: a read_write manager key creates (201), an
// anonymous request is refused with 401 and a customer's with 403.
func TestCreateNeedsWriteKeyAndCapability(t *testing.T) {
	mgr, cust := NewKey(ReadWrite, ShopManager), NewKey(ReadWrite, Customer)
	s := New(Config{Keys: []Key{mgr, cust}})
	defer s.Close()
	c := testClient(s)
	post := func(auth ...string) (*http.Response, string) {
		req, _ := http.NewRequest("POST", s.URL()+"/wp-json/wc/v3/products", strings.NewReader(`{"name":"Flat White","regular_price":"4.20"}`))
		req.Header.Set("Content-Type", "application/json")
		if len(auth) > 0 {
			req.Header.Set("Authorization", auth[0])
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	r, b := post()
	wantError(t, r, b, 401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.")
	r, b = post(basic(cust))
	wantError(t, r, b, 403, "woocommerce_rest_cannot_create", "")
	r, b = post(basic(mgr))
	if r.StatusCode != 201 || !strings.Contains(b, `"id":13,"name":"Flat White"`) || !strings.HasSuffix(r.Header.Get("Location"), "/wp-json/wc/v3/products/13") {
		t.Errorf("create: %d %s %q", r.StatusCode, b, r.Header.Get("Location"))
	}
	_, list := do(t, c, "GET", s.URL()+"/wp-json/wc/v3/products?_fields=id", "Authorization", basic(mgr))
	if list != `[{"id":11},{"id":12},{"id":13}]` {
		t.Errorf("products after create: %s", list)
	}
}

// TestConcurrentUse hammers the store with signed requests while knobs and keys change;
// run with -race.
func TestConcurrentUse(t *testing.T) {
	s := New(Config{})
	defer s.Close()
	k := s.MintKey("load", ReadWrite, Administrator)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := testClient(s)
			for j := 0; j < 10; j++ {
				u := signedURL("GET", s.URL()+"/wp-json/wc/v3/products", s.Home()+"/wp-json/wc/v3/products", k, time.Now())
				r, b := do(t, c, "GET", u)
				if r.StatusCode != 200 && r.StatusCode != 404 && r.StatusCode != 429 {
					t.Errorf("worker %d: %d %.200s", i, r.StatusCode, b)
				}
			}
		}(i)
	}
	for i := 0; i < 20; i++ {
		s.Update(func(c *Config) { c.WCPOSVersion = fmt.Sprint("1.", i); c.RateLimit = i % 3 })
		s.AddKey(NewKey(Read, Administrator))
		_ = s.Keys()
		_ = s.Requests()
	}
	s.Update(func(c *Config) { c.WooCommerceInactive = true })
	wg.Wait()
	if n := len(s.Requests()); n != 80 {
		t.Errorf("%d requests logged, want 80", n)
	}
}
