// Package config reads schemalint's configuration: the .schemalint.yml file
// found by walking up from a package's directory, or the settings block of
// the golangci-lint plugin. Both decode into the same Config, strictly: an
// unknown key is an error naming the key and where it was found.
//
//	# .schemalint.yml
//	dialect: postgres            # or a list: [postgres, mysql, sqlite]
//	exclude:                     # findings on matching tables or models are dropped
//	  - tables: ["legacy_*"]
//	    rules: [SL005]           # optional: only these rules
//	  - models: ["*Snapshot"]
//	rules:
//	  - id: SL006
//	    severity: error          # error | warning | info
//	    options:
//	      columns: [app_id, environment_id, organization_id]
//	  - id: SL008
//	    enabled: false
//
// Rules are a list of objects rather than a map keyed by rule ID because
// golangci-lint lower-cases map keys in its settings.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/schemalint/schemalint/internal/boundedread"
	"github.com/schemalint/schemalint/internal/suggest"
)

// FileName is the name of the configuration file.
const FileName = ".schemalint.yml"

// Config is schemalint's configuration.
type Config struct {
	// Dialect lists the SQL dialects the models must work on: "pg",
	// "mysql", "sqlite" (spelled postgres/postgresql/pg, mysql/mariadb,
	// sqlite/sqlite3 in the file). Empty means PostgreSQL.
	Dialect Dialects `yaml:"dialect"`
	// Exclude drops findings on matching tables or models.
	Exclude []Exclusion `yaml:"exclude"`
	// Rules configures rules by ID.
	Rules []Rule `yaml:"rules"`
	// Drift configures schemalint drift.
	Drift Drift `yaml:"drift"`
	// Models configures which structs are models.
	Models Models `yaml:"models"`
	// ForeignKeys declares foreign keys that neither a relation nor the
	// <model>_id naming shows (parent_id, inviter_id), or columns that
	// look like one and are not (device_id holding a fingerprint).
	ForeignKeys []ForeignKeyPattern `yaml:"foreign_keys"`

	// Baseline is the lint baseline file (--baseline), relative to the
	// directory of the configuration file.
	Baseline string `yaml:"baseline"`

	// Source is where the configuration came from: a file path, a
	// description of the plugin settings, or "" for the defaults.
	Source string `yaml:"-"`

	loc *locator
}

// Models configures model discovery. By default a struct is a model when
// it embeds bun.BaseModel or its package uses it as one (Model,
// NewCreateTable, RegisterModel, a relation).
type Models struct {
	// Tagged also counts every struct with bun tags (not only embedded,
	// not stored as JSON): for code whose models are used only from
	// other packages.
	Tagged bool `yaml:"tagged"`
}

// ForeignKeyPattern says what the columns matching Column (a glob, as in
// path.Match) reference: a table name, "self" (the column's own table) or
// "none" (not a foreign key, whatever its name suggests).
type ForeignKeyPattern struct {
	Column     string `yaml:"column"`
	References string `yaml:"references"`
}

// ForeignKeyFor returns what the first pattern matching column says it
// references, or "".
func (c *Config) ForeignKeyFor(column string) string {
	for _, p := range c.ForeignKeys {
		if ok, _ := path.Match(p.Column, column); ok {
			return p.References
		}
	}
	return ""
}

// Exclusion drops the findings of Rules (all rules when empty) on tables
// or models matching the glob patterns (path.Match syntax).
type Exclusion struct {
	Tables []string `yaml:"tables"`
	Models []string `yaml:"models"`
	Rules  []string `yaml:"rules"`
}

// Rule configures one rule.
type Rule struct {
	ID string `yaml:"id"`
	// Enabled switches the rule off with false.
	Enabled *bool `yaml:"enabled"`
	// Severity overrides the rule's default severity.
	Severity Severity `yaml:"severity"`
	// Options are the rule's own options, decoded by the rule.
	Options yaml.Node `yaml:"options"`

	loc *locator
}

