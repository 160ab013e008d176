package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// AuditEvent records who did what to which resource. The log is append-only:
// rows are never updated or deleted by the application (retention jobs purge
// old rows with an Unscoped context), so there is no updated_at or
// deleted_at. OrganizationID is set when the action happened inside an
// organization.
type AuditEvent struct {
	bun.BaseModel `bun:"table:audit_events,alias:ae"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID          xid.ID  `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID  xid.ID  `bun:"environment_id,notnull,type:varchar(20)"`
	OrganizationID *xid.ID `bun:"organization_id,type:varchar(20)"`
	ActorID        *xid.ID `bun:"actor_id,type:varchar(20)"`

	ActorType    string  `bun:"actor_type,notnull,type:varchar(20),default:'user'"`
	Action       string  `bun:"action,notnull,type:varchar(100)"`
	ResourceType *string `bun:"resource_type,type:varchar(50)"`
	ResourceID   *string `bun:"resource_id,type:varchar(64)"`
	Outcome      string  `bun:"outcome,notnull,type:varchar(20),default:'success'"`
	IPAddress    *string `bun:"ip_address,type:varchar(45)"`
	UserAgent    *string `bun:"user_agent,type:text"`

	Details map[string]any `bun:"details,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`

	Actor        *User         `bun:"rel:belongs-to,join:actor_id=id"`
	Organization *Organization `bun:"rel:belongs-to,join:organization_id=id"`
}
