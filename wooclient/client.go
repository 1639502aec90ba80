package wooclient

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

// Options configure a Client. The zero value is usable: system roots, six
// requests in flight, 10 s per request and 45 s per diagnosis.
type Options struct {
	// RootCAs replaces the system roots when set (the demo store's CA);
	// use CertPoolWithFile to add a CA file to the system roots instead.
	RootCAs *x509.CertPool
	// RequestTimeout bounds each request, Deadline each diagnosis.
	RequestTimeout time.Duration
	Deadline       time.Duration
	// MaxInFlight caps concurrent requests. Six is the largest level (a
	// saved connection's store and key questions) and what browsers open
	// per host; WAFs and rate limits punish bigger bursts, and the requests
	// a burst limit refuses are asked again one at a time.
	MaxInFlight int
	// MaxBody caps how much of an answer is read.
	MaxBody int64
	// UserAgent names the tool and its version.
	UserAgent string
	// Now is this terminal's clock.
	Now func() time.Time
	// Sequential sends one request at a time: the comparison line of the
	// round-trip benchmark, never for real use.
	Sequential bool
	// HasNetwork tells a dead network apart from a dead store; by default
	// it looks for a non-loopback interface that is up.
	HasNetwork func() bool
	// Transport overrides the HTTP transport (tests); its TLS settings
	// are then the caller's.
	Transport http.RoundTripper
}

// Client diagnoses stores. It is safe for concurrent use.
type Client struct {
	opts Options
	http *http.Client
	sem  chan struct{}
}

// New makes a Client. Redirects are never followed by the HTTP client:
// discovery follows them by hand, anonymously, and nothing with
// credentials is ever sent on to another address.
func New(o Options) *Client {
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 10 * time.Second
	}
	if o.Deadline <= 0 {
		o.Deadline = 45 * time.Second
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 6
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 4 << 20
	}
	if o.UserAgent == "" {
		o.UserAgent = "wcpos-setup/dev"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HasNetwork == nil {
		o.HasNetwork = hasNetwork
	}
	if o.Sequential {
		o.MaxInFlight = 1
	}
	rt := o.Transport
	if rt == nil {
		rt = newTransport(o)
	}
	return &Client{
		opts: o,
		http: &http.Client{
			Transport:     rt,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		sem: make(chan struct{}, o.MaxInFlight),
	}
}

// newTransport keeps connections alive between the requests of one
// diagnosis and speaks HTTP/2 when the store offers it, so concurrent
// requests share one connection.
func newTransport(o Options) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: o.RequestTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSClientConfig:       &tls.Config{RootCAs: o.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   o.RequestTimeout,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   o.MaxInFlight,
		IdleConnTimeout:       30 * time.Second,
		ResponseHeaderTimeout: o.RequestTimeout,
	}
}

// CloseIdle drops kept-alive connections; each diagnosis ends with it so
// no connection or goroutine outlives the answer.
func (c *Client) CloseIdle() { c.http.CloseIdleConnections() }

// CertPoolWithFile returns the system roots plus the PEM certificates in
// file: the explicit opt-in to trust a store's private CA (like curl's
// --cacert). Verification is never switched off.
func CertPoolWithFile(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading CA file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s holds no PEM certificate", file)
	}
	return pool, nil
}

// hasNetwork reports whether any non-loopback interface is up with an
// address: without one the terminal is offline, whatever the store does.
func hasNetwork() bool {
	ifaces, err := net.Interfaces()
	if err != nil {
		return true
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		if addrs, err := ifc.Addrs(); err == nil && len(addrs) > 0 {
			return true
		}
	}
	return false
}
