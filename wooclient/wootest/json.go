package wootest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// kv is one member of an ordered JSON object.
type kv struct {
	K string
	V any
}

// obj is a JSON object that keeps its members in order, because PHP arrays do and the
// transcripts are compared byte for byte. An empty obj encodes as [] — PHP cannot tell
// an empty associative array from an empty list, and WordPress answers "args":[].
type obj []kv

// MarshalJSON writes the members in order without Go's HTML escaping.
func (o obj) MarshalJSON() ([]byte, error) {
	if len(o) == 0 {
		return []byte("[]"), nil
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := rawJSON(m.K)
		if err != nil {
			return nil, err
		}
		v, err := rawJSON(m.V)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// get returns the value of member k, if present.
func (o obj) get(k string) (any, bool) {
	for _, m := range o {
		if m.K == k {
			return m.V, true
		}
	}
	return nil, false
}

// rawJSON encodes v like encoding/json but leaves <, > and & alone, as PHP does.
func rawJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// phpJSON encodes v the way WordPress's wp_json_encode does by default: slashes escaped
// as \/ and every non-ASCII character as a \uXXXX escape. Both can only occur inside
// strings, so rewriting the encoded text is safe.
func phpJSON(v any) []byte {
	b, err := rawJSON(v)
	if err != nil {
		// Only programming errors (unsupported types) end up here.
		panic(fmt.Sprintf("wootest: encoding JSON: %v", err))
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == '/':
			out.WriteString(`\/`)
		case r < utf8.RuneSelf:
			out.WriteByte(byte(r))
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&out, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
		b = b[size:]
	}
	return out.Bytes()
}

// wpError is a WP_Error as the REST server renders it.
type wpError struct {
	Code    string
	Message string
	Status  int
	Extra   obj // further members of "data" (rest_invalid_param's "params")
}

// body renders the error the way WP_REST_Server::error_to_response does.
func (e *wpError) body() obj {
	data := obj{{"status", e.Status}}
	data = append(data, e.Extra...)
	return obj{{"code", e.Code}, {"message", e.Message}, {"data", data}}
}

// errorf builds a wpError; kept short because the REST layer builds many of them.
func errorf(status int, code, message string) *wpError {
	return &wpError{Code: code, Message: message, Status: status}
}
