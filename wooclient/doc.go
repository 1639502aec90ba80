// Package wooclient diagnoses a WooCommerce store and a pair of REST API keys
// the way a WooCommerce core developer would, and explains every failure with
// its WCPOS error code, a sentence for the cashier and one for the site admin.
//
// It knows nothing of terminals: the setup wizard and the non-interactive
// check command both call it. Every answer from the store is classified by a
// pure function (Classify), every problem becomes a typed Finding from a
// stable catalogue (Catalogue), and no request it sends can create or change
// store data: reads are GETs, and write permission is proven with a POST to a
// route that does not exist, which WooCommerce rejects before any controller
// runs.
package wooclient
