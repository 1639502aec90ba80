// Package tui is wcpos-setup's wizard: a Bubble Tea state machine that takes
// a cashier from "API02006: API Key Invalid" to a validated, saved
// connection, one numbered step at a time, and that a support person can
// follow on the phone ("which step are you on? S4").
//
// The root Model owns one plain state struct per step (step_*.go holds each
// step's update and view); every network and disk touch is a command built
// by a constructor in commands.go, and every reply carries the run id and
// the input it answers so stale replies are dropped.
package tui

import (
	"context"
	"strconv"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/wcpos/wcpos-setup/tui/locale"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// step is where the wizard is. The numbers are the ones on screen and in
// the transcript, so they never change meaning.
type step int

const (
	stepSaved step = iota
	stepStore
	stepLocate
	stepGenerate
	stepKeys
	stepPermissions
	stepReview
	stepDone
)

// lastStep is the "of 7" in "Step 3 of 7".
const lastStep = stepDone

// Code is the short name a caller reads out: "S3".
func (s step) Code() string { return "S" + strconv.Itoa(int(s)) }

// Title names the step in English, for Result.Step and logs; screens use
// Model.stepName, in the wizard's language.
func (s step) Title() string {
	switch s {
	case stepSaved:
		return "Saved connection"
	case stepStore:
		return "Store"
	case stepLocate:
		return "Locate keys"
	case stepGenerate:
		return "Generate key"
	case stepKeys:
		return "Enter keys"
	case stepPermissions:
		return "Permissions"
	case stepReview:
		return "Review and save"
	case stepDone:
		return "Done"
	}
	return "Unknown"
}

// String is "S3 Generate key", in English.
func (s step) String() string { return s.Code() + " " + s.Title() }

// stepTitle names a step in the wizard's language.
func stepTitle(tr *locale.Translator, s step) string {
	switch s {
	case stepSaved:
		return tr.T("step.saved")
	case stepStore:
		return tr.T("step.store")
	case stepLocate:
		return tr.T("step.locate")
	case stepGenerate:
		return tr.T("step.generate")
	case stepKeys:
		return tr.T("step.keys")
	case stepPermissions:
		return tr.T("step.permissions")
	case stepReview:
		return tr.T("step.review")
	case stepDone:
		return tr.T("step.done")
	}
	return s.Title()
}

// adminLabel names a WP Admin screen or button (a wpadmin.* ID) as the
// store's admin sees it: in the site's language, with the English beside
// it when they differ.
func (m Model) adminLabel(id string) string {
	return m.tr.AdminLabel(m.siteLanguage(), id)
}

// siteLanguage is the language of the store's WP Admin as far as the
// wizard knows it: what the store's front page said in its <html lang>
// when S1 or S0 last asked, "" when unknown (labels are then English).
func (m Model) siteLanguage() string {
	for _, r := range []*wooclient.Report{m.store.report, m.saved.report} {
		if r != nil && r.Store.Language != "" {
			return r.Store.Language
		}
	}
	return m.confirmedStore().Language
}

// stepName is "S3 Generate key" in the wizard's language, as in the
// header and the transcript: the code is the same in every language, so a
// support person and a cashier with different languages agree on it.
func stepName(tr *locale.Translator, s step) string { return s.Code() + " " + stepTitle(tr, s) }

// Model is the wizard. It is a value: Update returns a new one, and commands
// capture what they need instead of reaching back into it.
type Model struct {
	ctx     context.Context
	deps    Deps
	opts    Options
	tr      *locale.Translator // the language every view speaks
	keys    keyMap
	st      Styles
	help    help.Model
	spin    spinner.Model
	started time.Time
	initCmd tea.Cmd
	browser browserState

	width, height int
	// wm is how the terminal measures text, the way Bubble Tea's renderer
	// does: a cell per code point (wcwidth) unless the terminal reports
	// grapheme clustering (mode 2027). Layout uses the same, so text with
	// combining marks (Hindi) lines up where the renderer puts it.
	wm       ansi.Method
	spinning bool // a spinner tick is scheduled

	step        step
	history     []step // steps to go back to with esc
	nextRun     int
	notice      string // one line of feedback, cleared when the step changes
	noticeKind  stateKind
	qrURL       string // when set, the QR code of this address fills the body
	langs       languagePicker
	showHelp    bool
	scroll      int // first body line shown when the body is taller than the window
	confirmQuit bool
	quitting    bool
	transcript  []string // the lines printed above the live area
	outbox      []string // transcript lines not handed to Bubble Tea yet
	printing    bool     // a batch of transcript lines is being printed
	lastReport  *wooclient.Report
	result      Result

	saved  savedState
	store  storeState
	locate locateState
	gen    generateState
	pair   keysState
	perms  permsState
	review reviewState
	done   doneState
}

// newModel builds the wizard at its first step: S0 when a saved connection
// exists (its live check starts at once), S1 otherwise. It reads the clock
// once, for the suggested key description.
func newModel(ctx context.Context, deps Deps, opts Options) Model {
	if ctx == nil {
		ctx = context.Background()
	}
	tr := opts.Tr
	if tr == nil {
		tr = englishTranslator()
	}
	m := Model{
		ctx:     ctx,
		deps:    deps,
		opts:    opts,
		tr:      tr,
		keys:    newKeyMap(tr),
		st:      NewStyles(true), // until the terminal tells its background
		help:    help.New(),
		spin:    spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		started: deps.now(),
		width:   80,
		height:  24,
		wm:      ansi.WcWidth,
		browser: probeBrowser(deps.Browser),
	}
	m.store = newStoreState(m.prefillAddress())
	m.pair = newKeysState()
	m.setStyles(m.st)
	if opts.Saved != nil {
		m.step = stepSaved
		m.initCmd = m.startSavedCheck()
	} else {
		m.step = stepStore
		m.initCmd = m.store.input.Focus()
	}
	m.resize(m.width, m.height)
	return m
}

// prefillAddress is the address the store field starts with. An address
// holding something key-like (a key pasted into --url, a URL with
// consumer_secret=…) is never shown: it could not be a store address, and
// echoing it would show the secret.
func (m Model) prefillAddress() string {
	addr := m.givenAddress()
	if wooclient.Redact(addr) != addr {
		return ""
	}
	return addr
}

// givenAddress is the address cmd passed, or the saved one.
func (m Model) givenAddress() string {
	switch {
	case m.opts.Address != "":
		return m.opts.Address
	case m.opts.Saved != nil && m.opts.Saved.Store.URL != "":
		return m.opts.Saved.Store.URL
	case m.opts.Saved != nil:
		return m.opts.Saved.Store.Home
	}
	return ""
}

// Init asks the terminal for its background colour (light or dark styles)
// and starts the saved connection's check when there is one.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.initCmd, m.spinCmd())
}

