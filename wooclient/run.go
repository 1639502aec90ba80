package wooclient

import (
	"context"
	"sync"
	"time"
)

// run is one diagnosis: its deadline, its checklist, its findings and
// the secrets to keep out of every string it produces.
type run struct {
	c       *Client
	ctx     context.Context
	obs     Observer
	start   time.Time
	secrets []string

	// bust is this run's cache-busting value, sent with every key request.
	bust string

	mu     sync.Mutex
	offset time.Duration
	// answered records an answer from the site that was neither throttled
	// nor a server error: after one, 503s in a level are read as a limit on
	// bursts, not as a site that is down.
	answered bool
	checks   []CheckResult
	findings []Finding
	requests int
	levels   int
}

func (c *Client) newRun(ctx context.Context, obs Observer, ids []CheckID, secrets ...string) (*run, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Deadline)
	r := &run{c: c, ctx: ctx, obs: obs, start: time.Now(), secrets: secrets, bust: randomHex(8)}
	for _, id := range ids {
		r.checks = append(r.checks, CheckResult{ID: id, State: StatePending})
	}
	return r, cancel
}

// set records a checklist verdict and tells the observer at once, so the
// wizard's checklist fills in as answers arrive.
func (r *run) set(id CheckID, s State, detail Text) {
	detail = detail.MapStrings(r.redact)
	res := CheckResult{ID: id, State: s, Detail: detail.String(), Text: detail}
	r.mu.Lock()
	found := false
	for i := range r.checks {
		if r.checks[i].ID == id {
			r.checks[i], found = res, true
		}
	}
	if !found {
		r.checks = append(r.checks, res)
	}
	r.mu.Unlock()
	if r.obs != nil {
		r.obs(res)
	}
}

// hasCheck reports whether the run's checklist has the line id.
func (r *run) hasCheck(id CheckID) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.checks {
		if c.ID == id {
			return true
		}
	}
	return false
}

// state returns a check's current state.
func (r *run) state(id CheckID) State {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.checks {
		if c.ID == id {
			return c.State
		}
	}
	return StatePending
}

// add records findings, once per cause: the first occurrence carries the
// evidence that proved it.
func (r *run) add(fs ...Finding) {
	r.mu.Lock()
	defer r.mu.Unlock()
next:
	for _, f := range fs {
		for _, have := range r.findings {
			if have.Cause == f.Cause {
				continue next
			}
		}
		r.findings = append(r.findings, r.redactFinding(f))
	}
}

// drop removes findings of the given causes, for verdicts a later answer
// overturns (a REST block that the key gets past).
func (r *run) drop(causes ...Cause) {
	r.mu.Lock()
	defer r.mu.Unlock()
	kept := r.findings[:0]
	for _, f := range r.findings {
		keep := true
		for _, c := range causes {
			if f.Cause == c {
				keep = false
			}
		}
		if keep {
			kept = append(kept, f)
		}
	}
	r.findings = kept
}

// soften turns findings of the given causes into information: anonymous
// blocks that the key got past no longer stand in the way.
func (r *run) soften(causes ...Cause) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, f := range r.findings {
		for _, c := range causes {
			if f.Cause == c {
				r.findings[i].Severity = SeverityInfo
			}
		}
	}
}

// has reports whether a finding of cause c was recorded.
func (r *run) has(c Cause) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.findings {
		if f.Cause == c {
			return true
		}
	}
	return false
}

// report freezes the run into a Report. Checks still pending are marked
// skipped: the diagnosis stopped before them.
func (r *run) report(store Store, key *KeyStatus) *Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{Store: store, Key: key, Requests: r.requests, Levels: r.levels, Elapsed: time.Since(r.start)}
	for _, c := range r.checks {
		if !c.State.Done() {
			c.State = StateSkipped
		}
		rep.Checks = append(rep.Checks, c)
	}
	rep.Findings = append([]Finding(nil), r.findings...)
	if id := rep.unproven(); id != "" && len(rep.Blockers()) == 0 {
		// Every unproven check should come with the finding that explains
		// it; if one ever does not, the report still must not say it works.
		rep.Findings = append(rep.Findings, NewFinding(CauseIncomplete, "").With(
			say("incomplete.check", Args{"Check": Text{ID: id.TextID()}})))
	}
	sortFindings(rep.Findings)
	return rep
}

func (r *run) redact(s string) string { return Redact(s, r.secrets...) }

func (r *run) redactFinding(f Finding) Finding {
	f.DetailText = f.DetailText.MapStrings(r.redact)
	f.Detail = r.redact(f.Detail)
	ev := make([]Evidence, len(f.Evidence))
	for i, e := range f.Evidence {
		e.Request, e.Message, e.Note = r.redact(e.Request), r.redact(e.Message), r.redact(e.Note)
		e.NoteText = e.NoteText.MapStrings(r.redact)
		ev[i] = e
	}
	f.Evidence = ev
	return f
}
