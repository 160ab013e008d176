package bunmodel

import (
	"go/types"
	"sort"
)

// Table is Bun's view of one Go struct type, computed from go/types the way
// Bun v1.3.0's schema.Table computes it from reflect: the table name and
// alias, the effective columns after embedding, prefixes and shadowing, and
// the relations.
type Table struct {
	// Type is the struct's named type.
	Type *types.Named
	// TypeName and ModelName are Bun's names for the type: the exported
	// type name and its underscored form.
	TypeName, ModelName string

	// Name is the table name: table: or the BaseModel tag name, the
	// embedded table's name with extend/inherit, or the plural of
	// ModelName. Alias likewise.
	Name, Alias string
	// BaseModel is the model's bun.BaseModel field, nil for a plain
	// struct. It may sit in an embedded struct.
	BaseModel *BaseModel

	// Fields are the columns, in Bun's order: what CREATE TABLE creates
	// (no relation and no scanonly fields).
	Fields []*Field
	// Relations are the relation fields (rel: or m2m:), in field order.
	Relations []*Relation
	// Unique holds the unique constraints: a group per name, and one per
	// field for unnamed "unique" (Name empty).
	Unique []UniqueGroup
	// SoftDelete is the soft_delete field, if any.
	SoftDelete *Field
	// Dropped are embedded fields Bun silently leaves out because another
	// field maps to the same column.
	Dropped []*Dropped
	// Problems are constructs Bun panics on or that cannot work, found
	// while reading (embed: on a non-struct, say).
	Problems []Problem

	nameSet  bool              // Name came from a tag or from extend
	all      []*Field          // every field, relations and scanonly included (Bun's allFields)
	fieldMap map[string]*Field // by column, incl. alt: and scanonly (Bun's FieldMap)
	done     bool
}

// BaseModel is the bun.BaseModel field of a model.
type BaseModel struct {
	// Var is the field; Path the embedded fields it was reached through,
	// outermost first (empty when the model declares it itself).
	Var  *types.Var
	Path []*types.Var
	// Tag is its bun tag; TagSet reports that the tag was not empty.
	Tag Tag
}

// IsModel reports whether the type embeds bun.BaseModel, directly or
// through embedded structs.
func (t *Table) IsModel() bool { return t.BaseModel != nil }

// Field returns the column named name, as Bun's table.FieldMap lookup
// (alt: names and scanonly fields included, relations not).
func (t *Table) Field(name string) *Field { return t.fieldMap[name] }

// FieldByGoName returns the field (relation fields included) with the Go
// name, as Bun's fieldByGoName.
func (t *Table) FieldByGoName(name string) *Field {
	for _, f := range t.all {
		if f.GoName == name {
			return f
		}
	}
	return nil
}

// PKs returns the primary-key columns.
func (t *Table) PKs() []*Field {
	var pks []*Field
	for _, f := range t.Fields {
		if f.PK {
			pks = append(pks, f)
		}
	}
	return pks
}

// Field is one field of a table as Bun sees it.
type Field struct {
	// GoName is the Go field name; Name the column (with any embed:
	// prefix).
	GoName, Name string
	// Var is the struct field declaring it, possibly in an embedded struct
	// of another package; Path the embedded or embed: fields it came
	// through, outermost first.
	Var  *types.Var
	Path []*types.Var
	// Index is the reflect field index path.
	Index []int
	// Type is the field's Go type.
	Type types.Type
	// Tag is the field's parsed bun tag; RawTag its text.
	Tag    Tag
	RawTag string
	// Prefix is the embed: prefix the column got, if any.
	Prefix string

	PK, NotNull, NullZero, AutoIncrement, Identity bool
	SoftDelete, ScanOnly                           bool
	// Default is the default: expression; HasDefault reports it was set.
	Default    string
	HasDefault bool
	// UserSQLType is the type: option.
	UserSQLType string
	// Relation reports a rel: or m2m: field (not a column).
	Relation bool

	unmapped bool // displaced from Bun's FieldMap by a later field
}

// Declared reports whether the model declares the field itself rather
// than inheriting it from an embedded struct.
func (f *Field) Declared() bool { return len(f.Path) == 0 }

// Pointer reports whether the field's Go type is a pointer.
func (f *Field) Pointer() bool {
	_, ok := types.Unalias(f.Type).(*types.Pointer)
	return ok
}

// UniqueGroup is one unique constraint of a table.
type UniqueGroup struct {
	// Name is the constraint name; empty for a single-column "unique".
	Name   string
	Fields []*Field
}

// Dropped is an embedded field Bun leaves out because its column collides
// with another field.
type Dropped struct {
	Field *Field
	// Winner is the field Bun keeps for the column, nil when Bun keeps
	// none of the colliding embedded fields.
	Winner *Field
}

// Problem is something in a struct that Bun panics on or that cannot work.
type Problem struct {
	Var     *types.Var
	Message string
}

func (t *Table) sortUnique(groups map[string][]*Field) {
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "" {
			for _, f := range groups[name] {
				t.Unique = append(t.Unique, UniqueGroup{Fields: []*Field{f}})
			}
			continue
		}
		t.Unique = append(t.Unique, UniqueGroup{Name: name, Fields: groups[name]})
	}
}
