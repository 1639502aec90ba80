package wootest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// peerLeaf returns the certificate the TLS listener presents right now.
func peerLeaf(t *testing.T, s *Store) *x509.Certificate {
	t.Helper()
	conn, err := tls.Dial("tcp", s.tlsAddr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0]
}

// TestCertificateModes checks each mode at the x509.Verify level and through a real
// client that trusts the store's CA, switching modes at runtime.
func TestCertificateModes(t *testing.T) {
	s := New(Config{})
	defer s.Close()
	host, _, _ := net.SplitHostPort(s.tlsAddr)
	tests := []struct {
		mode   CertMode
		verify func(error) bool
	}{
		{CertValid, func(err error) bool { return err == nil }},
		{CertExpired, func(err error) bool {
			var e x509.CertificateInvalidError
			return errors.As(err, &e) && e.Reason == x509.Expired
		}},
		{CertWrongHost, func(err error) bool {
			var e x509.HostnameError
			return errors.As(err, &e)
		}},
		{CertSelfSigned, func(err error) bool {
			var e x509.UnknownAuthorityError
			return errors.As(err, &e)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.mode.String(), func(t *testing.T) {
			s.Update(func(c *Config) { c.Certificate = tc.mode })
			leaf := peerLeaf(t, s)
			_, err := leaf.Verify(x509.VerifyOptions{Roots: s.CertPool(), DNSName: host})
			if !tc.verify(err) {
				t.Errorf("x509 verify: %v", err)
			}
			switch tc.mode {
			case CertExpired:
				if !leaf.NotAfter.Before(time.Now()) {
					t.Errorf("NotAfter %v is not in the past", leaf.NotAfter)
				}
			case CertWrongHost:
				if len(leaf.IPAddresses) != 0 || strings.Join(leaf.DNSNames, ",") != "wrong-host.invalid" {
					t.Errorf("SANs %v %v", leaf.DNSNames, leaf.IPAddresses)
				}
			case CertValid:
				for _, name := range []string{"localhost", "127.0.0.1"} {
					if err := leaf.VerifyHostname(name); err != nil {
						t.Error(err)
					}
				}
			}
			_, err = testClient(s).Get(s.URL() + "/")
			if !tc.verify(err) {
				t.Errorf("client: %v", err)
			}
		})
	}
}

// TestCAIsTrustedByNobody: the PEM is the pool's CA, and without it a default client
// refuses the store.
func TestCAIsTrustedByNobody(t *testing.T) {
	s := New(Config{})
	defer s.Close()
	block, _ := pem.Decode(s.CACertPEM())
	if block == nil {
		t.Fatal("CACertPEM is not PEM")
	}
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil || !ca.IsCA {
		t.Fatalf("CA: %v, IsCA %v", err, ca != nil && ca.IsCA)
	}
	if _, err := peerLeaf(t, s).Verify(x509.VerifyOptions{Roots: x509.NewCertPool()}); err == nil {
		t.Error("the leaf verified without the store's CA")
	}
	c := &http.Client{Transport: &http.Transport{}}
	if _, err := c.Get(s.URL() + "/"); err == nil {
		t.Error("a client with system roots accepted the store")
	}
}
