package wootest

import (
	"regexp"
	"slices"
	"strings"
)

// feature is the component that registers a route or namespace, so one route table
// serves every Config.
type feature int

const (
	core        feature = iota // WordPress itself
	wooCommerce                // needs WooCommerce active
	wcposV1                    // needs the WCPOS plugin
	wcposV2                    // needs WCPOS 1.8 or later
)

// active reports whether the component is loaded under cfg.
func (f feature) active(cfg *Config) bool {
	switch f {
	case wooCommerce:
		return !cfg.WooCommerceInactive
	case wcposV1:
		return cfg.wcposActive()
	case wcposV2:
		return cfg.wcposActive() && versionAtLeast(cfg.WCPOSVersion, 1, 8)
	}
	return true
}

// route is one register_rest_route call.
type route struct {
	pattern    string // as WordPress registers it, e.g. /wc/v3/products/(?P<id>[\d]+)
	re         *regexp.Regexp
	namespace  string
	feature    feature
	allowBatch bool
	schema     func() obj // shown by OPTIONS
	handlers   []handler
}

// handler is one endpoint of a route: its methods, arguments, checks and callback.
type handler struct {
	methods  []string
	args     obj
	validate func(x *exchange) *wpError                // argument validation, before the permission check
	perm     func(x *exchange, st *authState) *wpError // permission_callback; nil means public
	serve    func(x *exchange, st *authState) restResponse
}

// allows reports whether h answers method (HEAD is served by GET handlers).
func (h handler) allows(method string) bool {
	if method == "HEAD" {
		method = "GET"
	}
	return slices.Contains(h.methods, method)
}

// namespaceList is the index's "namespaces" under cfg.
func namespaceList(cfg *Config) []namespace {
	return slices.DeleteFunc(allNamespaces(), func(n namespace) bool { return !n.feature.active(cfg) })
}

// allNamespaces lists every namespace the store can register, in the recorded
// store's order (WCPOS loads right after WooCommerce's own).
func allNamespaces() []namespace {
	return []namespace{
		{"oembed/1.0", core}, {"wc/v3", wooCommerce}, {"wc/v1", wooCommerce}, {"jetpack/v4", wooCommerce},
		{"wc-admin", wooCommerce}, {"wc-analytics", wooCommerce}, {"wc/store", wooCommerce},
		{"wc/store/v1", wooCommerce}, {"wc/private", wooCommerce}, {"wc/v2", wooCommerce},
		{"wc-admin-email", wooCommerce}, {"wc-telemetry", wooCommerce}, {"wccom-site/v3", wooCommerce},
		{"wcpos/v1", wcposV1}, {"wcpos/v2", wcposV2},
		{"wp/v2", core}, {"wp-site-health/v1", core}, {"wp-block-editor/v1", core},
	}
}

// namespace is one REST namespace and the component that registers it.
type namespace struct {
	name    string
	feature feature
}

// newRoutes builds the route table: the index and batch routes, then each namespace's
// index followed by its routes, which is the order WordPress lists them in.
func newRoutes() []route {
	routes := []route{
		{pattern: "/", handlers: []handler{{methods: []string{"GET"}, args: contextArg(), serve: serveIndex}}},
		{pattern: "/batch/v1", handlers: []handler{batchHandler()}},
	}
	for _, ns := range allNamespaces() {
		routes = append(routes, route{pattern: "/" + ns.name, namespace: ns.name, feature: ns.feature,
			handlers: []handler{{
				methods: []string{"GET"},
				args:    obj{{"namespace", obj{{"default", ns.name}, {"required", false}}}, {"context", obj{{"default", "view"}, {"required", false}}}},
				serve:   serveNamespace,
			}}})
		switch ns.name {
		case "wc/v3":
			routes = append(routes, wooCommerceRoutes()...)
		case "wp/v2":
			routes = append(routes, wordPressRoutes()...)
		}
	}
	for i := range routes {
		routes[i].re = regexp.MustCompile("(?i)^" + routes[i].pattern + "$")
	}
	return routes
}

// contextArg is the "context" argument most read routes take.
func contextArg() obj {
	return obj{{"context", obj{{"default", "view"}, {"required", false}}}}
}

// activeRoutes is the table as registered under cfg.
func (s *Store) activeRoutes(cfg *Config) []*route {
	var out []*route
	for i := range s.routes {
		if s.routes[i].feature.active(cfg) {
			out = append(out, &s.routes[i])
		}
	}
	return out
}

