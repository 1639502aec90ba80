package wooclient

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// noIndex explains why no REST index could be read. Blocks that a valid
// key may get past (a plugin that only stops anonymous requests, a WAF or
// a bot challenge) are warnings and leave a REST root to try keys on;
// everything else is a blocker.
func (r *run) noIndex(d discovery, store Store, adv string) Store {
	if d.front.ok() && len(d.front.redirects) > 0 {
		if b := redirectedHome(d.front.finalURL, adv); b != "" && schemeOf(b) == schemeOf(d.base) {
			store.Home = b
		}
	}
	wordpress := adv != ""
	for _, res := range []result{d.wpJSON, d.route, d.front} {
		c, ok := siteProblem(res)
		if !ok {
			continue
		}
		f := NewFinding(c, "").With(problemDetail(c, res), res.evidence())
		r.add(f)
		wordpress = wordpress || c == CauseRESTBlocked
		if f.Severity == SeverityWarning {
			store.RESTRoot = restRootGuess(adv, store.Home)
			store.RESTPrefix = prefixOf(store.RESTRoot)
			r.set(CheckREST, StateWarn, say("rest.trying-key", Args{"Title": c.Title()}))
			r.set(CheckWooCommerce, StateWarn, say("woocommerce.until-key", nil))
		} else {
			r.set(CheckREST, StateFail, c.Title())
		}
		break
	}
	switch {
	case wordpress && !r.state(CheckREST).Done():
		// WordPress answers (it advertises its API), but no REST address
		// gives its JSON: a cache or a rewrite serves pages there.
		r.set(CheckWordPress, StateOK, say("wordpress.answers", nil))
		r.add(NewFinding(CauseRESTNotFound, "").With(say("rest.none-answers", Args{"Base": d.base}),
			d.wpJSON.evidence(), d.route.evidence()))
		r.set(CheckREST, StateFail, say("rest.not-found", nil))
	case wordpress:
		r.set(CheckWordPress, StateOK, say("wordpress.answers", nil))
	case !r.state(CheckREST).Done():
		r.add(NewFinding(CauseNotWordPress, "").With(say("wordpress.no-rest", Args{"Base": d.base}),
			d.wpJSON.evidence(), d.route.evidence()))
		r.set(CheckWordPress, StateFail, say("wordpress.not-found", nil))
	default:
		r.set(CheckWordPress, StateWarn, say("wordpress.unconfirmed", nil))
	}
	return store
}

// siteProblem maps an answer that is not the index to a site-level cause.
func siteProblem(res result) (Cause, bool) {
	if !res.ok() {
		return res.cause, true
	}
	if res.throttled {
		return CauseRateLimited, true
	}
	switch res.answer.Verdict {
	case VerdictMaintenance:
		return CauseMaintenance, true
	case VerdictSitePassword:
		return CauseSitePassword, true
	case VerdictBotChallenge:
		return CauseBotChallenge, true
	case VerdictWAF:
		return CauseWAFBlocked, true
	case VerdictRESTBlocked:
		return CauseRESTBlocked, true
	case VerdictServerError:
		return CauseServerError, true
	case VerdictRateLimited:
		return CauseRateLimited, true
	case VerdictGarbled:
		return CauseMalformedJSON, true
	}
	return "", false
}

// problemDetail says what exactly was seen for a site-level cause.
func problemDetail(c Cause, res result) Text {
	if !res.ok() {
		return res.detail
	}
	a := res.answer
	switch c {
	case CauseServerError:
		if a.Code == "internal_server_error" {
			return say("site.critical", Args{"Status": statusLine(a.Status)})
		}
		return say("site.status", Args{"Status": statusLine(a.Status)})
	case CauseWAFBlocked, CauseSitePassword:
		return say("site.status", Args{"Status": statusLine(a.Status)})
	case CauseMaintenance:
		return say("site.maintenance", Args{"Status": statusLine(a.Status), "Wait": a.RetryAfter.Round(time.Second).String()})
	case CauseRateLimited:
		if a.Status != http.StatusTooManyRequests {
			return say("site.burst", Args{"Status": statusLine(a.Status)})
		}
		if a.RetryAfter > 0 {
			return say("site.rate-wait", Args{"Wait": a.RetryAfter.Round(time.Second).String()})
		}
		return say("site.rate", nil)
	case CauseRESTBlocked:
		return say("site.rest-said", Args{"Code": a.Code, "Message": a.Message})
	case CauseBotChallenge:
		return say("site.bot-page", Args{"Status": statusLine(a.Status)})
	case CauseMalformedJSON:
		return say("site.not-object", nil)
	}
	return Text{}
}

// restRootGuess is where to try keys when the index is hidden: the root
// WordPress advertises if it is pretty, else home's /wp-json/.
func restRootGuess(adv, home string) string {
	if isPretty(adv) && sameHost(adv, home) {
		return withScheme(adv, schemeOf(home))
	}
	return home + "/wp-json/"
}

// clock measures the store's clock against this terminal's from the first
// Date header, and warns when they are more than 15 minutes apart (the
// OAuth limit). The offset is kept to sign with the store's time.
func (r *run) clock(results ...result) time.Duration {
	for _, res := range results {
		if !res.ok() || res.answer.Date.IsZero() {
			continue
		}
		off := res.answer.Date.Sub(r.c.opts.Now())
		if off > 15*time.Minute || off < -15*time.Minute {
			r.add(NewFinding(CauseClockSkew, "").With(skewDetail(off), res.evidence()))
		}
		return off
	}
	return 0
}

func skewDetail(off time.Duration) Text {
	if off < 0 {
		return say("clock.ahead", Args{"Offset": (-off).Round(time.Minute).String()})
	}
	return say("clock.behind", Args{"Offset": off.Round(time.Minute).String()})
}

// redirectedHome is the home a front page's redirect lands in when no index
// names it. WordPress's REST root is its home plus "[index.php/]<prefix>/"
// (rest_url()), so a pretty root advertised on the host landed on gives the
// home with its sub-directory; without one, the origin: the path of a page
// (a language's /en/, a landing page) says nothing about the home.
func redirectedHome(final, adv string) string {
	if isPretty(adv) && sameHost(adv, final) {
		if u, err := url.Parse(withScheme(adv, schemeOf(final))); err == nil {
			p := strings.TrimSuffix(u.Path, "/")
			u.Path = strings.TrimSuffix(p[:max(strings.LastIndexByte(p, '/'), 0)], "/index.php")
			u.RawPath = ""
			return cleanBase(u.String())
		}
	}
	return cleanBase(originOf(final))
}

func originOf(raw string) string {
	if i := strings.Index(raw, "://"); i >= 0 {
		if j := strings.IndexByte(raw[i+3:], '/'); j >= 0 {
			return raw[:i+3+j]
		}
	}
	return raw
}

func statusLine(code int) string {
	return strconv.Itoa(code) + " " + http.StatusText(code)
}
