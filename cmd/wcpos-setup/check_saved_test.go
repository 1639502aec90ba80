package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// TestCheckUsesTheSavedConnection: check on a saved profile asks the store's
// and the key's questions at the saved home and REST root in one level (the
// store's log shows no discovery of /wp-json/ and ?rest_route= side by side),
// while --url runs the whole diagnosis from the address.
func TestCheckUsesTheSavedConnection(t *testing.T) {
	s := wootest.New(wootest.Config{RESTPrefix: "api", WCPOSVersion: "1.8.2", SiteLanguage: "de-DE"})
	defer s.Close()
	k := s.MintKey("till", wootest.ReadWrite, wootest.ShopManager)
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(ca, s.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.json")
	p := config.Profile{StoreURL: s.URL(), Home: s.Home(), RESTRoot: s.Home() + "/api/", StoreName: "Demo Store",
		Transport: "basic", ConsumerKey: k.ConsumerKey, ConsumerSecret: k.ConsumerSecret, KeyEnding: k.Ending(),
		Permissions: config.Permissions{Read: true, Write: true, Orders: true, Products: true}, VerifiedAt: time.Now().UTC()}
	if _, err := config.Open(cfg).Save("default", p); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		args      []string
		discovery bool
	}{
		{"saved profile", nil, false},
		{"--url", []string{"--url", s.URL()}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.ResetRequests()
			out, errOut, code := inProcess(t, "", nil, append([]string{"check", "--config", cfg, "--cacert", ca, "--json"}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s %s", code, out, errOut)
			}
			var rep struct {
				OK    bool `json:"ok"`
				Store struct {
					RESTRoot string `json:"rest_root"`
					Language string `json:"language"`
				} `json:"store"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil || !rep.OK || rep.Store.RESTRoot != s.Home()+"/api/" || rep.Store.Language != "de-DE" {
				t.Fatalf("report %+v (%v):\n%s", rep, err, out)
			}
			discovered := false
			for _, r := range s.Requests() {
				if r.Path == "/wp-json/" {
					discovered = true
				}
			}
			if discovered != tc.discovery {
				t.Errorf("asked /wp-json/ (discovery): %v, want %v", discovered, tc.discovery)
			}
		})
	}
}
