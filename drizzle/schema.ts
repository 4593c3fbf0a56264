/**
 * The database, in one place. TS keys camelCase, SQL names snake_case; tables plural.
 * Secrets and tokens are stored only as SHA-256 digests (base64url); plaintext never lands here.
 * Every lookup the protocol's hot path makes has an index (unique digest or client_id).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; the password grant's username. */
    email: text('email').notNull(),
    name: text('name'),
    /** argon2id; null for accounts that only sign in with GitHub or Google. */
    passwordHash: text('password_hash'),
    emailVerified: boolean('email_verified').notNull().default(false),
    /** May use the operators' console and operator-only settings (`manage setoperator`); OAUTH2_OPERATOR_EMAILS also names operators. */
    operator: boolean('operator').notNull().default(false),
    /** Set by an operator: no sign-in, sessions ended, tokens revoked. Null = active. */
    disabledAt: ts('disabled_at'),
    /** Operator-managed role names, released to relying parties with the `roles` scope. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/**
 * A signed-in browser. The Auth.js session cookie (an encrypted JWT) carries a random session
 * secret; this row holds only its SHA-256 digest, so a database read cannot be replayed as a
 * cookie. Each request checks the row is live, which is how a session ended on one instance
 * (sign out elsewhere, password reset, disabled user) ends on every instance.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionDigest: text('session_digest').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** How the person proved who they are this session (OIDC amr values: pwd, otp, hwk, ...). */
    authMethods: text('auth_methods').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    /** Null while the session lives. */
    endedAt: ts('ended_at'),
  },
  (t) => [uniqueIndex('user_sessions_digest_key').on(t.sessionDigest), index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Single-use links sent by email: password reset, address verification, address change. Only
 * the SHA-256 digest of the link's token is stored; the token itself exists only in the email.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification', 'email_change'] }).notNull(),
    tokenDigest: text('token_digest').notNull(),
    /** The address the link was sent to (for email_change: the new address, applied when followed). */
    email: text('email').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('account_tokens_digest_key').on(t.tokenDigest), index('account_tokens_user_idx').on(t.userId)],
);

