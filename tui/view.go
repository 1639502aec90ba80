package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/tui/locale"
)

// View lays out the header, the step's body, a notice line and the footer,
// keeps it all inside the window (no line wider, nothing taller: a body too
// tall for a small window scrolls with pgup/pgdn), and places the real
// cursor on the focused field.
func (m Model) View() tea.View {
	if m.quitting {
		return tea.NewView("")
	}
	header, body, tail, avail := m.layout()

	lines := append([]string(nil), header...)
	top := len(lines)
	if avail-2 >= len(body.lines) { // room for blank lines around the body
		lines = append(lines, "")
		top++
		avail--
	}
	shown, first, end, at := clipBody(body.lines, m.scroll, avail, m.st, m.tr)
	lines = append(lines, shown...)
	if len(lines)+len(tail) < m.rows() && len(shown) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines, tail...)

	if len(lines) > m.rows() {
		lines = lines[:m.rows()]
	}
	v := tea.NewView(fitLines(strings.Join(lines, "\n"), m.width, m.wm))
	v.WindowTitle = "wcpos-setup · " + stepName(m.tr, m.step)
	if c := body.cursor; c != nil && !m.confirmQuit && c.Position.Y >= first && c.Position.Y < end {
		c.Position.Y = top + at + c.Position.Y - first
		if c.Position.Y < m.rows() {
			v.Cursor = c
		}
	}
	return v
}

// layout renders the header, the body and the tail (notice and footer)
// and says how many lines the body may use.
func (m Model) layout() (header []string, body *page, tail []string, avail int) {
	header, body = m.headerLines(), m.body()
	if m.notice != "" {
		np := m.newPage()
		np.hanging(m.st.stateIcon(m.noticeKind)+" ", "  ", m.st.Notice.Render(m.notice))
		tail = append(tail, np.lines...)
	}
	scrolls := len(body.lines) > m.rows()-len(header)-len(tail)-len(m.footerLines(false))
	header, tail = fitChrome(header, append(tail, m.footerLines(scrolls)...), m.rows())
	return header, body, tail, m.rows() - len(header) - len(tail)
}

// fitChrome keeps the header and the footer inside a tiny window: one
// line is left for the body when possible, the footer's last lines and the
// header's go first.
func fitChrome(header, tail []string, height int) ([]string, []string) {
	room := max(height-1, 1)
	if len(header)+len(tail) <= room {
		return header, tail
	}
	tail = tail[:max(min(len(tail), room-1), 1)]
	if len(header)+len(tail) > room {
		header = header[:max(room-len(tail), 0)]
	}
	return header, tail
}

// rows is the height the live area may take: the window's less one row.
// Bubble Tea prints the transcript above the live area by scrolling the
// terminal; a live area as tall as the window would leave it no room and
// the frame below would be drawn out of place.
func (m Model) rows() int { return max(m.height-1, 1) }

// compact reports a window smaller than the 80×24 the steps are laid out
// for: finished checklists then fold their passed lines.
func (m Model) compact() bool { return m.width < narrowWidth || m.height < 24 }

// body renders the step's body (or the QR code in its place).
func (m Model) body() *page {
	p := m.newPage()
	switch {
	case m.langs.open:
		m.viewLanguages(p)
	case m.qrURL != "":
		m.viewQR(p)
	default:
		m.rtlHint(p)
		m.viewStep(p)
	}
	return p
}

// clipBody fits the body into avail lines, from line scroll on. Lines cut
// off above or below are announced, so nothing is hidden silently. It
// returns the lines to show, the range [first, end) of body lines among
// them, and where body line first is in the result.
func clipBody(lines []string, scroll, avail int, st Styles, tr *locale.Translator) (out []string, first, end, at int) {
	if avail <= 0 {
		return nil, 0, 0, 0
	}
	if len(lines) <= avail {
		return lines, 0, len(lines), 0
	}
	if avail < 3 {
		return lines[:avail], 0, avail, 0
	}
	first = clamp(scroll, 0, len(lines)-(avail-1))
	room := avail
	if first > 0 {
		out = append(out, st.Muted.Render(tr.T("frame.more-above")))
		room--
	}
	at = len(out)
	end = min(first+room, len(lines))
	if end < len(lines) {
		end--
	}
	out = append(out, lines[first:end]...)
	if end < len(lines) {
		out = append(out, st.Muted.Render(tr.T("frame.more-below")))
	}
	return out, first, end, at
}

// clamp keeps v within [lo, hi].
func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// scrollBy moves the body of a too small window by half a window.
func (m Model) scrollBy(dir int) Model {
	_, body, _, avail := m.layout()
	last := max(len(body.lines)-(avail-1), 0)
	m.scroll = clamp(m.scroll+dir*max(avail-2, 1), 0, last)
	return m
}

// headerLines is the product name and "Step n of 7 · Sn Title", on one
// line when they fit and on two otherwise.
func (m Model) headerLines() []string {
	brand := m.st.Brand.Render("wcpos-setup")
	if m.deps.Demo != nil {
		brand += m.st.Muted.Render(" · " + m.tr.T("frame.practice-store"))
	}
	where := m.st.Step.Render(m.tr.T("frame.step-of", "N", int(m.step), "Total", int(lastStep),
		"Name", stepName(m.tr, m.step)))
	if m.wm.StringWidth(brand)+2+m.wm.StringWidth(where) <= m.width {
		return []string{brand + "  " + where}
	}
	p := m.newPage()
	p.text(brand)
	p.text(where)
	return p.lines
}

// viewStep renders the current step's body.
func (m Model) viewStep(p *page) {
	switch m.step {
	case stepSaved:
		m.viewSaved(p)
	case stepStore:
		m.viewStore(p)
	case stepLocate:
		m.viewLocate(p)
	case stepGenerate:
		m.viewGenerate(p)
	case stepKeys:
		m.viewKeys(p)
	case stepPermissions:
		m.viewPermissions(p)
	case stepReview:
		m.viewReview(p)
	case stepDone:
		m.viewDone(p)
	}
}

// frameWords are the words around every step: the header, the scroll
// marks and the quit question.
var frameWords = []locale.Source{
	{ID: "frame.practice-store", Other: "practice store"},
	{ID: "frame.step-of", Other: "Step {{.N}} of {{.Total}} · {{.Name}}"},
	{ID: "frame.more-above", Other: "↑ more above (pgup)"},
	{ID: "frame.more-below", Other: "↓ more below (pgdn)"},
	{ID: "frame.quit-unsaved", Other: "Quit without saving? The keys you entered are not saved. ({{.YesKey}}/{{.NoKey}})"},
	{ID: "step.saved", Other: "Saved connection"},
	{ID: "step.store", Other: "Store"},
	{ID: "step.locate", Other: "Locate keys"},
	{ID: "step.generate", Other: "Generate key"},
	{ID: "step.keys", Other: "Enter keys"},
	{ID: "step.permissions", Other: "Permissions"},
	{ID: "step.review", Other: "Review and save"},
	{ID: "step.done", Other: "Done"},
}
