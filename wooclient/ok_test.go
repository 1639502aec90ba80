package wooclient

import (
	"context"
	"testing"
)

// TestOKNeedsEveryProof holds Report.OK to its meaning on hand-made reports:
// no blocker is not enough when a check the verdict rests on did not pass or
// the key lacks a proof; the WCPOS plugin and the admin page do not count.
func TestOKNeedsEveryProof(t *testing.T) {
	full := &KeyStatus{Authenticated: true, Read: true, Write: true, Orders: true, Products: true}
	passed := func(ids ...CheckID) []CheckResult {
		var out []CheckResult
		for _, id := range ids {
			out = append(out, CheckResult{ID: id, State: StateOK})
		}
		return out
	}
	all := append(append([]CheckID(nil), StoreChecks...), KeyChecks...)
	tests := []struct {
		name string
		rep  Report
		want bool
	}{
		{"everything proved", Report{Checks: passed(all...), Key: full}, true},
		{"store only, no key", Report{Checks: passed(StoreChecks...)}, true},
		{"WCPOS and the admin page skipped", Report{Checks: append(passed(CheckReachable, CheckCertificate, CheckWordPress, CheckREST,
			CheckWooCommerce, CheckPermalinks, CheckKeyAccepted, CheckRead, CheckWrite, CheckCapabilities),
			CheckResult{ID: CheckWCPOS, State: StateSkipped}, CheckResult{ID: CheckAdmin, State: StateSkipped}), Key: full}, true},
		{"write skipped", Report{Checks: append(passed(StoreChecks...), CheckResult{ID: CheckWrite, State: StateSkipped}), Key: full}, false},
		{"permalinks pending", Report{Checks: []CheckResult{{ID: CheckPermalinks, State: StatePending}}}, false},
		{"key without write", Report{Checks: passed(all...), Key: &KeyStatus{Authenticated: true, Read: true, Orders: true, Products: true}}, false},
		{"key without orders", Report{Checks: passed(all...), Key: &KeyStatus{Authenticated: true, Read: true, Write: true, Products: true}}, false},
		{"key not accepted", Report{Checks: passed(all...), Key: &KeyStatus{}}, false},
		{"a blocker", Report{Checks: passed(all...), Key: full, Findings: []Finding{NewFinding(CauseReadOnly, "")}}, false},
	}
	for _, tt := range tests {
		if got := tt.rep.OK(); got != tt.want {
			t.Errorf("%s: OK() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestUnprovenReportGetsAFinding: a run that ends with a check unproven and
// no finding saying why reports check-incomplete, so nothing downstream (an
// exit code, the wizard) can read it as working.
func TestUnprovenReportGetsAFinding(t *testing.T) {
	r, cancel := New(Options{}).newRun(context.Background(), nil, KeyChecks)
	defer cancel()
	for _, id := range KeyChecks {
		r.set(id, StateOK, Text{})
	}
	rep := r.report(Store{}, &KeyStatus{Authenticated: true, Read: true, Orders: true, Products: true})
	if !rep.Has(CauseIncomplete) || len(rep.Blockers()) != 1 {
		t.Fatalf("findings %v, want one check-incomplete blocker", rep.Findings)
	}
	if got := rep.Findings[0].Detail; got != "“Write” did not pass, and nothing explains why" {
		t.Errorf("detail %q", got)
	}
	r2, cancel2 := New(Options{}).newRun(context.Background(), nil, KeyChecks)
	defer cancel2()
	r2.add(NewFinding(CauseReadOnly, ""))
	if rep := r2.report(Store{}, &KeyStatus{Authenticated: true}); rep.Has(CauseIncomplete) {
		t.Errorf("a blocker already explains it, yet check-incomplete was added: %v", rep.Findings)
	}
}