/**
 * The audit trail: who did what, when, from where. Never a token, secret, code or password:
 * `detail` holds short machine-readable facts (scopes, counts, reasons). No foreign keys, so the
 * record outlives the user or application it names. Pruned after OAUTH2_AUDIT_RETENTION_DAYS.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    /** e.g. sign_in.succeeded, consent.granted, token.revoked, application.updated. */
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['user', 'application', 'operator', 'system'] }).notNull(),
    /** A user id, a client_id, or null for the system. */
    actorId: text('actor_id'),
    /** The actor's email or application name at the time (kept when the row it named is gone). */
    actorLabel: text('actor_label'),
    /** The user the event is about (theirs to see on /account/activity). */
    userId: uuid('user_id'),
    /** The application the event is about. */
    clientId: text('client_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_user_idx').on(t.userId, t.at),
    index('audit_events_client_idx').on(t.clientId, t.at),
    index('audit_events_type_idx').on(t.type, t.at),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: text('client_id').notNull(),
    /** SHA-256 of the secret; null for public clients. */
    clientSecretDigest: text('client_secret_digest'),
    clientType: text('client_type', { enum: ['confidential', 'public'] }).notNull(),
    /** RFC 6749 grant type names (authorization_code, implicit, password, client_credentials, refresh_token). */
    grantTypes: text('grant_types').array().notNull().default(sql`'{}'::text[]`),
    redirectUris: text('redirect_uris').array().notNull().default(sql`'{}'::text[]`),
    postLogoutRedirectUris: text('post_logout_redirect_uris').array().notNull().default(sql`'{}'::text[]`),
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    skipAuthorization: boolean('skip_authorization').notNull().default(false),
    /** OIDC id_token signing algorithm: '' (no OIDC), RS256 or ES256. */
    algorithm: text('algorithm').notNull().default(''),
    /** Token-endpoint requests per minute for this client: null = the OAUTH2_RATE_LIMIT_* default, 0 = no limit. */
    rateLimit: integer('rate_limit'),
    /**
     * How it became a client: the dashboard or CLI, RFC 7591 dynamic registration, or a client ID
     * metadata document (its client_id is the document's https URL).
     */
    registeredVia: text('registered_via', { enum: ['dashboard', 'dynamic', 'metadata_document'] }).notNull().default('dashboard'),
    /** RFC 7592: SHA-256 of the registration access token for the client configuration endpoint. */
    registrationAccessTokenDigest: text('registration_access_token_digest'),
    /** RFC 7591 metadata kept as sent (client_uri, logo_uri, contacts, scope, software_id, ...). */
    clientMetadata: jsonb('client_metadata'),
    /** Client ID metadata documents: when the document was last fetched (it is refetched after the cache bound). */
    metadataFetchedAt: ts('metadata_fetched_at'),
    /** RFC 8707: resource indicators this application serves as a resource server (its tokens' audience). */
    resources: text('resources').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Set by an operator (CLI `--resource-server`): it may introspect any token (RFC 7662 §4)
     * and its client_credentials tokens may carry the `introspection` scope.
     */
    resourceServer: boolean('resource_server').notNull().default(false),
    /**
     * RFC 7591 §2 token_endpoint_auth_method as registered; null = any secret method the client
     * can use (dashboard applications, as DOT).
     */
    tokenEndpointAuthMethod: text('token_endpoint_auth_method'),
    /** Set by the owner or an operator: invalid_client at the token endpoint, its tokens stop working. Null = enabled. */
    disabledAt: ts('disabled_at'),
    /** The scopes it may request; null = every scope the server knows except `introspection` (applications made before this existed). */
    allowedScopes: text('allowed_scopes').array(),
    /** Lifetime overrides in seconds; null = the server's setting. */
    accessTokenLifetime: integer('access_token_lifetime'),
    refreshTokenLifetime: integer('refresh_token_lifetime'),
    idTokenLifetime: integer('id_token_lifetime'),
    /** DOT's refresh_token_allowed: whether the code and password grants issue refresh tokens. */
    issueRefreshTokens: boolean('issue_refresh_tokens').notNull().default(true),
    /** Secret rotation with overlap: the previous secret's SHA-256 digest, accepted until it expires. */
    previousSecretDigest: text('previous_secret_digest'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('applications_client_id_key').on(t.clientId), index('applications_owner_idx').on(t.ownerId)],
);

/** DOT's Grant: a single-use authorization code (RFC 6749 §4.1.2). */
export const authorizationCodes = pgTable(
  'authorization_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    codeDigest: text('code_digest').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The redirect_uri sent to authorize, or null when it was omitted (§4.1.3). */
    redirectUri: text('redirect_uri'),
    scope: text('scope').notNull(),
    codeChallenge: text('code_challenge'),
    codeChallengeMethod: text('code_challenge_method'),
    nonce: text('nonce'),
    authTime: ts('auth_time'),
    /** RFC 8707 resource indicators sent to authorize; null when none were. */
    resources: text('resources').array(),
    expiresAt: ts('expires_at').notNull(),
    /** Set when exchanged; a second exchange is a replay (§4.1.2). */
    consumedAt: ts('consumed_at'),
    /**
     * Tombstone set when a replay revoked what this code issued: issuance from the code checks it
     * under a row lock, so a token minted at the same moment as the revocation cannot survive it.
     */
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('authorization_codes_digest_key').on(t.codeDigest), index('authorization_codes_expires_idx').on(t.expiresAt)],
);

