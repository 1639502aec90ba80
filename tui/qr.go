package tui

import (
	"strings"

	"github.com/wcpos/wcpos-setup/tui/locale"
	"rsc.io/qr"
)

// qrQuiet is the quiet zone in modules. The standard asks for 4; 2 is what
// phone cameras need in practice and keeps the code of an admin URL inside
// 80×24.
const qrQuiet = 2

// qrLines renders text as a QR code with half blocks: each character cell
// holds two modules stacked (▀ ▄ █), so the code is square on screen. With
// light, the light modules are drawn (a dark terminal's background is the
// dark ink), quiet zone included; otherwise the dark ones are.
func qrLines(text string, light bool) ([]string, error) {
	code, err := qr.Encode(text, qr.L)
	if err != nil {
		return nil, err
	}
	on := func(x, y int) bool {
		inside := x >= 0 && y >= 0 && x < code.Size && y < code.Size
		black := inside && code.Black(x, y)
		return black != light
	}
	var lines []string
	for y := -qrQuiet; y < code.Size+qrQuiet; y += 2 {
		var b strings.Builder
		for x := -qrQuiet; x < code.Size+qrQuiet; x++ {
			top := on(x, y)
			bottom := y+1 < code.Size+qrQuiet && on(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		lines = append(lines, b.String())
	}
	return lines, nil
}

// viewQR draws the QR code of m.qrURL in place of the step's body, or says
// how many columns or rows it needs when the window is too small: half a
// code cannot be scanned, so it is never cut.
func (m Model) viewQR(p *page) {
	st := m.st
	lines, err := qrLines(m.qrURL, st.QRLight)
	if err != nil {
		p.hanging(st.Fail.Render(IconFail)+" ", "  ", m.tr.T("common.qr-cannot-encode", "Error", safeText(err.Error())))
		return
	}
	cols := m.wm.StringWidth(lines[0])
	rows := len(lines)
	room := m.rows() - len(m.headerLines()) - 1 // less the footer
	switch {
	case cols > p.width:
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", m.tr.N("common.qr-too-narrow", cols, "Width", p.width,
			"HideKey", keyName(m.keys.HideQR), "CopyKey", keyName(m.keys.Copy)))
	case rows > room:
		p.hanging(st.Warn.Render(IconWarn)+" ", "  ", m.tr.N("common.qr-too-short", rows+len(m.headerLines())+2, "Height", m.height,
			"HideKey", keyName(m.keys.HideQR), "CopyKey", keyName(m.keys.Copy)))
	default:
		for _, l := range lines {
			p.line(l)
		}
		if rows < room {
			p.text(st.Muted.Render(m.tr.T("common.qr-scan-hint")))
		}
	}
}

// qrWords are what the QR code screen says around the code, or instead of
// it when the window is too small.
var qrWords = []locale.Source{
	{ID: "common.qr-cannot-encode", Other: "This address cannot be shown as a QR code: {{.Error}}"},
	{ID: "common.qr-too-narrow",
		One:   "The QR code needs {{.Count}} column; this window has {{.Width}}. Make it wider, or press {{.HideKey}} and then {{.CopyKey}} to copy the link.",
		Other: "The QR code needs {{.Count}} columns; this window has {{.Width}}. Make it wider, or press {{.HideKey}} and then {{.CopyKey}} to copy the link."},
	{ID: "common.qr-too-short",
		One:   "The QR code needs {{.Count}} row; this window has {{.Height}}. Make it taller, or press {{.HideKey}} and then {{.CopyKey}} to copy the link.",
		Other: "The QR code needs {{.Count}} rows; this window has {{.Height}}. Make it taller, or press {{.HideKey}} and then {{.CopyKey}} to copy the link."},
	{ID: "common.qr-scan-hint", Other: "Scan it with a phone or tablet to open the page."},
}
