package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	c, err := Parse([]byte(`
dialect: [postgres, MariaDB, sqlite3, pg]
exclude:
  - tables: ["legacy_*"]
    rules: [SL005]
rules:
  - id: SL006
    severity: warning
    options: {columns: [app_id]}
  - id: sl008
    enabled: false
`), "test.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Dialects(), []string{"pg", "mysql", "sqlite"}) {
		t.Errorf("dialects %v", c.Dialects())
	}
	if r := c.Rule("SL008"); r == nil || r.Enabled == nil || *r.Enabled {
		t.Errorf("SL008 not disabled: %+v", r)
	}
	if r := c.Rule("SL006"); r.Severity != Warning {
		t.Errorf("SL006 severity %q", r.Severity)
	}
	var opts struct {
		Columns []string `yaml:"columns"`
	}
	if err := c.Rule("SL006").DecodeOptions("test.yml", &opts); err != nil || !slices.Equal(opts.Columns, []string{"app_id"}) {
		t.Errorf("options %v, %v", opts, err)
	}
	if !c.Excluded("SL005", "legacy_users", "") || c.Excluded("SL004", "legacy_users", "") || c.Excluded("SL005", "users", "") {
		t.Error("exclusions do not match as configured")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"dialects: postgres", `test.yml: line 1: unknown key "dialects" (did you mean "dialect"?)`},
		// The key's own line, not the document's first.
		{"# schemalint\nrules: []\ndialects: postgres", `test.yml: line 3: unknown key "dialects" (did you mean "dialect"?)`},
		{"rules:\n  - id: SL001\nexlude: []", `line 3: unknown key "exlude" (did you mean "exclude"?)`},
		{"zzz: 1", `line 1: unknown key "zzz" (known: dialect, exclude, rules, drift, models, foreign_keys, baseline)`},
		{"drift:\n  basline: b.json", `line 2: unknown key "basline" (did you mean "baseline"?)`},
		{"dialect: pg\nrules:\n  - severity: error", `line 3: rules[0] has no id`},
		{"dialect: oracle", `unknown dialect "oracle"`},
		{"rules:\n  - id: SL001\n    severity: fatal", `unknown severity "fatal"`},
		{"rules:\n  - severity: error", `rules[0] has no id`},
		{"rules:\n  - id: SL001\n    colour: red", `line 3: unknown key "colour"`},
		{"exclude:\n  - table: [x]", `line 2: unknown key "table"`},
		{"dialect: {a: b}", `dialect must be a name or a list`},
		{"rules:\n  - id: SL001\n    severity: [error]", `line 3: a severity is one word (error, warning or info), not a list`},
		{"dialect: pg\n---\ndialect: mysql\n", `line 2: a second YAML document`},
		{"foreign_keys:\n  - column: \"[\"\n    references: users", `foreign_keys[0]: column "[" is not a glob of column names`},
		{"foreign_keys:\n  - column: parent_id", `foreign_keys[0]: references is empty: give a table, self or none`},
		{"models:\n  taged: true", `line 2: unknown key "taged"`},
	} {
		_, err := Parse([]byte(tc.yaml), "test.yml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

func TestDecodeOptionsUnknownKeyLine(t *testing.T) {
	c, err := Parse([]byte("rules:\n  - id: SL005\n    options:\n      require: true\n      nested: {a: 1}\n"), "f.yml")
	if err != nil {
		t.Fatal(err)
	}
	var opts struct {
		Require bool `yaml:"require"`
	}
	err = c.Rule("SL005").DecodeOptions("f.yml", &opts)
	if err == nil || !strings.Contains(err.Error(), `f.yml: options of rule SL005: line 5: unknown key "nested" (known: require)`) {
		t.Errorf("error %v", err)
	}
}

func TestFromSettings(t *testing.T) {
	// golangci-lint hands settings over as decoded YAML with lower-cased
	// map keys; rule IDs are values, so they survive.
	c, err := FromSettings(map[string]any{
		"dialect": "mysql",
		"rules":   []any{map[string]any{"id": "SL006", "options": map[string]any{"columns": []any{"tenant_id"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Dialects(), []string{"mysql"}) || c.Rule("SL006") == nil {
		t.Errorf("settings decoded as %+v", c)
	}
	// golangci-lint's settings block is re-marshalled here, so its line
	// numbers would count from the block, not the file: errors name the key
	// path instead, never a misleading line.
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"dialekt": "mysql"}, `golangci-lint settings of schemalint: dialekt: unknown key "dialekt" (did you mean "dialect"?)`},
		{map[string]any{"dialect": "pg", "rules": []any{map[string]any{"id": "SL001"}, map[string]any{"id": "SL002", "severity": "fatal"}}},
			`rules[1].severity: unknown severity "fatal"`},
		{map[string]any{"drift": map[string]any{"timeout": "soon"}}, `drift.timeout: "soon" is not a positive duration`},
		{map[string]any{"exclude": []any{map[string]any{"tables": []any{"x"}, "rulez": []any{"SL001"}}}}, `exclude[0].rulez: unknown key "rulez" (did you mean "rules"?)`},
		{map[string]any{"rules": []any{map[string]any{"severity": "error"}}}, `golangci-lint settings of schemalint: rules[0] has no id`},
	} {
		_, err := FromSettings(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "line ") {
			t.Errorf("settings %v: error %v, want %q and no line number", tc.settings, err, tc.want)
		}
	}
	c, err = FromSettings(map[string]any{"rules": []any{map[string]any{"id": "SL005", "options": map[string]any{"a": map[string]any{"requre": true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	var opts struct {
		A struct {
			Require bool `yaml:"require"`
		} `yaml:"a"`
	}
	err = c.Rule("SL005").DecodeOptions(c.Source, &opts)
	if err == nil || !strings.Contains(err.Error(), `options of rule SL005: rules[0].options.a.requre: unknown key "requre" (did you mean "require"?)`) {
		t.Errorf("options error %v", err)
	}
	if got := c.At("rules", 0, "id"); got != "rules[0].id" {
		t.Errorf("At in settings = %q", got)
	}
}

func TestAtNamesLines(t *testing.T) {
	c, err := Parse([]byte("dialect: pg\nrules:\n  - id: SL001\n  - id: SL999\nexclude:\n  - rules: [SL005, SL888]\n"), "f.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path []any
		want string
	}{
		{[]any{"rules", 1, "id"}, "line 4"},
		{[]any{"exclude", 0, "rules", 1}, "line 6"},
		{[]any{"models"}, "line 1"}, // absent: the closest enclosing node
	} {
		if got := c.At(tc.path...); got != tc.want {
			t.Errorf("At(%v) = %q, want %q", tc.path, got, tc.want)
		}
	}
	if got := (&Config{}).At("rules", 0); got != "rules[0]" {
		t.Errorf("At without a file = %q", got)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil || got != filepath.Join(root, "a", FileName) {
		t.Errorf("Find = %q, %v", got, err)
	}
	if c, err := Load(got); err != nil || len(c.Dialects()) != 1 || c.Dialects()[0] != "pg" {
		t.Errorf("empty file: %+v, %v (want the defaults)", c, err)
	}
}

// A configuration path that is not a regular file is an error, never
// skipped, read without bound or waited on.
func TestFindAndLoadRefuseOddFiles(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(root); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("a directory named %s: Find error %v", FileName, err)
	}
	zero := filepath.Join(t.TempDir(), FileName)
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(zero); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a symlink to /dev/zero: Load error %v", err)
	}
	big := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", 17<<20)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "is larger than 16 MiB") {
		t.Errorf("a 17 MiB configuration: Load error %v", err)
	}
}

func TestParseDrift(t *testing.T) {
	c, err := Parse([]byte(`
drift:
  models: [./models/...]
  migrations: [./migrations]
  schema: app
  exclude: ["legacy_*"]
  dsn_env: DATABASE_URL
  dev_url_env: DRIFT_DEV_URL
  fail_on: error
  timeout: 45s
  relation_fks: true
  baseline: drift-baseline.json
`), "test.yml")
	if err != nil {
		t.Fatal(err)
	}
	d := c.Drift
	if !slices.Equal(d.Models, []string{"./models/..."}) || !slices.Equal(d.Migrations, []string{"./migrations"}) ||
		d.Schema != "app" || !slices.Equal(d.Exclude, []string{"legacy_*"}) || d.DSNEnv != "DATABASE_URL" ||
		d.DevURLEnv != "DRIFT_DEV_URL" || d.FailOn != Error || time.Duration(d.Timeout) != 45*time.Second ||
		!d.RelationFKs || d.Baseline != "drift-baseline.json" {
		t.Errorf("drift settings %+v", d)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"drift:\n  timeout: soon", `line 2: "soon" is not a positive duration`},
		{"drift:\n  timeout: -1s", `line 2: "-1s" is not a positive duration`},
		{"drift:\n  fail_on: fatal", `unknown severity "fatal"`},
		{"drift:\n  dsn: postgres://u:p@h/db", `line 2: unknown key "dsn"`},
	} {
		_, err := Parse([]byte(tc.yaml), "test.yml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
