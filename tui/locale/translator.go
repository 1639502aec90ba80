package locale

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// Translator says messages in one language. Views call it; it never
// touches disk or network (the language file is embedded and parsed when
// the Translator is made).
type Translator struct {
	cat  *Catalog
	tag  string
	loc  *i18n.Localizer
	rtl  bool
	date string
}

// Translator returns the Translator for a supported tag (one of
// Languages, or the pseudo-locale). Use Match to turn what a user or the
// system asked for into a supported tag.
func (c *Catalog) Translator(tag string) (*Translator, error) {
	if tag != pseudoTag && !supported(tag) {
		return nil, fmt.Errorf("no translation for %q", tag)
	}
	b, err := c.bundle(tag)
	if err != nil {
		return nil, err
	}
	t := &Translator{cat: c, tag: tag, loc: i18n.NewLocalizer(b, tag, "en"), rtl: isRTL(tag)}
	t.date = t.T("format.date")
	return t, nil
}

// English is the Translator that says every message in English; it cannot
// fail, since English is compiled in.
func (c *Catalog) English() *Translator {
	t, err := c.Translator("en")
	if err != nil {
		panic("locale: English must always load: " + err.Error())
	}
	return t
}

// Tag is the language's BCP 47 tag ("de", "pt-BR").
func (t *Translator) Tag() string { return t.tag }

// RTL reports a right-to-left language (Arabic).
func (t *Translator) RTL() bool { return t.rtl }

// Name is the language's name in itself ("Deutsch").
func (t *Translator) Name() string { return t.T("language.name") }

// T says message id with named arguments given as name, value pairs:
// T("net.dns", "Host", host). Values may be strings (never translated),
// ints, dates (time.Time), wooclient.Texts and other Texts (translated).
// A message missing everywhere renders as ⟦id⟧, which tests look for.
func (t *Translator) T(id string, kv ...any) string {
	return t.say(id, nil, t.args(kv))
}

// N says a countable message: the plural form for n in this language
// (CLDR rules), with n also available to the template as {{.Count}}.
func (t *Translator) N(id string, n int, kv ...any) string {
	data := t.args(kv)
	data["Count"] = n
	return t.say(id, n, data)
}

func (t *Translator) say(id string, count any, data map[string]any) string {
	out, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	var missing *i18n.MessageNotFoundErr
	if err != nil && (out == "" || !errors.As(err, &missing)) {
		return "⟦" + id + "⟧"
	}
	return out
}

// args turns name, value pairs into template data, rendering nested
// Texts and dates in this language and isolating left-to-right values
// (addresses, codes, key endings) inside right-to-left text.
func (t *Translator) args(kv []any) map[string]any {
	data := make(map[string]any, len(kv)/2+1)
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		data[name] = t.value(kv[i+1])
	}
	return data
}

func (t *Translator) value(v any) any {
	switch v := v.(type) {
	case wooclient.Text:
		return t.Text(v)
	case time.Time:
		return t.ltr(v.Format(t.date))
	case string:
		return t.ltr(v)
	case fmt.Stringer:
		return t.ltr(v.String())
	}
	return v
}

// Text says one of the engine's sentences.
func (t *Translator) Text(x wooclient.Text) string {
	if x.IsZero() {
		return ""
	}
	kv := make([]any, 0, 2*len(x.Args))
	for name, v := range x.Args {
		if nested, ok := v.(wooclient.Text); ok {
			kv = append(kv, name, t.Text(nested))
			continue
		}
		kv = append(kv, name, v)
	}
	return t.T(x.ID, kv...)
}

// Check is a checklist line's label.
func (t *Translator) Check(id wooclient.CheckID) string { return t.T(id.TextID()) }

// Title, Message and Fix say a cause's catalogue entry: its title, the
// sentence for the cashier and the one for the site admin.
func (t *Translator) Title(c wooclient.Cause) string   { return t.T(c.TextID("title")) }
func (t *Translator) Message(c wooclient.Cause) string { return t.T(c.TextID("message")) }
func (t *Translator) Fix(c wooclient.Cause) string     { return t.T(c.TextID("fix")) }

// Severity names a severity.
func (t *Translator) Severity(s wooclient.Severity) string { return t.T(s.TextID()) }

// Detail says what a finding found this time: its Text when the engine
// gave one, else its Detail as written.
func (t *Translator) Detail(f wooclient.Finding) string {
	if !f.DetailText.IsZero() {
		return t.Text(f.DetailText)
	}
	return f.Detail
}

// Evidence says an evidence line with its note in this language; the
// request, status, code and the store's own message stay as they were.
func (t *Translator) Evidence(e wooclient.Evidence) string {
	if e.NoteText.IsZero() {
		return e.String()
	}
	return e.Line(t.Text(e.NoteText))
}

// CheckDetail says a checklist line's detail the same way.
func (t *Translator) CheckDetail(r wooclient.CheckResult) string {
	if !r.Text.IsZero() {
		return t.Text(r.Text)
	}
	return r.Detail
}

// DocsURL is the WCPOS documentation page of an error code in this
// language: WCPOS serves its error pages per locale, English at the root.
func (t *Translator) DocsURL(code string) string {
	if code == "" {
		return ""
	}
	if t.tag == "en" || t.tag == pseudoTag {
		return wooclient.DocsURL(code)
	}
	return "https://docs.wcpos.com/" + t.tag + "/error-codes/" + code
}

// ltr isolates a left-to-right value in right-to-left text with
// left-to-right marks, so an address or a code keeps its order on
// terminals that apply the bidirectional algorithm. Values that carry
// right-to-left letters themselves (an Arabic store name) are left alone.
func (t *Translator) ltr(s string) string {
	if !t.rtl || s == "" || strings.IndexFunc(s, isRTLRune) >= 0 {
		return s
	}
	return lrm + s + lrm
}

// lrm is U+200E LEFT-TO-RIGHT MARK: zero width, invisible, and understood
// by terminals without bidi support as nothing at all.
const lrm = "\u200e"
