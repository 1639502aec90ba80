package wooclient

import (
	"sort"
	"strings"
)

// Entry is one cause in the catalogue: what it means and how to fix it,
// independent of any store. Findings are made from entries.
type Entry struct {
	Cause    Cause     `json:"cause"`
	Code     string    `json:"code"`
	Severity Severity  `json:"severity"`
	Title    string    `json:"title"`
	Message  string    `json:"message"`
	Fix      string    `json:"fix"`
	Page     AdminPage `json:"page,omitempty"`
}

// DocsURL is the WCPOS documentation page of the entry's code.
func (e Entry) DocsURL() string { return DocsURL(e.Code) }

// Catalogue lists every cause the tool can report, in a stable order
// (network, site, typed keys, keys at the store). It is a fresh copy.
func Catalogue() []Entry {
	out := make([]Entry, len(catalogue))
	copy(out, catalogue)
	return out
}

// Lookup finds entries by cause name or WCPOS code, case-insensitively.
// A code may match several causes (API02006 is unknown-key, wrong-pair…).
func Lookup(codeOrCause string) []Entry {
	q := strings.ToLower(strings.TrimSpace(codeOrCause))
	var out []Entry
	for _, e := range catalogue {
		if strings.ToLower(e.Code) == q || string(e.Cause) == q {
			out = append(out, e)
		}
	}
	return out
}

// Codes lists the distinct WCPOS codes of the catalogue, sorted.
func Codes() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range catalogue {
		if e.Code != "" && !seen[e.Code] {
			seen[e.Code] = true
			out = append(out, e.Code)
		}
	}
	sort.Strings(out)
	return out
}

// entryFor returns the catalogue entry of a cause. Every Cause constant has
// one; a missing one is a programming error caught by the catalogue test.
func entryFor(c Cause) Entry {
	for _, e := range catalogue {
		if e.Cause == c {
			return e
		}
	}
	return Entry{Cause: c, Severity: SeverityBlocker, Title: string(c)}
}

// NewFinding makes a finding of cause c on the store whose home is home
// ("" when not known yet), with the catalogue's wording and severity.
func NewFinding(c Cause, home string) Finding {
	e := entryFor(c)
	return Finding{
		Code:     e.Code,
		Cause:    e.Cause,
		Severity: e.Severity,
		Title:    e.Title,
		Message:  e.Message,
		Fix:      e.Fix,
		AdminURL: e.Page.On(home),
	}
}

// With returns a copy of the finding with detail and evidence added.
func (f Finding) With(detail Text, ev ...Evidence) Finding {
	if !detail.IsZero() {
		f.Detail, f.DetailText = detail.String(), detail
	}
	f.Evidence = append(append([]Evidence(nil), f.Evidence...), ev...)
	return f
}

// As returns a copy of the finding with another severity, for causes whose
// weight depends on what else is known (a REST block that keys get past).
func (f Finding) As(s Severity) Finding {
	f.Severity = s
	return f
}
