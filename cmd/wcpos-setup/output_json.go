package main

import (
	"encoding/json"
	"io"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// checkJSON is the stable schema of `check --json`, documented in the
// README. Fields are only ever added.
type checkJSON struct {
	OK       bool          `json:"ok"`
	ExitCode int           `json:"exit_code"`
	Store    storeJSON     `json:"store"`
	Key      *keyJSON      `json:"key"`
	Checks   []checkLine   `json:"checks"`
	Findings []findingJSON `json:"findings"`
	Requests int           `json:"requests"`
	Millis   int64         `json:"elapsed_ms"`
	// Version is what `wcpos-setup --version` shows after "version ".
	Version string `json:"version"`
}

type storeJSON struct {
	URL         string `json:"url"`
	Home        string `json:"home"`
	Name        string `json:"name"`
	WooCommerce string `json:"woocommerce"`
	WCPOS       string `json:"wcpos"`
	RESTRoot    string `json:"rest_root"`
	// Language is the site language (<html lang>), omitted when unknown.
	Language string `json:"language,omitempty"`
}

type keyJSON struct {
	Ending    string `json:"ending"`
	Transport string `json:"transport"`
	Read      bool   `json:"read"`
	Write     bool   `json:"write"`
	Orders    bool   `json:"orders"`
	Products  bool   `json:"products"`
}

type checkLine struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	State  string `json:"state"`
	Detail string `json:"detail,omitempty"`
}

type findingJSON struct {
	Code     string               `json:"code"`
	Cause    string               `json:"cause"`
	Severity string               `json:"severity"`
	Title    string               `json:"title"`
	Message  string               `json:"message"`
	Fix      string               `json:"fix"`
	AdminURL string               `json:"admin_url"`
	DocsURL  string               `json:"docs_url"`
	Detail   string               `json:"detail,omitempty"`
	Evidence []wooclient.Evidence `json:"evidence,omitempty"`
}

// writeJSON prints the report as one JSON object. The key appears only as
// its ending; the secret never.
func writeJSON(w io.Writer, r *wooclient.Report, withKey bool, code int, version string) error {
	out := checkJSON{
		OK: r.OK(), ExitCode: code, Requests: r.Requests, Millis: r.Elapsed.Milliseconds(),
		Store: storeJSON{URL: r.Store.URL, Home: r.Store.Home, Name: r.Store.Name,
			WooCommerce: r.Store.WooCommerce, WCPOS: r.Store.WCPOS, RESTRoot: r.Store.RESTRoot, Language: r.Store.Language},
		Checks: []checkLine{}, Findings: []findingJSON{}, Version: version,
	}
	if withKey && r.Key != nil {
		k := r.Key
		out.Key = &keyJSON{Ending: k.Ending, Transport: string(k.Transport), Read: k.Read, Write: k.Write,
			Orders: k.Orders, Products: k.Products}
	}
	for _, c := range r.Checks {
		out.Checks = append(out.Checks, checkLine{ID: string(c.ID), Label: c.ID.Label(), State: string(c.State), Detail: c.Detail})
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, findingJSON{Code: f.Code, Cause: string(f.Cause), Severity: string(f.Severity),
			Title: f.Title, Message: f.Message, Fix: f.Fix, AdminURL: f.AdminURL, DocsURL: f.DocsURL(),
			Detail: f.Detail, Evidence: f.Evidence})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
