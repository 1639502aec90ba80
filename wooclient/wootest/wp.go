package wootest

import "net/http"

// wordPressRoutes are the few wp/v2 routes the store implements. WooCommerce keys never
// authenticate them: a client that "validates" a key here learns nothing.
func wordPressRoutes() []route {
	get := []string{"GET"}
	return []route{
		{pattern: "/wp/v2/posts", namespace: "wp/v2", handlers: []handler{{methods: get, args: obj{{"context", contextHelp("view", "embed", "edit")}},
			serve: func(*exchange, *authState) restResponse {
				resp := ok([]any{})
				resp.header = http.Header{"X-Wp-Total": {"0"}, "X-Wp-Totalpages": {"0"}}
				return resp
			}}}},
		{pattern: "/wp/v2/users/me", namespace: "wp/v2", handlers: []handler{{methods: get, args: obj{{"context", contextHelp("view", "embed", "edit")}},
			serve: serveCurrentUser}}},
	}
}

// serveCurrentUser is GET wp/v2/users/me: the logged-in user, or 401 when anonymous.
func serveCurrentUser(x *exchange, st *authState) restResponse {
	if !st.loggedIn || st.key == nil {
		return fail(errorf(http.StatusUnauthorized, "rest_not_logged_in", "You are not currently logged in."))
	}
	user := st.key.User
	return ok(obj{
		{"id", userID(user)}, {"name", user}, {"url", ""}, {"description", ""},
		{"link", x.siteURL() + "/author/" + user + "/"}, {"slug", user},
		{"meta", []any{}},
		{"_links", obj{{"self", []any{obj{{"href", x.restURL("/wp/v2/users/me")}}}}}},
	})
}

// userID gives the recorded store's users stable IDs.
func userID(login string) int {
	switch login {
	case "admin":
		return 1
	case "shopmgr":
		return 2
	case "subscriber1":
		return 3
	case "customer1":
		return 4
	case "productclerk":
		return 6
	case "orderclerk":
		return 7
	}
	return 5
}
