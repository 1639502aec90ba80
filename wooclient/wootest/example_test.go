package wootest_test

import (
	"crypto/tls"
	"fmt"
	"net/http"

	"github.com/wcpos/wcpos-setup/wooclient/wootest"
)

// A store with one Read key: the key reads, but the write probe (a POST to a route
// that does not exist) is refused before WooCommerce looks for the route.
func Example() {
	key := wootest.NewKey(wootest.Read, wootest.ShopManager)
	store := wootest.New(wootest.Config{Keys: []wootest.Key{key}})
	defer store.Close()

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: store.CertPool()}}}
	for _, method := range []string{"GET", "POST"} {
		path := map[string]string{"GET": "/wp-json/wc/v3/products", "POST": "/wp-json/wc/v3/zz-probe"}[method]
		req, _ := http.NewRequest(method, store.URL()+path, nil)
		req.SetBasicAuth(key.ConsumerKey, key.ConsumerSecret)
		resp, err := client.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(method, resp.StatusCode)
	}
	last := store.Requests()[1]
	fmt.Println(last.Credentials, last.Authenticated)
	// Output:
	// GET 200
	// POST 401
	// basic true
}
