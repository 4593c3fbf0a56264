/** Applications (OAuth clients) and what lets someone register one. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';
import { users } from './accounts';

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
    /**
     * RFC 7523 client_secret_jwt only: the secret itself, sealed (AES-256-GCM under a key derived
     * from OAUTH2_ENCRYPTION_KEY or AUTH_SECRET, purpose "client-secret v1"), because an HMAC can
     * only be checked with the secret. Null for every other method, which keep only the digest.
     * A database dump alone does not reveal it. The previous one follows a rotation's overlap.
     */
    clientSecretSealed: text('client_secret_sealed'),
    previousSecretSealed: text('previous_secret_sealed'),
    /** RFC 7523 private_key_jwt: the client's public keys, inline (a JWK Set) or by URL. Public keys only. */
    jwks: jsonb('jwks'),
    jwksUri: text('jwks_uri'),
    /** RFC 9068: 'opaque' (default) or 'jwt' access tokens. */
    accessTokenFormat: text('access_token_format', { enum: ['opaque', 'jwt'] }).notNull().default('opaque'),
    /** RFC 9126: this client must push its authorization requests (/o/par). */
    requirePushedAuthorizationRequests: boolean('require_pushed_authorization_requests').notNull().default(false),
    /** RFC 8628: device codes' lifetime in seconds; null = OAUTH2_DEVICE_CODE_EXPIRE_SECONDS. */
    deviceCodeLifetime: integer('device_code_lifetime'),
    /** RFC 9449 / RFC 7591 dpop_bound_access_tokens: tokens only with a DPoP proof. */
    requireDpop: boolean('require_dpop').notNull().default(false),
    /** Sign-ins for this client need a second factor (step-up through /login/verify). */
    requireMfa: boolean('require_mfa').notNull().default(false),
    /** OIDC Back-Channel Logout 1.0: where logout tokens are POSTed, and whether they must carry sid. */
    backchannelLogoutUri: text('backchannel_logout_uri'),
    backchannelLogoutSessionRequired: boolean('backchannel_logout_session_required').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('applications_client_id_key').on(t.clientId), index('applications_owner_idx').on(t.ownerId)],
);

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
