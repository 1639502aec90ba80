package wootest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// CredentialKind is how a request presented a key.
type CredentialKind int

// The transports WooCommerce accepts, in the order it looks at them over HTTPS.
const (
	CredNone        CredentialKind = iota
	CredBasic                      // Authorization: Basic ck:cs
	CredQuery                      // ?consumer_key=…&consumer_secret=…
	CredOAuthQuery                 // oauth_* parameters in the query string
	CredOAuthHeader                // Authorization: OAuth …
)

// String names the transport for test output.
func (k CredentialKind) String() string {
	switch k {
	case CredNone:
		return "none"
	case CredBasic:
		return "basic"
	case CredQuery:
		return "query"
	case CredOAuthQuery:
		return "oauth-query"
	case CredOAuthHeader:
		return "oauth-header"
	}
	return "CredentialKind(" + strconv.Itoa(int(k)) + ")"
}

// Request is the store's record of one request, so tests can assert on what a
// client actually sent (transport, redirects followed, credentials over plain HTTP).
// Header and RawQuery hold credentials exactly as received: the record lives only in
// memory and the store never prints it.
type Request struct {
	Time        time.Time // server clock (with ClockOffset) when it arrived
	Method      string
	Scheme      string // "https" or "http": the listener it came in on
	Host        string // Host header
	Path        string
	RawQuery    string
	Header      http.Header // cloned, as received (before StripAuthorization)
	Credentials CredentialKind
	ConsumerKey string // the consumer key presented, if any
	// Authenticated: WordPress ended up acting as the key's user. A key refused for
	// lacking read or write permission still counts: its credentials were accepted.
	Authenticated bool
	Status        int // what the store answered
	// Answered is the server clock (with ClockOffset) when the answer was complete:
	// with Time it shows which requests were in flight together.
	Answered time.Time
	// FromCache: PageCache answered with a stored copy; WordPress never ran.
	FromCache bool
}

// Requests returns a copy of every request received so far, in arrival order.
func (s *Store) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
		out[i].Header = r.Header.Clone()
	}
	return out
}

// ResetRequests forgets the requests received so far.
func (s *Store) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// record appends r to the log on arrival, so the order is arrival order even when
// answers finish out of order.
func (s *Store) record(r *http.Request, scheme string) *Request {
	kind, ck := presentedCredentials(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := &Request{
		Time:        time.Now().Add(s.cfg.ClockOffset),
		Method:      r.Method,
		Scheme:      scheme,
		Host:        r.Host,
		Path:        r.URL.Path,
		RawQuery:    r.URL.RawQuery,
		Header:      r.Header.Clone(),
		Credentials: kind,
		ConsumerKey: ck,
	}
	s.requests = append(s.requests, rec)
	return rec
}

// finish fills in the outcome of a logged request.
func (s *Store) finish(rec *Request, status int, authenticated bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec.Status = status
	rec.Authenticated = authenticated
	rec.Answered = time.Now().Add(s.cfg.ClockOffset)
}

// presentedCredentials classifies what the client sent, whether or not WordPress will
// look at it, in WooCommerce's order of preference.
func presentedCredentials(r *http.Request) (CredentialKind, string) {
	q, _ := url.ParseQuery(r.URL.RawQuery)
	authz := r.Header.Get("Authorization")
	switch {
	case q.Get("consumer_key") != "" && q.Get("consumer_secret") != "":
		return CredQuery, q.Get("consumer_key")
	case len(authz) > 6 && strings.EqualFold(authz[:6], "basic "):
		user, _, _ := phpAuthUser(authz)
		return CredBasic, user
	case q.Get("oauth_consumer_key") != "" || q.Get("oauth_signature") != "":
		return CredOAuthQuery, q.Get("oauth_consumer_key")
	case strings.HasPrefix(strings.TrimSpace(authz), "OAuth "):
		p := parseOAuthHeader(strings.TrimSpace(authz))
		ck, _ := p.str("oauth_consumer_key")
		return CredOAuthHeader, ck
	}
	return CredNone, ""
}

// statusWriter remembers the status code written, for the log.
type statusWriter struct {
	http.ResponseWriter
	code int
}

// WriteHeader records code before passing it on.
func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write records the implicit 200.
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// status is the code answered (200 if nothing was written).
func (w *statusWriter) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}
