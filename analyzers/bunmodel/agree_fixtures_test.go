package bunmodel_test

import (
	"context"
	"fmt"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/drift/load"
)

// fixtureModules are the Go modules holding the rules' fixtures.
func fixtureModules(t *testing.T) []string {
	t.Helper()
	var dirs []string
	for _, pattern := range []string{"../*/testdata/go.mod", "../testdata/*/go.mod", "../../cmd/schemalint/testdata/mod/go.mod", "../../plugin/testdata/mod/go.mod"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			dirs = append(dirs, filepath.Dir(f))
		}
	}
	if len(dirs) < 10 {
		t.Fatalf("found %d fixture modules", len(dirs))
	}
	return dirs
}

type fixtureColumn struct {
	Name, Field, Type, Default string
	NotNull, PK                bool
}

// TestBunAgreesOnRuleFixtures extends the Bun-agrees test to every model
// of every rule's fixtures that Bun accepts: Bun reflects them in a program
// built inside the fixture module (drift's loader, which runs Bun itself),
// and the reader must see the same table, columns, CREATE TABLE types,
// NOT NULL, defaults and keys on every dialect. Models Bun refuses (it
// panics on them) must be models the reader finds a problem in.
func TestBunAgreesOnRuleFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program per fixture module")
	}
	cache := t.TempDir()
	compared, refused := 0, 0
	for _, dir := range fixtureModules(t) {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			patterns := []string{"./..."}
			if strings.HasSuffix(filepath.ToSlash(dir), "cmd/schemalint/testdata/mod") {
				// broken/ does not compile, on purpose.
				patterns = []string{"./clean", "./violations", "./migs/..."}
			}
			named := loadNamed(t, dir)
			r := bunmodel.NewReader()
			for _, d := range []bunmodel.Dialect{bunmodel.Postgres, bunmodel.MySQL, bunmodel.SQLite} {
				ref, err := load.Models(context.Background(), load.Config{Dir: dir, Models: patterns, CacheDir: cache}, string(d))
				if err != nil {
					if strings.Contains(err.Error(), "no Bun models") {
						return
					}
					t.Fatal(err)
				}
				for _, p := range ref.View.Problems {
					typ := named[p.Model]
					if typ == nil {
						continue
					}
					if !readerSeesProblem(r.Table(typ)) && !m2mUnresolved(r, r.Table(typ), named) {
						t.Errorf("%s: Bun refuses %s (%s) but the reader finds nothing wrong", d, p.Model, p.Message)
					}
					refused++
				}
				for _, bt := range ref.View.Tables {
					typ := named[bt.Model]
					if typ == nil {
						t.Errorf("%s: Bun reflected %s, which the reader cannot find", d, bt.Model)
						continue
					}
					compareFixture(t, d, bt, r.Table(typ))
					compared++
				}
			}
		})
	}
	t.Logf("compared %d tables (summed over dialects) with Bun; %d refused by Bun, all seen by the reader", compared, refused)
	if compared < 100 {
		t.Errorf("compared only %d tables: the fixtures were not read", compared)
	}
}

// loadNamed type-checks a fixture module and indexes its named struct types
// by "importpath.Name", as bunview names models.
func loadNamed(t *testing.T, dir string) map[string]*types.Named {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Named{}
	for _, p := range pkgs {
		if p.Types == nil {
			continue
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				if n, ok := tn.Type().(*types.Named); ok {
					out[p.PkgPath+"."+name] = n
				}
			}
		}
	}
	return out
}

// m2mUnresolved reports an m2m relation whose join model Bun cannot use:
// no model of the module has the join table, or it lacks the fields the
// join names. The reader leaves this to SL102, which sees the package's
// models; the test checks the reader gives it what it needs.
func m2mUnresolved(r *bunmodel.Reader, t *bunmodel.Table, named map[string]*types.Named) bool {
	for _, rel := range t.Relations {
		if rel.Kind != bunmodel.ManyToMany || rel.Target == nil {
			continue
		}
		var join *bunmodel.Table
		for _, n := range named {
			if jt := r.Table(n); jt != nil && jt.IsModel() && jt.Name == rel.M2MTable {
				join = jt
			}
		}
		left, right := t.TypeName, rel.Target.TypeName
		if len(rel.Join) > 0 {
			left, right = rel.Join[0].Base, rel.Join[0].Join
		}
		if join == nil || join.FieldByGoName(left) == nil || join.FieldByGoName(right) == nil {
			return true
		}
	}
	return false
}

func readerSeesProblem(t *bunmodel.Table) bool {
	if t == nil || len(t.Problems) > 0 {
		return true
	}
	for _, rel := range t.Relations {
		if len(rel.Problems) > 0 {
			return true
		}
	}
	return false
}

func compareFixture(t *testing.T, d bunmodel.Dialect, bt *bunview.Table, rt *bunmodel.Table) {
	t.Helper()
	var want, got []fixtureColumn
	for _, c := range bt.Columns {
		want = append(want, fixtureColumn{Name: c.Name, Field: c.Field, Type: c.Type, Default: c.Default, NotNull: c.NotNull, PK: c.PK})
	}
	for _, f := range rt.Fields {
		typ, _ := f.CreateTableType(d)
		got = append(got, fixtureColumn{Name: f.Name, Field: strings.Join(f.FieldPath(), "."), Type: typ,
			Default: f.Default, NotNull: f.NotNull, PK: f.PK})
	}
	name := fmt.Sprintf("%s on %s", bt.Model, d)
	if bt.Name != rt.Name {
		t.Errorf("%s: Bun's table %q, reader's %q", name, bt.Name, rt.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: reader disagrees with Bun (-bun +reader):\n%s", name, diff)
	}
}
