package wooclient

import (
	"net/http"
	"testing"
	"time"
)

// TestFromCache covers the cache signs an answer can carry: only a hit (or a
// Via naming a cache with nothing saying it missed) counts; a miss, a bypass
// and Age: 0 do not.
func TestFromCache(t *testing.T) {
	tests := []struct {
		name string
		h    http.Header
		want bool
	}{
		{"none", http.Header{}, false},
		{"Age 37", http.Header{"Age": {"37"}}, true},
		{"Age 0", http.Header{"Age": {"0"}}, false},
		{"X-Cache HIT", http.Header{"X-Cache": {"HIT"}}, true},
		{"X-Cache squid", http.Header{"X-Cache": {"HIT from squid.example"}}, true},
		{"X-Cache MISS", http.Header{"X-Cache": {"MISS"}}, false},
		{"X-Cache-Status STALE", http.Header{"X-Cache-Status": {"STALE"}}, true},
		{"CF HIT", http.Header{"Cf-Cache-Status": {"HIT"}}, true},
		{"CF DYNAMIC", http.Header{"Cf-Cache-Status": {"DYNAMIC"}}, false},
		{"CF REVALIDATED", http.Header{"Cf-Cache-Status": {"REVALIDATED"}}, true},
		{"X-Proxy-Cache HIT", http.Header{"X-Proxy-Cache": {"HIT"}}, true},
		{"LiteSpeed hit", http.Header{"X-Litespeed-Cache": {"hit"}}, true},
		{"Via varnish alone", http.Header{"Via": {"1.1 varnish (Varnish/7.4)"}}, true},
		{"Via varnish, Age 0", http.Header{"Via": {"1.1 varnish (Varnish/7.4)"}, "Age": {"0"}}, false},
		{"Via varnish, MISS", http.Header{"Via": {"1.1 varnish"}, "X-Cache": {"MISS"}}, false},
		{"Via a proxy that is no cache", http.Header{"Via": {"1.1 vegur"}}, false},
	}
	for _, tt := range tests {
		if got := fromCache(tt.h); got != tt.want {
			t.Errorf("%s: fromCache = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestMaintenanceIsNotAnyUnavailable tells WordPress's maintenance page (503,
// Retry-After, wp_die's markup, in any language) from other 503s.
func TestMaintenanceIsNotAnyUnavailable(t *testing.T) {
	html := func(retry string) http.Header {
		h := http.Header{"Content-Type": {"text/html; charset=UTF-8"}}
		if retry != "" {
			h.Set("Retry-After", retry)
		}
		return h
	}
	wpDie := `<!DOCTYPE html><html dir='ltr'><head><title>Wartungsmodus</title></head><body id="error-page"><div class="wp-die-message">Kurzzeitig nicht verfügbar.</div></body></html>`
	tests := []struct {
		name   string
		status int
		h      http.Header
		body   string
		want   Verdict
	}{
		{"translated maintenance page", 503, html("600"), wpDie, VerdictMaintenance},
		{"English maintenance text", 503, html("600"), "<p>Briefly unavailable for scheduled maintenance. Check back in a minute.</p>", VerdictMaintenance},
		{"no Retry-After", 503, html(""), wpDie, VerdictServerError},
		{"nginx 503 with Retry-After", 503, html("30"), "<center><h1>503 Service Temporarily Unavailable</h1></center>", VerdictServerError},
		{"500 wp_die page", 500, html("600"), wpDie, VerdictServerError},
	}
	for _, tt := range tests {
		if got := Classify(tt.status, tt.h, []byte(tt.body), time.Now()).Verdict; got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestReadPage finds the language and the REST link WordPress prints, however
// the attributes are ordered or quoted.
func TestReadPage(t *testing.T) {
	tests := []struct {
		body, lang, link string
	}{
		{`<!DOCTYPE html>` + "\n" + `<html lang="de-DE" class="no-js"><head><link rel="https://api.w.org/" href="https://shop.example/api/" />`, "de-DE", "https://shop.example/api/"},
		{`<html class="x" lang='fr-CA' dir="ltr"><link href='https://s.example/wp-json/' rel='https://api.w.org/'>`, "fr-CA", "https://s.example/wp-json/"},
		{`<HTML LANG=nb><head></head>`, "nb", ""},
		{`<html><head><link rel="alternate" href="https://s.example/feed/"></head>`, "", ""},
		{`<html lang="">`, "", ""},
	}
	for _, tt := range tests {
		lang, link := readPage([]byte(tt.body))
		if lang != tt.lang || link != tt.link {
			t.Errorf("readPage(%.60q) = %q, %q; want %q, %q", tt.body, lang, link, tt.lang, tt.link)
		}
	}
}
