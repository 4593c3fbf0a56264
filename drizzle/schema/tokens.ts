/** What the protocol issues and remembers: codes, tokens, pending requests, consents. */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';
import { users } from './accounts';
import { applications } from './clients';

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
    /** RFC 9449 §10: the DPoP key thumbprint (dpop_jkt) the code is bound to. */
    dpopJkt: text('dpop_jkt'),
    /** The browser session (user_sessions.id, the ID token's sid) and how it signed in (amr, acr). */
    sessionId: uuid('session_id'),
    authMethods: text('auth_methods').array(),
    acr: text('acr'),
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
    /** RFC 9449: SHA-256 thumbprint of the DPoP key the token is bound to (cnf.jkt); null = bearer. */
    jkt: text('jkt'),
    /** RFC 8693 §4.1: the delegation chain ({ client_id, act? }) for exchanged tokens. */
    actor: jsonb('actor'),
    /** RFC 8693: the token this one was exchanged from; revoking it revokes this one. */
    subjectTokenId: bigint('subject_token_id', { mode: 'number' }),
    /** The browser session it was issued in (logout revokes it, OAUTH2_LOGOUT_REVOKES_TOKENS). */
    sessionId: uuid('session_id'),
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
    index('access_tokens_subject_idx').on(t.subjectTokenId).where(sql`${t.subjectTokenId} is not null`),
    index('access_tokens_session_idx').on(t.sessionId).where(sql`${t.sessionId} is not null`),
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
    /** RFC 9449 §5: public clients' refresh tokens are bound to the DPoP key of the first request. */
    jkt: text('jkt'),
    /** The browser session and its sign-in methods, carried to the tokens each refresh issues. */
    sessionId: uuid('session_id'),
    authMethods: text('auth_methods').array(),
    acr: text('acr'),
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
    index('refresh_tokens_session_idx').on(t.sessionId).where(sql`${t.sessionId} is not null`),
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
