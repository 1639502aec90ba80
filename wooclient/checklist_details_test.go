package wooclient

import "testing"

// TestAdminPageStates: the admin page check as the README's checklist
// describes it: a redirect to the login page is healthy, another redirect
// or a 200 answers, a 404 means the admin is not where WordPress should
// have it, anything else is named by its status.
func TestAdminPageStates(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer Answer
		state  State
		text   string
	}{
		{"login redirect", Answer{Status: 302, Verdict: VerdictRedirect, Location: "https://s.example/wp-login.php?redirect_to=x"}, StateOK, "admin.login"},
		{"other redirect", Answer{Status: 302, Verdict: VerdictRedirect, Location: "https://s.example/my-login/"}, StateOK, "admin.redirects"},
		{"200", Answer{Status: 200, Verdict: VerdictHTML}, StateOK, "admin.answers"},
		{"404", Answer{Status: 404, Verdict: VerdictNotFound}, StateWarn, "admin.not-found"},
		{"500", Answer{Status: 500, Verdict: VerdictServerError}, StateWarn, "admin.status"},
	} {
		state, text := adminState(result{answer: tc.answer})
		if state != tc.state || text.ID != tc.text {
			t.Errorf("%s: %v %q, want %v %q", tc.name, state, text.ID, tc.state, tc.text)
		}
	}
}

// TestAcceptedDetailNamesTheTransport: the "key accepted" line names the
// way the key got in, each transport its own sentence.
func TestAcceptedDetailNamesTheTransport(t *testing.T) {
	for _, tc := range []struct {
		v    via
		want string
	}{
		{via{transport: TransportBasic}, "key.via-basic"},
		{via{transport: TransportQuery}, "key.via-query"},
		{via{transport: TransportOAuth1}, "key.via-oauth"},
		{via{transport: TransportOAuth1, signHTTP: true}, "key.via-sign-http"},
		{via{transport: TransportOAuth1, marker: true}, "key.via-marker"},
	} {
		if got := acceptedDetail(tc.v).ID; got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestPlainAnswer: /wp-json/ on a Plain-permalinks site is the front page,
// a 404 page or WordPress's trailing-slash redirect; a REST answer (JSON),
// an unexpected status or a redirect that carries JSON is not.
func TestPlainAnswer(t *testing.T) {
	for _, tc := range []struct {
		a    Answer
		want bool
	}{
		{Answer{Verdict: VerdictHTML}, true},
		{Answer{Verdict: VerdictNotFound}, true},
		{Answer{Verdict: VerdictRedirect}, true},
		{Answer{Verdict: VerdictRedirect, JSON: true}, false},
		{Answer{Verdict: VerdictOK, JSON: true}, false},
		{Answer{Verdict: VerdictUnexpected}, false},
		{Answer{Verdict: VerdictServerError}, false},
	} {
		if got := isPlainAnswer(tc.a); got != tc.want {
			t.Errorf("%v (JSON %v): %v, want %v", tc.a.Verdict, tc.a.JSON, got, tc.want)
		}
	}
}
