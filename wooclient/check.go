package wooclient

// CheckID names one line of the checklist the wizard and the check command
// show while a diagnosis runs.
type CheckID string

// The checklist, in display order: the store first, then the key.
const (
	CheckReachable    CheckID = "reachable"
	CheckCertificate  CheckID = "certificate"
	CheckWordPress    CheckID = "wordpress"
	CheckREST         CheckID = "rest-api"
	CheckWooCommerce  CheckID = "woocommerce"
	CheckPermalinks   CheckID = "permalinks"
	CheckWCPOS        CheckID = "wcpos-plugin"
	CheckAdmin        CheckID = "admin-page"
	CheckKeyAccepted  CheckID = "key-accepted"
	CheckRead         CheckID = "read"
	CheckWrite        CheckID = "write"
	CheckCapabilities CheckID = "capabilities"
)

// StoreChecks and KeyChecks are the checklist lines of each stage, in order.
var (
	StoreChecks = []CheckID{CheckReachable, CheckCertificate, CheckWordPress, CheckREST,
		CheckWooCommerce, CheckPermalinks, CheckWCPOS, CheckAdmin}
	KeyChecks = []CheckID{CheckKeyAccepted, CheckRead, CheckWrite, CheckCapabilities}
)

// Label is the checklist wording of a check.
func (id CheckID) Label() string {
	switch id {
	case CheckReachable:
		return "Store reachable"
	case CheckCertificate:
		return "Certificate"
	case CheckWordPress:
		return "WordPress"
	case CheckREST:
		return "REST API"
	case CheckWooCommerce:
		return "WooCommerce"
	case CheckPermalinks:
		return "Permalinks"
	case CheckWCPOS:
		return "WCPOS plugin"
	case CheckAdmin:
		return "Admin page"
	case CheckKeyAccepted:
		return "Key accepted"
	case CheckRead:
		return "Read"
	case CheckWrite:
		return "Write"
	case CheckCapabilities:
		return "User may manage the shop"
	}
	return string(id)
}

// State is where one check stands.
type State string

// The states of a check. Pending checks have not started; Running ones wait
// for the store.
const (
	StatePending State = "pending"
	StateRunning State = "running"
	StateOK      State = "ok"
	StateWarn    State = "warn"
	StateFail    State = "fail"
	StateSkipped State = "skipped"
)

// Done reports whether the check has its verdict.
func (s State) Done() bool {
	return s == StateOK || s == StateWarn || s == StateFail || s == StateSkipped
}

// CheckResult is the verdict of one checklist line.
type CheckResult struct {
	ID     CheckID `json:"id"`
	State  State   `json:"state"`
	Detail string  `json:"detail,omitempty"` // "WooCommerce 10.0.2", "TLS 1.3, valid until …"
	// Text is Detail as a message ID and arguments, for saying it in the
	// user's language; Detail is its English rendering.
	Text Text `json:"-"`
}

// Observer receives checklist updates as answers arrive. It is called from
// the diagnosis goroutines, possibly concurrently; it must not block for
// long. A nil Observer is allowed.
type Observer func(CheckResult)
