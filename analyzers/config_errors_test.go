package analyzers_test

import (
	"strings"
	"testing"

	"github.com/schemalint/schemalint/analyzers"
	"github.com/schemalint/schemalint/analyzers/config"
)

// A rule ID the rules do not know is named with its line and the closest
// known ID, in rules: and in exclude:.
func TestUnknownRuleLineAndSuggestion(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"dialect: pg\nrules:\n  - id: SL005\n  - id: SL999\n    severity: info\n",
			`f.yml: line 4: unknown rule "SL999" (did you mean "SL009"?)`},
		{"rules:\n  - id: soft-delet\n", `f.yml: line 2: unknown rule "soft-delet" (known: SL000, SL001`},
		{"exclude:\n  - tables: [x]\n    rules: [SL005,\n      SL2O1]\n", `f.yml: line 4: exclude names unknown rule "SL2O1" (did you mean "SL201"?)`},
	} {
		cfg, err := config.Parse([]byte(tc.yaml), "f.yml")
		if err != nil {
			t.Fatal(err)
		}
		env := analyzers.NewEnv()
		env.Static = cfg
		if _, err := env.ConfigFor(""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
