package wootest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Permission of a key, as WooCommerce stores it.
type Permission string

// The three permissions WooCommerce offers; Read is the Add key form's default.
const (
	Read      Permission = "read"
	Write     Permission = "write"
	ReadWrite Permission = "read_write"
)

// label is the wording of WP Admin's permissions select.
func (p Permission) label() string {
	switch p {
	case Read:
		return "Read"
	case Write:
		return "Write"
	case ReadWrite:
		return "Read/Write"
	}
	return string(p)
}

// valid reports whether WooCommerce would store p.
func (p Permission) valid() bool { return p == Read || p == Write || p == ReadWrite }

// Key is one row of WooCommerce's API key table.
type Key struct {
	ID             int
	Description    string
	ConsumerKey    string // ck_ + 40 lowercase hex
	ConsumerSecret string // cs_ + 40 lowercase hex
	Permissions    Permission
	User           string
	Role           Role
	Revoked        bool // deleted from the store: behaves as an unknown key
	// LastAccess is set, like WooCommerce, when a /wp-json/ request passes the key's
	// permission check; WooCommerce skips ?rest_route= requests.
	LastAccess time.Time
}

// Ending is what WP Admin shows of the key: its last 7 characters. It lets people
// agree on a row without reading a secret aloud.
func (k Key) Ending() string {
	if len(k.ConsumerKey) <= 7 {
		return k.ConsumerKey
	}
	return k.ConsumerKey[len(k.ConsumerKey)-7:]
}

// NewKey returns a key with a fresh random pair, like WooCommerce generates; it is
// not in any store until AddKey.
func NewKey(p Permission, r Role) Key {
	return Key{
		Description:    "test key",
		ConsumerKey:    "ck_" + randomHex(20),
		ConsumerSecret: "cs_" + randomHex(20),
		Permissions:    p,
		User:           r.defaultUser(),
		Role:           r,
	}
}

// randomHex returns 2n lowercase hex digits from crypto/rand.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("wootest: crypto/rand: " + err.Error())
	}
	return hex.EncodeToString(b)
}

// Keys returns a copy of the key table, revoked keys included.
func (s *Store) Keys() []Key {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg.clone().Keys
}

// AddKey stores k under the next free ID and returns it as stored. Missing fields get
// WooCommerce-like defaults: a fresh pair, role administrator, the role's user, and
// Read permission (the Add key form's default).
func (s *Store) AddKey(k Key) Key {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addKeyLocked(k)
}

// addKeyLocked is AddKey for callers holding s.mu.
func (s *Store) addKeyLocked(k Key) Key {
	k = withKeyDefaults(k)
	s.nextKeyID++
	k.ID = s.nextKeyID
	s.cfg.Keys = append(s.cfg.Keys, k)
	return k
}

// withKeyDefaults fills what AddKey documents for missing fields.
func withKeyDefaults(k Key) Key {
	fresh := NewKey(Read, Administrator)
	if k.ConsumerKey == "" {
		k.ConsumerKey = fresh.ConsumerKey
	}
	if k.ConsumerSecret == "" {
		k.ConsumerSecret = fresh.ConsumerSecret
	}
	if k.Role == "" {
		k.Role = Administrator
	}
	if k.User == "" {
		k.User = k.Role.defaultUser()
	}
	if k.Permissions == "" {
		k.Permissions = Read
	}
	return k
}

// MintKey is WP Admin's "Generate API key": a fresh pair for the given user role.
// The returned key is the only time the secret is handed out by the admin pages.
func (s *Store) MintKey(description string, p Permission, r Role) Key {
	k := NewKey(p, r)
	k.Description = description
	return s.AddKey(k)
}

// SetPermissions is the Edit key page: the pair stays the same, only what it may do
// changes.
func (s *Store) SetPermissions(keyID int, p Permission) error {
	if !p.valid() {
		return fmt.Errorf("wootest: invalid permission %q", p)
	}
	return s.editKey(keyID, func(k *Key) { k.Permissions = p })
}

// Revoke deletes the key from WooCommerce's point of view: it becomes unknown.
func (s *Store) Revoke(keyID int) error {
	return s.editKey(keyID, func(k *Key) {
		k.Revoked = true
		delete(s.nonces, k.ID)
	})
}

// DeleteUser is wp_delete_user: WooCommerce deletes the user's API key rows with the
// user, so those keys are then simply unknown. It reports how many keys went.
func (s *Store) DeleteUser(login string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	before := len(s.cfg.Keys)
	s.cfg.Keys = slices.DeleteFunc(s.cfg.Keys, func(k Key) bool { return k.User == login })
	return before - len(s.cfg.Keys)
}

// editKey applies fn to the live key with that ID under the lock.
func (s *Store) editKey(keyID int, fn func(*Key)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.cfg.Keys {
		if s.cfg.Keys[i].ID == keyID && !s.cfg.Keys[i].Revoked {
			fn(&s.cfg.Keys[i])
			return nil
		}
	}
	return fmt.Errorf("wootest: no key with id %d", keyID)
}

// touchKey records an access, as WooCommerce's update_last_access does.
func (s *Store) touchKey(keyID int, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.cfg.Keys {
		if s.cfg.Keys[i].ID == keyID {
			s.cfg.Keys[i].LastAccess = at
		}
	}
}

// findKey looks a consumer key up the way WooCommerce does: the presented key goes
// through sanitize_text_field (whitespace collapsed and trimmed, %XX octets removed)
// and must then match exactly; revoked keys are gone.
func findKey(keys []Key, presented string) *Key {
	ck := sanitizeTextField(presented)
	for i := range keys {
		if keys[i].ConsumerKey == ck && !keys[i].Revoked {
			return &keys[i]
		}
	}
	return nil
}

// sanitizeTextField is the part of WordPress's sanitize_text_field that can change
// a consumer key: percent-encoded octets are removed, runs of whitespace become one
// space, and the ends are trimmed.
func sanitizeTextField(s string) string {
	for {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				i += 2
				continue
			}
			b.WriteByte(s[i])
		}
		if b.Len() == len(s) {
			return strings.Join(strings.Fields(s), " ")
		}
		s = b.String() // removing one octet can reveal another, as in PHP's loop
	}
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
