package wooclient

import (
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// maxAddressLen bounds what NormalizeAddress accepts: no store address is
// longer, and a longer value is a paste gone wrong.
const maxAddressLen = 2048

// The reasons an address is refused, as message IDs of englishTexts: each
// one sentence a cashier can act on. None of them repeats what was typed,
// so none can leak a pasted key.
const (
	reasonEmpty     = "address.empty"
	reasonTooLong   = "address.too-long"
	reasonSpace     = "address.space"
	reasonScheme    = "address.scheme"
	reasonEmail     = "address.email"
	reasonKey       = "address.key"
	reasonUserinfo  = "address.userinfo"
	reasonNoHost    = "address.no-host"
	reasonHostChars = "address.host-chars"
	reasonNoDot     = "address.no-dot"
	reasonIP        = "address.ip"
	reasonPort      = "address.port"
	reasonPath      = "address.path"
)

var (
	// keyInAddressRe spots a consumer key or secret typed into the address
	// field: ck_/cs_ at the start of a word (so "truck_parts" is not one),
	// raw or with the underscore percent-encoded.
	keyInAddressRe = regexp.MustCompile(`(?i)(?:^|[^a-z0-9])c[ks](?:_|%5f)`)
	// otherSchemeRe matches the name of a scheme such as "ftp" in "ftp://".
	otherSchemeRe = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*$`)
)

// isOtherScheme reports the schemes people paste without "//" after them;
// any other "name:" without "//" is read as a host and a port.
func isOtherScheme(name string) bool {
	switch strings.ToLower(name) {
	case "mailto", "tel", "sms", "file", "data", "javascript", "about", "news":
		return true
	}
	return false
}

// AddressError says why what was typed is not a store address. Reason is one
// sentence for the cashier; Input is what was typed, trimmed, with anything
// that looks like an API key masked, so the error can be logged or shown.
type AddressError struct {
	Input  string
	Reason string
	// Text is Reason as a message, for saying it in the user's language.
	Text Text
}

// addressError builds the error for a reason ID.
func addressError(input, reason string) *AddressError {
	t := say(reason, nil)
	return &AddressError{Input: input, Reason: t.String(), Text: t}
}

// Error keeps the reason readable on its own, for logs and plain output.
func (e *AddressError) Error() string { return "not a store address: " + e.Reason }

// Finding turns the error into the catalogue's invalid-url finding, with the
// reason as its detail, so the wizard shows it like any other problem.
func (e *AddressError) Finding() Finding { return NewFinding(CauseInvalidURL, "").With(e.Text) }

// NormalizeAddress turns what people type into the store address used for
// discovery: "https://host[:port][/sub/dir]" without a trailing slash. It
// forgives what browsers forgive (case, a missing scheme, a copied admin
// page, junk pasted around the address) but refuses, with a reason, anything
// that cannot be a WordPress site's address. An explicitly typed http:// is
// kept: the diagnosis, not the parser, decides whether HTTPS works.
// The error is an *AddressError.
func NormalizeAddress(raw string) (string, error) {
	if len(raw) > maxAddressLen {
		return "", addressError(maskInput(trimAddress(raw[:64]))+"…", reasonTooLong)
	}
	s := trimAddress(raw)
	out, reason := normalize(s)
	if reason == "" && keyInAddressRe.MatchString(out) {
		reason = reasonKey // a key that only shows once decoded
	}
	if reason == "" && len(out) > maxAddressLen {
		reason = reasonTooLong // escaping made it longer than we accept back
	}
	if reason != "" {
		return "", addressError(maskInput(s), reason)
	}
	return out, nil
}

// explicitScheme reports whether what was typed names its scheme (http:// or
// https://): only an address without one may fall back to http:// when the
// port speaks plain HTTP.
func explicitScheme(raw string) bool {
	_, _, explicit, _ := splitScheme(trimAddress(raw))
	return explicit
}

// normalize does the work of NormalizeAddress on trimmed input and returns
// the address or the reason it is refused.
func normalize(s string) (string, string) {
	switch {
	case s == "":
		return "", reasonEmpty
	case keyInAddressRe.MatchString(s):
		return "", reasonKey
	case strings.IndexFunc(s, unicode.IsSpace) >= 0:
		return "", reasonSpace
	}
	scheme, rest, explicit, reason := splitScheme(s)
	if reason != "" {
		return "", reason
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		if !explicit && tail == "" && !strings.Contains(authority[:at], ":") {
			return "", reasonEmail
		}
		return "", reasonUserinfo
	}
	host, port, reason := splitHostPort(authority)
	if reason != "" {
		return "", reason
	}
	if (scheme == "https" && port == "443") || (scheme == "http" && port == "80") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	path, reason := normalizePath(tail)
	if reason != "" {
		return "", reason
	}
	out := scheme + "://" + host + path
	if u, err := url.Parse(out); err != nil || u.Host == "" {
		return "", reasonHostChars
	}
	return out, ""
}

// splitScheme separates the scheme from the rest. Only http and https are
// web addresses; without a scheme the store is assumed to be on https.
// Forgiven typos: "https:/x", "https//x" and a scheme pasted twice.
func splitScheme(s string) (scheme, rest string, explicit bool, reason string) {
	scheme, rest = "https", s
	for {
		lower := strings.ToLower(rest)
		found := false
		for _, sc := range []string{"https", "http"} {
			if strings.HasPrefix(lower, sc+":") || strings.HasPrefix(lower, sc+"//") {
				rest = strings.TrimLeft(strings.TrimPrefix(rest[len(sc):], ":"), "/\\")
				scheme, found, explicit = sc, true, true
				break
			}
		}
		if !found {
			break
		}
	}
	if explicit {
		return scheme, rest, true, ""
	}
	if i := strings.IndexByte(s, ':'); i > 0 && otherSchemeRe.MatchString(s[:i]) &&
		(strings.HasPrefix(s[i+1:], "//") || isOtherScheme(s[:i])) {
		if strings.EqualFold(s[:i], "mailto") {
			return "", "", false, reasonEmail
		}
		return "", "", false, reasonScheme
	}
	return scheme, rest, false, ""
}

// splitHostPort checks the host and port and returns them normalised: host
// names in lower-case ASCII (IDN as punycode), IPv6 in brackets, the port
// without leading zeros.
func splitHostPort(authority string) (host, port, reason string) {
	if authority == "" {
		return "", "", reasonNoHost
	}
	if strings.HasPrefix(authority, "[") {
		end := strings.IndexByte(authority, ']')
		if end < 0 {
			return "", "", reasonIP
		}
		after := authority[end+1:]
		if after != "" && after[0] != ':' {
			return "", "", reasonHostChars
		}
		addr, err := netip.ParseAddr(authority[1:end])
		if err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", "", reasonIP
		}
		host, port = "["+addr.String()+"]", strings.TrimPrefix(after, ":")
	} else if strings.Count(authority, ":") > 1 {
		addr, err := netip.ParseAddr(authority)
		if err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", "", reasonIP
		}
		return "[" + addr.String() + "]", "", ""
	} else {
		name := authority
		if i := strings.IndexByte(authority, ':'); i >= 0 {
			name, port = authority[:i], authority[i+1:]
		}
		if host, reason = normalizeHostName(name); reason != "" {
			return "", "", reason
		}
	}
	if port == "" {
		return host, "", ""
	}
	n, err := strconv.Atoi(port)
	if err != nil || len(port) > 5 || strings.Trim(port, "0123456789") != "" || n < 1 || n > 65535 {
		return "", "", reasonPort
	}
	return host, strconv.Itoa(n), ""
}

// normalizeHostName validates a host name or IPv4 address. International
// names become punycode with the IDNA lookup profile, as browsers do.
func normalizeHostName(name string) (string, string) {
	name = strings.TrimSuffix(name, ".")
	if name == "" {
		return "", reasonNoHost
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return "", reasonHostChars
	}
	if strings.Trim(ascii, "0123456789.") == "" && strings.ContainsAny(ascii, "0123456789") {
		addr, err := netip.ParseAddr(ascii)
		if err != nil || !addr.Is4() {
			return "", reasonIP
		}
		return addr.String(), ""
	}
	if len(ascii) > 253 {
		return "", reasonHostChars
	}
	for _, label := range strings.Split(ascii, ".") {
		if label == "" || len(label) > 63 || strings.Trim(label, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "", reasonHostChars
		}
	}
	if !strings.Contains(ascii, ".") && ascii != "localhost" {
		return "", reasonNoDot
	}
	return ascii, ""
}

// normalizePath keeps the sub-directory a store lives in and drops what
// points inside WordPress (admin pages, the REST API, index.php), the query
// and the fragment. Segments are unescaped and escaped again, so the result
// reads the same however it was typed.
func normalizePath(tail string) (string, string) {
	if i := strings.IndexAny(tail, "?#"); i >= 0 {
		tail = tail[:i]
	}
	var segs []string
walk:
	for _, raw := range strings.Split(tail, "/") {
		seg, err := url.PathUnescape(raw)
		if err != nil || strings.IndexFunc(seg, unicode.IsControl) >= 0 {
			return "", reasonPath
		}
		switch strings.ToLower(seg) {
		case "", ".":
			continue
		case "..":
			if len(segs) > 0 {
				segs = segs[:len(segs)-1]
			}
			continue
		case "wp-admin", "wp-login.php", "wp-json", "index.php", "wp-content", "wp-includes", "xmlrpc.php":
			break walk
		}
		segs = append(segs, url.PathEscape(seg))
	}
	if len(segs) == 0 {
		return "", ""
	}
	return "/" + strings.Join(segs, "/"), ""
}

// trimAddress removes what comes along with a copied address: blanks,
// invisible characters anywhere, and quotes or angle brackets around it.
func trimAddress(s string) string {
	return strings.TrimFunc(stripInvisible(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '<' || r == '>' || strings.ContainsRune(quoteChars, r)
	})
}
