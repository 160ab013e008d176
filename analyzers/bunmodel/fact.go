package bunmodel

import (
	"go/types"
)

// ModelFact is Bun's view of a model, exported as an object fact on the
// model's type name so that packages importing the model (typically the
// migrations) know its table and columns without re-reading it. Facts are
// cached by content, so they hold no positions or paths: a field is named
// by its Go field path from the model.
type ModelFact struct {
	Table, Alias string
	Columns      []ColumnFact
	Unique       []UniqueFact
	// SoftDelete is the soft_delete column, if any.
	SoftDelete string
	// Indexes are the model's //schemalint:index directives, for the
	// projects that declare secondary indexes there rather than in
	// migrations.
	Indexes []IndexFact
}

// ColumnFact is one column of a ModelFact.
type ColumnFact struct {
	// Name is the column; FieldPath the Go field names from the model to
	// the field ("CreatedAt", or "Base.CreatedAt" through an embedding).
	Name      string
	FieldPath []string
	// GoType is the field's type, spelled with full package paths.
	GoType                    string
	PK, NotNull, NullZero     bool
	AutoIncrement, HasDefault bool
	Default, UserSQLType      string
}

// UniqueFact is a unique constraint: Name is empty for a single-column
// "unique".
type UniqueFact struct {
	Name    string
	Columns []string
}

// AFact marks ModelFact as an analysis fact.
func (*ModelFact) AFact() {}

func (*ModelFact) String() string { return "bunmodel" }

// NewModelFact describes a table as a fact.
func NewModelFact(t *Table) *ModelFact { return newModelFact(t, nil) }

// newModelFact is NewModelFact spelling each distinct field type once
// through spelled (nil: no cache): a package of 2,000 models has a dozen
// distinct column types, and types.TypeString was a tenth of the
// analysis' allocations.
func newModelFact(t *Table, spelled map[spellKey]string) *ModelFact {
	f := &ModelFact{Table: t.Name, Alias: t.Alias, Columns: make([]ColumnFact, 0, len(t.Fields))}
	if t.SoftDelete != nil {
		f.SoftDelete = t.SoftDelete.Name
	}
	for _, c := range t.Fields {
		cf := ColumnFact{
			Name: c.Name, FieldPath: c.FieldPath(), GoType: spelledType(c.Type, spelled),
			PK: c.PK, NotNull: c.NotNull, NullZero: c.NullZero, AutoIncrement: c.AutoIncrement,
			HasDefault: c.HasDefault, Default: c.Default, UserSQLType: c.UserSQLType,
		}
		f.Columns = append(f.Columns, cf)
	}
	for _, g := range t.Unique {
		u := UniqueFact{Name: g.Name}
		for _, c := range g.Fields {
			u.Columns = append(u.Columns, c.Name)
		}
		f.Unique = append(f.Unique, u)
	}
	return f
}

// FieldPath returns the Go field names from the model to the field.
func (f *Field) FieldPath() []string {
	path := make([]string, 0, len(f.Path)+1)
	for _, v := range f.Path {
		path = append(path, v.Name())
	}
	return append(path, f.GoName)
}

// Column returns the column named name.
func (f *ModelFact) Column(name string) (ColumnFact, bool) {
	for _, c := range f.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return ColumnFact{}, false
}

// spelledType is types.TypeString(t, nil), remembered in spelled. A
// pointer or slice type is a new object wherever it is written (*time.Time
// in every model), so those are remembered by what they point to.
func spelledType(t types.Type, spelled map[spellKey]string) string {
	if spelled == nil {
		return types.TypeString(t, nil)
	}
	k := spellKey{t: t}
	switch u := t.(type) {
	case *types.Pointer:
		k = spellKey{t: u.Elem(), prefix: "*"}
	case *types.Slice:
		k = spellKey{t: u.Elem(), prefix: "[]"}
	}
	s, ok := spelled[k]
	if !ok {
		s = types.TypeString(t, nil)
		spelled[k] = s
	}
	return s
}

// spellKey is a type, or the type a pointer or slice type (prefix * or
// []) holds.
type spellKey struct {
	t      types.Type
	prefix string
}
