package schema_test

import (
	"context"
	"errors"
	"testing"

	"github.com/rs/xid"
	"github.com/uptrace/bun"

	"github.com/schemalint/schemalint/internal/refdata"
	"github.com/schemalint/schemalint/internal/testdb"
	"github.com/schemalint/schemalint/schema"
)

func seed(t *testing.T, db *bun.DB, label string) *refdata.Set {
	t.Helper()
	set := refdata.New(label)
	ctx := schema.WithTenant(context.Background(), set.Tenant)
	for _, row := range set.Rows {
		if _, err := db.NewInsert().Model(row).Exec(ctx); err != nil {
			t.Fatalf("insert %T: %v", row, err)
		}
	}
	return set
}

// TestTenantScoping seeds two tenants and checks that selects, updates and
// deletes see only the tenant of the context, at every scope level.
func TestTenantScoping(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tdb *testdb.DB) {
		db := testdb.Reference(t, tdb).Bun
		a, b := seed(t, db, "tenanta"), seed(t, db, "tenantb")
		ctxA := schema.WithTenant(context.Background(), a.Tenant)
		ctxB := schema.WithTenant(context.Background(), b.Tenant)

		// Select, at each level: environments (app), users (environment),
		// members (organization).
		for _, c := range []struct {
			ctx  context.Context
			want *refdata.Set
		}{{ctxA, a}, {ctxB, b}} {
			var envs []schema.Environment
			var users []schema.User
			var members []schema.Member
			for _, q := range []*bun.SelectQuery{
				db.NewSelect().Model(&envs), db.NewSelect().Model(&users), db.NewSelect().Model(&members),
			} {
				if err := q.Scan(c.ctx); err != nil {
					t.Fatal(err)
				}
			}
			if len(envs) != 1 || envs[0].AppID != c.want.App.ID {
				t.Errorf("environments visible: %d, want only the tenant's one", len(envs))
			}
			if len(users) != 1 || users[0].ID != c.want.User.ID {
				t.Errorf("users visible: %d, want only the tenant's one", len(users))
			}
			if len(members) != 1 || members[0].OrganizationID != c.want.Organization.ID {
				t.Errorf("members visible: %d, want only the tenant's one", len(members))
			}
		}

		// A query joining two scoped tables stays unambiguous.
		var sessions []schema.Session
		if err := db.NewSelect().Model(&sessions).Relation("User").Relation("ActiveOrganization").Scan(ctxA); err != nil {
			t.Fatalf("select with joined relations: %v", err)
		}
		if len(sessions) != 1 || sessions[0].User == nil || sessions[0].User.ID != a.User.ID {
			t.Errorf("sessions with joins: %+v", sessions)
		}

		// Has-many and many-to-many relations load through the related
		// model's hook, inside the tenant.
		org := &schema.Organization{ID: a.Organization.ID}
		if err := db.NewSelect().Model(org).WherePK().Relation("Members").Scan(ctxA); err != nil || len(org.Members) != 1 {
			t.Errorf("has-many within the tenant: %d members, err %v", len(org.Members), err)
		}
		role := &schema.Role{ID: a.Role.ID}
		if err := db.NewSelect().Model(role).WherePK().Relation("Permissions").Scan(ctxA); err != nil || len(role.Permissions) != 1 {
			t.Errorf("m2m within the tenant: %d permissions, err %v", len(role.Permissions), err)
		}

		// Another tenant's row by primary key is invisible.
		err := db.NewSelect().Model(&schema.User{ID: b.User.ID}).WherePK().Scan(ctxA)
		if err == nil {
			t.Error("tenant A read tenant B's user by primary key")
		}

		// Update and delete cannot touch another tenant's rows.
		res, err := db.NewUpdate().Model(&schema.User{ID: b.User.ID}).Set("name = ?", "hijacked").WherePK().Exec(ctxA)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("tenant A updated %d of tenant B's users", n)
		}
		res, err = db.NewUpdate().Model(&schema.User{ID: a.User.ID}).Set("name = ?", "renamed").WherePK().Exec(ctxA)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Errorf("tenant A updated %d of its own users, want 1", n)
		}
		res, err = db.NewDelete().Model(&schema.Member{ID: xid.NilID()}).Where("1 = 1").Exec(ctxB)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Errorf("tenant B's blanket delete removed %d members, want only its own 1", n)
		}
		var left []schema.Member
		if err := db.NewSelect().Model(&left).Scan(ctxA); err != nil || len(left) != 1 {
			t.Errorf("tenant A's members after tenant B's delete: %d (%v), want 1", len(left), err)
		}
		res, err = db.NewDelete().Model((*schema.APIKey)(nil)).Where("1 = 1").ForceDelete().Exec(ctxA)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Errorf("tenant A's delete removed %d api keys, want 1", n)
		}

		// Without a tenant, every kind of query is refused.
		bare := context.Background()
		checks := map[string]error{
			"select": db.NewSelect().Model(&[]schema.User{}).Scan(bare),
		}
		_, checks["update"] = db.NewUpdate().Model(&schema.User{ID: a.User.ID}).Set("name = ?", "x").WherePK().Exec(bare)
		_, checks["delete"] = db.NewDelete().Model(&schema.User{ID: a.User.ID}).WherePK().Exec(bare)
		for op, err := range checks {
			if !errors.Is(err, schema.ErrNoTenant) {
				t.Errorf("%s without tenant: err = %v, want ErrNoTenant", op, err)
			}
		}
		// An environment-level tenant is not enough for organization rows.
		envOnly := schema.WithTenant(bare, schema.Tenant{AppID: a.App.ID, EnvironmentID: a.Environment.ID})
		if err := db.NewSelect().Model(&[]schema.User{}).Scan(envOnly); err != nil {
			t.Errorf("users with an environment tenant: %v", err)
		}
		if err := db.NewSelect().Model(&[]schema.Member{}).Scan(envOnly); !errors.Is(err, schema.ErrNoTenant) {
			t.Errorf("members with an environment tenant: err = %v, want ErrNoTenant", err)
		}

		// The escape hatch sees every tenant.
		var all []schema.User
		if err := db.NewSelect().Model(&all).Scan(schema.Unscoped(bare, "test: cross-tenant check")); err != nil || len(all) != 2 {
			t.Errorf("unscoped select: %d users (%v), want 2", len(all), err)
		}

		// Count runs no hooks (documented); ScopedCount is the safe way.
		n, err := schema.ScopedCount(ctxA, schema.ScopeEnvironment, db.NewSelect().Model((*schema.User)(nil)))
		if err != nil || n != 1 {
			t.Errorf("ScopedCount = %d (%v), want 1", n, err)
		}
		raw, err := db.NewSelect().Model((*schema.User)(nil)).Count(ctxA)
		if err != nil || raw != 2 {
			t.Errorf("plain Count = %d (%v); Bun runs no hook for Count, so it should see both tenants (2): if this changed, update the docs", raw, err)
		}
	})
}

func TestUnscopedNeedsReason(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Unscoped with an empty reason did not panic")
		}
	}()
	schema.Unscoped(context.Background(), " ")
}

func TestScopeOf(t *testing.T) {
	cases := map[any]schema.Scope{
		(*schema.Environment)(nil): schema.ScopeApp,
		(*schema.User)(nil):        schema.ScopeEnvironment,
		(*schema.Member)(nil):      schema.ScopeOrganization,
	}
	for m, want := range cases {
		if got, ok := schema.ScopeOf(m); !ok || got != want {
			t.Errorf("ScopeOf(%T) = %v, %v; want %v", m, got, ok, want)
		}
	}
	for _, m := range []any{(*schema.App)(nil), (*schema.RolePermission)(nil), (*schema.APIKeyRole)(nil)} {
		if _, ok := schema.ScopeOf(m); ok {
			t.Errorf("ScopeOf(%T) reports a scope for an unscoped model", m)
		}
	}
}
