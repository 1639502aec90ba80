package wooclient

import (
	"strconv"
	"strings"
)

// Severity says whether a finding stops the setup (blocker), deserves
// attention but lets the terminal work (warning), or is only worth knowing
// (info).
type Severity string

// The severities, from most to least serious.
const (
	SeverityBlocker Severity = "blocker"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// rank orders severities so reports can list blockers first.
func (s Severity) rank() int {
	switch s {
	case SeverityBlocker:
		return 0
	case SeverityWarning:
		return 1
	default:
		return 2
	}
}

// Cause is the short stable name of a problem, the words a cashier reads out
// on the phone ("API02006 wrong-pair"). Causes never change meaning between
// releases; new ones are only added.
type Cause string

// Evidence is one request and what the store answered, redacted, so a support
// person can see why the tool concluded what it did.
type Evidence struct {
	// Request is the request line with credentials redacted, for example
	// "GET https://shop.example/wp-json/wc/v3/system_status (basic)".
	Request string `json:"request"`
	Status  int    `json:"status,omitempty"`
	// Code and Message are the JSON error code and message of the answer.
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	// Note is anything else that mattered (a header, a network error).
	Note string `json:"note,omitempty"`
	// NoteText is Note as a message, so it can be said in the user's
	// language; Note keeps the English for --json.
	NoteText Text `json:"-"`
}

// String renders the evidence on one line for plain-text output.
func (e Evidence) String() string { return e.Line(e.Note) }

// Line renders the evidence on one line with note in place of Note (the
// note said in another language).
func (e Evidence) Line(note string) string {
	var b strings.Builder
	b.WriteString(e.Request)
	if e.Status != 0 {
		b.WriteString(" → ")
		b.WriteString(strconv.Itoa(e.Status))
	}
	if e.Code != "" {
		b.WriteString(" ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(" “" + e.Message + "”")
	}
	if note != "" {
		b.WriteString(" (" + note + ")")
	}
	return b.String()
}

// Finding is one diagnosed problem or fact about the store or the key.
type Finding struct {
	// Code is the WCPOS error code (API02006); empty for findings that are
	// not errors in the WCPOS vocabulary (a redirect, a swapped paste).
	Code     string   `json:"code"`
	Cause    Cause    `json:"cause"`
	Severity Severity `json:"severity"`
	// Title is a few words naming the problem ("Unknown key").
	Title string `json:"title"`
	// Message is one sentence for the cashier.
	Message string `json:"message"`
	// Fix is one sentence for the site admin.
	Fix string `json:"fix"`
	// AdminURL is the full address of the admin page that fixes it, on this
	// store; empty when no page helps or the store is not known yet.
	AdminURL string `json:"admin_url,omitempty"`
	// Detail is specific to this occurrence ("certificate expired on …").
	Detail string `json:"detail,omitempty"`
	// DetailText is Detail as a message ID and arguments, for saying it in
	// the user's language; Detail is its English rendering.
	DetailText Text       `json:"-"`
	Evidence   []Evidence `json:"evidence,omitempty"`
}

// Label is how a finding is read out: "API02006 wrong-pair", or only the
// cause when it has no code.
func (f Finding) Label() string {
	if f.Code == "" {
		return string(f.Cause)
	}
	return f.Code + " " + string(f.Cause)
}

// DocsURL is the WCPOS documentation page for the finding's code.
func (f Finding) DocsURL() string { return DocsURL(f.Code) }

// DocsURL is the WCPOS documentation page for an error code, or "" for none.
func DocsURL(code string) string {
	if code == "" {
		return ""
	}
	return "https://docs.wcpos.com/error-codes/" + code
}

// AboutKey reports whether the finding is about the key pair rather than
// the store or the network: scripts exit 1 for key problems and 2 for
// store problems.
func (f Finding) AboutKey() bool {
	switch f.Cause {
	case CauseKeyMalformed, CauseSecretMalformed, CauseKeysSwapped, CauseNotAKey, CauseUnknownKey,
		CauseWrongPair, CauseReadOnly, CauseWriteOnly, CauseUserCapability, CauseWriteUnproven:
		return true
	}
	return false
}
