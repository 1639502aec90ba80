// Package locale says wcpos-setup's words in the user's language.
//
// English lives in Go, next to the code that says it (wooclient's engine
// and catalogue, the wizard's words in tui, the commands' in cmd), as
// Sources handed to NewCatalog. Every other language is one TOML file in
// locales/, named by its BCP 47 tag and embedded in the binary; adding a
// language is adding a file. Messages are go-i18n messages: text/template
// placeholders ({{.Host}}) and CLDR plural forms (one, few, many, other).
//
// A Catalog is built once at start-up and handed down like any other
// dependency; a Translator for the chosen language is what views call.
package locale

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales
var files embed.FS

// Source is one English message: its ID, the English template for
// "other" (every count, or no count), and for countable messages the
// singular.
type Source struct {
	ID    string
	Other string
	One   string
}

// Catalog holds the English sources and the translation files, and hands
// out Translators. It parses a language's file once, on first use.
type Catalog struct {
	sources map[string]Source
	order   []string

	mu      sync.Mutex
	bundles map[string]*i18n.Bundle
	labels  map[string]map[string]string // WP Admin labels by language
}

// NewCatalog builds the catalogue from every package's English. An ID
// given twice keeps its first English: the caller's order decides.
func NewCatalog(sources ...[]Source) *Catalog {
	c := &Catalog{sources: map[string]Source{}, bundles: map[string]*i18n.Bundle{}, labels: map[string]map[string]string{}}
	for _, list := range append([][]Source{metaSources()}, sources...) {
		for _, s := range list {
			if _, dup := c.sources[s.ID]; !dup {
				c.sources[s.ID] = s
				c.order = append(c.order, s.ID)
			}
		}
	}
	sort.Strings(c.order)
	return c
}

// Sources lists the English messages, sorted by ID.
func (c *Catalog) Sources() []Source {
	out := make([]Source, len(c.order))
	for i, id := range c.order {
		out[i] = c.sources[id]
	}
	return out
}

// Languages lists the languages the wizard speaks: English and one per
// file in locales/, as BCP 47 tags, English first.
func Languages() []string {
	out := []string{"en"}
	entries, _ := files.ReadDir("locales")
	for _, e := range entries {
		if tag, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			out = append(out, tag)
		}
	}
	sort.Strings(out[1:])
	return out
}

// fileMessages parses one language file into go-i18n messages.
func fileMessages(tag string) ([]*i18n.Message, error) {
	buf, err := files.ReadFile(path.Join("locales", tag+".toml"))
	if err != nil {
		return nil, err
	}
	f, err := i18n.ParseMessageFileBytes(buf, tag+".toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil, fmt.Errorf("locales/%s.toml: %w", tag, err)
	}
	return f.Messages, nil
}

// bundle returns the go-i18n bundle of one language (English included as
// the fallback), parsing its file on first use.
func (c *Catalog) bundle(tag string) (*i18n.Bundle, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.bundles[tag]; ok {
		return b, nil
	}
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	english := make([]*i18n.Message, 0, len(c.order))
	for _, id := range c.order {
		s := c.sources[id]
		english = append(english, &i18n.Message{ID: s.ID, One: s.One, Other: s.Other})
	}
	if err := b.AddMessages(language.English, english...); err != nil {
		return nil, err
	}
	switch {
	case tag == pseudoTag:
		if err := b.AddMessages(language.MustParse(pseudoTag), pseudoMessages(c.Sources())...); err != nil {
			return nil, err
		}
	case tag != "en":
		msgs, err := fileMessages(tag)
		if err != nil {
			return nil, err
		}
		if err := b.AddMessages(language.MustParse(tag), msgs...); err != nil {
			return nil, err
		}
	}
	c.bundles[tag] = b
	return b, nil
}

// Translations returns a language file's messages by ID, for tests and
// tools that check a translation against its English.
func Translations(tag string) (map[string]*i18n.Message, error) {
	msgs, err := fileMessages(tag)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*i18n.Message, len(msgs))
	for _, m := range msgs {
		out[m.ID] = m
	}
	return out, nil
}
