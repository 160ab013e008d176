package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// APIKeyRole grants a role to an API key: the join model of APIKey.Roles.
// Its rows only link two organization-scoped rows, so it carries no tenant
// columns of its own; rows are immutable and deleted on revoke.
type APIKeyRole struct {
	bun.BaseModel `bun:"table:api_key_roles,alias:akr"`

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	APIKeyID xid.ID `bun:"api_key_id,notnull,type:varchar(20),unique:api_key_roles_key_role_key"`
	RoleID   xid.ID `bun:"role_id,notnull,type:varchar(20),unique:api_key_roles_key_role_key"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`

	APIKey *APIKey `bun:"rel:belongs-to,join:api_key_id=id"`
	Role   *Role   `bun:"rel:belongs-to,join:role_id=id"`
}
