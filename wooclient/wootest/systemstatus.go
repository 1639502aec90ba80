package wootest

// serveSystemStatus answers GET wc/v3/system_status with an abridged report in
// WooCommerce's shape and member order.
func serveSystemStatus(x *exchange, _ *authState) restResponse {
	cfg := &x.cfg
	plugins := []any{plugin("woocommerce/woocommerce.php", "WooCommerce", cfg.WooCommerceVersion, "https://woocommerce.com/", "Automattic")}
	if cfg.wcposActive() {
		plugins = append(plugins, plugin("woocommerce-pos/woocommerce-pos.php", "WCPOS", cfg.WCPOSVersion, "https://wcpos.com", "kilbot"))
	}
	return ok(obj{
		{"environment", obj{
			{"home_url", x.homeOption()}, {"site_url", x.homeOption()},
			{"store_id", "6f1c2a9e-3b7d-4e58-9a0c-d2f4b8e61a37"}, {"version", cfg.WooCommerceVersion},
			{"log_directory", "/var/www/shop/wp-content/uploads/wc-logs/"}, {"log_directory_writable", true},
			{"wp_version", "6.8.8"}, {"wp_multisite", false}, {"wp_memory_limit", 268435456},
			{"wp_debug_mode", cfg.PHPNotices}, {"wp_cron", true}, {"language", "en_US"},
			{"external_object_cache", nil}, {"server_info", "nginx/1.22.1"}, {"server_architecture", "Linux x86_64"},
			{"php_version", "8.2.36"}, {"php_post_max_size", 33554432}, {"php_max_execution_time", 30},
			{"php_max_input_vars", 1000}, {"curl_version", "7.88.1, OpenSSL/3.0.19"}, {"suhosin_installed", false},
			{"max_upload_size", 33554432}, {"mysql_version", "10.11.19"},
			{"mysql_version_string", "10.11.19-MariaDB-0+deb12u1"}, {"default_timezone", "UTC"},
			{"fsockopen_or_curl_enabled", true}, {"soapclient_enabled", false}, {"domdocument_enabled", true},
			{"gzip_enabled", true}, {"mbstring_enabled", true},
			{"remote_post_successful", true}, {"remote_post_response", 200},
			{"remote_get_successful", true}, {"remote_get_response", 200},
		}},
		{"database", obj{
			{"wc_database_version", cfg.WooCommerceVersion}, {"database_prefix", "wp_"}, {"maxmind_geoip_database", ""},
			{"database_tables", obj{{"woocommerce", obj{
				{"wp_woocommerce_api_keys", obj{{"data", "0.02"}, {"index", "0.03"}, {"engine", "InnoDB"}}},
				{"wp_wc_orders", obj{{"data", "0.02"}, {"index", "0.11"}, {"engine", "InnoDB"}}},
			}}, {"other", obj{}}}},
			{"database_size", obj{{"data", 2.13}, {"index", 1.42}}},
		}},
		{"active_plugins", plugins}, {"inactive_plugins", []any{}},
		{"dropins_mu_plugins", obj{{"dropins", []any{}}, {"mu_plugins", []any{}}}},
		{"theme", obj{{"name", "Storefront"}, {"version", "4.6.1"}, {"version_latest", "4.6.1"},
			{"author_url", "https://woocommerce.com/"}, {"is_child_theme", false}, {"has_woocommerce_support", true}}},
		{"settings", obj{
			{"api_enabled", true}, {"force_ssl", false}, {"currency", "USD"}, {"currency_symbol", "&#36;"},
			{"currency_position", "left"}, {"thousand_separator", ","}, {"decimal_separator", "."},
			{"number_of_decimals", 2}, {"geolocation_enabled", false}, {"woocommerce_com_connected", "no"},
			{"HPOS_enabled", true}, {"HPOS_sync_enabled", false},
		}},
		{"security", obj{{"secure_connection", cfg.HomeScheme == "https"}, {"hide_errors", !cfg.PHPNotices}}},
		{"pages", []any{
			obj{{"page_name", "Shop base"}, {"page_id", "5"}, {"page_set", true}, {"page_exists", true}, {"page_visible", true}},
			obj{{"page_name", "Cart"}, {"page_id", "6"}, {"page_set", true}, {"page_exists", true}, {"page_visible", true}},
			obj{{"page_name", "Checkout"}, {"page_id", "7"}, {"page_set", true}, {"page_exists", true}, {"page_visible", true}},
		}},
		{"post_type_counts", []any{
			obj{{"type", "page"}, {"count", "5"}}, obj{{"type", "post"}, {"count", "1"}}, obj{{"type", "product"}, {"count", "2"}},
		}},
	})
}

// plugin is one active_plugins entry.
func plugin(file, name, version, url, author string) obj {
	return obj{
		{"plugin", file}, {"name", name}, {"version", version}, {"version_latest", version},
		{"url", url}, {"author_name", author}, {"author_url", url}, {"network_activated", false},
	}
}
