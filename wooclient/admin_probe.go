package wooclient

import (
	"context"
	"net/http"
	"strings"
)

// ProbeAdmin checks, anonymously and without following redirects, that an
// admin page answers before the wizard sends someone there: a redirect to
// the login page is healthy; a 404 means a custom login URL.
func (c *Client) ProbeAdmin(ctx context.Context, pageURL string) CheckResult {
	r, cancel := c.newRun(ctx, nil, []CheckID{CheckAdmin})
	defer cancel()
	defer c.CloseIdle()
	st, detail := adminState(r.do(call{method: "GET", url: pageURL, page: true}))
	detail = detail.MapStrings(r.redact)
	return CheckResult{ID: CheckAdmin, State: st, Detail: detail.String(), Text: detail}
}

// adminPage settles the admin check of discovery. wp-admin lives under the
// WordPress address, which differs from home for WordPress installed in its
// own directory: then the page is asked for again there.
func (r *run) adminPage(store *Store, res result) {
	if store.SiteURL != "" && !strings.HasPrefix(res.call.url, store.SiteURL+"/") {
		res = r.all(call{method: "GET", url: store.SiteURL + "/wp-admin/", page: true})[0]
	}
	st, detail := adminState(res)
	r.set(CheckAdmin, st, detail)
	// Only a store whose REST index answered has a meaningful admin
	// verdict: on a site that answers 5xx or a challenge everywhere, the
	// admin page failing too is not news.
	if st == StateWarn && store.IndexRead {
		r.add(NewFinding(CauseAdminUnreachable, "").With(detail, res.evidence()))
	}
}

// adminState reads the answer to an anonymous admin page request.
func adminState(res result) (State, Text) {
	if !res.ok() {
		return StateWarn, say("admin.no-answer", Args{"Detail": res.detail})
	}
	a := res.answer
	switch {
	case a.Verdict == VerdictRedirect && strings.Contains(a.Location, "wp-login.php"):
		return StateOK, say("admin.login", nil)
	case a.Verdict == VerdictRedirect:
		return StateOK, say("admin.redirects", Args{"URL": a.Location})
	case a.Status == http.StatusOK:
		return StateOK, say("admin.answers", nil)
	case a.Status == http.StatusNotFound:
		return StateWarn, say("admin.not-found", nil)
	}
	return StateWarn, say("admin.status", Args{"Status": http.StatusText(a.Status)})
}
