/**
 * The 2026 protocol additions: device authorization (RFC 8628), pushed authorization requests
 * (RFC 9126), single-use JWT ids (RFC 7523 assertions, RFC 9449 DPoP proofs), and which
 * applications a browser session signed into (OIDC Back-Channel Logout 1.0).
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';
import { users, userSessions } from './accounts';
import { applications } from './clients';

/**
 * RFC 8628: a device's pending authorization. Both codes are stored only as SHA-256 digests: the
 * device code (256 bits) is the device's credential; the user code (8 letters, normalised
 * upper-case without the dash) is short-lived and rate-limited per IP, so its digest is only
 * as strong as those bounds, which is why it expires in minutes and redeems nothing by itself.
 */
export const deviceAuthorizations = pgTable(
  'device_authorizations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deviceCodeDigest: text('device_code_digest').notNull(),
    userCodeDigest: text('user_code_digest').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    resources: text('resources').array(),
    /** pending until the person approves or denies at /o/device. */
    status: text('status', { enum: ['pending', 'approved', 'denied'] }).notNull().default('pending'),
    /** Who approved it, in which browser session, signed in how (amr, acr). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id'),
    authTime: ts('auth_time'),
    authMethods: text('auth_methods').array(),
    acr: text('acr'),
    /** Seconds the device must wait between polls; slow_down adds 5 (§3.5). */
    interval: integer('interval').notNull().default(5),
    lastPolledAt: ts('last_polled_at'),
    expiresAt: ts('expires_at').notNull(),
    /** Set when the device redeemed it: a second redemption is invalid_grant. */
    consumedAt: ts('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('device_authorizations_device_code_key').on(t.deviceCodeDigest),
    uniqueIndex('device_authorizations_user_code_key').on(t.userCodeDigest),
    index('device_authorizations_expires_idx').on(t.expiresAt),
  ],
);

/**
 * RFC 9126: a pushed authorization request, validated and waiting for /o/authorize. The
 * request_uri is a bearer reference, so only its SHA-256 digest is stored; single use.
 */
export const pushedAuthorizationRequests = pgTable(
  'pushed_authorization_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestUriDigest: text('request_uri_digest').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    /** The validated authorization request, as /o/authorize would have read it. */
    request: jsonb('request').notNull(),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pushed_authorization_requests_uri_key').on(t.requestUriDigest), index('pushed_authorization_requests_expires_idx').on(t.expiresAt)],
);

/**
 * JWT ids already seen, until they expire, shared by every instance: client assertions
 * (RFC 7523 §3 jti) and DPoP proofs (RFC 9449 §11.1). `key` is '<kind>:<issuer>:<jti>'; a
 * second insert of the same key is a replay. Nothing secret: a jti is public once used.
 */
export const usedJtis = pgTable(
  'used_jtis',
  {
    key: text('key').primaryKey(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('used_jtis_expires_idx').on(t.expiresAt)],
);

/**
 * OIDC Back-Channel Logout: the applications a browser session obtained an ID token or tokens
 * for, so ending the session knows whom to tell. Removed with the session row.
 */
export const sessionApplications = pgTable(
  'session_applications',
  {
    sessionId: uuid('session_id').notNull().references(() => userSessions.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.applicationId] }), index('session_applications_application_idx').on(t.applicationId)],
);