// routeData is get_data_for_route: what the index, a namespace index and OPTIONS show
// of a route. help adds the schema, as OPTIONS does.
func (x *exchange) routeData(rt *route, help bool) obj {
	var methods []string
	var endpoints []any
	for _, h := range rt.handlers {
		methods = append(methods, h.methods...)
		ep := obj{{"methods", h.methods}}
		if rt.allowBatch {
			ep = append(ep, kv{"allow_batch", obj{{"v1", true}}})
		}
		ep = append(ep, kv{"args", h.args})
		endpoints = append(endpoints, ep)
	}
	data := obj{{"namespace", rt.namespace}, {"methods", methods}, {"endpoints", endpoints}}
	if help && rt.schema != nil {
		data = append(data, kv{"schema", rt.schema()})
	}
	if !strings.Contains(rt.pattern, "(?P<") {
		data = append(data, kv{"_links", obj{{"self", []any{obj{{"href", x.restURL(rt.pattern)}}}}}})
	}
	return data
}

// routesMap is the "routes" member of an index, for routes under prefix ("" = all).
func (s *Store) routesMap(x *exchange, namespace string) obj {
	var out obj
	for _, rt := range s.activeRoutes(&x.cfg) {
		if namespace == "" || rt.namespace == namespace {
			out = append(out, kv{rt.pattern, x.routeData(rt, false)})
		}
	}
	return out
}

// serveIndex answers GET / : the site's REST index.
func serveIndex(x *exchange, _ *authState) restResponse {
	cfg := &x.cfg
	var names []string
	for _, ns := range namespaceList(cfg) {
		names = append(names, ns.name)
	}
	var auth any = []any{}
	if x.https { // application passwords are only offered over HTTPS
		auth = obj{{"application-passwords", obj{{"endpoints", obj{
			{"authorization", x.siteURL() + "/wp-admin/authorize-application.php"}}}}}}
	}
	body := obj{
		{"name", cfg.Name}, {"description", cfg.Description},
		{"url", x.homeOption()}, {"home", x.siteURL()},
		{"gmt_offset", 0}, {"timezone_string", "UTC"},
		{"page_for_posts", 0}, {"page_on_front", 0}, {"show_on_front", "posts"},
		{"namespaces", names}, {"authentication", auth},
		{"routes", x.store.routesMap(x, "")},
		{"site_logo", 0}, {"site_icon", 0}, {"site_icon_url", ""},
	}
	if cfg.wcposActive() {
		body = append(body, kv{"wc_version", cfg.WooCommerceVersion}, kv{"wcpos_version", cfg.WCPOSVersion})
	}
	body = append(body, kv{"_links", obj{{"help", []any{obj{{"href", "https://developer.wordpress.org/rest-api/"}}}}}})
	return ok(body)
}

// serveNamespace answers GET /<namespace>: its routes and a link up to the index.
func serveNamespace(x *exchange, _ *authState) restResponse {
	ns := strings.TrimPrefix(x.matched.pattern, "/")
	return ok(obj{
		{"namespace", ns},
		{"routes", x.store.routesMap(x, ns)},
		{"_links", obj{{"up", []any{obj{{"href", x.restURL("/")}}}}}},
	})
}

// batchHandler is /batch/v1 with WordPress's argument list. Batching itself is not
// modelled: without "requests" it fails validation like WordPress, otherwise it
// answers an empty batch.
func batchHandler() handler {
	str := func(extra ...kv) obj { return append(obj{{"type", "string"}}, extra...) }
	requestItem := obj{{"type", "object"}, {"properties", obj{
		{"method", str(kv{"enum", []string{"POST", "PUT", "PATCH", "DELETE"}}, kv{"default", "POST"})},
		{"path", str(kv{"required", true})},
		{"body", obj{{"type", "object"}, {"properties", obj{}}, {"additionalProperties", true}}},
		{"headers", obj{{"type", "object"}, {"properties", obj{}}, {"additionalProperties", obj{
			{"type", []string{"string", "array"}}, {"items", obj{{"type", "string"}}}}}}},
	}}}
	return handler{
		methods: []string{"POST"},
		args: obj{
			{"validation", str(kv{"enum", []string{"require-all-validate", "normal"}}, kv{"default", "normal"}, kv{"required", false})},
			{"requests", obj{{"type", "array"}, {"maxItems", 25}, {"items", requestItem}, {"required", true}}},
		},
		validate: func(x *exchange) *wpError {
			if !strings.Contains(string(x.body), `"requests"`) {
				e := errorf(400, "rest_missing_callback_param", "Missing parameter(s): requests")
				e.Extra = obj{{"params", []string{"requests"}}}
				return e
			}
			return nil
		},
		serve: func(*exchange, *authState) restResponse {
			return restResponse{status: 207, body: obj{{"responses", []any{}}}}
		},
	}
}
