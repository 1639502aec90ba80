package wooclient

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// call is one request of a diagnosis.
type call struct {
	method string
	url    string
	// key is how the key rides on the request (zero for anonymous ones).
	key  via
	auth *Credentials // Basic credentials, sent only over https
	// follow lets discovery follow redirects; ignored when credentials
	// ride on the request.
	follow bool
	// page marks an HTML page whose body may be cut short without harm.
	page bool
	// fresh rebuilds the call for sending it again (a new OAuth nonce and
	// timestamp); nil when the same request can simply be repeated.
	fresh func() call
}

// result is what one call brought back.
type result struct {
	call      call
	answer    Answer
	finalURL  string
	redirects []string
	tls       *tls.ConnectionState
	// throttled marks an answer a burst limit kept refusing after the
	// retries: it is reported as a rate limit, never as a server error.
	throttled bool
	// cause is set when no usable answer came (network, TLS, redirect
	// loop, a body over the cap); detail says exactly what.
	cause  Cause
	detail Text
}

func (res result) ok() bool { return res.cause == "" }

// evidence describes the call and its answer, redacted by the run.
func (res result) evidence() Evidence {
	e := Evidence{Request: res.call.method + " " + res.call.url}
	if v := res.call.key.String(); v != "" {
		e.Request += " (" + v + ")"
	}
	if res.cause != "" {
		e.NoteText = res.detail
		e.Note = e.NoteText.String()
		return e
	}
	e.Status, e.Code, e.Message = res.answer.Status, res.answer.Code, res.answer.Message
	if len(res.redirects) > 0 {
		e.NoteText = say("net.redirected-to", Args{"URL": res.finalURL})
		e.Note = e.NoteText.String()
	}
	return e
}

// all runs one level of calls concurrently (bounded by the client's
// semaphore) and returns their results in order, after retrying, one by
// one, those a burst limit refused (see retryThrottled). A Sequential
// client runs them one by one: the comparison line of the benchmark.
func (r *run) all(calls ...call) []result {
	out := make([]result, len(calls))
	r.mu.Lock()
	if r.c.opts.Sequential {
		r.levels += len(calls)
	} else {
		r.levels++
	}
	r.mu.Unlock()
	if r.c.opts.Sequential || len(calls) == 1 {
		for i, cl := range calls {
			out[i] = r.do(cl)
		}
	} else {
		done := make(chan struct{})
		for i, cl := range calls {
			go func() {
				out[i] = r.do(cl)
				done <- struct{}{}
			}()
		}
		for range calls {
			<-done
		}
	}
	r.retryThrottled(calls, out)
	return out
}

const maxRedirects = 5

// do sends one call, following anonymous redirects by hand when allowed.
func (r *run) do(cl call) result {
	res := result{call: cl, finalURL: cl.url}
	follow := cl.follow && cl.auth == nil && !hasQueryCredentials(cl.url)
	seen := map[string]bool{cl.url: true}
	for {
		r.send(&res, cl.method, res.finalURL, cl)
		if !res.ok() {
			return res
		}
		a := res.answer
		if a.Verdict != VerdictRedirect || !follow {
			return res
		}
		next, err := url.Parse(res.finalURL)
		if err == nil {
			next, err = next.Parse(a.Location)
		}
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return res
		}
		res.redirects = append(res.redirects, next.String())
		if seen[next.String()] || len(res.redirects) > maxRedirects {
			res.cause, res.detail = CauseRedirectLoop, say("net.redirect-loop", Args{"URL": next.String()})
			return res
		}
		seen[next.String()] = true
		res.finalURL = next.String()
	}
}

// send performs one HTTP exchange into res.
func (r *run) send(res *result, method, rawURL string, cl call) {
	ctx, cancel := context.WithTimeout(r.ctx, r.c.opts.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, rawURL, nil)
	if err != nil {
		res.cause, res.detail = CauseInvalidURL, say("net.bad-request", Args{"Error": err.Error()})
		return
	}
	req.Header.Set("User-Agent", r.c.opts.UserAgent)
	req.Header.Set("Accept", "application/json, */*;q=0.1")
	req.Header.Set("Cache-Control", "no-cache")
	if cl.auth != nil && req.URL.Scheme == "https" {
		req.SetBasicAuth(cl.auth.Key, cl.auth.Secret)
	}
	select {
	case r.c.sem <- struct{}{}:
	case <-r.ctx.Done():
		res.cause, res.detail = networkCause(r.ctx.Err(), r.c.opts.HasNetwork)
		return
	}
	defer func() { <-r.c.sem }()
	r.mu.Lock()
	r.requests++
	r.mu.Unlock()
	resp, err := r.c.http.Do(req)
	if err != nil {
		res.cause, res.detail = networkCause(err, r.c.opts.HasNetwork)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.c.opts.MaxBody+1))
	switch {
	case err != nil:
		res.cause, res.detail = networkCause(err, r.c.opts.HasNetwork)
		return
	case int64(len(body)) > r.c.opts.MaxBody && !cl.page:
		res.cause, res.detail = CauseTooLarge, say("net.too-large", Args{"Size": sizeString(r.c.opts.MaxBody)})
		return
	}
	res.tls = resp.TLS
	res.answer = Classify(resp.StatusCode, resp.Header, body, r.c.opts.Now())
}

// hasQueryCredentials reports keys or OAuth parameters in a URL.
func hasQueryCredentials(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return true
	}
	q := u.Query()
	return q.Has("consumer_key") || q.Has("consumer_secret") || q.Has("oauth_consumer_key")
}

func sizeString(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n>>10, 10) + " KiB"
}
