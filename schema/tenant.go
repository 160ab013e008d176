package schema

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Tenant identifies whose rows a query may see or change. An
// environment-level operation (a user, a session) needs AppID and
// EnvironmentID; an organization-level one needs all three.
type Tenant struct {
	AppID          xid.ID
	EnvironmentID  xid.ID
	OrganizationID xid.ID
}

// ErrNoTenant is returned by a query on a scoped model whose context carries
// neither a tenant complete enough for the model's scope nor an explicit
// Unscoped marker. Refusing is the point: a forgotten WithTenant must never
// turn into a query over every tenant.
var ErrNoTenant = errors.New("schema: no tenant in context for a tenant-scoped query")

type tenantKey struct{}

type unscopedKey struct{}

// WithTenant returns a context whose queries on scoped models are limited to t.
func WithTenant(ctx context.Context, t Tenant) context.Context {
	return context.WithValue(ctx, tenantKey{}, t)
}

// TenantFrom returns the tenant put into ctx by WithTenant.
func TenantFrom(ctx context.Context) (Tenant, bool) {
	t, ok := ctx.Value(tenantKey{}).(Tenant)
	return t, ok
}

// Unscoped returns a context whose queries bypass tenant filtering, for
// system jobs (retention, migrations of data, cross-tenant reports). The
// reason is required so every use is greppable and explains itself; an empty
// reason panics, because it is a programming error, not a runtime condition.
func Unscoped(ctx context.Context, reason string) context.Context {
	if strings.TrimSpace(reason) == "" {
		panic("schema.Unscoped: a reason is required")
	}
	return context.WithValue(ctx, unscopedKey{}, reason)
}

// UnscopedReason reports whether ctx was made by Unscoped, and why.
func UnscopedReason(ctx context.Context) (string, bool) {
	r, ok := ctx.Value(unscopedKey{}).(string)
	return r, ok
}

// Scope is how much of the tenant a model's rows carry.
type Scope int

const (
	// ScopeApp rows carry app_id.
	ScopeApp Scope = iota + 1
	// ScopeEnvironment rows carry app_id and environment_id.
	ScopeEnvironment
	// ScopeOrganization rows carry app_id, environment_id and organization_id.
	ScopeOrganization
)

func (s Scope) String() string {
	switch s {
	case ScopeApp:
		return "app"
	case ScopeEnvironment:
		return "environment"
	case ScopeOrganization:
		return "organization"
	}
	return fmt.Sprintf("Scope(%d)", int(s))
}

// Columns returns the tenant columns a model of this scope is filtered on.
func (s Scope) Columns() []string {
	cols := []string{"app_id", "environment_id", "organization_id"}
	if s < ScopeApp || s > ScopeOrganization {
		return nil
	}
	return cols[:s]
}

// conditions returns the WHERE conditions for scope s, or an error when ctx
// has no usable tenant. Unscoped contexts yield no conditions.
func (s Scope) conditions(ctx context.Context) ([]string, []any, error) {
	if _, ok := UnscopedReason(ctx); ok {
		return nil, nil, nil
	}
	t, ok := TenantFrom(ctx)
	if !ok {
		return nil, nil, fmt.Errorf("%w (%s scope)", ErrNoTenant, s)
	}
	values := []xid.ID{t.AppID, t.EnvironmentID, t.OrganizationID}
	cols := s.Columns()
	args := make([]any, len(cols))
	for i, col := range cols {
		if values[i].IsNil() {
			return nil, nil, fmt.Errorf("%w: %s is not set (%s scope)", ErrNoTenant, col, s)
		}
		args[i] = values[i]
	}
	return cols, args, nil
}

// where is the part of *bun.SelectQuery, *bun.UpdateQuery and
// *bun.DeleteQuery the scope needs.
type where[Q any] interface {
	Where(query string, args ...any) Q
}

// apply adds the tenant conditions of scope s to q. Selects and updates
// qualify the columns with ?TableAlias, which keeps them unambiguous when
// the query joins other scoped tables carrying the same column names.
// Deletes leave them unqualified: MariaDB and MySQL before 8.0.16 accept no
// alias in DELETE, and Bun then renders none, while a soft delete (which Bun
// turns into an UPDATE) does have one; bare names are right in both.
func apply[Q where[Q]](ctx context.Context, s Scope, q Q, qualify bool) error {
	cols, args, err := s.conditions(ctx)
	if err != nil {
		return err
	}
	for i, col := range cols {
		if qualify {
			col = "?TableAlias." + col
		}
		q.Where(col+" = ?", args[i])
	}
	return nil
}