export const accessTokens = pgTable(
  'access_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tokenDigest: text('token_digest').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    /** Null for client_credentials. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    /** The code this token (or its refresh chain) came from, so a replayed code can revoke it. */
    authorizationCodeId: bigint('authorization_code_id', { mode: 'number' }),
    /** The refresh-token family (rotation chain) this token belongs to. */
    familyId: uuid('family_id'),
    /** RFC 8707: the resources this token is meant for (introspection's `aud`); null = not restricted. */
    audience: text('audience').array(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  // Every index costs each issuance an insert; the ones only some tokens need are partial, so a
  // client_credentials token (no user, code or family) updates two. cleartokens scans instead
  // of keeping an expiry index, in batches.
  (t) => [
    uniqueIndex('access_tokens_digest_key').on(t.tokenDigest),
    index('access_tokens_application_idx').on(t.applicationId, t.createdAt),
    index('access_tokens_user_app_idx').on(t.userId, t.applicationId).where(sql`${t.userId} is not null`),
    index('access_tokens_family_idx').on(t.familyId).where(sql`${t.familyId} is not null`),
    index('access_tokens_code_idx').on(t.authorizationCodeId).where(sql`${t.authorizationCodeId} is not null`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tokenDigest: text('token_digest').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    accessTokenId: bigint('access_token_id', { mode: 'number' }),
    /** Every rotation of one original grant shares a family (RFC 9700 §4.14.2). */
    familyId: uuid('family_id').notNull(),
    authorizationCodeId: bigint('authorization_code_id', { mode: 'number' }),
    scope: text('scope').notNull(),
    /** RFC 8707: the resources the grant covers; a refresh may ask for a subset. Null = not restricted. */
    resources: text('resources').array(),
    /** OIDC: the original sign-in time and nonce-free claims carry over on refresh. */
    authTime: ts('auth_time'),
    createdAt: createdAt(),
    /** Set when exchanged for a new one; within the grace period it may be used again (a lost response). */
    rotatedAt: ts('rotated_at'),
    /** Set when revoked (by the client, the user, or reuse detection); never valid again. */
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_digest_key').on(t.tokenDigest),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_app_idx').on(t.userId, t.applicationId),
    index('refresh_tokens_code_idx').on(t.authorizationCodeId).where(sql`${t.authorizationCodeId} is not null`),
  ],
);

/** A validated authorization request waiting for sign-in and consent (single use, short-lived). */
export const pendingAuthorizations = pgTable(
  'pending_authorizations',
  {
    id: text('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    /** The user it was shown to; set once someone signed in looks at it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    request: jsonb('request').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pending_authorizations_expires_idx').on(t.expiresAt)],
);

/** What a user approved for an application: drives auto approval and the authorized-tokens screen. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    /** RFC 8707: the resources the user approved tokens for; a request naming another asks again. */
    resources: text('resources').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consents_user_app_key').on(t.userId, t.applicationId)],
);

/** OIDC signing keys, shared by every instance through the database. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateJwk: jsonb('private_jwk').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: createdAt(),
  /** After this, the key no longer signs; it is still published until expiresAt. */
  retiredAt: ts('retired_at'),
  expiresAt: ts('expires_at'),
});

/** RFC 7591 §3: initial access tokens that let a holder register clients (`manage createinitialaccesstoken`). */
export const initialAccessTokens = pgTable(
  'initial_access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenDigest: text('token_digest').notNull(),
    description: text('description').notNull().default(''),
    /** Null: usable until revoked. */
    expiresAt: ts('expires_at'),
    /** Null: any number of registrations. */
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('initial_access_tokens_digest_key').on(t.tokenDigest)],
);

/**
 * Rate-limit counters shared by every instance on PostgreSQL: the table rate-limiter-flexible's
 * RateLimiterPostgres uses (its own layout), created here so the app needs no DDL rights at run time.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: bigint('expire', { mode: 'number' }),
});

export type User = typeof users.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type AuthorizationCode = typeof authorizationCodes.$inferSelect;
export type AccessToken = typeof accessTokens.$inferSelect;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type PendingAuthorization = typeof pendingAuthorizations.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type SigningKey = typeof signingKeys.$inferSelect;
export type InitialAccessToken = typeof initialAccessTokens.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
