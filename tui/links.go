package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// browserState is what the Browser said at start: whether a page can be
// opened here and, if not, why. Asked once, so no view or update touches
// the environment. The reason is said when shown, so it follows a change
// of language.
type browserState struct {
	ok    bool
	unset bool // no Browser at all
	why   NoBrowser
}

// probeBrowser asks the Browser once whether it can open pages here.
func probeBrowser(b Browser) browserState {
	if b == nil {
		return browserState{unset: true}
	}
	ok, why := b.Available()
	return browserState{ok: ok, why: why}
}

// whyNoBrowser says why no page can be opened here.
func (b browserState) whyNoBrowser(tr *locale.Translator) string {
	switch {
	case b.unset:
		return tr.T("common.no-browser-set-up")
	case b.why.Kind == NoBrowserOverSSH:
		return tr.T("common.no-browser-ssh")
	case b.why.Kind == NoBrowserNoDisplay:
		return tr.T("common.no-browser-display")
	case b.why.Kind == NoBrowserNoOpener:
		return tr.T("common.no-browser-opener", "Programs", safeText(b.why.Programs))
	}
	return tr.T("common.no-browser-here")
}

// urlBindings are the keys that act on an admin page's address: open it
// (only when a browser can be opened here), copy it, show it as a QR code.
func (m Model) urlBindings(url string) []key.Binding {
	if url == "" {
		return nil
	}
	var ks []key.Binding
	if m.browser.ok {
		ks = append(ks, m.keys.Open)
	}
	return append(ks, m.keys.Copy, m.keys.QR)
}

// urlKeys runs o, c and q on an admin page's address. Copying goes through
// the terminal (OSC 52), so it also works over SSH.
func (m Model) urlKeys(msg tea.KeyPressMsg, url string) (Model, tea.Cmd) {
	if url == "" {
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		if !m.browser.ok {
			m.setNotice(kindWarn, m.tr.T("common.cannot-open-browser", "Reason", m.browser.whyNoBrowser(m.tr),
				"CopyKey", keyName(m.keys.Copy), "QRKey", keyName(m.keys.QR)))
			return m, nil
		}
		m.setNotice(kindInfo, m.tr.T("common.opening-browser"))
		return m, openBrowserCmd(m.deps.Browser, url)
	case key.Matches(msg, m.keys.Copy):
		m.setNotice(kindOK, m.tr.T("common.link-copied"))
		return m, tea.SetClipboard(url)
	case key.Matches(msg, m.keys.QR):
		m.qrURL, m.notice = url, "" // the code needs every row
	}
	return m, nil
}

// browserLine says, before anyone presses o, that no browser can open here.
func (m Model) browserLine(p *page) {
	if !m.browser.ok {
		p.hanging(m.st.Muted.Render(IconInfo)+" ", "  ", m.st.Muted.Render(m.tr.T("common.no-browser-line", "Reason", m.browser.whyNoBrowser(m.tr),
			"CopyKey", keyName(m.keys.Copy), "QRKey", keyName(m.keys.QR))))
	}
}

// adminPath is a WP Admin menu path ("WooCommerce → Settings → Advanced →
// REST API"), each label as the store's admin sees it; the arrow is a
// message, so a right-to-left language can point it its way.
func (m Model) adminPath(ids ...string) string {
	var out string
	for i, id := range ids {
		if i == 0 {
			out = m.adminLabel(id)
			continue
		}
		out = m.tr.T("common.menu-next", "Path", out, "Next", m.adminLabel(id))
	}
	return out
}

// confirmedStore is the store the user recognised in S1 (or that S0's
// check proved); its home builds every admin URL.
func (m Model) confirmedStore() wooclient.Store {
	if m.store.report != nil {
		return m.store.report.Store
	}
	if sv := m.opts.Saved; sv != nil {
		return sv.Store
	}
	return wooclient.Store{}
}

// abilities lists what a key proved it can do: "read, write, orders,
// products".
func abilities(tr *locale.Translator, k *wooclient.KeyStatus) string {
	if k == nil {
		return tr.T("common.nothing-proved")
	}
	var out []string
	for _, a := range []struct {
		ok   bool
		name string
	}{{k.Read, tr.T("common.ability-read")}, {k.Write, tr.T("common.ability-write")},
		{k.Orders, tr.T("common.ability-orders")}, {k.Products, tr.T("common.ability-products")}} {
		if a.ok {
			out = append(out, a.name)
		}
	}
	if len(out) == 0 {
		return tr.T("common.nothing")
	}
	return listOf(tr, out)
}

// listOf joins items the way the language lists things ("read, write"):
// each next item is added by a message, so a language can use its own
// separator.
func listOf(tr *locale.Translator, items []string) string {
	if len(items) == 0 {
		return ""
	}
	out := items[0]
	for _, it := range items[1:] {
		out = tr.T("common.list-next", "List", out, "Item", it)
	}
	return out
}

// transportNote is " (basic)" for the transport a key works with: the
// transport's name is WooCommerce's and is never translated.
func transportNote(tr *locale.Translator, k *wooclient.KeyStatus) string {
	if k == nil || k.Transport == wooclient.TransportNone {
		return ""
	}
	return tr.T("common.transport-note", "Transport", string(k.Transport))
}

// linkWords are the words about admin pages and browsers, and the shared
// words for what a key can do.
var linkWords = []locale.Source{
	{ID: "common.no-browser-set-up", Other: "no browser is set up for this program"},
	{ID: "common.no-browser-here", Other: "no browser is available here"},
	{ID: "common.no-browser-ssh", Other: "this is an SSH session: a browser would open on the other computer"},
	{ID: "common.no-browser-display", Other: "there is no graphical display here"},
	{ID: "common.no-browser-opener", Other: "no program to open web pages was found ({{.Programs}})"},
	{ID: "common.cannot-open-browser", Other: "Cannot open a browser: {{.Reason}}. Press {{.CopyKey}} to copy the link or {{.QRKey}} for a QR code."},
	{ID: "common.opening-browser", Other: "Opening the browser…"},
	{ID: "common.link-copied", Other: "Link copied through the terminal (OSC 52). If your terminal does not allow it, select the link on screen."},
	{ID: "common.no-browser-line", Other: "No browser here ({{.Reason}}): use {{.CopyKey}} or {{.QRKey}}."},
	{ID: "common.nothing-proved", Other: "nothing proved yet"},
	{ID: "common.nothing", Other: "nothing"},
	{ID: "common.ability-read", Other: "read"},
	{ID: "common.ability-write", Other: "write"},
	{ID: "common.ability-orders", Other: "orders"},
	{ID: "common.ability-products", Other: "products"},
	{ID: "common.list-next", Other: "{{.List}}, {{.Item}}"},
	{ID: "common.menu-next", Other: "{{.Path}} → {{.Next}}"},
	{ID: "common.transport-note", Other: " ({{.Transport}})"},
}
