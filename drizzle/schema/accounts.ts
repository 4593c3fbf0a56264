/** People: accounts, their browser sessions, emailed links, and the audit trail about them. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';

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
    /** The language the person chose for our pages and emails (BCP 47, e.g. 'de'); null = from the browser. */
    locale: text('locale'),
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
