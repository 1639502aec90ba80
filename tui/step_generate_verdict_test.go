package tui

import (
	"testing"

	"github.com/wcpos/wcpos-setup/wooclient"
)

// TestAdminProbeInWords: S3's line in the transcript says what the admin
// page check found: not yet checked, answering, not found (a warning), or
// no answer (a failure).
func TestAdminProbeInWords(t *testing.T) {
	hs := scenarios[0].build(t, 80, 24)
	m := hs.m
	for _, tc := range []struct {
		result *wooclient.CheckResult
		want   string
	}{
		{nil, m.tr.T("generate.verdict-unchecked")},
		{&wooclient.CheckResult{State: wooclient.StateOK}, m.tr.T("generate.admin-answers")},
		{&wooclient.CheckResult{State: wooclient.StateWarn}, m.tr.T("generate.verdict-not-found")},
		{&wooclient.CheckResult{State: wooclient.StateFail}, m.tr.T("generate.verdict-no-answer")},
	} {
		m.gen.probe = m.gen.probe.stop()
		m.gen.result = tc.result
		if got := m.probeVerdict(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.result, got, tc.want)
		}
	}
}
