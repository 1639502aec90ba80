package wootest

import (
	"net/http"
	"slices"
	"strings"
)

// restResponse is a WP_REST_Response before it is sent.
type restResponse struct {
	status int
	body   any
	header http.Header
}

// ok is a 200 answer.
func ok(body any) restResponse { return restResponse{status: http.StatusOK, body: body} }

// fail renders a WP_Error.
func fail(e *wpError) restResponse {
	return restResponse{status: e.Status, body: e.body()}
}

// phpNotice is what a sloppy plugin prints before the JSON when display_errors is on,
// the 163 bytes the recorded store printed (case 160 of testdata/fixtures-2).
const phpNotice = "<br />\n<b>Deprecated</b>:  Function get_magic_quotes is <strong>deprecated</strong> in <b>/var/www/html/wp-content/plugins/foo/foo.php</b> on line <b>12</b><br />\n"

// utf8BOM is the byte order mark a plugin file saved "with BOM" prints.
const utf8BOM = "\xEF\xBB\xBF"

// serveREST is WP_REST_Server::serve_request: the fixed headers, authentication
// errors, dispatch, then the headers that depend on who the request turned out to be.
func (s *Store) serveREST(x *exchange, route string) {
	h := x.w.Header()
	h.Set("Content-Type", "application/json; charset=UTF-8")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Link", "<"+x.restURL("/")+`>; rel="https://api.w.org/"`)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link")
	h.Set("Access-Control-Allow-Headers", "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type")

	st := s.authenticate(x, route)
	x.authenticated = st.loggedIn
	resp := s.respond(x, route, &st)

	if st.loggedIn {
		setNoCache(h)
	}
	if origin := x.r.Header.Get("Origin"); origin != "" {
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Methods", "OPTIONS, GET, POST, PUT, PATCH, DELETE")
		h.Set("Access-Control-Allow-Credentials", "true")
		h.Add("Vary", "Origin")
	} else if x.r.Method == http.MethodGet && !st.loggedIn {
		h.Add("Vary", "Origin")
	}
	for k, vs := range resp.header {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	var out []byte
	if x.r.Method != http.MethodHead {
		body := resp.body
		if resp.status < 400 {
			body = filterFields(body, x.get)
		}
		out = phpJSON(body)
		if x.cfg.PHPNotices {
			out = append([]byte(phpNotice), out...)
		}
		if x.cfg.BOM {
			out = append([]byte(utf8BOM), out...)
		}
	}
	x.w.WriteHeader(resp.status)
	x.w.Write(out)
}

// respond runs the rest_authentication_errors filters (a REST-blocking plugin at
// priority 10, WooCommerce at 15, application passwords at 90), then the
// rest_pre_dispatch filters (core's OPTIONS handler, a JWT plugin, WooCommerce's key
// permission check, in load order), then routing.
func (s *Store) respond(x *exchange, route string, st *authState) restResponse {
	switch {
	case x.cfg.RESTBlocked && !st.loggedIn:
		return fail(errorf(401, "rest_cannot_access", "Only authenticated users can access the REST API."))
	case st.err != nil:
		return fail(st.err)
	case st.appErr != nil:
		return fail(st.appErr)
	}
	var pre *restResponse
	if x.r.Method == http.MethodOptions {
		resp := s.options(x, route, st)
		pre = &resp
	}
	if x.cfg.JWTPlugin && x.authz != "" && !strings.HasPrefix(x.authz, "Bearer ") {
		resp := fail(errorf(403, "jwt_auth_bad_auth_header", "Authorization header malformed."))
		pre = &resp
	}
	if st.key != nil {
		if err := checkPermissions(x.r.Method, st.key.Permissions); err != nil {
			return fail(err)
		}
		if recordsLastAccess(x, route) {
			s.touchKey(st.key.ID, x.now)
		}
	}
	if pre != nil {
		return *pre
	}
	return s.route(x, route, st)
}

// route is WP_REST_Server::dispatch: the first route whose pattern matches and has a
// handler for the method; validation, permission_callback, then the callback. No
// such route is 404 rest_no_route, whoever asks.
func (s *Store) route(x *exchange, route string, st *authState) restResponse {
	for _, rt := range s.activeRoutes(&x.cfg) {
		m := rt.re.FindStringSubmatch(route)
		if m == nil {
			continue
		}
		for _, hd := range rt.handlers {
			if !hd.allows(x.r.Method) {
				continue
			}
			x.matched, x.id = rt, routeID(rt, m)
			resp := s.call(x, st, hd)
			if allow := allowedMethods(x, st, rt); allow != "" {
				if resp.header == nil {
					resp.header = http.Header{}
				}
				resp.header.Set("Allow", allow)
			}
			return resp
		}
	}
	return fail(errorf(404, "rest_no_route", "No route was found matching the URL and request method."))
}

// routeID is the route's (?P<id>…) match, if it has one.
func routeID(rt *route, m []string) string {
	if i := rt.re.SubexpIndex("id"); i > 0 {
		return m[i]
	}
	return ""
}

// call runs one handler's checks and callback.
func (s *Store) call(x *exchange, st *authState, hd handler) restResponse {
	if hd.validate != nil {
		if err := hd.validate(x); err != nil {
			return fail(err)
		}
	}
	if hd.perm != nil {
		if err := hd.perm(x, st); err != nil {
			return fail(err)
		}
	}
	return hd.serve(x, st)
}

// allowedMethods is rest_send_allow_header: the methods of the matched route whose
// permission_callback passes for this user. WordPress sends nothing when none do.
func allowedMethods(x *exchange, st *authState, rt *route) string {
	var allowed []string
	for _, hd := range rt.handlers {
		if hd.perm == nil || hd.perm(x, st) == nil {
			for _, m := range hd.methods {
				if !slices.Contains(allowed, m) {
					allowed = append(allowed, m)
				}
			}
		}
	}
	return strings.Join(allowed, ", ")
}

// options is rest_handle_options_request: the matched route's description with its
// schema, or an empty list when nothing matches. It is always a 200.
func (s *Store) options(x *exchange, route string, st *authState) restResponse {
	for _, rt := range s.activeRoutes(&x.cfg) {
		if m := rt.re.FindStringSubmatch(route); m != nil {
			x.matched, x.id = rt, routeID(rt, m)
			resp := ok(x.routeData(rt, true))
			if allow := allowedMethods(x, st, rt); allow != "" {
				resp.header = http.Header{"Allow": {allow}}
			}
			return resp
		}
	}
	return ok([]any{})
}

// filterFields is rest_filter_response_fields for ?_fields=a,b: only those top-level
// members are kept, of the object or of each object in a list. A nested "a.b" keeps
// all of "a".
func filterFields(body any, get *phpParams) any {
	raw, present := get.str("_fields")
	if !present {
		return body
	}
	var keep []string
	for _, f := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ' ' }) {
		top, _, _ := strings.Cut(f, ".")
		keep = append(keep, top)
	}
	if len(keep) == 0 {
		return body
	}
	pick := func(o obj) obj {
		out := obj{}
		for _, m := range o {
			if slices.Contains(keep, m.K) {
				out = append(out, m)
			}
		}
		return out
	}
	switch b := body.(type) {
	case obj:
		return pick(b)
	case []obj:
		out := make([]obj, len(b))
		for i, o := range b {
			out[i] = pick(o)
		}
		return out
	}
	return body
}
