package wootest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// capCheck is a permission_callback needing capability c, failing with code and
// message and rest_authorization_required_code(): 401 for an anonymous request, 403
// for a logged-in user who lacks it. That 401/403 split is how a client tells "the
// key never counted" from "the key's user may not".
func capCheck(c, code, message string) func(*exchange, *authState) *wpError {
	return func(_ *exchange, st *authState) *wpError {
		if st.loggedIn && st.key != nil && st.key.Role.can(c) {
			return nil
		}
		status := http.StatusUnauthorized
		if st.loggedIn {
			status = http.StatusForbidden
		}
		return errorf(status, code, message)
	}
}

// wooCommerceRoutes are the wc/v3 routes the store implements, each checking the
// capability of its own object type.
func wooCommerceRoutes() []route {
	const cannotList, cannotCreate, cannotView = "Sorry, you cannot list resources.",
		"Sorry, you are not allowed to create resources.", "Sorry, you cannot view this resource."
	list := func(c string) func(*exchange, *authState) *wpError {
		return capCheck(c, "woocommerce_rest_cannot_view", cannotList)
	}
	create := func(c string) func(*exchange, *authState) *wpError {
		return capCheck(c, "woocommerce_rest_cannot_create", cannotCreate)
	}
	view := func(c string) func(*exchange, *authState) *wpError {
		return capCheck(c, "woocommerce_rest_cannot_view", cannotView)
	}
	get, post := []string{"GET"}, []string{"POST"}
	wc := func(r route) route { r.namespace, r.feature = "wc/v3", wooCommerce; return r }
	return []route{
		wc(route{pattern: "/wc/v3/marketplace/featured", handlers: []handler{{methods: get, args: obj{},
			serve: func(*exchange, *authState) restResponse { return ok([]any{}) }}}}),
		wc(route{pattern: "/wc/v3/marketplace/refresh", handlers: []handler{{methods: post, args: obj{},
			perm:  capCheck(CapManageWooCommerce, "rest_forbidden", "Sorry, you are not allowed to do that."),
			serve: func(*exchange, *authState) restResponse { return ok(obj{{"success", true}}) }}}}),
		wc(route{pattern: "/wc/v3/system_status", schema: schemaOf("system_status", "environment", "database", "active_plugins", "settings", "security"),
			handlers: []handler{{methods: get, args: obj{{"context", contextHelp("view")}}, perm: list(CapManageWooCommerce), serve: serveSystemStatus}}}),
		wc(route{pattern: "/wc/v3/products", allowBatch: true, schema: schemaOf("product", "id", "name", "sku", "price"),
			handlers: []handler{
				{methods: get, args: collectionArgs(), validate: validatePaging, perm: list(CapReadProducts), serve: listOf("product")},
				{methods: post, args: obj{}, perm: create(CapCreateProducts), serve: createOf("product")},
			}}),
		wc(route{pattern: `/wc/v3/products/(?P<id>[\d]+)`, allowBatch: true, schema: schemaOf("product", "id", "name", "sku", "price"),
			handlers: []handler{{methods: get, args: obj{{"context", contextHelp("view", "edit")}}, perm: ifExists("product", view(CapReadProducts)), serve: itemOf("product")}}}),
		wc(route{pattern: "/wc/v3/orders", allowBatch: true, schema: schemaOf("shop_order", "id", "status", "total", "line_items"),
			handlers: []handler{
				{methods: get, args: collectionArgs(), validate: validatePaging, perm: list(CapReadOrders), serve: listOf("order")},
				{methods: post, args: obj{}, perm: create(CapCreateOrders), serve: createOf("order")},
			}}),
		wc(route{pattern: `/wc/v3/orders/(?P<id>[\d]+)`, allowBatch: true, schema: schemaOf("shop_order", "id", "status", "total", "line_items"),
			handlers: []handler{{methods: get, args: obj{{"context", contextHelp("view", "edit")}}, perm: ifExists("order", view(CapReadOrders)), serve: itemOf("order")}}}),
	}
}

// contextHelp is WooCommerce's "context" argument description.
func contextHelp(contexts ...string) obj {
	return obj{
		{"description", "Scope under which the request is made; determines fields present in response."},
		{"type", "string"}, {"enum", contexts}, {"default", "view"}, {"required", false},
	}
}

// collectionArgs are the paging arguments of WooCommerce's list routes.
func collectionArgs() obj {
	return obj{
		{"context", contextHelp("view", "edit")},
		{"page", obj{{"description", "Current page of the collection."}, {"type", "integer"}, {"default", 1}, {"minimum", 1}, {"required", false}}},
		{"per_page", obj{{"description", "Maximum number of items to be returned in result set."}, {"type", "integer"}, {"default", 10}, {"minimum", 1}, {"maximum", 100}, {"required", false}}},
	}
}

