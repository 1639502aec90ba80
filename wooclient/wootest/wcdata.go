package wootest

import (
	"fmt"
	"strconv"
)

// createdItem is a product or order created through the API. Only what the request
// said is kept; URLs are rendered per request, since they depend on the scheme seen.
type createdItem struct {
	kind, name, price, status string
	id                        int
}

// catalogue date: fixed, so answers are reproducible.
const catalogueDate = "2026-11-25T09:00:00"

// create stores an item and returns its ID.
func (s *Store) create(it createdItem) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	base := 12 // the seeded products are 11 and 12, the orders 101 and 102
	if it.kind == "order" {
		base = 102
	}
	for _, c := range s.created {
		if c.kind == it.kind {
			base = max(base, c.id)
		}
	}
	it.id = base + 1
	s.created = append(s.created, it)
	return it.id
}

// items lists the products or orders, seeded ones first.
func (s *Store) items(x *exchange, kind string) []obj {
	s.mu.Lock()
	created := append([]createdItem(nil), s.created...)
	s.mu.Unlock()
	var out []obj
	if kind == "product" {
		out = []obj{x.product(11, "Espresso", "espresso", "ESP-1", "3.50"), x.product(12, "Croissant", "croissant", "CRO-1", "2.80")}
	} else {
		out = []obj{
			x.order(101, "completed", []lineItem{{1, 11, "Espresso", 2, "3.50"}}),
			x.order(102, "processing", []lineItem{{2, 12, "Croissant", 1, "2.80"}, {3, 11, "Espresso", 1, "3.50"}}),
		}
	}
	for _, c := range created {
		switch {
		case c.kind != kind:
		case kind == "product":
			name := c.name
			if name == "" {
				name = "Product"
			}
			out = append(out, x.product(c.id, name, fmt.Sprintf("product-%d", c.id), "", c.price))
		default:
			status := c.status
			if status == "" {
				status = "pending"
			}
			out = append(out, x.order(c.id, status, nil))
		}
	}
	return out
}

// item finds one product or order by its ID as given in the URL.
func (s *Store) item(x *exchange, kind, id string) obj {
	for _, it := range s.items(x, kind) {
		if v, _ := it.get("id"); strconv.Itoa(v.(int)) == id {
			return it
		}
	}
	return nil
}

// links is WooCommerce's self/collection pair for an item.
func (x *exchange) links(collection string, id int) obj {
	return obj{
		{"self", []any{obj{{"href", x.restURL(fmt.Sprintf("%s/%d", collection, id))}}}},
		{"collection", []any{obj{{"href", x.restURL(collection)}}}},
	}
}

// product renders a simple product the way wc/v3 does (abridged).
func (x *exchange) product(id int, name, slug, sku, price string) obj {
	link := x.siteURL() + "/product/" + slug + "/"
	if x.cfg.PlainPermalinks {
		link = x.siteURL() + "/?product=" + slug
	}
	return obj{
		{"id", id}, {"name", name}, {"slug", slug}, {"permalink", link},
		{"date_created", catalogueDate}, {"date_created_gmt", catalogueDate},
		{"date_modified", catalogueDate}, {"date_modified_gmt", catalogueDate},
		{"type", "simple"}, {"status", "publish"}, {"featured", false}, {"catalog_visibility", "visible"},
		{"description", ""}, {"short_description", ""}, {"sku", sku},
		{"price", price}, {"regular_price", price}, {"sale_price", ""}, {"on_sale", false},
		{"purchasable", price != ""}, {"total_sales", 0}, {"virtual", false}, {"downloadable", false},
		{"tax_status", "taxable"}, {"tax_class", ""}, {"manage_stock", false}, {"stock_quantity", nil},
		{"stock_status", "instock"},
		{"categories", []any{obj{{"id", 15}, {"name", "Uncategorized"}, {"slug", "uncategorized"}}}},
		{"images", []any{}}, {"meta_data", []any{}},
		{"_links", x.links("/wc/v3/products", id)},
	}
}

// lineItem is one line of a seeded order.
type lineItem struct {
	id, productID int
	name          string
	quantity      int
	price         string
}

// order renders an order the way wc/v3 does (abridged), totals computed from lines.
func (x *exchange) order(id int, status string, lines []lineItem) obj {
	var cents int
	items := []any{}
	for _, l := range lines {
		p, _ := strconv.ParseFloat(l.price, 64)
		sub := int(p*100+0.5) * l.quantity
		cents += sub
		money := fmt.Sprintf("%d.%02d", sub/100, sub%100)
		items = append(items, obj{
			{"id", l.id}, {"name", l.name}, {"product_id", l.productID}, {"variation_id", 0},
			{"quantity", l.quantity}, {"tax_class", ""}, {"subtotal", money}, {"subtotal_tax", "0.00"},
			{"total", money}, {"total_tax", "0.00"}, {"taxes", []any{}}, {"meta_data", []any{}},
			{"sku", ""}, {"price", p},
		})
	}
	return obj{
		{"id", id}, {"parent_id", 0}, {"status", status}, {"currency", "USD"}, {"version", x.cfg.WooCommerceVersion},
		{"prices_include_tax", false}, {"date_created", catalogueDate}, {"date_modified", catalogueDate},
		{"discount_total", "0.00"}, {"discount_tax", "0.00"}, {"shipping_total", "0.00"}, {"shipping_tax", "0.00"},
		{"cart_tax", "0.00"}, {"total", fmt.Sprintf("%d.%02d", cents/100, cents%100)}, {"total_tax", "0.00"},
		{"customer_id", 0}, {"order_key", fmt.Sprintf("wc_order_demo%d", id)},
		{"billing", obj{{"first_name", ""}, {"last_name", ""}, {"email", ""}}},
		{"payment_method", "pos_cash"}, {"payment_method_title", "Cash"}, {"created_via", "woocommerce-pos"},
		{"line_items", items}, {"meta_data", []any{}},
		{"_links", x.links("/wc/v3/orders", id)},
	}
}
