package relation_test

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// Where SL102 says "Bun panics on the first query", Bun must panic when it
// reflects the model (which the first query does); where it says Bun joins
// silently wrong or ignores something, Bun must do exactly that. Each
// model mirrors a case in testdata.

type author struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64  `bun:"id,pk"`
	BookID        int64  `bun:"book_id"`
	Kind          string `bun:"kind"`
}

type noPK struct {
	bun.BaseModel `bun:"table:no_pks"`
	Name          string `bun:"name"`
}

type unknownKind struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	AuthorID      int64   `bun:"author_id"`
	Writer        *author `bun:"rel:belongs_to,join:author_id=id"`
}

type missingBaseColumn struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	Editor        *author `bun:"rel:belongs-to,join:editor_id=id"`
}

type missingTargetColumn struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	OwnerID       int64   `bun:"owner_id"`
	Owner         *author `bun:"rel:belongs-to,join:owner_id=uuid"`
}

type unparsableJoin struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	AuthorID      int64   `bun:"author_id"`
	Reviewer      *author `bun:"rel:belongs-to,join:author_id"`
}

type hasManyNotSlice struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	Sequel        *author `bun:"rel:has-many,join:id=book_id"`
}

type m2mNotSlice struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	Tags          *author `bun:"m2m:book_tags"`
}

type targetWithoutPK struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64 `bun:"id,pk"`
	OwnerID       int64 `bun:"owner_id"`
	Notes         *noPK `bun:"rel:belongs-to,join:owner_id=name"`
}

type noPolymorphicColumn struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64     `bun:"id,pk"`
	Others        []*author `bun:"rel:has-many,polymorphic"`
}

type noPolymorphicPair struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64     `bun:"id,pk"`
	Others        []*author `bun:"rel:has-many,join:id=book_id,polymorphic"`
}

type onDeleteTwice struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	AuthorID      int64   `bun:"author_id"`
	Twice         *author `bun:"rel:belongs-to,join:author_id=id,on_delete:CASCADE,on_delete:RESTRICT"`
}

type hasOneTypePair struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64   `bun:"id,pk"`
	Single        *author `bun:"rel:has-one,join:id=book_id,join:type=kind,polymorphic"`
}

type article struct {
	bun.BaseModel `bun:"table:articles"`
	UID           int64   `bun:"uid,pk"`
	Author        *author `bun:"rel:belongs-to"`
}

type post struct {
	bun.BaseModel `bun:"table:posts"`
	ID            int64   `bun:"id,pk"`
	Author        *author `bun:"rel:belongs-to"`
}

type role struct {
	bun.BaseModel `bun:"table:roles"`
	ID            int64         `bun:"id,pk"`
	Permissions   []*permission `bun:"m2m:role_permissions,join:Role=Permission"`
}

type permission struct {
	bun.BaseModel `bun:"table:permissions"`
	ID            int64 `bun:"id,pk"`
}

type rolePermission struct {
	bun.BaseModel `bun:"table:role_permissions"`
	RoleID        int64       `bun:"role_id,pk"`
	PermissionID  int64       `bun:"permission_id,pk"`
	Role          *role       `bun:"rel:belongs-to,join:role_id=id"`
	Permission    *permission `bun:"rel:belongs-to,join:permission_id=id"`
}

type misnamed struct {
	bun.BaseModel `bun:"table:misnameds"`
	ID            int64         `bun:"id,pk"`
	Permissions   []*permission `bun:"m2m:role_permissions,join:Owner=Permission"`
}

type looseRole struct {
	bun.BaseModel `bun:"table:loose_roles"`
	ID            int64         `bun:"id,pk"`
	Permissions   []*permission `bun:"m2m:loose_links,join:Role=Permission,join:Nothing=Nowhere"`
}

type looseLink struct {
	bun.BaseModel `bun:"table:loose_links"`
	RoleID        int64       `bun:"role_id,pk"`
	PermissionID  int64       `bun:"permission_id,pk"`
	Role          *looseRole  `bun:"join:role_id=id"`
	Permission    *permission `bun:"rel:belongs-to,join:permission_id=id"`
}

type badAction struct {
	bun.BaseModel `bun:"table:bad_actions"`
	ID            int64   `bun:"id,pk"`
	AuthorID      int64   `bun:"author_id"`
	Author        *author `bun:"rel:belongs-to,join:author_id=id,on_delete:DELETE,on_update:cascade"`
}

func panicText(p any) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(p)
}

