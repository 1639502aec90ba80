package wooclient_test

import (
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// hostileSlowCases are the hostile behaviours whose job is waiting: a store
// that never answers, one that trickles, and limits the client must wait out
// before it names them. go test -short leaves them out; everything they
// decide is also decided by fast tests except the waiting itself.
func hostileSlowCases() []hostile {
	rateLimited := []string{"rate-limited/blocker"}
	return []hostile{
		{name: "accept then silence", setup: func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) { waitFor(c, 5*time.Second) })
		}, want: []string{"timeout/blocker"}, slow: true},
		{name: "body trickles a byte a second", setup: func(t *testing.T, _ *wooclient.Options) string {
			return rawServer(t, func(c net.Conn) {
				_, _ = c.Read(make([]byte, 4096))
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"))
				for i := 0; i < 5; i++ {
					if _, err := c.Write([]byte("{")); err != nil {
						return
					}
					time.Sleep(time.Second)
				}
			})
		}, want: []string{"timeout/blocker"}, slow: true},
		{name: "429 with Retry-After", setup: fake(everywhere(429, http.Header{"Retry-After": {"1"}}, "")), want: rateLimited,
			detail: "asked to wait 1s", slow: true},
		{name: "429 without Retry-After", setup: fake(everywhere(429, nil, "")), want: rateLimited, slow: true},
	}
}
