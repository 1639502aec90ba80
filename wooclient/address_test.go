package wooclient

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

const testKey = "ck_0123456789abcdef0123456789abcdef01234567"

func TestNormalizeAddressAccepts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shop.example.com", "https://shop.example.com"},
		{"Shop.Example.com/", "https://shop.example.com"},
		{" https://shop.example.com/wp-admin/ ", "https://shop.example.com"},
		{"shop.example.com/shop", "https://shop.example.com/shop"},
		{"shop.example.com/shop/", "https://shop.example.com/shop"},
		{"shop.example.com:8443", "https://shop.example.com:8443"},
		{"127.0.0.1:8080", "https://127.0.0.1:8080"},
		{"[::1]:8443", "https://[::1]:8443"},
		{"[2001:DB8::1]:443", "https://[2001:db8::1]"},
		{"2001:db8::1", "https://[2001:db8::1]"},
		{"bücher.example", "https://xn--bcher-kva.example"},
		{"BÜCHER.example/Laden", "https://xn--bcher-kva.example/Laden"},
		{"ｓｈｏｐ.example.com", "https://shop.example.com"},
		{"http://shop.example.com", "http://shop.example.com"},
		{"HTTP://shop.example.com:8080/", "http://shop.example.com:8080"},
		{"https://shop.example.com:443/", "https://shop.example.com"},
		{"http://shop.example.com:80", "http://shop.example.com"},
		{"http://shop.example.com:443", "http://shop.example.com:443"},
		{"https://shop.example.com:80", "https://shop.example.com:80"},
		{"shop.example.com:08443", "https://shop.example.com:8443"},
		{"shop.example.com:", "https://shop.example.com"},
		{"localhost:8080", "https://localhost:8080"},
		{"LOCALHOST", "https://localhost"},
		{"shop.example.com.", "https://shop.example.com"},
		{"www.shop.example.com", "https://www.shop.example.com"},
		{"\u00a0\u200bshop.example.com\ufeff", "https://shop.example.com"},
		{"\"shop.example.com\"", "https://shop.example.com"},
		{"“https://shop.example.com/”", "https://shop.example.com"},
		{"<https://shop.example.com/>", "https://shop.example.com"},
		{"'shop.example.com'\r\n", "https://shop.example.com"},
		{"https://shop.example.com/wp-admin/admin.php?page=wc-settings&tab=advanced", "https://shop.example.com"},
		{"shop.example.com/shop/wp-login.php?redirect_to=x", "https://shop.example.com/shop"},
		{"shop.example.com/wp-json/wc/v3/orders", "https://shop.example.com"},
		{"shop.example.com/index.php?rest_route=/", "https://shop.example.com"},
		{"shop.example.com/index.php/wp-json/", "https://shop.example.com"},
		{"shop.example.com/blog/wp-content/uploads/logo.png", "https://shop.example.com/blog"},
		{"shop.example.com/?p=1#top", "https://shop.example.com"},
		{"shop.example.com#top", "https://shop.example.com"},
		{"shop.example.com/shop?lang=de", "https://shop.example.com/shop"},
		{"shop.example.com//shop//store/", "https://shop.example.com/shop/store"},
		{"shop.example.com/a/../shop/./", "https://shop.example.com/shop"},
		{"HTTPS://SHOP.EXAMPLE.COM/Shop", "https://shop.example.com/Shop"},
		{"https://https://shop.example.com", "https://shop.example.com"},
		{"https:/shop.example.com", "https://shop.example.com"},
		{"https//shop.example.com", "https://shop.example.com"},
		{"shop.example.com/my%20shop", "https://shop.example.com/my%20shop"},
		{"shop.example.com/bücher", "https://shop.example.com/b%C3%BCcher"},
		{"shop.example.com/truck_parts", "https://shop.example.com/truck_parts"},
	}
	for _, tt := range tests {
		got, err := NormalizeAddress(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeAddress(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		again, err := NormalizeAddress(got)
		if err != nil || again != got {
			t.Errorf("NormalizeAddress(%q) = %q, %v; not idempotent", got, again, err)
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			t.Errorf("url.Parse(%q) = %+v, %v", got, u, err)
		}
	}
}

func TestNormalizeAddressRejects(t *testing.T) {
	tests := []struct{ name, in, reason string }{
		{"empty", "", "The address is empty; type the shop's address, like shop.example.com."},
		{"blank", " \t\u00a0\u200b ", "The address is empty; type the shop's address, like shop.example.com."},
		{"space in host", "shop example.com", "The address has a space in it; web addresses have none."},
		{"space after scheme", "https:// shop.example.com/x y", "The address has a space in it; web addresses have none."},
		{"mailto", "mailto:me@shop.com", "That is an e-mail address; type the shop's web address instead."},
		{"ftp", "ftp://shop.example.com", "Only web addresses work here: start with https:// or leave it out."},
		{"file", "file:///etc/passwd", "Only web addresses work here: start with https:// or leave it out."},
		{"javascript", "javascript:alert(1)", "Only web addresses work here: start with https:// or leave it out."},
		{"email", "me@shop.com", "That is an e-mail address; type the shop's web address instead."},
		{"key", testKey, "That is an API key, not the store address; it goes in the key fields."},
		{"secret in query", "https://shop.com/?consumer_secret=cs_abc", "That is an API key, not the store address; it goes in the key fields."},
		{"upper-case key", strings.ToUpper(testKey), "That is an API key, not the store address; it goes in the key fields."},
		{"encoded key", "shop.com/%63k_abc", "That is an API key, not the store address; it goes in the key fields."},
		{"userinfo", "user:pass@shop.example.com", "Leave out the user name and password: credentials do not belong in the address."},
		{"user with scheme", "https://admin@shop.example.com", "Leave out the user name and password: credentials do not belong in the address."},
		{"underscore", "shop_x.example.com", "The shop's name has characters that web addresses cannot use."},
		{"empty label", "shop..example.com", "The shop's name has characters that web addresses cannot use."},
		{"angle inside", "sh<op.com", "The shop's name has characters that web addresses cannot use."},
		{"leading hyphen", "-shop.com", "The shop's name has characters that web addresses cannot use."},
		{"no dot", "shop", "Add the domain ending, like shop.com."},
		{"no dot with port", "shop:8080", "Add the domain ending, like shop.com."},
		{"no host", "https://", "The shop's name is missing from the address."},
		{"no host with port", "https://:8080", "The shop's name is missing from the address."},
		{"triple slash", "https:///shop", "Add the domain ending, like shop.com."},
		{"bad ipv4", "999.1.1.1", "That IP address is not valid."},
		{"short ipv4", "10.1.2", "That IP address is not valid."},
		{"open bracket", "[::1", "That IP address is not valid."},
		{"port zero", "shop.com:0", "The port after the colon must be a number from 1 to 65535."},
		{"port too big", "shop.com:65536", "The port after the colon must be a number from 1 to 65535."},
		{"port letters", "shop.com:abc", "The port after the colon must be a number from 1 to 65535."},
		{"control in path", "shop.com/a%00b", "The part after the shop's name has characters that web addresses cannot use."},
		{"bad escape", "shop.com/a%zz", "The part after the shop's name has characters that web addresses cannot use."},
		{"too long", "shop.com/" + strings.Repeat("a", 2048), "That is too long to be a store address."},
		{"too long escaped", "shop.com/" + strings.Repeat("ü", 800), "That is too long to be a store address."},
	}
	for _, tt := range tests {
		got, err := NormalizeAddress(tt.in)
		var ae *AddressError
		if !errors.As(err, &ae) {
			t.Errorf("%s: NormalizeAddress(%q) = %q, %v; want *AddressError", tt.name, tt.in, got, err)
			continue
		}
		if ae.Reason != tt.reason {
			t.Errorf("%s: reason %q; want %q", tt.name, ae.Reason, tt.reason)
		}
		if err.Error() != "not a store address: "+tt.reason {
			t.Errorf("%s: Error() = %q", tt.name, err.Error())
		}
		if got != "" {
			t.Errorf("%s: address %q returned with an error", tt.name, got)
		}
	}
}

func TestAddressErrorNeverRepeatsSecrets(t *testing.T) {
	secret := "cs_89abcdef0123456789abcdef0123456789abcdef"
	for _, in := range []string{
		testKey, secret, " " + secret + " ",
		"https://shop.com/wp-json/wc/v3?consumer_key=" + testKey + "&consumer_secret=" + secret,
		"cs_12345", "user:hunter2@shop.com", "https://user:hunter2@shop.com/", "https://me:hunt@er2@shop.com",
		"shop.com/" + strings.Repeat("x", 3000) + secret,
		secret + strings.Repeat("x", 3000),
	} {
		_, err := NormalizeAddress(in)
		var ae *AddressError
		if !errors.As(err, &ae) {
			t.Fatalf("NormalizeAddress(%q) accepted", in)
		}
		for _, leak := range []string{testKey, secret, secret[3:20], "cs_12345", "hunter2", "er2"} {
			if strings.Contains(ae.Input, leak) || strings.Contains(ae.Error(), leak) {
				t.Errorf("error for %q repeats %q: Input %q", in, leak, ae.Input)
			}
		}
	}
	_, err := NormalizeAddress(testKey)
	if ae := err.(*AddressError); ae.Input != "ck_…1234567" {
		t.Errorf("Input = %q; want the masked key", ae.Input)
	}
	_, err = NormalizeAddress(" shop ")
	if ae := err.(*AddressError); ae.Input != "shop" {
		t.Errorf("Input = %q; want the trimmed input", ae.Input)
	}
}

func TestAddressErrorFinding(t *testing.T) {
	_, err := NormalizeAddress("shop")
	f := err.(*AddressError).Finding()
	if f.Cause != CauseInvalidURL || f.Code != "API06001" || f.Severity != SeverityBlocker {
		t.Errorf("Finding() = %+v", f)
	}
	if f.Detail != "Add the domain ending, like shop.com." {
		t.Errorf("Detail = %q", f.Detail)
	}
}
