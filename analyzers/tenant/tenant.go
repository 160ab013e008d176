package tenant

import (
	_ "embed"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// Level is a tenant level other than the default.
type Level struct {
	Name    string   `yaml:"name"`
	Columns []string `yaml:"columns"`
	Tables  []string `yaml:"tables"`
}

// Options configure SL006.
type Options struct {
	Columns []string `yaml:"columns"`
	Levels  []Level  `yaml:"levels"`
}

// Validate checks the levels.
func (o *Options) Validate() error {
	for i, l := range o.Levels {
		if len(l.Tables) == 0 {
			return fmt.Errorf("levels[%d] (%s) lists no tables", i, l.Name)
		}
		for _, t := range l.Tables {
			if _, err := path.Match(t, ""); err != nil {
				return fmt.Errorf("levels[%d]: table pattern %q: %w", i, t, err)
			}
		}
	}
	if len(o.Columns) == 0 && len(o.Levels) > 0 {
		return errors.New("levels are set but columns (the default level) is empty")
	}
	return nil
}

//go:embed doc.go
var doc string

// Rule is SL006.
var Rule = &lint.Rule{
	ID:       "SL006",
	Name:     "tenant-columns",
	Doc:      lint.PackageDoc(doc, "SL006"),
	Summary:  "tenant-scoped tables carry their level's tenant columns, NOT NULL",
	Severity: config.Error,
	Options:  func() any { return &Options{} },
	Run:      run,
}

// level returns the name and columns of the table's level.
func (o *Options) level(table string) (string, []string) {
	for _, l := range o.Levels {
		for _, pattern := range l.Tables {
			if ok, _ := path.Match(pattern, table); ok {
				return l.Name, l.Columns
			}
		}
	}
	return "tenant", o.Columns
}

func run(p *lint.Pass) error {
	opts := p.Options().(*Options)
	if len(opts.Columns) == 0 {
		return nil
	}
	for _, m := range p.Models.Models {
		// Nullability of a foreign key is SL003's to report, except an
		// optional (pointer, nullable) one, which SL003 accepts as an
		// optional reference but a tenant column must not be.
		fks := map[string]bool{}
		keys := p.ForeignKeys(m)
		for i := range keys {
			fks[keys[i].Field.Name] = true
		}
		level, cols := opts.level(m.Name)
		what := fmt.Sprintf("%s-level tables carry %s", level, strings.Join(cols, ", "))
		var missing []string
		for _, col := range cols {
			f := m.Field(col)
			switch {
			case f == nil:
				missing = append(missing, col)
			case fks[col] && (!f.Pointer() || f.NotNull):
			case f.Pointer() && !f.NotNull:
				p.ReportField(m, f, fmt.Sprintf("tenant column %s is optional (%s): %s, NOT NULL", col, lint.TypeString(f.Type), what))
			case !f.NotNull:
				fix, ok := lint.TagFix("add notnull", p.FieldNode(f), lint.AddTagOptions("notnull"))
				p.ReportField(m, f, fmt.Sprintf("tenant column %s is nullable: %s, NOT NULL", col, what), lint.Fixes(fix, ok)...)
			}
		}
		if len(missing) > 0 {
			p.ReportModel(m, fmt.Sprintf("%s has no %s: %s (or list the table under another level)", m.Name, strings.Join(missing, ", "), what))
		}
	}
	return nil
}
