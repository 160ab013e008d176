package bunmodel_test

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	bunschema "github.com/uptrace/bun/schema"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/bunmodel/internal/agree"
	"github.com/schemalint/schemalint/schema"
)

// The Bun-agrees test: for every reference model and every fixture model
// Bun accepts, the linter's static reading equals Bun's own reflection, on
// every dialect. It is what keeps the linter honest as Bun evolves.

type colView struct {
	Name, GoName                                   string
	PK, NotNull, NullZero, AutoIncrement, Identity bool
	Default                                        string
	UserType                                       string
	CreateType                                     map[string]string
}

type relView struct {
	Field, Kind string
	Base, Join  []string
	M2M         string
}

type tableView struct {
	Name, Alias string
	Columns     []colView
	Unique      map[string][]string
	SoftDelete  string
	Relations   []relView
}

var dialects = []struct {
	name       bunmodel.Dialect
	new        func() bunschema.Dialect
	varcharLen int
}{
	{bunmodel.Postgres, func() bunschema.Dialect { return pgdialect.New() }, 0},
	{bunmodel.MySQL, func() bunschema.Dialect { return mysqldialect.New() }, 255},
	{bunmodel.SQLite, func() bunschema.Dialect { return sqlitedialect.New() }, 0},
}

// bunView reflects typ with Bun on every dialect.
func bunView(t *testing.T, typ reflect.Type, register []any) tableView {
	t.Helper()
	var view tableView
	for i, d := range dialects {
		dialect := d.new()
		dialect.Tables().Register(register...)
		table := dialect.Tables().Get(typ)
		if i == 0 {
			view = tableView{Name: table.Name, Alias: table.Alias, Unique: map[string][]string{}}
			for _, f := range table.Fields {
				typ, _ := f.Tag.Option("type")
				view.Columns = append(view.Columns, colView{
					Name: f.Name, GoName: f.GoName, PK: f.IsPK, NotNull: f.NotNull, NullZero: f.NullZero,
					AutoIncrement: f.AutoIncrement, Identity: f.Identity, Default: f.SQLDefault, UserType: typ,
					CreateType: map[string]string{},
				})
			}
			for name, fields := range table.Unique {
				for _, f := range fields {
					view.Unique[name] = append(view.Unique[name], f.Name)
				}
			}
			if table.SoftDeleteField != nil {
				view.SoftDelete = table.SoftDeleteField.Name
			}
			for goName, rel := range table.Relations {
				rv := relView{Field: goName, Kind: relKind(rel.Type)}
				if rel.Type == bunschema.ManyToManyRelation {
					rv.M2M = rel.M2MTable.Name
				} else {
					rv.Base, rv.Join = names(rel.BasePKs), names(rel.JoinPKs)
				}
				view.Relations = append(view.Relations, rv)
			}
			sort.Slice(view.Relations, func(a, b int) bool { return view.Relations[a].Field < view.Relations[b].Field })
		}
		for j, f := range table.Fields {
			view.Columns[j].CreateType[string(d.name)] = bunCreateType(f, d.varcharLen)
		}
	}
	return view
}

// bunCreateType is what CreateTableQuery.appendSQLType writes.
func bunCreateType(f *bunschema.Field, varcharLen int) string {
	if !strings.EqualFold(f.CreateTableSQLType, f.DiscoveredSQLType) ||
		!strings.EqualFold(f.CreateTableSQLType, "VARCHAR") || varcharLen <= 0 {
		return f.CreateTableSQLType
	}
	return fmt.Sprintf("VARCHAR(%d)", varcharLen)
}

func relKind(k int) string {
	switch k {
	case bunschema.BelongsToRelation:
		return bunmodel.BelongsTo
	case bunschema.HasOneRelation:
		return bunmodel.HasOne
	case bunschema.HasManyRelation:
		return bunmodel.HasMany
	}
	return bunmodel.ManyToMany
}

func names(fields []*bunschema.Field) []string {
	var out []string
	for _, f := range fields {
		out = append(out, f.Name)
	}
	return out
}

