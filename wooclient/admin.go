package wooclient

import (
	"strconv"
	"strings"
)

// AdminPage is a WP Admin page the fix of a finding happens on.
type AdminPage string

// The admin pages the wizard sends people to, relative to the store's home.
const (
	PageNone        AdminPage = ""
	PageDashboard   AdminPage = "wp-admin/"
	PageKeys        AdminPage = "wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys"
	PageAddKey      AdminPage = "wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys&create-key=1"
	PagePermalinks  AdminPage = "wp-admin/options-permalink.php"
	PagePlugins     AdminPage = "wp-admin/plugins.php"
	PageSiteHealth  AdminPage = "wp-admin/site-health.php"
	PageWooStatus   AdminPage = "wp-admin/admin.php?page=wc-status"
	PageAddPlugin   AdminPage = "wp-admin/plugin-install.php?s=woocommerce-pos&tab=search&type=term"
	PageGeneralOpts AdminPage = "wp-admin/options-general.php"
	PageUpdates     AdminPage = "wp-admin/update-core.php"
)

// On returns the page's full address on the store whose home URL is home,
// or "" when either is unknown. Home keeps its scheme, host and sub-directory.
func (p AdminPage) On(home string) string {
	if p == PageNone || home == "" {
		return ""
	}
	return strings.TrimRight(home, "/") + "/" + string(p)
}

// EditKeyURL is the Edit key page of one key (its permissions can change
// there while the key stays the same). The key's id is not exposed by the
// REST API, so callers that only know the key use the key list instead and
// look for the row "Consumer key ending in …".
func EditKeyURL(home string, keyID int) string {
	if home == "" || keyID <= 0 {
		return ""
	}
	return PageKeys.On(home) + "&edit-key=" + strconv.Itoa(keyID)
}