// busy reports whether any command is in flight: only then does the spinner
// tick, so an idle wizard costs no CPU.
func (m Model) busy() bool {
	return m.saved.run.busy() || m.store.run.busy() || m.gen.probe.busy() ||
		m.gen.mint.busy() || m.pair.run.busy() || m.perms.run.busy() ||
		m.perms.fix.busy() || m.review.run.busy()
}

// spinCmd starts the spinner when something is in flight and it is not
// already ticking.
func (m Model) spinCmd() tea.Cmd {
	if m.busy() && !m.spinning {
		return m.spin.Tick
	}
	return nil
}

// withSpin marks the spinner running when it needs to start.
func (m Model) withSpin(cmd tea.Cmd) (Model, tea.Cmd) {
	if s := m.spinCmd(); s != nil {
		m.spinning = true
		return m, tea.Batch(cmd, s)
	}
	return m, cmd
}

// Update routes a message: global keys and window events here, the rest to
// the step that owns it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width > 0 && msg.Height > 0 { // 0×0: not a terminal, keep 80×24
			m.resize(msg.Width, msg.Height)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
		return m, nil
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && (msg.Value == ansi.ModeSet || msg.Value == ansi.ModeReset ||
			msg.Value == ansi.ModePermanentlySet) {
			m.wm = ansi.GraphemeWidth // as the renderer switches on this report
			m.resize(m.width, m.height)
		}
		return m, nil
	case spinner.TickMsg:
		if !m.busy() {
			m.spinning = false // let the tick chain end
			return m, nil
		}
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case transcriptPrintedMsg:
		m.printing = false
		return m, m.flush()
	case tea.KeyPressMsg:
		m, cmd = m.handleKey(msg)
	case tea.PasteMsg:
		m, cmd = m.handlePaste(msg)
	default:
		m, cmd = m.handleReply(msg)
	}
	return m.withSpin(cmd)
}
