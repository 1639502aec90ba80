package wootest

import (
	"slices"
	"strconv"
	"strings"
)

// phpParams is a PHP superglobal such as $_GET: ordered top-level names, each holding
// a string or a one-level array (a[]=1, a[x]=2). WooCommerce signs exactly what PHP
// parsed, so the verifier must parse the query the way PHP does, not the way Go does.
type phpParams struct {
	names []string
	vals  map[string]phpValue
}

// phpValue is a string, or (arr != nil) an ordered array of string members.
type phpValue struct {
	str string
	arr []phpMember
}

// phpMember is one member of a PHP array.
type phpMember struct{ key, val string }

// newPHPParams returns an empty superglobal.
func newPHPParams() *phpParams { return &phpParams{vals: map[string]phpValue{}} }

// parsePHPQuery parses a raw query string like PHP's request startup: pairs split on
// "&", urldecode ("+" is a space), the last of duplicate names wins but keeps the
// first one's position, " " and "." in names become "_", and name[] / name[key]
// build arrays. Deeper nesting (a[b][c]) keeps only the first level.
func parsePHPQuery(raw string) *phpParams {
	p := newPHPParams()
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		name, val, _ := strings.Cut(pair, "=")
		p.add(urldecode(name), urldecode(val))
	}
	return p
}

// add assigns one decoded name=value pair.
func (p *phpParams) add(name, val string) {
	name = strings.TrimLeft(name, " ")
	base, sub, isArr := name, "", false
	if i := strings.IndexByte(name, '['); i > 0 {
		if j := strings.IndexByte(name[i:], ']'); j > 0 {
			base, sub, isArr = name[:i], name[i+1:i+j], true
		}
	}
	base = strings.NewReplacer(" ", "_", ".", "_", "[", "_").Replace(base)
	if base == "" {
		return
	}
	if !isArr {
		p.set(base, phpValue{str: val})
		return
	}
	cur := p.vals[base]
	if cur.arr == nil {
		cur = phpValue{arr: []phpMember{}}
	}
	if sub == "" {
		sub = strconv.Itoa(nextIndex(cur.arr))
	}
	if i := slices.IndexFunc(cur.arr, func(m phpMember) bool { return m.key == sub }); i >= 0 {
		cur.arr[i].val = val
	} else {
		cur.arr = append(cur.arr, phpMember{sub, val})
	}
	p.set(base, cur)
}

// nextIndex is PHP's next integer key for $a[] = …: one past the largest int key.
func nextIndex(arr []phpMember) int {
	next := 0
	for _, m := range arr {
		if n, err := strconv.Atoi(m.key); err == nil && n >= next {
			next = n + 1
		}
	}
	return next
}

// set stores v under name, keeping an existing name's position like PHP arrays do.
func (p *phpParams) set(name string, v phpValue) {
	if _, ok := p.vals[name]; !ok {
		p.names = append(p.names, name)
	}
	p.vals[name] = v
}

// str returns name's value when it is a string, the only shape credentials can take.
func (p *phpParams) str(name string) (string, bool) {
	v, ok := p.vals[name]
	if !ok || v.arr != nil {
		return "", false
	}
	return v.str, true
}

// merge is array_merge($p, $other) for string names: other's values win.
func (p *phpParams) merge(other *phpParams) *phpParams {
	out := newPHPParams()
	for _, src := range []*phpParams{p, other} {
		for _, n := range src.names {
			out.set(n, src.vals[n])
		}
	}
	return out
}

// phpEmpty is PHP's empty() for a string: "" and "0" are empty.
func phpEmpty(s string) bool { return s == "" || s == "0" }

// urldecode is PHP's urldecode: "+" is a space and malformed escapes stay as they are.
func urldecode(s string) string {
	return percentDecode(strings.ReplaceAll(s, "+", " "))
}

// rawurldecode is PHP's rawurldecode: like urldecode but "+" stays "+".
func rawurldecode(s string) string { return percentDecode(s) }

// percentDecode decodes %XX escapes and leaves anything else untouched.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// rawurlencode is PHP's rawurlencode (RFC 3986): everything but A-Z a-z 0-9 - _ . ~
// becomes %XX with upper-case hex.
func rawurlencode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
