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
	return CheckResult{ID: CheckAdmin, State: st, Detail: detail}
}

// adminPage settles the admin check of discovery. wp-admin lives under the
// WordPress address, which differs from home for WordPress installed in its
// own directory: then the page is asked for again there.
func (r *run) adminPage(store *Store, res result) {
	if store.SiteURL != "" && !strings.HasPrefix(res.call.url, store.SiteURL+"/") {
		res = r.do(call{method: "GET", url: store.SiteURL + "/wp-admin/", page: true})
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
func adminState(res result) (State, string) {
	if !res.ok() {
		return StateWarn, "the admin page did not answer: " + res.detail
	}
	a := res.answer
	switch {
	case a.Verdict == VerdictRedirect && strings.Contains(a.Location, "wp-login.php"):
		return StateOK, "answers with the login page"
	case a.Verdict == VerdictRedirect:
		return StateOK, "redirects to " + a.Location
	case a.Status == http.StatusOK:
		return StateOK, "answers"
	case a.Status == http.StatusNotFound:
		return StateWarn, "wp-admin/ answers 404: probably a custom login URL"
	}
	return StateWarn, "wp-admin/ answers " + http.StatusText(a.Status)
}
