package schema

import "github.com/uptrace/bun"

// Models returns a nil pointer of every model type, parents before the
// tables whose foreign keys reference them, so creating tables in this order
// (and dropping them in reverse) never breaks a constraint.
func Models() []any {
	return []any{
		// Apps
		(*App)(nil),
		(*Environment)(nil),
		// Core entities and organizations
		(*User)(nil),
		(*Organization)(nil),
		(*Device)(nil),
		(*Session)(nil),
		(*Team)(nil),
		(*Member)(nil),
		(*Invitation)(nil),
		// App administration
		(*AppTeam)(nil),
		(*AppMember)(nil),
		(*AppInvitation)(nil),
		// RBAC
		(*Permission)(nil),
		(*Role)(nil),
		(*RolePermission)(nil),
		(*UserRole)(nil),
		(*Policy)(nil),
		// Authentication
		(*SocialAccount)(nil),
		(*APIKey)(nil),
		(*APIKeyRole)(nil),
		(*JWTKey)(nil),
		(*Passkey)(nil),
		// Security and audit
		(*AuditEvent)(nil),
		(*SecurityEvent)(nil),
		(*UserBan)(nil),
		(*ImpersonationSession)(nil),
		// MFA
		(*MFASettings)(nil),
		(*MFACredential)(nil),
		(*MFABackupCode)(nil),
		// Passwordless
		(*MagicLinkToken)(nil),
		(*EmailOTP)(nil),
		(*PhoneVerification)(nil),
		// SSO and OAuth
		(*SSOProvider)(nil),
		(*OAuthClient)(nil),
		(*OAuthToken)(nil),
		(*AuthorizationCode)(nil),
		// Notifications and webhooks
		(*NotificationTemplate)(nil),
		(*Notification)(nil),
		(*Webhook)(nil),
		(*WebhookDelivery)(nil),
		// Forms and identity
		(*FormSchema)(nil),
		(*IdentityVerification)(nil),
	}
}

// JoinModels returns the join models of many-to-many relations. Bun panics
// on first use of Role.Permissions or APIKey.Roles unless these are
// registered first.
func JoinModels() []any {
	return []any{
		(*RolePermission)(nil),
		(*APIKeyRole)(nil),
	}
}

// RegisterModels registers the join models with db. Call it once, right
// after bun.NewDB.
func RegisterModels(db *bun.DB) {
	db.RegisterModel(JoinModels()...)
}