// ScopeSelect adds the tenant condition of scope s to q. Bun runs no model
// hooks for Count, Exists or the count half of ScanAndCount with a limit, so
// call this (or ScopedCount) on such queries yourself.
func ScopeSelect(ctx context.Context, s Scope, q *bun.SelectQuery) error {
	return apply(ctx, s, q, true)
}

// ScopedCount counts the rows of q within the tenant of ctx.
func ScopedCount(ctx context.Context, s Scope, q *bun.SelectQuery) (int, error) {
	if err := apply(ctx, s, q, true); err != nil {
		return 0, err
	}
	n, err := q.Count(ctx)
	return int(n), err
}

// A scoped model embeds exactly one of AppScoped, EnvironmentScoped or
// OrganizationScoped. The marker has no fields, so it adds no columns; its
// methods are promoted to the model and become Bun's BeforeSelect,
// BeforeUpdate and BeforeDelete model hooks.

// AppScoped marks a model whose queries are filtered on app_id.
type AppScoped struct{}

// EnvironmentScoped marks a model whose queries are filtered on app_id and
// environment_id.
type EnvironmentScoped struct{}

// OrganizationScoped marks a model whose queries are filtered on app_id,
// environment_id and organization_id.
type OrganizationScoped struct{}

var (
	_ bun.BeforeSelectHook = AppScoped{}
	_ bun.BeforeUpdateHook = AppScoped{}
	_ bun.BeforeDeleteHook = AppScoped{}
	_ bun.BeforeSelectHook = EnvironmentScoped{}
	_ bun.BeforeUpdateHook = EnvironmentScoped{}
	_ bun.BeforeDeleteHook = EnvironmentScoped{}
	_ bun.BeforeSelectHook = OrganizationScoped{}
	_ bun.BeforeUpdateHook = OrganizationScoped{}
	_ bun.BeforeDeleteHook = OrganizationScoped{}
)

// TenantScope returns the scope of this model.
func (AppScoped) TenantScope() Scope { return ScopeApp }

// BeforeSelect limits the query to the tenant of ctx.
func (AppScoped) BeforeSelect(ctx context.Context, q *bun.SelectQuery) error {
	return apply(ctx, ScopeApp, q, true)
}

// BeforeUpdate limits the query to the tenant of ctx.
func (AppScoped) BeforeUpdate(ctx context.Context, q *bun.UpdateQuery) error {
	return apply(ctx, ScopeApp, q, true)
}

// BeforeDelete limits the query to the tenant of ctx.
func (AppScoped) BeforeDelete(ctx context.Context, q *bun.DeleteQuery) error {
	return apply(ctx, ScopeApp, q, false)
}

// TenantScope returns the scope of this model.
func (EnvironmentScoped) TenantScope() Scope { return ScopeEnvironment }

// BeforeSelect limits the query to the tenant of ctx.
func (EnvironmentScoped) BeforeSelect(ctx context.Context, q *bun.SelectQuery) error {
	return apply(ctx, ScopeEnvironment, q, true)
}

// BeforeUpdate limits the query to the tenant of ctx.
func (EnvironmentScoped) BeforeUpdate(ctx context.Context, q *bun.UpdateQuery) error {
	return apply(ctx, ScopeEnvironment, q, true)
}

// BeforeDelete limits the query to the tenant of ctx.
func (EnvironmentScoped) BeforeDelete(ctx context.Context, q *bun.DeleteQuery) error {
	return apply(ctx, ScopeEnvironment, q, false)
}

// TenantScope returns the scope of this model.
func (OrganizationScoped) TenantScope() Scope { return ScopeOrganization }

// BeforeSelect limits the query to the tenant of ctx.
func (OrganizationScoped) BeforeSelect(ctx context.Context, q *bun.SelectQuery) error {
	return apply(ctx, ScopeOrganization, q, true)
}

// BeforeUpdate limits the query to the tenant of ctx.
func (OrganizationScoped) BeforeUpdate(ctx context.Context, q *bun.UpdateQuery) error {
	return apply(ctx, ScopeOrganization, q, true)
}

// BeforeDelete limits the query to the tenant of ctx.
func (OrganizationScoped) BeforeDelete(ctx context.Context, q *bun.DeleteQuery) error {
	return apply(ctx, ScopeOrganization, q, false)
}

// ScopeOf returns the tenant scope of model (a pointer to a model struct,
// nil or not, or a model value), and false for global models and join
// tables.
func ScopeOf(model any) (Scope, bool) {
	v := reflect.ValueOf(model)
	if v.Kind() == reflect.Pointer && v.IsNil() {
		// The promoted marker methods dereference the model pointer.
		v = reflect.New(v.Type().Elem())
	}
	if m, ok := reflect.TypeAssert[interface{ TenantScope() Scope }](v); ok {
		return m.TenantScope(), true
	}
	return 0, false
}
