package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// AdminLabel names a WP Admin screen or button (a "wpadmin.*" message,
// such as "wpadmin.generate-api-key") the way the store's admin sees it:
// in the site's language as WooCommerce translates it, quoted the way the
// cashier's language quotes, with the English original beside it when
// the two differ, so the label on the screen can be matched even where a
// store's translation differs or is missing. siteLang is the store's own
// language tag ("de-DE", from its front page); "" or an untranslated
// language shows the English label.
func (t *Translator) AdminLabel(siteLang, id string) string {
	english := t.cat.sources[id].Other
	label := english
	if l := t.cat.siteLabel(siteLabelTag(siteLang), id); l != "" {
		label = l
	}
	if label == english {
		return t.T("wpadmin.quote", "Label", english)
	}
	return t.T("wpadmin.quote-english", "Label", label, "English", english)
}

// siteLabelTag finds the translation whose WP Admin labels a site in
// siteLang shows. WordPress locales differ by region where ours name one
// (pt_PT is not pt_BR, zh_TW is not zh_CN), so a file with a region
// matches only that region; one without matches the whole language.
func siteLabelTag(siteLang string) string {
	want, err := language.Parse(posixToBCP47(siteLang))
	if err != nil {
		return ""
	}
	wb, _ := want.Base()
	wr, wconf := want.Region()
	for _, l := range Languages()[1:] {
		have := language.MustParse(l)
		hb, _ := have.Base()
		if hb != wb {
			continue
		}
		if !strings.Contains(l, "-") {
			return l
		}
		if hr, _ := have.Region(); wconf == language.Exact && hr == wr {
			return l
		}
	}
	return ""
}

// siteLabel is one WP Admin label of a language file, parsed once per
// language; "" when the file or the label is missing.
func (c *Catalog) siteLabel(tag, id string) string {
	if tag == "" {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	labels, ok := c.labels[tag]
	if !ok {
		labels = map[string]string{}
		if msgs, err := Translations(tag); err == nil {
			for id, m := range msgs {
				if strings.HasPrefix(id, "wpadmin.") {
					labels[id] = strings.TrimSpace(m.Other)
				}
			}
		}
		c.labels[tag] = labels
	}
	return labels[id]
}
