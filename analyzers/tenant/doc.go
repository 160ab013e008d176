// Package tenant is rule SL006 (tenant-columns): tenant-scoped tables
// carry every tenant column, NOT NULL.
//
// # What
//
// Each table has a tenant level; the level's columns (by default
// app_id, environment_id, organization_id) must exist and be notnull.
// Tables at other levels (app-level, global, join tables) are listed under
// levels. With no columns configured the rule checks nothing: tenancy is a
// project's decision.
//
// # Why
//
// Multi-tenant isolation is only as good as the column every query filters
// on. A tenant-scoped table without organization_id cannot be filtered by
// organization at all; a nullable one lets rows escape every tenant's
// filter (NULL = x is never true) and become invisible, or, with a careless
// "IS NULL OR", visible to all.
//
// Bad (organization level):
//
//	OrganizationID *xid.ID `bun:"organization_id,type:varchar(20)"` // nullable
//
// Good:
//
//	OrganizationID xid.ID `bun:"organization_id,notnull,type:varchar(20)"`
//
// A tenant column that is a foreign key (app_id of a package with an App
// model) has its nullability checked by SL003 instead, so it is reported
// once; but an optional one (a pointer without notnull), which SL003
// accepts as an optional reference, is reported here. The fix adds notnull to a value-typed column. A missing column is
// reported without a fix: adding one needs a migration and a backfill.
//
// # Options
//
//	columns: [app_id, environment_id, organization_id]   # the default level
//	levels:                                              # other levels, first match wins
//	  - name: environment
//	    columns: [app_id, environment_id]
//	    tables: [users, sessions]                        # globs
//	  - name: global
//	    columns: []
//	    tables: [apps]
package tenant
