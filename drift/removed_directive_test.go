package drift_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/bunview"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

type rmDirective struct {
	bun.BaseModel `bun:"table:rm_directive"`

	ID   int64  `bun:"id,pk,autoincrement"`
	Code string `bun:"code"`
}

// directiveDeclared is what drift reads when a migration creates
// idx_rm_directive_code: with the model's //schemalint:index directive
// still there (it names the same index), or without it.
func directiveDeclared(directive bool) *drift.Declared {
	return &drift.Declared{Tables: []*drift.DeclaredTable{{Name: "rm_directive", HasModel: true, Indexes: []drift.DeclaredIndex{{
		Name: "idx_rm_directive_code", Parts: []drift.IndexPart{{Column: "code"}}, Directive: directive, Migrated: directive,
	}}}}}
}

// TestDirectiveIndexRemoved: the index of a //schemalint:index directive
// is recorded as the model's (ModelObjects); while the directive stays it
// is wanted, though the snapshot records it; once the directive is gone,
// the index its migration created is reported as removed, not
// destructive, with its drop.
func TestDirectiveIndexRemoved(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.New(t, dsn.SQLite)
	if _, err := db.Bun.NewCreateTable().Model((*rmDirective)(nil)).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	mustExecAll(t, db, "CREATE INDEX idx_rm_directive_code ON rm_directive (code)")
	s := testdb.Inspect(t, db)
	view, err := bunview.Reflect(dsn.SQLite, (*rmDirective)(nil))
	if err != nil {
		t.Fatal(err)
	}
	marks := drift.ModelObjects(dsn.SQLite, view, s, drift.Options{Declared: directiveDeclared(true)})
	if len(marks.Indexes) != 1 || marks.Indexes[0].Table != "rm_directive" || marks.Indexes[0].Name != "idx_rm_directive_code" {
		t.Fatalf("ModelObjects indexes = %+v, want the directive's", marks.Indexes)
	}
	if none := drift.ModelObjects(dsn.SQLite, view, s, drift.Options{Declared: directiveDeclared(false)}); len(none.Indexes) != 0 {
		t.Errorf("a migration's own index recorded as the model's: %+v", none.Indexes)
	}

	res, err := drift.Diff(dsn.SQLite, view, s, drift.Options{Declared: directiveDeclared(true), Modelled: &marks})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("the directive is still there, yet:")
		logFindings(t, res.Findings)
	}

	res, err = drift.Diff(dsn.SQLite, view, s, drift.Options{Declared: directiveDeclared(false), Modelled: &marks})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("the directive removed: %d findings, want 1", len(res.Findings))
	}
	f := res.Findings[0]
	if f.Kind != drift.IndexExtra || f.Destructive || !strings.Contains(f.Message, "directive") || !strings.Contains(f.SQL, "DROP INDEX `idx_rm_directive_code`") {
		t.Errorf("finding %s (destructive %v): %s\n%s", f.Kind.ID(), f.Destructive, f.Message, f.SQL)
	}
}
