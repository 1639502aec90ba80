package wooclient_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestStoreLanguage reads the site language from the front page's <html
// lang> on both paths, and from the REST index when the page does not say.
func TestStoreLanguage(t *testing.T) {
	s := wootest.New(wootest.Config{SiteLanguage: "fr-CA"})
	defer s.Close()
	k := pair(s.MintKey("till", wootest.ReadWrite, wootest.Administrator))
	c := wooclient.New(wooclient.Options{RootCAs: s.CertPool()})
	rep := c.Check(context.Background(), s.URL(), k, nil)
	if rep.Store.Language != "fr-CA" {
		t.Errorf("new address: language %q, want fr-CA", rep.Store.Language)
	}
	saved := c.CheckSaved(context.Background(), wooclient.Saved{Store: rep.Store, Transport: rep.Key.Transport}, k, nil)
	if saved.Store.Language != "fr-CA" {
		t.Errorf("saved connection: language %q, want fr-CA", saved.Store.Language)
	}

	f := &fakeWoo{override: func(w http.ResponseWriter, r *http.Request) bool {
		base := "https://" + r.Host
		w.Header().Set("Link", "<"+base+"/wp-json/>; rel=\"https://api.w.org/\"")
		switch r.URL.Path {
		case "/": // a theme that prints no lang attribute
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			_, _ = w.Write([]byte("<!DOCTYPE html><html><head><title>Fake</title></head><body></body></html>"))
		case "/wp-json/":
			jsonAnswer(w, 200, `{"name":"Fake","home":"`+base+`","url":"`+base+`","namespaces":["wc/v3"],"language":"nb-NO"}`)
		default:
			return false
		}
		return true
	}}
	fs := f.start(t, "https")
	rep = wooclient.New(wooclient.Options{RootCAs: trust(fs)}).Discover(context.Background(), fs.URL, nil)
	if rep.Store.Language != "nb-NO" {
		t.Errorf("from the index: language %q, want nb-NO", rep.Store.Language)
	}
}
