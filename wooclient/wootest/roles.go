package wootest

// Role of the WordPress user a key acts as.
type Role string

// The roles that matter for keys. Administrators and shop managers may use the whole
// shop API; subscribers and customers only have "read", so their keys get 403; the
// two custom roles (made with a role editor plugin) may work on one object type only,
// because WooCommerce checks capabilities per object type.
const (
	Administrator Role = "administrator"
	ShopManager   Role = "shop_manager"
	Subscriber    Role = "subscriber"
	Customer      Role = "customer"
	// ProductEditor may read and edit products but not orders.
	ProductEditor Role = "product_editor"
	// OrderClerk may read and edit orders but not products.
	OrderClerk Role = "order_clerk"
)

// The capabilities WooCommerce's REST controllers check (wc_rest_check_post_permissions
// and wc_rest_check_manager_permissions): reading a list needs read_private_<type>s,
// creating publish_<type>s, editing edit_<type>s; the system status needs
// manage_woocommerce.
const (
	CapManageWooCommerce = "manage_woocommerce"
	CapReadProducts      = "read_private_products"
	CapCreateProducts    = "publish_products"
	CapEditProducts      = "edit_products"
	CapReadOrders        = "read_private_shop_orders"
	CapCreateOrders      = "publish_shop_orders"
	CapEditOrders        = "edit_shop_orders"
)

// can reports whether a user of role r has capability c.
func (r Role) can(c string) bool {
	switch r {
	case Administrator, ShopManager:
		return true
	case ProductEditor:
		return c == CapReadProducts || c == CapCreateProducts || c == CapEditProducts
	case OrderClerk:
		return c == CapReadOrders || c == CapCreateOrders || c == CapEditOrders
	}
	return false
}

// defaultUser names the user a key of role r acts as when none is given, matching
// the users of the recorded store (the custom roles have their own users).
func (r Role) defaultUser() string {
	switch r {
	case ShopManager:
		return "shopmgr"
	case Subscriber:
		return "subscriber1"
	case Customer:
		return "customer1"
	case ProductEditor:
		return "productclerk"
	case OrderClerk:
		return "orderclerk"
	}
	return "admin"
}
