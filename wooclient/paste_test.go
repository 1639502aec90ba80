package wooclient

import (
	"strings"
	"testing"
)

func TestParsePaste(t *testing.T) {
	tests := []struct {
		name, in    string
		key, secret string
	}{
		{"qr text", testKey + "|" + testSecret, testKey, testSecret},
		{"qr text reversed", testSecret + "|" + testKey, testKey, testSecret},
		{"spaces", testKey + "  " + testSecret, testKey, testSecret},
		{"comma", testKey + ", " + testSecret, testKey, testSecret},
		{"semicolon", testKey + ";" + testSecret, testKey, testSecret},
		{"tab", testKey + "\t" + testSecret, testKey, testSecret},
		{"two lines crlf", testKey + "\r\n" + testSecret + "\r\n", testKey, testSecret},
		{"wp admin copy", "Consumer key\n" + testKey + "\nConsumer secret\n" + testSecret + "\n", testKey, testSecret},
		{"labelled lines", "Consumer key: " + testKey + "\r\nConsumer secret: " + testSecret, testKey, testSecret},
		{"json", `{"consumer_key":"` + testKey + `","consumer_secret":"` + testSecret + `"}`, testKey, testSecret},
		{"json pretty", "{\n  \"key_id\": 4,\n  \"consumer_key\": \"" + testKey + "\",\n  \"consumer_secret\": \"" + testSecret + "\"\n}", testKey, testSecret},
		{"escaped json", `{\"consumer_key\":\"` + testKey + `\",\"consumer_secret\":\"` + testSecret + `\"}`, testKey, testSecret},
		{"url query", "https://shop.example/wp-json/wc/v3/orders?consumer_key=" + testKey + "&consumer_secret=" + testSecret, testKey, testSecret},
		{"junk around", "\ufeff\u200b“" + testKey + "”\u200b | '" + testSecret + "'\u200d", testKey, testSecret},
		{"zero-width inside", "ck_0123\u200b456789abcdef0123456789abcdef01234567|" + testSecret, testKey, testSecret},
		{"scanner without separator", testKey + testSecret, testKey, testSecret},
		{"sentence", "Your key is " + testKey + ".", testKey, ""},
		{"key only", testKey, testKey, ""},
		{"secret only", "\n" + testSecret + "\n", "", testSecret},
		{"upper-case kept for the check", strings.ToUpper(testKey), strings.ToUpper(testKey), ""},
		{"malformed kept for the check", "ck_abc|cs_def", "ck_abc", "cs_def"},
		{"first well-formed wins", "e.g. ck_xxxx, then " + testKey, testKey, ""},
		{"nothing", "hello world", "", ""},
		{"word ending in ck_", "truck_parts sick_days", "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		key, secret, found := ParsePaste(tt.in)
		if key != tt.key || secret != tt.secret || found != (tt.key != "" || tt.secret != "") {
			t.Errorf("%s: ParsePaste(%q) = %q, %q, %v; want %q, %q", tt.name, tt.in, key, secret, found, tt.key, tt.secret)
		}
	}
}

// causes lists the causes of findings, in order, for compact comparison.
func causes(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Cause)+":"+f.Detail)
	}
	return strings.Join(out, " | ")
}

