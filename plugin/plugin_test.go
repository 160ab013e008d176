package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("schemalint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"dialect": "mysql", "rules": []any{map[string]any{"id": "SL008", "enabled": false}}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) < 10 {
		t.Fatalf("analyzers %d, err %v", len(as), err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %s", p.GetLoadMode())
	}
}

func TestBadSettings(t *testing.T) {
	for settings, want := range map[string]any{
		// Key paths, not line numbers counted from the settings block.
		`dialekt: unknown key "dialekt" (did you mean "dialect"?)`:                map[string]any{"dialekt": "mysql"},
		`rules[1].id: unknown rule "SL999" (did you mean "SL009"?)`:               map[string]any{"rules": []any{map[string]any{"id": "SL001"}, map[string]any{"id": "SL999"}}},
		`rules[0].options.requre: unknown key "requre" (did you mean "require"?)`: map[string]any{"rules": []any{map[string]any{"id": "SL005", "options": map[string]any{"requre": true}}}},
		`dialect: unknown dialect "db2"`:                                          map[string]any{"dialect": "db2"},
		`exclude[0].rules[0]: exclude names unknown rule "SL0005"`:                map[string]any{"exclude": []any{map[string]any{"rules": []any{"SL0005"}}}},
	} {
		_, err := New(want)
		if err == nil || !strings.Contains(err.Error(), settings) || !strings.HasPrefix(err.Error(), "schemalint: ") || strings.Contains(err.Error(), "line ") {
			t.Errorf("settings %v: error %v, want %q", want, err, settings)
		}
	}
}

func TestNoSettingsReadsFiles(t *testing.T) {
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.(*plugin).env.Static != nil {
		t.Error("no settings should leave configuration to .schemalint.yml files")
	}
}
