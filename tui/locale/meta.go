package locale

// metaSources are the messages every language file carries about itself:
// its name in itself, how it writes dates (a Go time layout), and how it
// quotes a WP Admin label, alone or with the English original beside it.
func metaSources() []Source {
	return []Source{
		{ID: "language.name", Other: "English"},
		{ID: "format.date", Other: "2 Jan 2006"},
		{ID: "wpadmin.quote", Other: "{{.Label}}"},
		{ID: "wpadmin.quote-english", Other: "“{{.Label}}” ({{.English}})"},
	}
}