func TestParseCredentials(t *testing.T) {
	const appPassword = "abcd EFGH ijkl MNOP qrst UVWX"
	tests := []struct {
		name, keyField, secretField string
		key, secret                 string
		swapped, ok                 bool
		findings                    string
	}{
		{"both right", " " + testKey + "\n", testSecret, testKey, testSecret, false, true, ""},
		{"swapped", testSecret, testKey, testKey, testSecret, true, true, "keys-swapped:"},
		{"secret in key field alone", testSecret, "", "", testSecret, true, false,
			"keys-swapped: | key-malformed:Paste or type the consumer key."},
		{"scan in key field", testKey + "|" + testSecret, "", testKey, testSecret, false, true, ""},
		{"scan in secret field", "", testKey + "|" + testSecret, testKey, testSecret, false, true, ""},
		{"scan replaces stale value", "ck_old", testKey + "|" + testSecret, testKey, testSecret, false, true, ""},
		{"two lines pasted in key field", "Consumer key\n" + testKey + "\nConsumer secret\n" + testSecret, "", testKey, testSecret, false, true, ""},
		{"same value twice", testKey, testKey, testKey, testKey, false, false, "secret-malformed:The secret is the same as the key."},
		{"same body twice", testKey, "cs_" + testKey[3:], testKey, "cs_" + testKey[3:], false, false, "secret-malformed:The secret is the same as the key."},
		{"same secret twice", testSecret, testSecret, testSecret, testSecret, false, false,
			"key-malformed:Starts with cs_: that is the secret. | secret-malformed:The secret is the same as the key."},
		{"app password as secret", testKey, appPassword, testKey, appPassword, false, false, "not-a-key:An application password, not a key."},
		{"user name and password", "admin", appPassword, "admin", appPassword, false, false,
			"not-a-key:Looks like a user name, not a key. | not-a-key:An application password, not a key."},
		{"both empty", "", " ", "", "", false, false,
			"key-malformed:Paste or type the consumer key. | secret-malformed:Paste or type the consumer secret."},
		{"typo in key", withRune(testKey, 12, "G"), testSecret, withRune(testKey, 12, "G"), testSecret, false, false,
			"key-malformed:Character 12 is “G”: keys use only 0–9 and a–f."},
		{"secret with newline inside", testKey, testSecret[:20] + "\n" + testSecret[20:], testKey, testSecret[:20] + "\n" + testSecret[20:], false, false,
			"secret-malformed:Line break at character 21: remove it."},
	}
	for _, tt := range tests {
		p := ParseCredentials(tt.keyField, tt.secretField)
		if p.Key != tt.key || p.Secret != tt.secret || p.Swapped != tt.swapped || p.OK != tt.ok {
			t.Errorf("%s: got Key %q Secret %q Swapped %v OK %v; want %q %q %v %v",
				tt.name, p.Key, p.Secret, p.Swapped, p.OK, tt.key, tt.secret, tt.swapped, tt.ok)
		}
		if got := causes(p.Findings); got != tt.findings {
			t.Errorf("%s: findings %q; want %q", tt.name, got, tt.findings)
		}
		wantCreds := Credentials{}
		if tt.ok {
			wantCreds = Credentials{Key: tt.key, Secret: tt.secret}
		}
		if p.Credentials != wantCreds {
			t.Errorf("%s: Credentials %v; want %v", tt.name, p.Credentials, wantCreds)
		}
		problems := 0
		for _, fp := range []*FieldProblem{p.KeyProblem, p.SecretProblem} {
			if fp != nil {
				problems++
			}
		}
		if blockers := len(p.Findings) - map[bool]int{true: 1}[p.Swapped]; blockers != problems {
			t.Errorf("%s: %d problems but %d blocker findings", tt.name, problems, blockers)
		}
	}
}

func TestParseCredentialsFindings(t *testing.T) {
	p := ParseCredentials(testSecret, testKey)
	if len(p.Findings) != 1 || p.Findings[0].Severity != SeverityInfo || p.Findings[0].Title == "" {
		t.Fatalf("swap findings = %+v", p.Findings)
	}
	p = ParseCredentials(testKey, testKey)
	f := p.Findings[0]
	if f.Code != "API02006" || f.Severity != SeverityBlocker || p.SecretProblem == nil || p.SecretProblem.Cause != CauseSecretMalformed {
		t.Errorf("same-value finding = %+v, problem %+v", f, p.SecretProblem)
	}
	p = ParseCredentials(testKey, "abcd EFGH ijkl MNOP qrst UVWX")
	if f := p.Findings[0]; f.Code != "API02001" || f.Cause != CauseNotAKey || p.SecretProblem.Cause != CauseNotAKey {
		t.Errorf("app password finding = %+v", f)
	}
}
