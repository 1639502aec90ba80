// Package wootest is an in-process WooCommerce store for tests and practice, in the
// spirit of net/http/httptest. It answers like WooCommerce 10.0.2 on WordPress 6.8
// behind nginx — status, JSON code and message, and the telling headers — as recorded
// in the transcripts under testdata/fixtures, and it can be switched into the broken
// setups real shops have (plain permalinks, a proxy hiding HTTPS, stripped headers,
// WAFs, bad certificates, skewed clocks).
//
// It has its own OAuth 1.0a verifier written from WooCommerce's rules, so a client
// that passes here signs the way WooCommerce checks, not the way the client thinks.
package wootest

import (
	"crypto/tls"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// Store is a running test shop with a TLS listener and a plain-HTTP listener.
type Store struct {
	mu        sync.Mutex
	cfg       Config // the live configuration, keys included
	nextKeyID int
	nonces    map[int]map[string]string // key ID → timestamp → nonce, as WooCommerce stores them
	limited   int                       // 429s answered since RateLimit was last set
	burst     burstState                // nginx limit_req's excess for BurstLimit
	cache     map[string]cachedAnswer   // PageCache's stored answers
	requests  []*Request
	created   []createdItem // products and orders created through the API

	certs    *certSet
	routes   []route
	pages    *template.Template
	tlsAddr  string
	httpAddr string
	servers  []*http.Server
	inflight int
	closed   bool
	idle     sync.Cond
}

// New starts a store on 127.0.0.1 with random ports. Like httptest it panics if it
// cannot listen; call Close when done.
func New(cfg Config) *Store {
	s, err := NewAt(cfg, "", "")
	if err != nil {
		panic(fmt.Sprintf("wootest: failed to listen: %v", err))
	}
	return s
}

// NewAt starts a store on the given addresses ("" means 127.0.0.1:0), for
// `demo serve --addr`.
func NewAt(cfg Config, tlsAddr, httpAddr string) (*Store, error) {
	if tlsAddr == "" {
		tlsAddr = "127.0.0.1:0"
	}
	if httpAddr == "" {
		httpAddr = "127.0.0.1:0"
	}
	tlsLn, err := net.Listen("tcp", tlsAddr)
	if err != nil {
		return nil, err
	}
	httpLn, err := net.Listen("tcp", httpAddr)
	if err != nil {
		tlsLn.Close()
		return nil, err
	}
	s := &Store{
		cfg:      cfg.withDefaults(),
		nonces:   map[int]map[string]string{},
		routes:   newRoutes(),
		pages:    newPages(),
		tlsAddr:  reachable(tlsLn.Addr()),
		httpAddr: reachable(httpLn.Addr()),
	}
	s.idle.L = &s.mu
	s.certs, err = newCertSet(certHosts(s.tlsAddr))
	if err != nil {
		tlsLn.Close()
		httpLn.Close()
		return nil, err
	}
	keys := s.cfg.Keys
	s.cfg.Keys = nil
	for _, k := range keys {
		s.nextKeyID = max(s.nextKeyID, k.ID)
	}
	for _, k := range keys { // keep the caller's IDs; number the rest after them
		k = withKeyDefaults(k)
		if k.ID == 0 {
			s.nextKeyID++
			k.ID = s.nextKeyID
		}
		s.cfg.Keys = append(s.cfg.Keys, k)
	}
	s.start(tls.NewListener(tlsLn, &tls.Config{GetCertificate: s.getCertificate, MinVersion: tls.VersionTLS12}), "https")
	s.start(httpLn, "http")
	return s, nil
}

// start serves one listener. HTTP/2 is left off: the recorded nginx spoke HTTP/1.1.
func (s *Store) start(ln net.Listener, scheme string) {
	srv := &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serve(w, r, scheme) }),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0), // handshake failures are the point of some tests
		TLSNextProto:      map[string]func(*http.Server, *tls.Conn, http.Handler){},
	}
	s.servers = append(s.servers, srv)
	go srv.Serve(ln)
}

// reachable turns a listener address into one a client can dial: an unspecified IP
// (":8443", "0.0.0.0:8443") becomes 127.0.0.1.
func reachable(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		return fmt.Sprintf("127.0.0.1:%d", tcp.Port)
	}
	return tcp.String()
}

// certHosts are the names a valid certificate covers: loopback, plus the listener's
// own host when it is something else.
func certHosts(addr string) []string {
	hosts := []string{"127.0.0.1", "::1", "localhost"}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "127.0.0.1" && h != "::1" {
		hosts = append(hosts, h)
	}
	return hosts
}

// URL is the TLS listener, e.g. "https://127.0.0.1:PORT".
func (s *Store) URL() string { return "https://" + s.tlsAddr }

// HTTPURL is the plain listener, e.g. "http://127.0.0.1:PORT".
func (s *Store) HTTPURL() string { return "http://" + s.httpAddr }

// Home is WordPress's home option with HomeScheme, HomeHost and SubDirectory applied.
func (s *Store) Home() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg.HomeScheme + "://" + s.homeHostLocked() + s.cfg.SubDirectory
}

// SiteURL is the address people type for this store: the TLS listener plus the
// SubDirectory WordPress lives in.
func (s *Store) SiteURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.URL() + s.cfg.SubDirectory
}

// homeHostLocked resolves HomeHost; callers hold s.mu.
func (s *Store) homeHostLocked() string {
	switch {
	case s.cfg.HomeHost != "":
		return s.cfg.HomeHost
	case s.cfg.HomeScheme == "http":
		return s.httpAddr
	}
	return s.tlsAddr
}

// Update changes knobs at runtime; fn runs under the store's lock, so it must not
// call other Store methods. Changing RateLimit restarts its count; keys appended to
// Keys without an ID are numbered like AddKey's.
func (s *Store) Update(fn func(*Config)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before := s.cfg.RateLimit
	fn(&s.cfg)
	s.cfg = s.cfg.withDefaults()
	for i, k := range s.cfg.Keys { // keys appended by fn get an ID and defaults
		if k.ID == 0 {
			k = withKeyDefaults(k)
			s.nextKeyID++
			k.ID = s.nextKeyID
			s.cfg.Keys[i] = k
		}
	}
	if s.cfg.RateLimit != before {
		s.limited = 0
	}
}

// Close stops both listeners and waits for requests in flight to finish.
func (s *Store) Close() {
	for _, srv := range s.servers {
		srv.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for s.inflight > 0 {
		s.idle.Wait()
	}
}

// enter admits a request unless the store is closing.
func (s *Store) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.inflight++
	return true
}

// leave marks a request done and wakes Close.
func (s *Store) leave() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inflight--
	s.idle.Broadcast()
}

// serve is every request's entry point: log it, wait out the Delay knobs, then let
// the hosting layers and WordPress answer.
func (s *Store) serve(w http.ResponseWriter, r *http.Request, scheme string) {
	if !s.enter() {
		return
	}
	defer s.leave()
	rec := s.record(r, scheme)
	sw := &statusWriter{ResponseWriter: w}
	s.mu.Lock()
	delay := s.cfg.Delay
	delayFunc := s.cfg.DelayFunc
	s.mu.Unlock()
	if delayFunc != nil {
		delay += delayFunc(r)
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			s.finish(rec, 0, false)
			return
		}
	}
	x := s.newExchange(sw, r, scheme)
	if s.fromCache(x, rec) {
		return
	}
	s.dispatch(x)
	s.finish(rec, sw.status(), x.authenticated)
}