// Drift is the configuration of schemalint drift; every field is a default
// for the flag of the same name, which wins when given. Database URLs do not
// belong in the file (it is committed): name the environment variables
// holding them instead.
//
//	drift:
//	  models: [./models/...]
//	  migrations: [./migrations]
//	  schema: public
//	  exclude: ["legacy_*", schema_versions]
//	  dsn_env: DATABASE_URL
//	  dev_url_env: DRIFT_DEV_URL
//	  fail_on: warning
//	  timeout: 30s
//	  relation_fks: false
//	  baseline: drift-baseline.json
type Drift struct {
	// Models and Migrations are package patterns (--models,
	// --migrations).
	Models     []string `yaml:"models"`
	Migrations []string `yaml:"migrations"`
	// Schema is the schema (MySQL: database) to compare (--schema).
	Schema string `yaml:"schema"`
	// Exclude lists table-name globs left out on both sides (--exclude).
	Exclude []string `yaml:"exclude"`
	// DSNEnv names the environment variable holding the database URL
	// (--dsn-env).
	DSNEnv string `yaml:"dsn_env"`
	// DevURLEnv names the environment variable holding the scratch
	// database URL of the missing-migration check (--dev-url-env).
	DevURLEnv string `yaml:"dev_url_env"`
	// FailOn is the least severity that fails the run (--fail-on).
	FailOn Severity `yaml:"fail_on"`
	// Timeout bounds connecting to and inspecting the database
	// (--timeout).
	Timeout Duration `yaml:"timeout"`
	// RelationFKs derives foreign keys from Bun relations
	// (--relation-fks).
	RelationFKs bool `yaml:"relation_fks"`
	// Baseline is a baseline file of accepted findings (--baseline),
	// relative to the configuration file.
	Baseline string `yaml:"baseline"`
}

// Duration is a Go duration ("30s", "2m").
type Duration time.Duration

// UnmarshalYAML parses the duration, naming the line when it is not one.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(strings.TrimSpace(n.Value))
	if err != nil || v <= 0 {
		return fmt.Errorf("line %d: %q is not a positive duration such as 30s or 2m", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

// Severity is error, warning or info.
type Severity string

// Severities, most severe first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity parses error, warning or info.
func ParseSeverity(s string) (Severity, error) {
	switch sev := Severity(strings.ToLower(strings.TrimSpace(s))); sev {
	case Error, Warning, Info:
		return sev, nil
	}
	return "", fmt.Errorf("unknown severity %q: want error, warning or info", s)
}

// UnmarshalYAML checks the severity.
func (s *Severity) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: a severity is one word (error, warning or info), not a %s", n.Line, nodeKind(n))
	}
	sev, err := ParseSeverity(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*s = sev
	return nil
}

// nodeKind names a YAML node's kind for messages.
func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// Dialects is a list of dialect names, normalised to Bun's: pg, mysql,
// sqlite.
type Dialects []string

// UnmarshalYAML accepts one dialect or a list.
func (d *Dialects) UnmarshalYAML(n *yaml.Node) error {
	var names []string
	switch n.Kind {
	case yaml.ScalarNode:
		names = []string{n.Value}
	case yaml.SequenceNode:
		if err := n.Decode(&names); err != nil {
			return err
		}
	default:
		return fmt.Errorf("line %d: dialect must be a name or a list of names", n.Line)
	}
	out := Dialects{}
	for _, name := range names {
		norm, err := ParseDialect(name)
		if err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		if !slices.Contains(out, norm) {
			out = append(out, norm)
		}
	}
	*d = out
	return nil
}

// ParseDialect normalises a dialect name to Bun's spelling.
func ParseDialect(name string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "postgres", "postgresql", "pg":
		return "pg", nil
	case "mysql", "mariadb":
		return "mysql", nil
	case "sqlite", "sqlite3":
		return "sqlite", nil
	}
	return "", fmt.Errorf("unknown dialect %q: want postgres, mysql or sqlite", name)
}

// Dialects returns the configured dialects, PostgreSQL when none is set.
func (c *Config) Dialects() []string {
	if c == nil || len(c.Dialect) == 0 {
		return []string{"pg"}
	}
	return c.Dialect
}

// Rule returns the configuration of rule id, or nil.
func (c *Config) Rule(id string) *Rule {
	if c == nil {
		return nil
	}
	for i := range c.Rules {
		if strings.EqualFold(c.Rules[i].ID, id) {
			return &c.Rules[i]
		}
	}
	return nil
}

