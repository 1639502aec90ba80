package main

import "github.com/wcpos/wcpos-setup/tui/locale"

// cmdWords is the English of the commands' own output: check's human
// report, explain, config show, demo serve and the errors they print.
// Command-line help (--help) stays English, as in gh and most CLIs.
func cmdWords() []locale.Source {
	words := []locale.Source{
		{ID: "cli.interrupted", Other: "Interrupted."},
		{ID: "cli.bad-lang", Other: "--lang {{.Value}} is not a language; use one of {{.Languages}}"},
		{ID: "cli.no-address", Other: "no store address: pass --url, set WCPOS_STORE_URL, or save a profile with the wizard"},
		{ID: "cli.no-terminal", Other: "the wizard needs a terminal; for scripts use `wcpos-setup check` (see --help)"},
		{ID: "cli.stdin-failed", Other: "reading keys from standard input: {{.Error}}"},
		{ID: "cli.stdin-no-key", Other: "no key on standard input: give one ck_…|cs_… line, or the key and the secret on two lines"},
		{ID: "cli.demo-failed", Other: "starting the practice store: {{.Error}}"},
		{ID: "cli.bad-site-lang", Other: "--site-lang {{.Value}} is not a language tag; use one such as de-DE, ja or pt-BR"},

		{ID: "out.store-line", Other: "Store: {{.Name}} — {{.Home}}"},
		{ID: "out.no-key", Other: "No key given: store checks only. Keys come from the profile, WCPOS_CONSUMER_KEY/SECRET or --keys-stdin."},
		{ID: "out.what", Other: "What:"},
		{ID: "out.cashier", Other: "Cashier:"},
		{ID: "out.admin", Other: "Admin:"},
		{ID: "out.open", Other: "Open:"},
		{ID: "out.docs", Other: "Docs:"},
		{ID: "out.works", Other: "Works."},
		{ID: "out.works-warnings", One: "Works, with {{.Count}} warning.", Other: "Works, with {{.Count}} warnings."},
		{ID: "out.key-problem", Other: "Not working: a key or permission problem (exit 1)."},
		{ID: "out.store-problem", Other: "Not working: a store or network problem (exit 2)."},

		{ID: "explain.col-code", Other: "CODE"},
		{ID: "explain.col-cause", Other: "CAUSE"},
		{ID: "explain.col-severity", Other: "SEVERITY"},
		{ID: "explain.col-meaning", Other: "MEANING"},
		{ID: "explain.more", Other: "wcpos-setup explain CODE|CAUSE tells more about one of them."},
		{ID: "explain.unknown", Other: "no code or cause called {{.Query}}; `wcpos-setup explain` lists them all"},
		{ID: "explain.unknown-near", Other: "no code or cause called {{.Query}} (did you mean {{.Near}}?); `wcpos-setup explain` lists them all"},
		{ID: "explain.cashier", Other: "For the cashier:"},
		{ID: "explain.admin", Other: "For the admin:"},
		{ID: "explain.admin-page", Other: "Admin page:"},
		{ID: "explain.docs", Other: "Docs:"},

		{ID: "config.file", Other: "File:"},
		{ID: "config.file-from", Other: "{{.Path}} ({{.Source}})"},
		{ID: "config.profile", Other: "Profile:"},
		{ID: "config.profile-saved", Other: "{{.Profile}} (saved profiles: {{.Names}})"},
		{ID: "config.language", Other: "Language:"},
		{ID: "config.language-default", Other: "{{.Name}} ({{.Tag}}, the default: no language is set)"},
		{ID: "config.language-from", Other: "{{.Name}} ({{.Tag}}, from {{.Source}}={{.Asked}})"},
		{ID: "config.language-fallback", Other: "{{.Name}} ({{.Tag}}: {{.Source}}={{.Asked}} has no translation)"},
		{ID: "config.col-setting", Other: "SETTING"},
		{ID: "config.col-value", Other: "VALUE"},
		{ID: "config.col-from", Other: "FROM"},
		{ID: "config.store-address", Other: "store address"},
		{ID: "config.consumer-key", Other: "consumer key"},
		{ID: "config.consumer-secret", Other: "consumer secret"},
		{ID: "config.store-name", Other: "store name"},
		{ID: "config.home", Other: "home"},
		{ID: "config.rest-root", Other: "REST root"},
		{ID: "config.transport", Other: "transport"},
		{ID: "config.permissions", Other: "permissions"},
		{ID: "config.permission-marks", Other: "read {{.Read}}, write {{.Write}}, orders {{.Orders}}, products {{.Products}}"},
		{ID: "config.wcpos-plugin", Other: "WCPOS plugin"},
		{ID: "config.verified-at", Other: "verified at"},
		{ID: "config.from-flag", Other: "flag"},
		{ID: "config.from-environment", Other: "environment"},
		{ID: "config.from-file", Other: "file"},
		{ID: "config.from-default", Other: "default"},
		{ID: "config.not-set", Other: "not set"},
		{ID: "config.none-saved", Other: "No profile {{.Profile}} is saved yet: run wcpos-setup to set one up."},

		{ID: "demo.running", Other: "Practice store running (scenario {{.Scenario}}: {{.Summary}})"},
		{ID: "demo.ca-file", Other: "CA file:"},
		{ID: "demo.admin", Other: "Admin:"},
		{ID: "demo.keys", Other: "Practice keys (they open nothing but this store):"},
		{ID: "demo.admin-key", Other: "admin (Read/Write):"},
		{ID: "demo.terminal-key", Other: "terminal ({{.Scenario}}):"},
		{ID: "demo.try", Other: "Try:"},
		{ID: "demo.stop-hint", Other: "Press Ctrl+C to stop."},
		{ID: "demo.stopped", Other: "Practice store stopped."},
		{ID: "demo.ca-failed", Other: "writing the CA certificate: {{.Error}}"},
	}
	for _, s := range scenarios {
		words = append(words, locale.Source{ID: "scenario." + s.name, Other: s.summary})
	}
	return words
}

// scenarioSummary says what a practice scenario is about.
func scenarioSummary(tr *locale.Translator, s scenario) string { return tr.T("scenario." + s.name) }
