package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The icons of the checklist and the findings. They carry meaning without
// colour (NO_COLOR, a monochrome till screen), so each state has its own
// shape, not only its own hue.
const (
	IconOK      = "✓"
	IconWarn    = "!"
	IconFail    = "✗"
	IconInfo    = "i"
	IconPending = "·"
	IconSkipped = "–"
	IconCursor  = "›"
)

// Styles is the whole look of the wizard, made by NewStyles from the
// terminal's background. Components receive it; nothing is styled from
// package-level variables.
type Styles struct {
	Brand    lipgloss.Style // product name in the header
	Step     lipgloss.Style // "Step 3 of 7 · S3 Generate key"
	Heading  lipgloss.Style // a question or a section title
	Text     lipgloss.Style
	Muted    lipgloss.Style // details, hints
	OK       lipgloss.Style
	Warn     lipgloss.Style
	Fail     lipgloss.Style
	Info     lipgloss.Style
	Label    lipgloss.Style // "API02006 wrong-pair"
	URL      lipgloss.Style
	Selected lipgloss.Style // the highlighted choice
	Notice   lipgloss.Style // one-line feedback ("Link copied")
	Spinner  lipgloss.Style
	QRLight  bool // draw light modules (dark terminals) instead of dark ones

	Help  help.Styles
	Input textinput.Styles
}

// palette is the handful of colours the styles are built from; nil colours
// leave the terminal's own.
type palette struct {
	accent, muted, ok, warn, fail, info color.Color
	decorate                            bool // bold, underline, faint
}

// NewStyles returns the wizard's styles for a dark or light terminal.
// Colours go through lipgloss.LightDark; the renderer downsamples them to
// what the terminal supports and drops them under NO_COLOR.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	st := newStyles(palette{
		accent:   ld(lipgloss.Color("#5B3FD0"), lipgloss.Color("#A58CFF")),
		muted:    ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A")),
		ok:       ld(lipgloss.Color("#1E7A34"), lipgloss.Color("#4CD07D")),
		warn:     ld(lipgloss.Color("#9A5B00"), lipgloss.Color("#F2B84B")),
		fail:     ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF6B6B")),
		info:     ld(lipgloss.Color("#1F5FA8"), lipgloss.Color("#7FB6FF")),
		decorate: true,
	})
	st.QRLight = isDark
	st.Help = help.DefaultStyles(isDark)
	return st
}

// plainStyles has no attributes at all, so a view rendered with it contains
// no escape sequence: tests use it to prove that nothing typed or received
// ever reaches the terminal as one.
func plainStyles() Styles {
	st := newStyles(palette{})
	st.QRLight = true
	return st
}

// newStyles builds the styles from a palette; the empty palette gives
// plainStyles.
func newStyles(p palette) Styles {
	fg := func(c color.Color) lipgloss.Style {
		if c == nil {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(c)
	}
	bold := func(s lipgloss.Style) lipgloss.Style {
		if p.decorate {
			return s.Bold(true)
		}
		return s
	}
	var st Styles
	st.Brand = bold(fg(p.accent))
	st.Step = fg(p.muted)
	st.Heading = bold(lipgloss.NewStyle())
	st.Text = lipgloss.NewStyle()
	st.Muted = fg(p.muted)
	st.OK = fg(p.ok)
	st.Warn = fg(p.warn)
	st.Fail = fg(p.fail)
	st.Info = fg(p.info)
	st.Label = bold(lipgloss.NewStyle())
	st.URL = fg(p.info)
	if p.decorate {
		st.URL = st.URL.Underline(true)
	}
	st.Selected = bold(fg(p.accent))
	st.Notice = fg(p.accent)
	st.Spinner = fg(p.accent)

	st.Help = help.Styles{
		Ellipsis: fg(p.muted), ShortKey: fg(p.muted), ShortDesc: fg(p.muted),
		ShortSeparator: fg(p.muted), FullKey: fg(p.muted), FullDesc: fg(p.muted),
		FullSeparator: fg(p.muted),
	}
	state := textinput.StyleState{
		Text:        lipgloss.NewStyle(),
		Placeholder: fg(p.muted),
		Suggestion:  fg(p.muted),
		Prompt:      fg(p.accent),
	}
	st.Input = textinput.Styles{
		Focused: state,
		Blurred: textinput.StyleState{Text: fg(p.muted), Placeholder: fg(p.muted),
			Suggestion: fg(p.muted), Prompt: fg(p.muted)},
		// The real terminal cursor blinks by itself: no timer, no CPU.
		Cursor: textinput.CursorStyle{Shape: tea.CursorBlock, Blink: true},
	}
	return st
}

// stateIcon renders a check state's icon in its colour.
func (st Styles) stateIcon(s stateKind) string {
	switch s {
	case kindOK:
		return st.OK.Render(IconOK)
	case kindWarn:
		return st.Warn.Render(IconWarn)
	case kindFail:
		return st.Fail.Render(IconFail)
	case kindInfo:
		return st.Info.Render(IconInfo)
	case kindSkipped:
		return st.Muted.Render(IconSkipped)
	}
	return st.Muted.Render(IconPending)
}

// stateKind is the visual class of a check or finding.
type stateKind int

const (
	kindPending stateKind = iota
	kindOK
	kindWarn
	kindFail
	kindInfo
	kindSkipped
)