// Excluded reports whether findings of rule id on the table or model are
// excluded.
func (c *Config) Excluded(id, table, model string) bool {
	if c == nil {
		return false
	}
	for _, e := range c.Exclude {
		if len(e.Rules) > 0 && !slices.ContainsFunc(e.Rules, func(r string) bool { return strings.EqualFold(r, id) }) {
			continue
		}
		if (table != "" && matchAny(e.Tables, table)) || (model != "" && matchAny(e.Models, model)) {
			return true
		}
		if len(e.Tables) == 0 && len(e.Models) == 0 {
			return true // a rules-only exclusion switches the rules off
		}
	}
	return false
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// DecodeOptions decodes the rule's options into dst (a pointer to the
// rule's options struct, holding its defaults), strictly: an unknown key
// is an error naming it and its line.
func (r *Rule) DecodeOptions(source string, dst any) error {
	if r == nil || r.Options.Kind == 0 {
		return nil
	}
	err := knownKeys(&r.Options, reflect.TypeOf(dst))
	if err == nil {
		err = r.Options.Decode(dst)
	}
	if err != nil {
		return fmt.Errorf("%s: options of rule %s: %w", source, r.ID, r.loc.rewrite(err))
	}
	return nil
}

// knownKeys checks that every key of a YAML mapping (recursively) names a
// field of the struct type t, by its yaml tag; an unknown key is named with
// its line and the known key it was probably meant to be.
func knownKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if t == reflect.TypeFor[yaml.Node]() || reflect.PointerTo(t).Implements(reflect.TypeFor[yaml.Unmarshaler]()) {
		return nil // decoded by its own rules
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		fields := map[string]reflect.Type{}
		var names []string
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			ft, ok := fields[key.Value]
			if !ok {
				hint := suggest.Hint(key.Value, names)
				if hint == "" {
					hint = " (known: " + strings.Join(names, ", ") + ")"
				}
				return fmt.Errorf("line %d: unknown key %q%s", key.Line, key.Value, hint)
			}
			if err := knownKeys(val, ft); err != nil {
				return err
			}
		}
	case n.Kind == yaml.SequenceNode && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		for _, c := range n.Content {
			if err := knownKeys(c, t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Parse decodes a configuration file's content. source names it in
// errors.
func Parse(data []byte, source string) (*Config, error) {
	return parse(data, source, true)
}

// parse decodes a configuration; lines says whether the line numbers of
// data mean anything to the user (not for golangci-lint settings, which
// reach us as values and are marshalled again here).
func parse(data []byte, source string, lines bool) (*Config, error) {
	c := &Config{Source: source, loc: &locator{lines: lines}}
	if len(bytes.TrimSpace(data)) > 0 {
		root, err := strictDecode(data, c)
		c.loc.root = root
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, c.loc.rewrite(err))
		}
	}
	for i := range c.Rules {
		c.Rules[i].loc = c.loc
	}
	for i := range c.Rules {
		if strings.TrimSpace(c.Rules[i].ID) == "" {
			msg := fmt.Sprintf("rules[%d] has no id", i)
			if c.loc.lines {
				msg = c.At("rules", i) + ": " + msg
			}
			return nil, fmt.Errorf("%s: %s", source, msg)
		}
	}
	for i, fk := range c.ForeignKeys {
		if _, err := path.Match(fk.Column, ""); err != nil || fk.Column == "" {
			return nil, fmt.Errorf("%s: foreign_keys[%d]: column %q is not a glob of column names", source, i, fk.Column)
		}
		if strings.TrimSpace(fk.References) == "" {
			return nil, fmt.Errorf("%s: foreign_keys[%d]: references is empty: give a table, self or none", source, i)
		}
	}
	return c, nil
}

// FromSettings decodes golangci-lint plugin settings (the value of
// linters.settings.custom.schemalint.settings).
func FromSettings(settings any) (*Config, error) {
	const source = "golangci-lint settings of schemalint"
	if settings == nil {
		return &Config{Source: source}, nil
	}
	b, err := yaml.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return parse(b, source, false)
}

// Load reads and decodes a configuration file.
func Load(file string) (*Config, error) {
	data, err := boundedread.File(file, boundedread.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("read configuration: %w", err)
	}
	return Parse(data, file)
}

// Find returns the path of the configuration file for a package in dir:
// the first .schemalint.yml in dir or a parent directory, or "" if there
// is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil {
			// A directory (or a device) under the configuration's name
			// is a mistake to report, not a file to skip.
			if !st.Mode().IsRegular() {
				return "", fmt.Errorf("%s is not a regular file", p)
			}
			return p, nil
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("look for %s: %w", FileName, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// strictDecode decodes one YAML document into dst, refusing unknown keys
// (with their line and a suggestion), and returns the document's node
// tree for locating later errors.
func strictDecode(data []byte, dst any) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	// A second document would be silently ignored: refuse it.
	var extra yaml.Node
	if dec.Decode(&extra) == nil {
		return &root, fmt.Errorf("line %d: a second YAML document (after ---); the configuration is one document", extra.Line)
	}
	if err := knownKeys(&root, reflect.TypeOf(dst)); err != nil {
		return &root, err
	}
	if err := root.Decode(dst); err != nil {
		if te, ok := errors.AsType[*yaml.TypeError](err); ok {
			return &root, errors.New(strings.Join(te.Errors, "; "))
		}
		return &root, err
	}
	return &root, nil
}
