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
func networkCause(err error, hasNetwork func() bool) (Cause, Text) {
	if c, d, ok := tlsCause(err); ok {
		return c, d
	}
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		if !hasNetwork() {
			return CauseOffline, say("net.offline", nil)
		}
		if dnsErr.IsTimeout {
			return CauseTimeout, say("net.dns-timeout", Args{"Host": dnsErr.Name})
		}
		return CauseDNS, say("net.dns", Args{"Host": dnsErr.Name})
	case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused") ||
		strings.Contains(err.Error(), "actively refused"):
		return CauseRefused, say("net.refused", nil)
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) ||
		strings.Contains(err.Error(), "unreachable"):
		if !hasNetwork() {
			return CauseOffline, say("net.offline", nil)
		}
		return CauseUnreachable, say("net.unreachable", nil)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return CauseTimeout, say("net.timeout", nil)
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "connection reset"):
		return CauseReset, say("net.reset", nil)
	case errors.Is(err, context.Canceled):
		return CauseTimeout, say("net.cancelled", nil)
	}
	return CauseUnreachable, say("net.failed", Args{"Error": err.Error()})
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// tlsCause tells untrusted, expired and wrong-host certificates apart, and
// names the certificate's subject and dates so the admin knows which one.
func tlsCause(err error) (Cause, Text, bool) {
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
		return CauseTLSHostname, say("tls.hostname", Args{"Names": certNames(hostErr.Certificate), "Host": hostErr.Host}), true
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		d := say("tls.validity", nil)
		if c := firstCert(invalid.Cert, leaf); c != nil {
			d = say("tls.expired-on", Args{"Date": c.NotAfter.UTC().Format(time.DateOnly)})
			if time.Now().Before(c.NotBefore) {
				d = say("tls.not-yet", Args{"Date": c.NotBefore.UTC().Format(time.DateOnly)})
			}
		}
		return CauseTLSExpired, d, true
	case errors.As(err, &unknown):
		// The server's own certificate first: when it sends its chain up to
		// a private root, unknown.Cert is that (self-signed) root, and the
		// admin must hear who signed the site's certificate instead.
		d := say("tls.untrusted", nil)
		if c := firstCert(leaf, unknown.Cert); c != nil && c.Issuer.String() == c.Subject.String() {
			d = say("tls.self-signed", Args{"Name": c.Subject.CommonName})
		} else if c != nil {
			d = say("tls.untrusted-from", Args{"Issuer": c.Issuer.CommonName})
		}
		return CauseTLSUntrust, d, true
	case errors.As(err, &record) || strings.Contains(err.Error(), "gave HTTP response to HTTPS client"):
		return CauseTLSOther, say("tls.not-https", nil), true
	case verr != nil:
		return CauseTLSOther, say("tls.failed", Args{"Error": verr.Err.Error()}), true
	}
	return "", Text{}, false
}

func firstCert(cs ...*x509.Certificate) *x509.Certificate {
	for _, c := range cs {
		if c != nil {
			return c
		}
	}
	return nil
}

func certNames(c *x509.Certificate) any {
	if c == nil {
		return say("tls.another-name", nil)
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