// schemaOf is a small JSON schema for OPTIONS answers.
func schemaOf(title string, props ...string) func() obj {
	return func() obj {
		p := obj{}
		for _, name := range props {
			p = append(p, kv{name, obj{{"description", strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "_", " ") + "."}, {"context", []string{"view"}}}})
		}
		return obj{{"$schema", "http://json-schema.org/draft-04/schema#"}, {"title", title}, {"type", "object"}, {"properties", p}}
	}
}

// validatePaging checks page and per_page like WordPress's schema validation, which
// runs before the permission check.
func validatePaging(x *exchange) *wpError {
	for _, name := range []string{"page", "per_page"} {
		v, present := x.get.str(name)
		if !present {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		var code, msg string
		switch {
		case err != nil:
			code, msg = "rest_invalid_type", name+" is not of type integer."
		case name == "per_page" && (n < 1 || n > 100):
			code, msg = "rest_out_of_bounds", "per_page must be between 1 (inclusive) and 100 (inclusive)"
		case n < 1:
			code, msg = "rest_out_of_bounds", name+" must be greater than or equal to 1"
		default:
			continue
		}
		e := errorf(400, "rest_invalid_param", "Invalid parameter(s): "+name)
		e.Extra = obj{{"params", obj{{name, msg}}}, {"details", obj{{name, obj{{"code", code}, {"message", msg}, {"data", nil}}}}}}
		return e
	}
	return nil
}

// intParam reads an already validated integer parameter.
func intParam(x *exchange, name string, def int) int {
	if v, ok := x.get.str(name); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n
		}
	}
	return def
}

// listOf answers a paged collection with X-WP-Total, X-WP-TotalPages and prev/next
// Link headers.
func listOf(kind string) func(*exchange, *authState) restResponse {
	return func(x *exchange, _ *authState) restResponse {
		items := x.store.items(x, kind)
		perPage, page := intParam(x, "per_page", 10), intParam(x, "page", 1)
		pages := (len(items) + perPage - 1) / perPage
		start := min((page-1)*perPage, len(items))
		resp := ok(items[start:min(start+perPage, len(items))])
		resp.header = http.Header{}
		resp.header.Set("X-WP-Total", strconv.Itoa(len(items)))
		resp.header.Set("X-WP-TotalPages", strconv.Itoa(pages))
		base := x.restURL(strings.TrimRight(x.matched.pattern, "/"))
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		if page > 1 && page-1 <= pages {
			resp.header.Add("Link", fmt.Sprintf(`<%s%spage=%d&per_page=%d>; rel="prev"`, base, sep, page-1, perPage))
		}
		if page < pages {
			resp.header.Add("Link", fmt.Sprintf(`<%s%spage=%d&per_page=%d>; rel="next"`, base, sep, page+1, perPage))
		}
		return resp
	}
}

// ifExists is WooCommerce's single-item permission check: only an existing item can
// be refused; a missing one falls through to the callback's 404.
func ifExists(kind string, check func(*exchange, *authState) *wpError) func(*exchange, *authState) *wpError {
	return func(x *exchange, st *authState) *wpError {
		if x.store.item(x, kind, x.id) == nil {
			return nil
		}
		return check(x, st)
	}
}

// itemOf answers one item or WooCommerce's invalid-ID error.
func itemOf(kind string) func(*exchange, *authState) restResponse {
	return func(x *exchange, _ *authState) restResponse {
		if it := x.store.item(x, kind, x.id); it != nil {
			return ok(it)
		}
		code := "woocommerce_rest_product_invalid_id"
		if kind == "order" {
			code = "woocommerce_rest_shop_order_invalid_id"
		}
		return fail(errorf(404, code, "Invalid ID."))
	}
}

// createOf creates a product or order from a JSON body ({"name": …, "regular_price":
// …} or {"status": …}) and answers 201 with a Location, as WooCommerce does.
func createOf(kind string) func(*exchange, *authState) restResponse {
	return func(x *exchange, _ *authState) restResponse {
		var in struct {
			Name         string `json:"name"`
			RegularPrice string `json:"regular_price"`
			Status       string `json:"status"`
		}
		_ = json.Unmarshal(x.body, &in) // WooCommerce also accepts an empty body
		id := x.store.create(createdItem{kind: kind, name: in.Name, price: in.RegularPrice, status: in.Status})
		it := x.store.item(x, kind, strconv.Itoa(id))
		resp := restResponse{status: http.StatusCreated, body: it, header: http.Header{}}
		resp.header.Set("Location", x.restURL(fmt.Sprintf("/wc/v3/%ss/%d", kind, id)))
		return resp
	}
}
