package migrations_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/rs/xid"

	"github.com/schemalint/schemalint/internal/refdata"
	"github.com/schemalint/schemalint/internal/testdb"
	"github.com/schemalint/schemalint/schema"
)

// TestRowsRoundTrip writes one row of every model and reads each back by
// primary key with all its relations loaded.
func TestRowsRoundTrip(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		testdb.Reference(t, db)
		set := refdata.New("rt")
		ctx := schema.WithTenant(context.Background(), set.Tenant)
		for _, row := range set.Rows {
			if _, err := db.Bun.NewInsert().Model(row).Exec(ctx); err != nil {
				t.Fatalf("insert %T: %v", row, err)
			}
		}
		relations := 0
		for _, row := range set.Rows {
			typ := reflect.TypeOf(row).Elem()
			table := db.Bun.Table(typ)
			want := reflect.ValueOf(row).Elem()
			got := reflect.New(typ)
			got.Elem().FieldByName("ID").Set(want.FieldByName("ID"))
			q := db.Bun.NewSelect().Model(got.Interface()).WherePK()
			for name := range table.Relations {
				q = q.Relation(name)
			}
			if err := q.Scan(ctx); err != nil {
				t.Errorf("select %s: %v", table.TypeName, err)
				continue
			}
			for _, f := range table.Fields {
				if !sameValue(f.Value(want), f.Value(got.Elem())) {
					t.Errorf("%s.%s: read back %#v, wrote %#v", table.TypeName, f.GoName,
						f.Value(got.Elem()).Interface(), f.Value(want).Interface())
				}
			}
			for name := range table.Relations {
				v := got.Elem().FieldByName(name)
				if (v.Kind() == reflect.Pointer && v.IsNil()) || (v.Kind() == reflect.Slice && v.Len() == 0) {
					t.Errorf("%s.%s: relation not loaded", table.TypeName, name)
				}
				relations++
			}
		}
		t.Logf("%s: %d rows written and read back, %d relations loaded", db.Dialect(), len(set.Rows), relations)
	})
}

// sameValue compares column values, times by instant (drivers return them
// in different locations).
func sameValue(a, b reflect.Value) bool {
	if a.Kind() == reflect.Pointer {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	}
	if ta, ok := reflect.TypeAssert[time.Time](a); ok {
		return ta.Equal(b.Interface().(time.Time))
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// TestSoftDelete checks that a soft-deleted row is hidden from queries and
// that the unique indexes ignore it, so its email can be used again, while
// live rows still collide.
func TestSoftDelete(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *testdb.DB) {
		testdb.Reference(t, db)
		set := refdata.New("sd")
		ctx := schema.WithTenant(context.Background(), set.Tenant)
		for _, row := range set.Rows[:2] { // the app and its environment
			if _, err := db.Bun.NewInsert().Model(row).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		newUser := func() *schema.User {
			return &schema.User{ID: xid.New(), AppID: set.App.ID, EnvironmentID: set.Environment.ID,
				Email: "reuse@example.com", Status: "active"}
		}
		first := newUser()
		if _, err := db.Bun.NewInsert().Model(first).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Bun.NewInsert().Model(newUser()).Exec(ctx); err == nil {
			t.Fatal("a second live user with the same email was accepted: the unique index does not work")
		}
		if _, err := db.Bun.NewDelete().Model(first).WherePK().Exec(ctx); err != nil {
			t.Fatal(err)
		}
		err := db.Bun.NewSelect().Model(&schema.User{ID: first.ID}).WherePK().Scan(ctx)
		if !errors.Is(err, sql.ErrNoRows) {
			t.Fatalf("soft-deleted user is still visible: err=%v", err)
		}
		deleted := &schema.User{ID: first.ID}
		if err := db.Bun.NewSelect().Model(deleted).WherePK().WhereDeleted().Scan(ctx); err != nil {
			t.Fatalf("soft-deleted row is gone, want it kept: %v", err)
		}
		if deleted.DeletedAt == nil {
			t.Fatal("deleted_at was not set")
		}
		second := newUser()
		if _, err := db.Bun.NewInsert().Model(second).Exec(ctx); err != nil {
			t.Fatalf("re-using the email of a soft-deleted user failed: %v", err)
		}
		if _, err := db.Bun.NewInsert().Model(newUser()).Exec(ctx); err == nil {
			t.Fatal("after a soft delete, two live users with one email were accepted")
		}
		n, err := db.Bun.NewSelect().Model((*schema.User)(nil)).WhereAllWithDeleted().
			Where("email = ?", "reuse@example.com").Count(ctx)
		if err != nil || n != 2 {
			t.Fatalf("rows with the email, deleted included: %d (%v), want 2", n, err)
		}
	})
}
