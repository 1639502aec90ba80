package wooclient

import (
	"net/http"
	"time"
)

// Hosts and firewalls limit bursts (nginx limit_req, Cloudflare, security
// plugins): of a level sent at once, some requests pass and the rest get 429 or
// a bare 503, often without Retry-After, and the same requests pass a moment
// later. The more the diagnosis asks at once, the more it trips them, so a
// refused request is never a verdict on the store or the key until it has been
// asked again, one at a time, after a pause.
const (
	// firstPause is waited before the first retry when the store names no
	// Retry-After: enough for nginx's usual rates to let a request through.
	firstPause = time.Second
	// retryPasses bounds the passes that get nothing through: the pause
	// doubles after each.
	retryPasses = 3
)

// retryThrottled asks again, sequentially and after a pause, the calls of a
// level a limit refused: every 429, and every 503 that is not WordPress's
// maintenance page once the REST API has answered in this run (in this level or
// an earlier one). A pass stops at the first refusal (the bucket is empty:
// the next ones would be refused too) and waits again; the pause doubles only
// after a pass that got nothing through, and Retry-After is honoured when it
// fits in the deadline. Calls that stay refused are marked throttled, so they
// read as a rate limit; a level of refusals from a store whose REST API never
// answered is tried once more only (a store that is down is not a burst).
func (r *run) retryThrottled(calls []call, out []result) {
	for _, x := range out {
		r.noteAnswer(x)
	}
	pending := r.refused(out)
	pause, idle := firstPause, 0
	for len(pending) > 0 && idle < retryPasses {
		for _, i := range pending {
			pause = max(pause, out[i].answer.RetryAfter)
		}
		if !r.wait(pause) {
			break
		}
		var still []int
		for j, i := range pending {
			cl := calls[i]
			if cl.fresh != nil {
				cl = cl.fresh() // a new nonce: the refused one may have been seen
			}
			r.mu.Lock()
			r.levels++ // a retry waits for the pause and for the one before it
			r.mu.Unlock()
			out[i] = r.do(cl)
			r.noteAnswer(out[i])
			if r.isRefused(out[i]) {
				still = append(still, pending[j:]...)
				break
			}
		}
		if len(still) == len(pending) {
			if !r.restAnswered() {
				break // nothing but refusals from a store that never answered
			}
			idle, pause = idle+1, pause*2
		}
		pending = still
	}
	for _, i := range pending {
		out[i].throttled = true
	}
}

// refused lists the results a limit refused.
func (r *run) refused(out []result) []int {
	var idx []int
	for i, x := range out {
		if r.isRefused(x) {
			idx = append(idx, i)
		}
	}
	return idx
}

// isRefused reports a 429, or a 503 that is not maintenance once the REST API
// has answered: the signs of a burst limit.
func (r *run) isRefused(x result) bool {
	if !x.ok() {
		return false
	}
	switch {
	case x.answer.Verdict == VerdictRateLimited:
		return true
	case x.answer.Verdict == VerdictServerError && x.answer.Status == http.StatusServiceUnavailable:
		return r.restAnswered()
	}
	return false
}

// noteAnswer records that the REST API answered: a JSON answer that is neither
// throttled nor a server error.
func (r *run) noteAnswer(x result) {
	if x.ok() && x.answer.JSON && x.answer.Status < 500 && x.answer.Status != http.StatusTooManyRequests {
		r.mu.Lock()
		r.answered = true
		r.mu.Unlock()
	}
}

func (r *run) restAnswered() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.answered
}

// wait sleeps for d if that leaves time for one more request before the
// deadline, and reports whether it did.
func (r *run) wait(d time.Duration) bool {
	if d <= 0 {
		return true
	}
	if dl, ok := r.ctx.Deadline(); ok && time.Until(dl) < d+r.c.opts.RequestTimeout {
		return false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.ctx.Done():
		return false
	}
}
