package realworld

import "fixtures/sqlschema"

func init() {
	// Migration functions of another package of the module.
	Migrations.MustRegister(sqlschema.CreateAuditLog, sqlschema.DropAuditLog)
}
