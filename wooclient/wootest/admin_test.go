package wootest

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// postForm submits an admin form.
func postForm(t *testing.T, c *http.Client, u string, form url.Values) string {
	t.Helper()
	resp, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("POST %s: %d", u, resp.StatusCode)
	}
	return string(b)
}

// TestDemoAdminKeyPages walks the practice key pages the way a shop admin would:
// list, add (Read is the default), copy the pair once, edit, revoke.
func TestDemoAdminKeyPages(t *testing.T) {
	till := NewKey(Read, Administrator)
	till.Description = "Till 1"
	s := New(Config{DemoAdmin: true, Keys: []Key{till}})
	defer s.Close()
	c := testClient(s)
	keys := s.URL() + keysPath

	_, list := do(t, c, "GET", keys)
	contains(t, list, "Till 1", "&hellip;"+till.Ending(), "<td>Read</td>", "<td>Unknown</td>", "&amp;edit-key=1")
	if strings.Contains(list, till.ConsumerSecret) || strings.Contains(list, till.ConsumerKey) {
		t.Error("the key list shows more than the last 7 characters")
	}

	_, form := do(t, c, "GET", keys+"&create-key=1")
	read := strings.Index(form, `<option value="read" selected="selected">Read</option>`)
	write := strings.Index(form, `<option value="write">Write</option>`)
	if read < 0 || write < read {
		t.Errorf("Read must be the first option and the default:\n%s", form)
	}

	if page := postForm(t, c, keys+"&create-key=1", url.Values{"description": {""}, "permissions": {"read"}}); !strings.Contains(page, "Description is missing.") {
		t.Error("an empty description was accepted")
	}
	created := postForm(t, c, keys+"&create-key=1", url.Values{
		"description": {`<script>alert(1)</script>`}, "user": {"shopmgr"}, "permissions": {"read_write"},
	})
	pair := regexp.MustCompile(`(ck_[0-9a-f]{40})\|(cs_[0-9a-f]{40})`).FindStringSubmatch(created)
	if pair == nil {
		t.Fatalf("no ck|cs QR text on the generated page:\n%s", created)
	}
	contains(t, created, `value="`+pair[1]+`"`, `value="`+pair[2]+`"`, "&lt;script&gt;")
	if strings.Contains(created, "<script>alert") {
		t.Error("description not escaped")
	}
	all := s.Keys()
	minted := all[len(all)-1]
	if minted.ConsumerKey != pair[1] || minted.Role != ShopManager || minted.User != "shopmgr" || minted.Permissions != ReadWrite {
		t.Errorf("minted key %+v", minted)
	}
	r, b := do(t, c, "GET", s.URL()+"/wp-json/wc/v3/system_status", "Authorization", basic(minted))
	wantStatus(200)(t, r, b)

	// Edit: the Read key becomes Read/Write and passes the write probe; same pair.
	probe := func() (*http.Response, string) {
		return do(t, c, "POST", s.URL()+"/wp-json/wc/v3/zz-probe", "Authorization", basic(till))
	}
	r, b = probe()
	wantError(t, r, b, 401, "woocommerce_rest_authentication_error", "The API key provided does not have write permissions.")
	edit := keys + "&edit-key=" + strconv.Itoa(1)
	contains(t, postForm(t, c, edit, url.Values{"action": {"update"}, "permissions": {"read_write"}, "description": {"Till 1"}}),
		"API Key updated successfully.", `<option value="read_write" selected="selected">`)
	r, b = probe()
	wantError(t, r, b, 404, "rest_no_route", "")
	if _, list = do(t, c, "GET", keys); strings.Contains(list, "<td>Unknown</td>") || !strings.Contains(list, " at ") {
		t.Errorf("both keys were used, but the list shows no last access:\n%s", list)
	}

	contains(t, postForm(t, c, edit, url.Values{"action": {"revoke"}}), "1 API key permanently revoked.")
	r, b = do(t, c, "GET", s.URL()+"/wp-json/wc/v3/system_status", "Authorization", basic(till))
	wantError(t, r, b, 401, "woocommerce_rest_cannot_view", "")
	if _, list = do(t, c, "GET", keys); strings.Contains(list, "Till 1") {
		t.Error("a revoked key is still listed")
	}
}

// TestDemoAdminPermalinks: saving Plain on the practice permalink page switches the
// store into plain-permalink behaviour, and back.
func TestDemoAdminPermalinks(t *testing.T) {
	s := New(Config{DemoAdmin: true})
	defer s.Close()
	c := testClient(s)
	page := s.URL() + "/wp-admin/options-permalink.php"
	contains(t, postForm(t, c, page, url.Values{"selection": {"plain"}}), "Permalink structure updated.", `value="plain" checked="checked"`)
	if r, _ := do(t, c, "GET", s.URL()+"/wp-json/"); r.Header.Get("Content-Type") != "text/html; charset=UTF-8" {
		t.Errorf("plain permalinks: /wp-json/ answered %q", r.Header.Get("Content-Type"))
	}
	postForm(t, c, page, url.Values{"selection": {"postname"}})
	if r, _ := do(t, c, "GET", s.URL()+"/wp-json/"); r.Header.Get("Content-Type") != "application/json; charset=UTF-8" {
		t.Errorf("post-name permalinks: /wp-json/ answered %q", r.Header.Get("Content-Type"))
	}
}
