package wootest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"time"
)

// certSet is the store's in-memory CA and one leaf per CertMode. All four leaves are
// made up front so Update can switch Certificate without a handshake doing crypto.
type certSet struct {
	caPEM  []byte
	caCert *x509.Certificate
	leaves map[CertMode]*tls.Certificate
}

// newCertSet creates a CA trusted by nobody and the leaves. hosts are the names a
// valid certificate covers (IP literals become IP SANs).
func newCertSet(hosts []string) (*certSet, error) {
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{Organization: []string{"wcpos-setup wootest"}, CommonName: "wootest practice CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, err
	}
	cs := &certSet{
		caPEM:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		caCert: caCert,
		leaves: map[CertMode]*tls.Certificate{},
	}
	day := 24 * time.Hour
	plans := []struct {
		mode        CertMode
		hosts       []string
		from, until time.Time
		selfSigned  bool
	}{
		{CertValid, hosts, now.Add(-time.Hour), now.Add(365 * day), false},
		{CertExpired, hosts, now.Add(-30 * day), now.Add(-day), false},
		{CertWrongHost, []string{"wrong-host.invalid"}, now.Add(-time.Hour), now.Add(365 * day), false},
		{CertSelfSigned, hosts, now.Add(-time.Hour), now.Add(365 * day), true},
	}
	for _, p := range plans {
		leaf, err := cs.leaf(p.hosts, p.from, p.until, p.selfSigned, caKey)
		if err != nil {
			return nil, fmt.Errorf("%v certificate: %w", p.mode, err)
		}
		cs.leaves[p.mode] = leaf
	}
	return cs, nil
}

// leaf makes a server certificate for hosts, signed by the CA or by itself.
func (cs *certSet) leaf(hosts []string, from, until time.Time, selfSigned bool, caKey *ecdsa.PrivateKey) (*tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{Organization: []string{"wcpos-setup wootest"}, CommonName: hosts[0]},
		NotBefore:    from,
		NotAfter:     until,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	parent, signer := cs.caCert, any(caKey)
	if selfSigned {
		parent, signer = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		return nil, err
	}
	chain := [][]byte{der}
	if !selfSigned {
		chain = append(chain, cs.caCert.Raw)
	}
	return &tls.Certificate{Certificate: chain, PrivateKey: key}, nil
}

// serial is a random 128-bit certificate serial number.
func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		panic("wootest: crypto/rand: " + err.Error())
	}
	return n
}

// getCertificate serves the leaf for the current Certificate knob.
func (s *Store) getCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	s.mu.Lock()
	mode := s.cfg.Certificate
	s.mu.Unlock()
	if leaf, ok := s.certs.leaves[mode]; ok {
		return leaf, nil
	}
	return nil, fmt.Errorf("wootest: unknown certificate mode %v", mode)
}

// CACertPEM returns the store's CA certificate in PEM. Nothing trusts it unless the
// caller adds it, like a shop's own CA in the field.
func (s *Store) CACertPEM() []byte {
	return append([]byte(nil), s.certs.caPEM...)
}

// CertPool returns a pool holding only the store's CA, for a client's RootCAs.
func (s *Store) CertPool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(s.certs.caCert)
	return pool
}
