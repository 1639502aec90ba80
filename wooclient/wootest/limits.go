package wootest

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// burstState is one limit_req node: the excess in requests and when it was last
// updated; zero until the first limited request.
type burstState struct {
	excess float64
	last   time.Time
	seen   bool
}

// burstLimited is nginx's limit_req with "nodelay" on REST requests (a path holding
// /<prefix>/ or /wp-json/, or a rest_route argument): the first request creates the
// node with no excess; every later one adds one request to an excess that drains at
// Rate per second, and is refused when that would exceed Burst. Refused requests
// leave the excess as it was, as in nginx.
func (s *Store) burstLimited(x *exchange) bool {
	lim := x.cfg.BurstLimit
	if lim.Rate <= 0 || !limitedLocation(x) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	b := &s.burst
	if !b.seen {
		*b = burstState{last: now, seen: true}
		return false
	}
	excess := max(0, b.excess-lim.Rate*now.Sub(b.last).Seconds()) + 1
	if excess > float64(lim.Burst) {
		return true
	}
	b.excess, b.last = excess, now
	return false
}

// limitedLocation is the nginx location the recorded limit_req was set on.
func limitedLocation(x *exchange) bool {
	p := x.r.URL.Path
	_, route := x.get.str("rest_route")
	return route || strings.Contains(p, "/wp-json/") || strings.Contains(p, "/"+x.cfg.RESTPrefix+"/")
}

// cachedAnswer is one answer PageCache stored.
type cachedAnswer struct {
	header http.Header
	body   []byte
	stored time.Time
}

// fromCache is the PageCache layer: a GET it has an answer for is served from the
// cache with Age and X-Cache: HIT (and logged as such); any other GET is answered by
// the layers behind it and, if that was a 200, stored, whatever credentials the
// request carried. It reports whether the request is fully answered.
func (s *Store) fromCache(x *exchange, rec *Request) bool {
	mode := x.cfg.PageCache
	if mode == CacheOff || x.cfg.BotChallenge || x.r.Method != http.MethodGet {
		return false
	}
	key := x.r.URL.Path
	if mode == CacheByURL {
		key = x.uri
	}
	s.mu.Lock()
	hit, found := s.cache[key]
	s.mu.Unlock()
	if found {
		h := x.w.Header()
		maps.Copy(h, hit.header)
		h.Set("Age", strconv.Itoa(max(1, int(time.Since(hit.stored).Seconds()))))
		h.Set("X-Cache", "HIT")
		x.w.WriteHeader(http.StatusOK)
		x.w.Write(hit.body)
		s.mu.Lock()
		rec.FromCache = true
		s.mu.Unlock()
		s.finish(rec, http.StatusOK, false)
		return true
	}
	out := x.w
	buf := httptest.NewRecorder()
	x.w = &statusWriter{ResponseWriter: buf}
	s.dispatch(x)
	if buf.Code == http.StatusOK {
		s.mu.Lock()
		if s.cache == nil {
			s.cache = map[string]cachedAnswer{}
		}
		s.cache[key] = cachedAnswer{header: buf.Header().Clone(), body: buf.Body.Bytes(), stored: time.Now()}
		s.mu.Unlock()
	}
	maps.Copy(out.Header(), buf.Header())
	out.Header().Set("X-Cache", "MISS")
	out.WriteHeader(buf.Code)
	out.Write(buf.Body.Bytes())
	s.finish(rec, buf.Code, x.authenticated)
	return true
}
