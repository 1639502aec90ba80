package wootest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// keysPath is WooCommerce's REST API keys page (WooCommerce 3.4 and later).
const keysPath = "/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys"

// serveAdmin answers /wp-admin/…: a logged-out WordPress redirects to wp-login.php
// (or 404s behind a custom-login plugin); DemoAdmin serves practice pages instead.
func (s *Store) serveAdmin(x *exchange) {
	h := x.w.Header()
	if x.path == "/wp-admin" { // nginx adds the directory slash
		h.Set("Location", x.siteURL()+"/wp-admin/")
		x.nginxPage(http.StatusMovedPermanently)
		return
	}
	setNoCache(h)
	if !x.cfg.DemoAdmin {
		if x.cfg.CustomLoginURL {
			x.notFound()
			return
		}
		back := x.seenScheme() + "://" + x.r.Host + x.uri
		x.wpRedirect(http.StatusFound, x.siteURL()+"/wp-login.php?redirect_to="+url.QueryEscape(back)+"&reauth=1")
		return
	}
	data := x.adminData("Dashboard")
	switch x.path {
	case "/wp-admin/", "/wp-admin/index.php":
		x.page(http.StatusOK, "dashboard", data)
	case "/wp-admin/options-permalink.php":
		s.adminPermalinks(x, data)
	case "/wp-admin/admin.php":
		page, _ := x.get.str("page")
		tab, _ := x.get.str("tab")
		section, _ := x.get.str("section")
		if page != "wc-settings" || tab != "advanced" || section != "keys" {
			x.page(http.StatusOK, "dashboard", data)
			return
		}
		s.adminKeys(x, data)
	default:
		x.notFound()
	}
}

// adminData is what every admin template needs.
func (x *exchange) adminData(title string) map[string]any {
	keys := x.siteURL() + keysPath
	return map[string]any{
		"Title": title, "Name": x.cfg.Name, "Lang": x.cfg.SiteLanguage,
		"KeysURL": keys, "AddURL": keys + "&create-key=1",
		"PermalinksURL": x.siteURL() + "/wp-admin/options-permalink.php",
		"FormURL":       x.siteURL() + x.relURI,
	}
}

// adminKeys is the key list, Add key and Edit key.
func (s *Store) adminKeys(x *exchange, data map[string]any) {
	data["Title"] = "REST API"
	post := x.r.Method == http.MethodPost
	form, _ := url.ParseQuery(string(x.body))
	if v, _ := x.get.str("create-key"); v != "" {
		if !post {
			s.keyForm(x, data, Key{Permissions: Read, User: "admin"}) // Read first, and the default
			return
		}
		k := Key{Description: strings.TrimSpace(form.Get("description")), Permissions: Permission(form.Get("permissions")), Role: Administrator}
		if form.Get("user") == "shopmgr" {
			k.Role = ShopManager
		}
		k.User = k.Role.defaultUser()
		if k.Description == "" || !k.Permissions.valid() {
			data["Error"] = "Description is missing."
			if k.Description != "" {
				data["Error"] = "Permissions is missing."
			}
			s.keyForm(x, data, k)
			return
		}
		minted := s.MintKey(k.Description, k.Permissions, k.Role)
		data["Notice"] = "API Key generated successfully. Make sure to copy your new keys now as the secret key will be hidden once you leave this page."
		data["Key"], data["QRText"] = minted, minted.ConsumerKey+"|"+minted.ConsumerSecret
		x.page(http.StatusOK, "key-created", data)
		return
	}
	if v, _ := x.get.str("edit-key"); v != "" {
		id, _ := strconv.Atoi(v)
		switch {
		case post && form.Get("action") == "revoke" && s.Revoke(id) == nil:
			data["Notice"] = "1 API key permanently revoked."
		case post && s.SetPermissions(id, Permission(form.Get("permissions"))) == nil:
			_ = s.editKey(id, func(k *Key) {
				if d := strings.TrimSpace(form.Get("description")); d != "" {
					k.Description = d
				}
			})
			data["Notice"] = "API Key updated successfully."
			fallthrough
		default:
			if k, found := s.liveKey(id); found {
				s.keyForm(x, data, k)
				return
			}
			data["Error"] = "Invalid API key."
		}
	}
	var rows []map[string]any
	for _, k := range s.Keys() {
		if k.Revoked {
			continue
		}
		rows = append(rows, map[string]any{
			"Description": k.Description, "Ending": k.Ending(), "User": k.User,
			"Permissions": k.Permissions.label(), "LastAccess": lastAccess(k),
			"EditURL": data["KeysURL"].(string) + "&edit-key=" + strconv.Itoa(k.ID),
		})
	}
	data["Keys"] = rows
	x.page(http.StatusOK, "keys", data)
}

// keyForm renders Add key (k.ID == 0) or Edit key.
func (s *Store) keyForm(x *exchange, data map[string]any, k Key) {
	var users, perms []map[string]any
	for _, u := range []struct{ login, label string }{{"admin", "admin (administrator)"}, {"shopmgr", "shopmgr (shop manager)"}} {
		users = append(users, map[string]any{"Login": u.login, "Label": u.label, "Selected": u.login == k.User})
	}
	for _, p := range []Permission{Read, Write, ReadWrite} {
		perms = append(perms, map[string]any{"Value": string(p), "Label": p.label(), "Selected": p == k.Permissions})
	}
	data["Key"], data["Users"], data["Permissions"], data["LastAccess"] = k, users, perms, lastAccess(k)
	x.page(http.StatusOK, "key-form", data)
}

// liveKey finds a key that has not been revoked.
func (s *Store) liveKey(id int) (Key, bool) {
	for _, k := range s.Keys() {
		if k.ID == id && !k.Revoked {
			return k, true
		}
	}
	return Key{}, false
}

// lastAccess is how WP Admin prints a key's last access.
func lastAccess(k Key) string {
	if k.LastAccess.IsZero() {
		return "Unknown"
	}
	return k.LastAccess.UTC().Format("January 2, 2006 at 3:04 pm")
}

// adminPermalinks is Settings › Permalinks: choosing Plain or Post name flips the
// PlainPermalinks knob, the fix a site admin is told to make.
func (s *Store) adminPermalinks(x *exchange, data map[string]any) {
	data["Title"] = "Permalink Settings"
	plain := x.cfg.PlainPermalinks
	if x.r.Method == http.MethodPost {
		form, _ := url.ParseQuery(string(x.body))
		plain = form.Get("selection") == "plain"
		s.Update(func(c *Config) { c.PlainPermalinks = plain })
		data["Notice"] = "Permalink structure updated."
	}
	data["Plain"] = plain
	x.page(http.StatusOK, "permalinks", data)
}
