package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// User is an end user of one environment of one app. The same person signing
// up to two apps, or to staging and production, is two users.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`

	Email            string     `bun:"email,notnull,type:varchar(255)"`
	EmailVerified    bool       `bun:"email_verified,notnull,default:false"`
	EmailVerifiedAt  *time.Time `bun:"email_verified_at"`
	Phone            *string    `bun:"phone,type:varchar(32)"`
	PhoneVerified    bool       `bun:"phone_verified,notnull,default:false"`
	Username         *string    `bun:"username,type:varchar(64)"`
	Name             string     `bun:"name,notnull,type:varchar(255),default:''"`
	Image            *string    `bun:"image,type:text"`
	PasswordHash     *string    `bun:"password_hash,type:varchar(255)"` // nil for passwordless-only users
	Status           string     `bun:"status,notnull,type:varchar(20),default:'active'"`
	LastLoginAt      *time.Time `bun:"last_login_at"`
	LastLoginIP      *string    `bun:"last_login_ip,type:varchar(45)"`
	FailedLoginCount int        `bun:"failed_login_count,notnull,default:0"`
	LockedUntil      *time.Time `bun:"locked_until"`

	Metadata map[string]any `bun:"metadata,type:json"`

	CreatedAt time.Time  `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`

	Sessions []*Session `bun:"rel:has-many,join:id=user_id"`
}
