/**
 * The database, in one place. TS keys camelCase, SQL names snake_case; tables plural.
 * Secrets and tokens are stored only as SHA-256 digests (base64url); plaintext never lands here.
 * Every lookup the protocol's hot path makes has an index (unique digest or client_id).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
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
