package schema

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// IdentityVerification is a KYC check of a user by an external provider.
// Results are kept for compliance, never soft-deleted.
type IdentityVerification struct {
	bun.BaseModel `bun:"table:identity_verifications,alias:idv"`
	EnvironmentScoped

	ID xid.ID `bun:"id,pk,type:varchar(20)"`

	AppID         xid.ID `bun:"app_id,notnull,type:varchar(20)"`
	EnvironmentID xid.ID `bun:"environment_id,notnull,type:varchar(20)"`
	UserID        xid.ID `bun:"user_id,notnull,type:varchar(20)"`

	Provider          string     `bun:"provider,notnull,type:varchar(50)"`
	ProviderReference *string    `bun:"provider_reference,type:varchar(255)"`
	Method            string     `bun:"method,notnull,type:varchar(20),default:'document'"`
	Status            string     `bun:"status,notnull,type:varchar(20),default:'pending'"`
	DocumentType      *string    `bun:"document_type,type:varchar(30)"`
	DocumentCountry   *string    `bun:"document_country,type:varchar(2)"`
	VerifiedAt        *time.Time `bun:"verified_at"`
	ExpiresAt         *time.Time `bun:"expires_at"`
	RejectionReason   *string    `bun:"rejection_reason,type:text"`

	Result map[string]any `bun:"result,type:json"`

	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`

	User *User `bun:"rel:belongs-to,join:user_id=id"`
}
