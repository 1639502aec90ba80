package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// browserState is what the Browser said at start: whether a page can be
// opened here and, if not, why. Asked once, so no view or update touches
// the environment.
type browserState struct {
	ok  bool
	why string
}

// probeBrowser asks the Browser once whether it can open pages here.
func probeBrowser(b Browser) browserState {
	if b == nil {
		return browserState{why: "no browser is set up for this program"}
	}
	ok, why := b.Available()
	if !ok && why == "" {
		why = "no browser is available here"
	}
	return browserState{ok: ok, why: why}
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
			m.setNotice(kindWarn, "Cannot open a browser: "+safeText(m.browser.why)+". Press c to copy the link or q for a QR code.")
			return m, nil
		}
		m.setNotice(kindInfo, "Opening the browser…")
		return m, openBrowserCmd(m.deps.Browser, url)
	case key.Matches(msg, m.keys.Copy):
		m.setNotice(kindOK, "Link copied through the terminal (OSC 52). If your terminal does not allow it, select the link on screen.")
		return m, tea.SetClipboard(url)
	case key.Matches(msg, m.keys.QR):
		m.qrURL, m.notice = url, "" // the code needs every row
	}
	return m, nil
}

// browserLine says, before anyone presses o, that no browser can open here.
func (m Model) browserLine(p *page) {
	if !m.browser.ok {
		p.hanging(m.st.Muted.Render(IconInfo)+" ", "  ", m.st.Muted.Render("No browser here ("+safeText(m.browser.why)+"): use c or q."))
	}
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
func abilities(k *wooclient.KeyStatus) string {
	if k == nil {
		return "nothing proved yet"
	}
	var out []string
	for _, a := range []struct {
		ok   bool
		name string
	}{{k.Read, "read"}, {k.Write, "write"}, {k.Orders, "orders"}, {k.Products, "products"}} {
		if a.ok {
			out = append(out, a.name)
		}
	}
	if len(out) == 0 {
		return "nothing"
	}
	return strings.Join(out, ", ")
}

// transportNote is " (basic)" for the transport a key works with.
func transportNote(k *wooclient.KeyStatus) string {
	if k == nil || k.Transport == wooclient.TransportNone {
		return ""
	}
	return " (" + string(k.Transport) + ")"
}
