package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/schemalint/schemalint/schema"
)

// Role-based access control: permissions, roles, their link, role
// assignments and ABAC policies.
func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		// Bun cannot reflect a model with a many-to-many relation until
		// the join model is registered.
		schema.RegisterModels(db)
		if err := run(ctx,
			db.NewCreateTable().Model((*schema.Permission)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.Role)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.RolePermission)(nil)).IfNotExists().
				ForeignKey("(role_id) REFERENCES roles (id) ON DELETE CASCADE").
				ForeignKey("(permission_id) REFERENCES permissions (id) ON DELETE CASCADE"),
			db.NewCreateTable().Model((*schema.UserRole)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE").
				ForeignKey("(user_id) REFERENCES users (id) ON DELETE CASCADE").
				ForeignKey("(role_id) REFERENCES roles (id) ON DELETE CASCADE").
				ForeignKey("(assigned_by_id) REFERENCES users (id) ON DELETE SET NULL"),
			db.NewCreateTable().Model((*schema.Policy)(nil)).IfNotExists().
				ForeignKey("(app_id) REFERENCES apps (id) ON DELETE CASCADE").
				ForeignKey("(environment_id) REFERENCES environments (id) ON DELETE CASCADE").
				ForeignKey("(organization_id) REFERENCES organizations (id) ON DELETE CASCADE"),

			db.NewCreateIndex().Model((*schema.Role)(nil)).Index("idx_roles_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Role)(nil)).Index("idx_roles_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.RolePermission)(nil)).Index("idx_role_permissions_permission_id").Column("permission_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_environment_id").Column("environment_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_org_user_role_unique").
				Unique().Column("organization_id", "user_id", "role_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_user_id").Column("user_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_role_id").Column("role_id"),
			db.NewCreateIndex().Model((*schema.UserRole)(nil)).Index("idx_user_roles_assigned_by_id").Column("assigned_by_id"),
			db.NewCreateIndex().Model((*schema.Policy)(nil)).Index("idx_policies_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Policy)(nil)).Index("idx_policies_environment_id").Column("environment_id"),
		); err != nil {
			return err
		}
		if db.Dialect().Name() == dialect.MySQL {
			return runSQL(ctx, db,
				"ALTER TABLE permissions ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_permissions_app_name_unique ON permissions (app_id, name, not_deleted)",
				"ALTER TABLE roles ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_roles_org_name_unique ON roles (organization_id, name, not_deleted)",
				"ALTER TABLE policies ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
				"CREATE UNIQUE INDEX idx_policies_org_name_unique ON policies (organization_id, name, not_deleted)",
			)
		}
		// A partial index cannot serve the foreign key's own checks (an
		// ON DELETE scans all rows, deleted ones too), so the key columns
		// the partial unique indexes lead get a plain index as well.
		return run(ctx,
			db.NewCreateIndex().Model((*schema.Permission)(nil)).Index("idx_permissions_app_name_unique").
				Unique().Column("app_id", "name").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Role)(nil)).Index("idx_roles_org_name_unique").
				Unique().Column("organization_id", "name").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Policy)(nil)).Index("idx_policies_org_name_unique").
				Unique().Column("organization_id", "name").Where("deleted_at IS NULL"),
			db.NewCreateIndex().Model((*schema.Permission)(nil)).Index("idx_permissions_app_id").Column("app_id"),
			db.NewCreateIndex().Model((*schema.Role)(nil)).Index("idx_roles_organization_id").Column("organization_id"),
			db.NewCreateIndex().Model((*schema.Policy)(nil)).Index("idx_policies_organization_id").Column("organization_id"),
		)
	}, func(ctx context.Context, db *bun.DB) error {
		schema.RegisterModels(db)
		return run(ctx,
			db.NewDropTable().Model((*schema.Policy)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.UserRole)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.RolePermission)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Role)(nil)).IfExists(),
			db.NewDropTable().Model((*schema.Permission)(nil)).IfExists(),
		)
	})
}
