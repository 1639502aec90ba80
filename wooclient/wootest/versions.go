package wootest

import (
	"strconv"
	"strings"
)

// wcposActive reports whether the WCPOS plugin registers its routes.
func (c *Config) wcposActive() bool {
	return c.WCPOSVersion != "" && !c.WooCommerceInactive
}

// versionAtLeast compares a dotted version numerically with want ("11.1" → 11, 1).
// Missing or non-numeric parts count as 0, as PHP's version_compare mostly does.
func versionAtLeast(v string, want ...int) bool {
	parts := strings.Split(v, ".")
	for i, w := range want {
		n := 0
		if i < len(parts) {
			n, _ = strconv.Atoi(parts[i])
		}
		if n != w {
			return n > w
		}
	}
	return true
}
