package main

import (
	"context"
	"errors"
	"os"

	"github.com/wcpos/wcpos-setup/cmd/wcpos-setup/internal/config"
	"github.com/wcpos/wcpos-setup/tui"
	"github.com/wcpos/wcpos-setup/wooclient"
	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// configSaver saves the wizard's verified connection as a profile.
type configSaver struct{ store *config.Store }

func (s configSaver) Save(c tui.Connection) (string, error) {
	return s.store.Save(c.Profile, profileOf(c))
}

// profileOf turns a verified connection into the saved form.
func profileOf(c tui.Connection) config.Profile {
	return config.Profile{
		StoreURL:           c.Store.URL,
		Home:               c.Store.Home,
		RESTRoot:           c.Store.RESTRoot,
		StoreName:          c.Store.Name,
		Transport:          string(c.Key.Transport),
		ConsumerKey:        c.Credentials.Key,
		ConsumerSecret:     c.Credentials.Secret,
		KeyEnding:          c.Credentials.Ending(),
		Permissions:        config.Permissions{Read: c.Key.Read, Write: c.Key.Write, Orders: c.Key.Orders, Products: c.Key.Products},
		WooCommerceVersion: knownVersion(c.Store.WooCommerce),
		WCPOSVersion:       c.Store.WCPOS,
		VerifiedAt:         c.VerifiedAt,
	}
}

// knownVersion drops the "active" placeholder used when the store hides
// its WooCommerce version.
func knownVersion(v string) string {
	if v == "active" {
		return ""
	}
	return v
}

// connectionOf turns a saved profile back into what the wizard checks
// first (step S0).
func connectionOf(name string, p config.Profile) *tui.Connection {
	return &tui.Connection{
		Profile: name,
		Store: wooclient.Store{URL: p.StoreURL, Home: p.Home, RESTRoot: p.RESTRoot, Name: p.StoreName,
			WooCommerce: p.WooCommerceVersion, WCPOS: p.WCPOSVersion},
		Credentials: wooclient.Credentials{Key: p.ConsumerKey, Secret: p.ConsumerSecret},
		Key: wooclient.KeyStatus{Ending: wooclient.MaskKey(p.ConsumerKey), Transport: wooclient.Transport(p.Transport),
			Read: p.Permissions.Read, Write: p.Permissions.Write, Orders: p.Permissions.Orders, Products: p.Permissions.Products},
		VerifiedAt: p.VerifiedAt,
	}
}

// demoAdmin does on the practice store what a site admin does in WP Admin.
type demoAdmin struct{ store *wootest.Store }

func (d demoAdmin) MintKey(_ context.Context, description string) (wooclient.Credentials, error) {
	k := d.store.MintKey(description, wootest.ReadWrite, wootest.Administrator)
	return wooclient.Credentials{Key: k.ConsumerKey, Secret: k.ConsumerSecret}, nil
}

func (d demoAdmin) GrantReadWrite(_ context.Context, ending string) error {
	for _, k := range d.store.Keys() {
		if k.Ending() == ending && !k.Revoked {
			return d.store.SetPermissions(k.ID, wootest.ReadWrite)
		}
	}
	return errors.New("no key ending in " + ending + " on the practice store")
}

// terminalName names this till in suggested key descriptions.
func terminalName() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "terminal"
}
