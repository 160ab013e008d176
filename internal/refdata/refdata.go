// Package refdata builds one valid row of every reference model, all linked
// by their foreign keys and owned by one tenant, for tests that write real
// rows.
package refdata

import (
	"time"

	"github.com/rs/xid"

	"github.com/schemalint/schemalint/schema"
)

// Set is one row of every model of package schema, in schema.Models()
// order, all inside Tenant.
type Set struct {
	Tenant schema.Tenant
	Rows   []any

	App          *schema.App
	Environment  *schema.Environment
	User         *schema.User
	Organization *schema.Organization
	Role         *schema.Role
	Permission   *schema.Permission
	APIKey       *schema.APIKey
}

// New returns a fresh set with new ids. Values are chosen to survive a round
// trip through every database: times in UTC whole seconds (MySQL DATETIME
// has no fraction by default), JSON holding strings and booleans only (JSON
// numbers come back as float64).
func New(label string) *Set {
	now := time.Now().UTC().Truncate(time.Second)
	later := now.Add(24 * time.Hour)
	id := xid.New

	app := &schema.App{ID: id(), Name: "App " + label, Slug: "app-" + label,
		Description: new("reference app"), LogoURL: new("https://example.com/logo.png"),
		HomepageURL: new("https://example.com"), Status: "active",
		Settings: map[string]any{"theme": "dark"}, Metadata: map[string]any{"tier": "gold"},
		CreatedAt: now, UpdatedAt: now}
	env := &schema.Environment{ID: id(), AppID: app.ID, Name: "Production", Slug: "prod-" + label,
		Type: "production", IsDefault: true, Settings: map[string]any{"mfa": true}, CreatedAt: now, UpdatedAt: now}
	a, e := app.ID, env.ID
	user := &schema.User{ID: id(), AppID: a, EnvironmentID: e, Email: label + "@example.com",
		EmailVerified: true, EmailVerifiedAt: &now, Phone: new("+15550100"), PhoneVerified: true,
		Username: new("user-" + label), Name: "Ada " + label, Image: new("https://example.com/a.png"),
		PasswordHash: new("$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA"), Status: "active",
		LastLoginAt: &now, LastLoginIP: new("203.0.113.7"), FailedLoginCount: 1, LockedUntil: &later,
		Metadata: map[string]any{"locale": "en"}, CreatedAt: now, UpdatedAt: now}
	u := user.ID
	org := &schema.Organization{ID: id(), AppID: a, EnvironmentID: e, CreatedByID: &u,
		Name: "Acme " + label, Slug: "acme-" + label, Logo: new("https://example.com/acme.png"),
		Domain: new(label + ".example.com"), Plan: "pro", Status: "active", MaxMembers: new(50),
		Metadata: map[string]any{"crm": "x1"}, CreatedAt: now, UpdatedAt: now}
	o := org.ID
	device := &schema.Device{ID: id(), AppID: a, EnvironmentID: e, UserID: u, Fingerprint: "fp-" + label,
		Name: "Laptop", Type: "desktop", OS: new("Linux"), Browser: new("Firefox"), IPAddress: new("203.0.113.7"),
		Trusted: true, TrustedUntil: &later, LastSeenAt: &now, CreatedAt: now, UpdatedAt: now}
	session := &schema.Session{ID: id(), AppID: a, EnvironmentID: e, UserID: u, ActiveOrganizationID: &o,
		DeviceID: &device.ID, TokenHash: "session-hash-" + label, ExpiresAt: later, IPAddress: new("203.0.113.7"),
		UserAgent: new("Mozilla/5.0"), LastActiveAt: &now, CreatedAt: now, UpdatedAt: now}
	team := &schema.Team{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, Name: "Engineering",
		Slug: "eng", Description: new("builders"), Metadata: map[string]any{"cost_center": "r&d"},
		CreatedAt: now, UpdatedAt: now}
	member := &schema.Member{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, UserID: u, InvitedByID: &u,
		Role: "owner", Status: "active", JoinedAt: now, CreatedAt: now, UpdatedAt: now}
	invitation := &schema.Invitation{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, InviterID: u,
		TeamID: &team.ID, Email: "new-" + label + "@example.com", Role: "member", TokenHash: "inv-hash-" + label,
		Status: "pending", ExpiresAt: later, CreatedAt: now, UpdatedAt: now}
	appTeam := &schema.AppTeam{ID: id(), AppID: a, Name: "Platform", Slug: "platform", Description: new("admins"),
		CreatedAt: now, UpdatedAt: now}
	appMember := &schema.AppMember{ID: id(), AppID: a, UserID: u, AppTeamID: &appTeam.ID, Role: "owner",
		Status: "active", CreatedAt: now, UpdatedAt: now}
	appInvitation := &schema.AppInvitation{ID: id(), AppID: a, InviterID: u, AppTeamID: &appTeam.ID,
		Email: "dev-" + label + "@example.com", Role: "developer", TokenHash: "app-inv-hash-" + label,
		Status: "pending", ExpiresAt: later, CreatedAt: now, UpdatedAt: now}
	perm := &schema.Permission{ID: id(), AppID: a, Name: "users:read", Resource: "users", Action: "read",
		Description: new("read users"), CreatedAt: now, UpdatedAt: now}
	role := &schema.Role{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, Name: "admin",
		Description: new("administrators"), IsSystem: true, CreatedAt: now, UpdatedAt: now}
	rolePerm := &schema.RolePermission{ID: id(), RoleID: role.ID, PermissionID: perm.ID, CreatedAt: now}
	userRole := &schema.UserRole{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, UserID: u, RoleID: role.ID,
		AssignedByID: &u, ExpiresAt: &later, CreatedAt: now}
	policy := &schema.Policy{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, Name: "office-hours",
		Description: new("weekdays only"), Effect: "deny", Priority: 10, Enabled: true,
		Subjects: []string{"role:admin"}, Actions: []string{"users:delete"}, Resources: []string{"users/*"},
		Conditions: map[string]any{"weekday": "true"}, CreatedAt: now, UpdatedAt: now}
	social := &schema.SocialAccount{ID: id(), AppID: a, EnvironmentID: e, UserID: u, Provider: "github",
		ProviderAccountID: "gh-" + label, Email: new(label + "@example.com"), AccessTokenEncrypted: new("enc:a"),
		RefreshTokenEncrypted: new("enc:r"), TokenExpiresAt: &later, Scopes: []string{"read:user"},
		Profile: map[string]any{"login": label}, CreatedAt: now, UpdatedAt: now}
	apiKey := &schema.APIKey{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, CreatedByID: &u,
		Name: "CI", KeyPrefix: "sk_" + label[:min(len(label), 8)], KeyHash: "key-hash-" + label,
		Scopes: []string{"users:read"}, RateLimit: 600, ExpiresAt: &later, LastUsedAt: &now,
		LastUsedIP: new("198.51.100.1"), Metadata: map[string]any{"owner": "ci"}, CreatedAt: now, UpdatedAt: now}
	apiKeyRole := &schema.APIKeyRole{ID: id(), APIKeyID: apiKey.ID, RoleID: role.ID, CreatedAt: now}
	jwtKey := &schema.JWTKey{ID: id(), AppID: a, EnvironmentID: e, KeyID: "kid-" + label, Algorithm: "EdDSA",
		PublicKey: "-----BEGIN PUBLIC KEY-----", PrivateKeyEncrypted: "enc:key", Status: "active",
		ActivatedAt: &now, ExpiresAt: &later, CreatedAt: now, UpdatedAt: now}
	passkey := &schema.Passkey{ID: id(), AppID: a, EnvironmentID: e, UserID: u, CredentialID: "cred-" + label,
		PublicKey: "pQECAyYgASFYIA", SignCount: 7, AAGUID: new("00000000-0000-0000-0000-000000000000"),
		Transports: []string{"internal", "hybrid"}, AttestationType: "none", BackupEligible: true, BackupState: true,
		Name: "MacBook", LastUsedAt: &now, CreatedAt: now, UpdatedAt: now}
	audit := &schema.AuditEvent{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: &o, ActorID: &u,
		ActorType: "user", Action: "member.added", ResourceType: new("member"), ResourceID: new(member.ID.String()),
		Outcome: "success", IPAddress: new("203.0.113.7"), UserAgent: new("Mozilla/5.0"),
		Details: map[string]any{"role": "owner"}, CreatedAt: now}
	security := &schema.SecurityEvent{ID: id(), AppID: a, EnvironmentID: e, UserID: &u, Type: "brute_force",
		Severity: "high", IPAddress: new("198.51.100.9"), UserAgent: new("curl/8"), Country: new("NL"),
		Details: map[string]any{"attempts": "25"}, CreatedAt: now}
	ban := &schema.UserBan{ID: id(), AppID: a, EnvironmentID: e, UserID: u, BannedByID: &u, LiftedByID: &u,
		Reason: "spam", ExpiresAt: &later, LiftedAt: &now, CreatedAt: now, UpdatedAt: now}
	impersonation := &schema.ImpersonationSession{ID: id(), AppID: a, EnvironmentID: e, ImpersonatorID: u,
		TargetUserID: u, SessionID: &session.ID, Reason: "support ticket 42", IPAddress: new("10.0.0.1"),
		StartedAt: now, ExpiresAt: later, EndedAt: &now, CreatedAt: now, UpdatedAt: now}
	mfaSettings := &schema.MFASettings{ID: id(), AppID: a, EnvironmentID: e, UserID: u, Enabled: true,
		PreferredMethod: "webauthn", EnforcedAt: &now, CreatedAt: now, UpdatedAt: now}
	mfaCred := &schema.MFACredential{ID: id(), AppID: a, EnvironmentID: e, UserID: u, PasskeyID: &passkey.ID,
		Type: "webauthn", Name: "Touch ID", SecretEncrypted: new("enc:s"), Phone: new("+15550100"), Verified: true,
		VerifiedAt: &now, LastUsedAt: &now, CreatedAt: now, UpdatedAt: now}
	backup := &schema.MFABackupCode{ID: id(), AppID: a, EnvironmentID: e, UserID: u, CodeHash: "code-hash-" + label,
		UsedAt: &now, CreatedAt: now, UpdatedAt: now}
	magic := &schema.MagicLinkToken{ID: id(), AppID: a, EnvironmentID: e, UserID: &u, Email: label + "@example.com",
		TokenHash: "magic-hash-" + label, RedirectURL: new("https://example.com/welcome"),
		IPAddress: new("203.0.113.7"), ExpiresAt: later, UsedAt: &now, CreatedAt: now, UpdatedAt: now}
	otp := &schema.EmailOTP{ID: id(), AppID: a, EnvironmentID: e, UserID: &u, Email: label + "@example.com",
		CodeHash: "otp-hash-" + label, Purpose: "verify_email", Attempts: 2, ExpiresAt: later, VerifiedAt: &now,
		CreatedAt: now, UpdatedAt: now}
	phone := &schema.PhoneVerification{ID: id(), AppID: a, EnvironmentID: e, UserID: &u, Phone: "+15550100",
		CodeHash: "phone-hash-" + label, Channel: "voice", Attempts: 1, ExpiresAt: later, VerifiedAt: &now,
		CreatedAt: now, UpdatedAt: now}
	sso := &schema.SSOProvider{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: o, Name: "Okta",
		Protocol: "saml", Domain: label + ".example.com", Issuer: new("https://idp.example.com"),
		ClientID: new("client"), ClientSecretEncrypted: new("enc:c"), MetadataURL: new("https://idp.example.com/md"),
		SAMLMetadata: new("<EntityDescriptor/>"), Certificate: new("MIIC"), Enabled: true,
		AttributeMapping: map[string]any{"email": "mail"}, CreatedAt: now, UpdatedAt: now}
	client := &schema.OAuthClient{ID: id(), AppID: a, EnvironmentID: e, OrganizationID: &o, ClientID: "client-" + label,
		ClientSecretHash: new("secret-hash"), Name: "Mobile", LogoURL: new("https://example.com/m.png"),
		RedirectURIs: []string{"https://example.com/cb"}, GrantTypes: []string{"authorization_code", "refresh_token"},
		Scopes: []string{"openid", "email"}, Public: true, RequirePKCE: true, CreatedAt: now, UpdatedAt: now}
	token := &schema.OAuthToken{ID: id(), AppID: a, EnvironmentID: e, OAuthClientID: client.ID, UserID: &u,
		AccessTokenHash: "at-hash-" + label, RefreshTokenHash: new("rt-hash-" + label), Scopes: []string{"openid"},
		ExpiresAt: later, RefreshExpiresAt: &later, CreatedAt: now, UpdatedAt: now}
	code := &schema.AuthorizationCode{ID: id(), AppID: a, EnvironmentID: e, OAuthClientID: client.ID, UserID: u,
		CodeHash: "code-" + label, RedirectURI: "https://example.com/cb", Scopes: []string{"openid"},
		CodeChallenge: new("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), CodeChallengeMethod: new("S256"),
		Nonce: new("n-0S6_WzA2Mj"), ExpiresAt: later, UsedAt: &now, CreatedAt: now, UpdatedAt: now}
	template := &schema.NotificationTemplate{ID: id(), AppID: a, EnvironmentID: e, TemplateKey: "verify_email",
		Channel: "email", Locale: "en", Subject: new("Verify your email"), Body: "Hello {{name}}",
		Variables: []string{"name"}, Active: true, CreatedAt: now, UpdatedAt: now}
	notification := &schema.Notification{ID: id(), AppID: a, EnvironmentID: e, UserID: &u, TemplateID: &template.ID,
		Channel: "email", Recipient: label + "@example.com", Subject: new("Verify your email"), Body: "Hello",
		Status: "sent", Error: new(""), SentAt: &now, Metadata: map[string]any{"provider": "ses"},
		CreatedAt: now, UpdatedAt: now}
	webhook := &schema.Webhook{ID: id(), AppID: a, EnvironmentID: e, URL: "https://example.com/hook",
		SecretEncrypted: "enc:whsec", Description: new("CRM sync"), Events: []string{"user.created"}, Enabled: true,
		FailureCount: 0, LastDeliveryAt: &now, CreatedAt: now, UpdatedAt: now}
	delivery := &schema.WebhookDelivery{ID: id(), AppID: a, EnvironmentID: e, WebhookID: webhook.ID,
		EventType: "user.created", Status: "delivered", Attempts: 1, ResponseStatus: new(200),
		ResponseBody: new("ok"), DurationMS: new(int64(87)), NextAttemptAt: &later, DeliveredAt: &now,
		Payload: map[string]any{"user_id": u.String()}, CreatedAt: now, UpdatedAt: now}
	form := &schema.FormSchema{ID: id(), AppID: a, EnvironmentID: e, Name: "signup", Purpose: "signup", Version: 2,
		Active: true, Fields: []map[string]any{{"name": "company", "required": true}}, CreatedAt: now, UpdatedAt: now}
	idv := &schema.IdentityVerification{ID: id(), AppID: a, EnvironmentID: e, UserID: u, Provider: "onfido",
		ProviderReference: new("chk_123"), Method: "document", Status: "verified", DocumentType: new("passport"),
		DocumentCountry: new("NL"), VerifiedAt: &now, ExpiresAt: &later, RejectionReason: new(""),
		Result: map[string]any{"score": "clear"}, CreatedAt: now, UpdatedAt: now}

	return &Set{
		Tenant: schema.Tenant{AppID: a, EnvironmentID: e, OrganizationID: o},
		Rows: []any{
			app, env, user, org, device, session, team, member, invitation,
			appTeam, appMember, appInvitation,
			perm, role, rolePerm, userRole, policy,
			social, apiKey, apiKeyRole, jwtKey, passkey,
			audit, security, ban, impersonation,
			mfaSettings, mfaCred, backup,
			magic, otp, phone,
			sso, client, token, code,
			template, notification, webhook, delivery,
			form, idv,
		},
		App: app, Environment: env, User: user, Organization: org, Role: role, Permission: perm, APIKey: apiKey,
	}
}