// readerView reads the same type statically.
func readerView(t *testing.T, r *bunmodel.Reader, typ types.Type) tableView {
	t.Helper()
	table := r.TableOf(typ)
	if table == nil {
		t.Fatalf("reader: %s is not a struct", typ)
	}
	view := tableView{Name: table.Name, Alias: table.Alias, Unique: map[string][]string{}}
	for _, f := range table.Fields {
		cv := colView{Name: f.Name, GoName: f.GoName, PK: f.PK, NotNull: f.NotNull, NullZero: f.NullZero,
			AutoIncrement: f.AutoIncrement, Identity: f.Identity, Default: f.Default, UserType: f.UserSQLType,
			CreateType: map[string]string{}}
		for _, d := range dialects {
			ct, ok := f.CreateTableType(d.name)
			if !ok {
				t.Fatalf("%s.%s: type unknown", table.TypeName, f.GoName)
			}
			cv.CreateType[string(d.name)] = ct
		}
		view.Columns = append(view.Columns, cv)
	}
	for _, g := range table.Unique {
		for _, f := range g.Fields {
			view.Unique[g.Name] = append(view.Unique[g.Name], f.Name)
		}
	}
	if table.SoftDelete != nil {
		view.SoftDelete = table.SoftDelete.Name
	}
	for _, rel := range table.Relations {
		if len(rel.Problems) > 0 {
			t.Fatalf("%s.%s: reader reports problems Bun does not have: %v", table.TypeName, rel.Field.GoName, rel.Problems)
		}
		rv := relView{Field: rel.Field.GoName, Kind: rel.Kind}
		if rel.Kind == bunmodel.ManyToMany {
			rv.M2M = rel.M2MTable
		} else {
			for _, f := range rel.BaseColumns {
				rv.Base = append(rv.Base, f.Name)
			}
			for _, f := range rel.TargetColumns {
				rv.Join = append(rv.Join, f.Name)
			}
		}
		view.Relations = append(view.Relations, rv)
	}
	sort.Slice(view.Relations, func(a, b int) bool { return view.Relations[a].Field < view.Relations[b].Field })
	return view
}

func loadTypes(t *testing.T, paths ...string) map[string]*types.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("load %s: %v", p.PkgPath, p.Errors)
		}
		out[p.PkgPath] = p.Types
	}
	return out
}

func lookup(t *testing.T, pkg *types.Package, name string) *types.Named {
	t.Helper()
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		t.Fatalf("%s.%s not found", pkg.Path(), name)
	}
	return obj.Type().(*types.Named)
}

func compare(t *testing.T, name string, want, got tableView) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: reader disagrees with Bun (-bun +reader):\n%s", name, diff)
	}
}

func TestBunAgreesReferenceSchema(t *testing.T) {
	const path = "github.com/schemalint/schemalint/schema"
	pkg := loadTypes(t, path)[path]
	r := bunmodel.NewReader()
	n := 0
	for _, m := range schema.Models() {
		typ := reflect.TypeOf(m).Elem()
		compare(t, typ.Name(), bunView(t, typ, schema.JoinModels()), readerView(t, r, lookup(t, pkg, typ.Name())))
		n++
	}
	if n != 42 {
		t.Fatalf("compared %d reference models, want 42", n)
	}
}

func TestBunAgreesFixtures(t *testing.T) {
	const path = "github.com/schemalint/schemalint/analyzers/bunmodel/internal/agree"
	pkg := loadTypes(t, path)[path]
	r := bunmodel.NewReader()
	names := make([]string, 0, len(agree.All))
	for name := range agree.All {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		typ := reflect.TypeOf(agree.All[name]).Elem()
		compare(t, name, bunView(t, typ, []any{(*agree.BookTag)(nil)}), readerView(t, r, lookup(t, pkg, name)))
	}
	// Generic models, instantiated as in agree.Instances.
	generic := lookup(t, pkg, "Generic")
	for i, arg := range []types.Type{types.Typ[types.String], lookup(t, pkg, "Address")} {
		inst, err := types.Instantiate(nil, generic, []types.Type{arg}, true)
		if err != nil {
			t.Fatal(err)
		}
		typ := reflect.TypeOf(agree.Instances[i]).Elem()
		compare(t, typ.String(), bunView(t, typ, nil), readerView(t, r, inst))
	}
}
