package config

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestMaskKeyAndSecret(t *testing.T) {
	key := "ck_0123456789abcdef0123456789abcdef0abc1234"
	secret := "cs_0123456789abcdef0123456789abcdef01234567"
	tests := []struct{ got, want string }{
		{MaskKey(key), "ck_…abc1234"},
		{MaskKey(""), ""},
		{MaskKey(MaskKey(key)), "ck_…abc1234"}, // idempotent, so nested printing keeps the ending
		{MaskKey("ck_short"), "ck_…•••••••"},
		{MaskKey("ck_0123456789abcdef"), "ck_…•••••••"},  // 19 characters: too short to spare seven
		{MaskKey("ck_0123456789abcdef0"), "ck_…abcdef0"}, // 20: the ending shows
		{MaskKey(secret), "cs_…•••••••"},                 // a secret in the key field is still a secret
		{MaskKey("0123456789abcdef0123456789"), "…3456789"},
		{MaskSecret(secret), "cs_…•••••••"},
		{MaskSecret("x"), "cs_…•••••••"}, // same length whatever the input
		{MaskSecret(""), ""},
		{Value{Value: "https://x.example.com/?consumer_secret=" + secret}.String(), "https://x.example.com/?consumer_secret=cs_…•••••••"},
		{Value{Value: "https://docs_ck_x.example.com/"}.String(), "https://docs_ck_x.example.com/"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// leaks reports how out reveals a secret (even a part of it) or a whole
// key, in clear or in the hex that %x would print. A key's last 7
// characters may show: that is the point of the mask.
func leaks(out string, keys, secrets []string) string {
	var forms []string
	for _, k := range keys {
		forms = append(forms, k, k[3:])
	}
	for _, s := range secrets {
		forms = append(forms, s, s[3:], s[3:10], s[len(s)-7:])
	}
	for _, form := range forms {
		for _, f := range []string{form, hex.EncodeToString([]byte(form)), strings.ToUpper(hex.EncodeToString([]byte(form)))} {
			if strings.Contains(out, f) {
				return f
			}
		}
	}
	return ""
}

func TestPrintingNeverRevealsSecretOrFullKey(t *testing.T) {
	p := testProfile("shop")
	env := fakeEnv(map[string]string{EnvConsumerKey: testProfile("env").ConsumerKey, EnvConsumerSecret: testProfile("env").ConsumerSecret})
	keys := []string{p.ConsumerKey, testProfile("env").ConsumerKey}
	secrets := []string{p.ConsumerSecret, testProfile("env").ConsumerSecret}
	file := &File{Version: 1, Profiles: map[string]Profile{DefaultProfile: p}}
	fromFile := Resolve(file, "", "", fakeEnv(nil))
	subjects := map[string]any{
		"Profile":                      p,
		"*Profile":                     &p,
		"File":                         *file,
		"*File":                        file,
		"[]Profile":                    []Profile{p},
		"Effective from file":          fromFile,
		"*Effective":                   &fromFile,
		"Effective from env":           Resolve(file, "", "", env),
		"Effective by hand":            Effective{ConsumerKey: Value{Value: p.ConsumerKey}, ConsumerSecret: Value{Value: "hunter2-" + p.ConsumerSecret[3:]}},
		"secret Value":                 fromFile.ConsumerSecret,
		"key Value":                    fromFile.ConsumerKey,
		"plain Value holding a secret": Value{Value: p.ConsumerSecret, Source: SourceEnvironment},
	}
	for name, subject := range subjects {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%30v", "%T %v"} {
			out := fmt.Sprintf(verb, subject)
			if leak := leaks(out, keys, secrets); leak != "" {
				t.Errorf("%s printed with %s reveals %q:\n%s", name, verb, leak, out)
			}
		}
	}
	// The mask must still identify the key the way WooCommerce does.
	if out := fmt.Sprintf("%v", p); !strings.Contains(out, "ck_…"+p.KeyEnding) || !strings.Contains(out, p.StoreURL) {
		t.Errorf("%%v of a Profile = %s; want the key ending ck_…%s and the store URL", out, p.KeyEnding)
	}
	if out := fmt.Sprintf("%+v", fromFile); strings.Count(out, "ck_…"+p.KeyEnding) != 2 {
		t.Errorf("%%+v of an Effective = %s; want the key ending in both the value and the saved profile", out)
	}
	if out := fmt.Sprintf("%v", fromFile.StoreURL); !strings.Contains(out, p.StoreURL) {
		t.Errorf("%%v of the store URL Value = %s; want the URL shown", out)
	}
}

func TestJSONOutputIsMaskedButTheFileIsNot(t *testing.T) {
	p := testProfile("shop")
	e := Resolve(&File{Version: 1, Profiles: map[string]Profile{DefaultProfile: p}}, "", "", fakeEnv(nil))
	for name, v := range map[string]any{"Effective": e, "Masked profile": p.Masked(), "secret Value": e.ConsumerSecret} {
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if leak := leaks(string(out), []string{p.ConsumerKey}, []string{p.ConsumerSecret}); leak != "" {
			t.Errorf("json of %s reveals %q: %s", name, leak, out)
		}
	}
	out, _ := json.Marshal(e)
	if !strings.Contains(string(out), `"consumer_secret":{"value":"cs_…•••••••","source":"file"}`) {
		t.Errorf("json of Effective = %s; want the masked secret with its source", out)
	}
	// The stored form must keep the real pair, or the till could not connect.
	if stored := string(fileBytes(t, map[string]Profile{"a": p})); !strings.Contains(stored, p.ConsumerSecret) {
		t.Error("the file does not store the secret")
	}
}
