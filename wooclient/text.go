package wooclient

import (
	"maps"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"
)

// Text is one thing the engine says to a person: a checklist detail, the
// detail of a finding, why a typed key is not a key. It is kept as a message
// ID and named arguments, not as a finished sentence, so the wizard and
// check can say it in the cashier's language; String renders the English
// that Detail fields, --json and logs keep, so scripts see the same words in
// every language.
//
// Argument values are strings that are never translated (hosts, URLs,
// versions, codes, key endings, counts already formatted), ints, dates
// (time.Time, written the way each language writes dates), or nested Texts,
// which are translated in turn.
type Text struct {
	ID   string
	Args Args
}

// Args are a Text's named arguments, referred to in templates as {{.Name}}.
type Args map[string]any

// say makes a Text. Every ID must have an English template in englishTexts;
// TestEveryTextHasEnglish walks the source to hold that true.
func say(id string, args Args) Text { return Text{ID: id, Args: args} }

// IsZero reports an empty Text (no detail).
func (t Text) IsZero() bool { return t.ID == "" }

// String renders the Text in English. An unknown ID renders as the ID
// itself, loud enough for a test or a user report to catch.
func (t Text) String() string {
	if t.ID == "" {
		return ""
	}
	tmpl := englishTemplate(t.ID)
	if tmpl == nil {
		return t.ID
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, t.englishArgs()); err != nil {
		return t.ID
	}
	return b.String()
}

// englishArgs renders nested Texts so a template sees only plain values.
func (t Text) englishArgs() map[string]any {
	out := make(map[string]any, len(t.Args))
	for k, v := range t.Args {
		switch x := v.(type) {
		case Text:
			v = x.String()
		case time.Time:
			v = x.Format("2 Jan 2006")
		}
		out[k] = v
	}
	return out
}

// MapStrings returns a copy with f applied to every string argument, nested
// Texts included; the run uses it to redact what a store or an error put in.
func (t Text) MapStrings(f func(string) string) Text {
	if len(t.Args) == 0 {
		return t
	}
	out := make(Args, len(t.Args))
	for k, v := range t.Args {
		switch v := v.(type) {
		case string:
			out[k] = f(v)
		case Text:
			out[k] = v.MapStrings(f)
		default:
			out[k] = v
		}
	}
	return Text{ID: t.ID, Args: out}
}

// Message is one English source sentence a user interface may translate.
type Message struct {
	ID string
	// English is a text/template: arguments appear as {{.Name}}.
	English string
}

// Messages lists every sentence the engine can produce, sorted by ID: the
// Texts of details and field problems, the checklist labels (check.<id>),
// the catalogue's title, cashier and admin sentences
// (cause.<cause>.title|message|fix) and the severities (severity.<name>).
// A translation is complete when it covers every ID listed here.
func Messages() []Message {
	all := maps.Clone(englishTexts)
	for _, id := range append(append([]CheckID(nil), StoreChecks...), KeyChecks...) {
		all[id.TextID()] = id.Label()
	}
	for _, e := range catalogue {
		all[e.Cause.TextID("title")] = e.Title
		all[e.Cause.TextID("message")] = e.Message
		all[e.Cause.TextID("fix")] = e.Fix
	}
	for _, s := range []Severity{SeverityBlocker, SeverityWarning, SeverityInfo} {
		all[s.TextID()] = string(s)
	}
	out := make([]Message, 0, len(all))
	for id, en := range all {
		out = append(out, Message{ID: id, English: en})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// TextID is the message ID of a check's label.
func (id CheckID) TextID() string { return "check." + string(id) }

// TextID is the message ID of one part of a cause's catalogue entry:
// "title", "message" (for the cashier) or "fix" (for the admin).
func (c Cause) TextID(part string) string { return "cause." + string(c) + "." + part }

// TextID is the message ID of a severity's name.
func (s Severity) TextID() string { return "severity." + string(s) }

// Title is the catalogue title of the finding's cause as a Text, for
// sentences that name another finding.
func (c Cause) Title() Text { return Text{ID: c.TextID("title")} }

var (
	englishOnce  sync.Once
	englishParse map[string]*template.Template
)

// englishTemplate returns the parsed English template of id, parsing them
// all once; IDs outside englishTexts (catalogue parts, labels) fall back to
// Messages.
func englishTemplate(id string) *template.Template {
	englishOnce.Do(func() {
		englishParse = map[string]*template.Template{}
		for _, m := range Messages() {
			t, err := template.New(m.ID).Option("missingkey=zero").Parse(m.English)
			if err == nil {
				englishParse[m.ID] = t
			}
		}
	})
	return englishParse[id]
}