func TestBunPanics(t *testing.T) {
	for _, tc := range []struct {
		name     string
		model    any
		register []any
		panic    string // a regular expression; "" for no panic
	}{
		{"unknown relation kind", (*unknownKind)(nil), nil, "unknown relation=belongs_to"},
		{"join: names a missing base column", (*missingBaseColumn)(nil), nil, "MissingBaseColumn must have column editor_id"},
		{"join: names a missing target column", (*missingTargetColumn)(nil), nil, "Author must have column uuid"},
		{"join: without =", (*unparsableJoin)(nil), nil, "can't parse relation join"},
		{"has-many on a non-slice", (*hasManyNotSlice)(nil), nil, "has-many relation requires slice"},
		{"m2m on a non-slice", (*m2mNotSlice)(nil), nil, "m2m relation requires slice"},
		{"target without a primary key", (*targetWithoutPK)(nil), nil, "does not have primary keys"},
		{"polymorphic has-many without its type column", (*noPolymorphicColumn)(nil), nil, "Author must have polymorphic column no_polymorphic_column_type$"},
		{"polymorphic has-many with join: but no type pair", (*noPolymorphicPair)(nil), nil, "Author must have polymorphic column $"},
		{"on_delete twice on a belongs-to", (*onDeleteTwice)(nil), nil, "on_delete option must be a single field"},
		{"has-one takes join:type= as a column pair", (*hasOneTypePair)(nil), nil, "HasOneTypePair must have column type$"},
		{"belongs-to without a column to join on", (*article)(nil), nil, "Article must have column author_id"},
		{"m2m join table not registered", (*role)(nil), nil, `can't find m2m role_permissions table \(use db\.RegisterModel\)`},
		{"m2m join model without the named field", (*misnamed)(nil), []any{(*rolePermission)(nil)}, "RolePermission must have field Owner"},
		{"m2m join model registered: no panic", (*role)(nil), []any{(*rolePermission)(nil)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := linttest.Bun(tc.model, tc.register...)
			got := panicText(r.Panic)
			if tc.panic == "" && got != "" || !regexp.MustCompile(tc.panic).MatchString(got) {
				t.Errorf("Bun panicked with %q, want %q", got, tc.panic)
			}
		})
	}
}

// TestBunImplicitPK: a belongs-to with no <field>_id column joins on the
// model's own primary key, without a word.
func TestBunImplicitPK(t *testing.T) {
	r := linttest.Bun((*post)(nil))
	if r.Panic != nil {
		t.Fatal(r.Panic)
	}
	rel := r.Table.Relations["Author"]
	if len(rel.BasePKs) != 1 || rel.BasePKs[0].Name != "id" || rel.JoinPKs[0].Name != "id" || len(r.Warnings) != 0 {
		t.Errorf("post.Author joins %v = %v, warnings %q", rel.BasePKs, rel.JoinPKs, r.Warnings)
	}
}

// TestBunM2MJoinField: a join model's field without rel: still serves
// the m2m join, and is also a column; only the first join pair counts.
func TestBunM2MJoinField(t *testing.T) {
	r := linttest.Bun((*looseRole)(nil), (*looseLink)(nil))
	if r.Panic != nil {
		t.Fatal(r.Panic)
	}
	rel := r.Table.Relations["Permissions"]
	if _, ok := rel.M2MTable.FieldMap["role"]; !ok {
		t.Error("looseLink.Role is no column")
	}
	if len(rel.M2MBasePKs) != 1 || rel.M2MBasePKs[0].Name != "role_id" {
		t.Errorf("m2m base columns %v", rel.M2MBasePKs)
	}
}

// TestBunFKAction: Bun only warns about an action it does not know and
// writes it into the foreign key as given, upper-cased.
func TestBunFKAction(t *testing.T) {
	r := linttest.Bun((*badAction)(nil))
	if r.Panic != nil {
		t.Fatal(r.Panic)
	}
	rel := r.Table.Relations["Author"]
	if rel.OnDelete != "ON DELETE DELETE" || rel.OnUpdate != "ON UPDATE CASCADE" { //nolint:dupword // the unknown action DELETE, as Bun writes it
		t.Errorf("OnDelete %q, OnUpdate %q", rel.OnDelete, rel.OnUpdate)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "unknown on_delete rule DELETE") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

type parent struct {
	bun.BaseModel `bun:"table:parents"`
	ID            int64 `bun:"id,pk"`
}

type child struct {
	bun.BaseModel `bun:"table:children"`
	ID            int64   `bun:"id,pk"`
	ParentID      int64   `bun:"parent_id,notnull"`
	Parent        *parent `bun:"rel:belongs-to,join:parent_id=id,on_delete:SET NULL"`
}

// TestSetNullOnNotNull: with ON DELETE SET NULL on a NOT NULL foreign key
// (as Bun creates it), deleting the parent fails.
func TestSetNullOnNotNull(t *testing.T) {
	ctx := context.Background()
	sqldb, err := sql.Open(sqliteshim.ShimName, "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	sqldb.SetMaxOpenConns(1) // one in-memory database
	db := bun.NewDB(sqldb, sqlitedialect.New())
	defer func() { _ = db.Close() }()
	for _, stmt := range []func() error{
		func() error { _, err := db.ExecContext(ctx, "PRAGMA foreign_keys = ON"); return err },
		func() error { _, err := db.NewCreateTable().Model((*parent)(nil)).Exec(ctx); return err },
		func() error {
			_, err := db.NewCreateTable().Model((*child)(nil)).WithForeignKeys().Exec(ctx)
			return err
		},
		func() error { _, err := db.NewInsert().Model(&parent{ID: 1}).Exec(ctx); return err },
		func() error { _, err := db.NewInsert().Model(&child{ID: 1, ParentID: 1}).Exec(ctx); return err },
	} {
		if err := stmt(); err != nil {
			t.Fatal(err)
		}
	}
	_, err = db.NewDelete().Model((*parent)(nil)).Where("id = 1").Exec(ctx)
	if err == nil || !strings.Contains(err.Error(), "NOT NULL constraint failed") {
		t.Fatalf("deleting the parent: err = %v", err)
	}
}
