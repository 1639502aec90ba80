package wooclient

// The causes the tool can report. Each has one entry in the catalogue.
const (
	// Address and network.
	CauseInvalidURL  Cause = "invalid-url"
	CauseDNS         Cause = "dns"
	CauseRefused     Cause = "refused"
	CauseTimeout     Cause = "timeout"
	CauseReset       Cause = "reset"
	CauseUnreachable Cause = "unreachable"
	CauseOffline     Cause = "offline"
	CauseTLSUntrust  Cause = "tls-untrusted"
	CauseTLSExpired  Cause = "tls-expired"
	CauseTLSHostname Cause = "tls-hostname"
	CauseTLSOther    Cause = "tls-error"

	// The site.
	CauseServerError      Cause = "server-error"
	CauseNotWordPress     Cause = "not-wordpress"
	CauseRESTBlocked      Cause = "rest-blocked"
	CauseWAFBlocked       Cause = "waf-blocked"
	CauseBotChallenge     Cause = "bot-challenge"
	CauseSitePassword     Cause = "site-password"
	CauseWooMissing       Cause = "woocommerce-missing"
	CausePlainPermalinks  Cause = "plain-permalinks"
	CauseHTTPSNotDetected Cause = "https-not-detected"
	CauseInsecureHTTP     Cause = "insecure-http"
	CauseRedirected       Cause = "redirected"
	CauseRedirectLoop     Cause = "redirect-loop"
	CauseWCPOSMissing     Cause = "wcpos-plugin-missing"
	CauseAdminUnreachable Cause = "admin-unreachable"
	CauseRateLimited      Cause = "rate-limited"
	CauseMalformedJSON    Cause = "malformed-json"
	CauseTooLarge         Cause = "response-too-large"
	CauseUnexpected       Cause = "unexpected-answer"
	CauseRESTNotFound     Cause = "rest-api-not-found"
	CauseRewriteRules     Cause = "rewrite-rules-missing"
	CauseRESTCached       Cause = "rest-cached"
	CauseMaintenance      Cause = "maintenance"
	CauseStoreMoved       Cause = "store-moved"
	CauseIncomplete       Cause = "check-incomplete"

	// The keys as typed.
	CauseKeyMalformed    Cause = "key-malformed"
	CauseSecretMalformed Cause = "secret-malformed"
	CauseKeysSwapped     Cause = "keys-swapped"
	CauseNotAKey         Cause = "not-a-key"

	// The keys as the store sees them.
	CauseUnknownKey         Cause = "unknown-key"
	CauseWrongPair          Cause = "wrong-pair"
	CauseAuthHeaderStripped Cause = "auth-header-stripped"
	CauseAuthPlugin         Cause = "auth-plugin-conflict"
	CauseCredentialsLost    Cause = "credentials-lost"
	CauseClockSkew          Cause = "clock-skew"
	CauseReadOnly           Cause = "read-only"
	CauseWriteOnly          Cause = "write-only"
	CauseUserCapability     Cause = "user-lacks-capability"
	CauseWriteUnproven      Cause = "write-unproven"
	CauseProbeRouteExists   Cause = "probe-route-exists"
)
