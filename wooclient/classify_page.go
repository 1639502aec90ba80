package wooclient

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// utf8BOM is the byte order mark a plugin or theme file saved "with BOM" prints
// before every answer.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// pageHead bounds how much of an HTML page is searched: the language and the REST
// link are in the first lines of every WordPress page.
const pageHead = 64 << 10

var (
	htmlLangRe  = regexp.MustCompile(`(?is)<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)`)
	restLinkRe  = regexp.MustCompile(`(?is)<link\b[^>]*?\brel\s*=\s*["']https://api\.w\.org/["'][^>]*>`)
	hrefRe      = regexp.MustCompile(`(?is)\bhref\s*=\s*["']([^"']+)["']`)
	viaCacheRe  = regexp.MustCompile(`(?i)\b(varnish|squid|cache|trafficserver|ats)\b`)
	cacheHeader = []string{"X-Cache", "X-Cache-Status", "Cf-Cache-Status", "X-Proxy-Cache",
		"X-Varnish-Cache", "X-Litespeed-Cache", "X-Srcache-Fetch-Status", "X-Fastcgi-Cache"}
)

// readPage finds what WordPress prints at the top of every page: the site language
// (language_attributes() in <html lang="de-DE">) and the REST root
// (<link rel="https://api.w.org/" href="…">).
func readPage(body []byte) (lang, restLink string) {
	head := body[:min(len(body), pageHead)]
	if m := htmlLangRe.FindSubmatch(head); m != nil {
		lang = string(m[1])
	}
	if tag := restLinkRe.Find(head); tag != nil {
		if m := hrefRe.FindSubmatch(tag); m != nil {
			restLink = strings.TrimSpace(string(m[1]))
		}
	}
	return lang, restLink
}

// fromCache reports an answer a cache served instead of the site: Age above 0, a
// cache status header saying it was served from the cache (HIT, STALE, UPDATING,
// REVALIDATED), or a Via header naming a cache when nothing says it missed
// (Varnish and Squid add Via to misses too, with Age: 0 or X-Cache: MISS).
func fromCache(h http.Header) bool {
	if age, err := strconv.Atoi(strings.TrimSpace(h.Get("Age"))); err == nil && age > 0 {
		return true
	}
	missed := h.Get("Age") != ""
	for _, name := range cacheHeader {
		v := strings.ToUpper(h.Get(name))
		switch {
		case v == "":
		case strings.Contains(v, "HIT") || strings.Contains(v, "STALE") ||
			strings.Contains(v, "UPDATING") || strings.Contains(v, "REVALIDATED"):
			return true
		default:
			missed = true // MISS, BYPASS, DYNAMIC, EXPIRED, PASS: fetched from the site
		}
	}
	return !missed && viaCacheRe.MatchString(h.Get("Via"))
}

// isMaintenance recognises WordPress's maintenance mode (wp_maintenance during an
// update): 503 with a Retry-After and wp_die's error page, whose text is
// translated but whose markup is not. A bare 503 (nginx's own page, a host's
// "service unavailable") is not it.
func isMaintenance(a Answer, h http.Header, body []byte) bool {
	if a.Status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || a.JSON {
		return false
	}
	head := body[:min(len(body), pageHead)]
	return bytes.Contains(head, []byte(`id="error-page"`)) ||
		bytes.Contains(head, []byte("Briefly unavailable for scheduled maintenance"))
}

// isChallengePage spots bot-challenge interstitials by their markers.
func isChallengePage(body []byte) bool {
	if len(body) == 0 || body[0] == '{' {
		return false
	}
	head := body
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	return bytes.Contains(head, []byte("challenge-platform")) || bytes.Contains(head, []byte("cf-chl")) ||
		bytes.Contains(head, []byte("<title>Just a moment...</title>"))
}

// restLink finds the REST root in a Link header: <…>; rel="https://api.w.org/".
func restLink(h http.Header) string {
	for _, v := range h.Values("Link") {
		for _, part := range strings.Split(v, ",") {
			if !strings.Contains(part, `rel="https://api.w.org/"`) {
				continue
			}
			if i, j := strings.Index(part, "<"), strings.Index(part, ">"); i >= 0 && j > i {
				return strings.TrimSpace(part[i+1 : j])
			}
		}
	}
	return ""
}

// retryAfter reads Retry-After as seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
