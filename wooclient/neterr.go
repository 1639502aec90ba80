package wooclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
	"time"
)

// networkCause names a failed request: DNS, refused, reset, timeout,
// unreachable, offline, or one of the certificate problems, with a detail
// sentence that says exactly what went wrong.
func networkCause(err error, hasNetwork func() bool) (Cause, string) {
	if c, d, ok := tlsCause(err); ok {
		return c, d
	}
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		if !hasNetwork() {
			return CauseOffline, "no network connection is up on this terminal"
		}
		if dnsErr.IsTimeout {
			return CauseTimeout, "the name server did not answer for " + dnsErr.Name
		}
		return CauseDNS, "no address found for " + dnsErr.Name
	case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused") ||
		strings.Contains(err.Error(), "actively refused"):
		return CauseRefused, "nothing is listening at that address and port"
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) ||
		strings.Contains(err.Error(), "unreachable"):
		if !hasNetwork() {
			return CauseOffline, "no network connection is up on this terminal"
		}
		return CauseUnreachable, "no route to the store's address"
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return CauseTimeout, "no complete answer in time"
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "connection reset"):
		return CauseReset, "the connection was closed before the answer was complete"
	case errors.Is(err, context.Canceled):
		return CauseTimeout, "the check was cancelled"
	}
	return CauseUnreachable, "the request failed: " + err.Error()
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// tlsCause tells untrusted, expired and wrong-host certificates apart, and
// names the certificate's subject and dates so the admin knows which one.
func tlsCause(err error) (Cause, string, bool) {
	var verr *tls.CertificateVerificationError
	var leaf *x509.Certificate
	if errors.As(err, &verr) && len(verr.UnverifiedCertificates) > 0 {
		leaf = verr.UnverifiedCertificates[0]
	}
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var unknown x509.UnknownAuthorityError
	var record tls.RecordHeaderError
	switch {
	case errors.As(err, &hostErr):
		return CauseTLSHostname, "the certificate is for " + certNames(hostErr.Certificate) +
			", not " + hostErr.Host, true
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		d := "the certificate is outside its validity period"
		if c := firstCert(invalid.Cert, leaf); c != nil {
			d = "the certificate expired on " + c.NotAfter.UTC().Format(time.DateOnly)
			if time.Now().Before(c.NotBefore) {
				d = "the certificate is not valid until " + c.NotBefore.UTC().Format(time.DateOnly)
			}
		}
		return CauseTLSExpired, d, true
	case errors.As(err, &unknown):
		d := "the certificate is not signed by an authority this terminal trusts"
		if c := firstCert(unknown.Cert, leaf); c != nil && c.Issuer.String() == c.Subject.String() {
			d = "the certificate is self-signed (" + c.Subject.CommonName + ")"
		} else if c != nil {
			d += " (issuer: " + c.Issuer.CommonName + ")"
		}
		return CauseTLSUntrust, d, true
	case errors.As(err, &record) || strings.Contains(err.Error(), "gave HTTP response to HTTPS client"):
		return CauseTLSOther, "the server does not speak HTTPS on this port (try http:// or another port)", true
	case verr != nil:
		return CauseTLSOther, verr.Err.Error(), true
	}
	return "", "", false
}

func firstCert(cs ...*x509.Certificate) *x509.Certificate {
	for _, c := range cs {
		if c != nil {
			return c
		}
	}
	return nil
}

func certNames(c *x509.Certificate) string {
	if c == nil {
		return "another name"
	}
	names := append([]string(nil), c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 && c.Subject.CommonName != "" {
		names = []string{c.Subject.CommonName}
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	return strings.Join(names, ", ")
}
