/** Server-wide state shared by every instance: signing keys and rate-limit counters. */
import { bigint, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';

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

/**
 * Rate-limit counters shared by every instance on PostgreSQL: the table rate-limiter-flexible's
 * RateLimiterPostgres uses (its own layout), created here so the app needs no DDL rights at run time.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: bigint('expire', { mode: 'number' }),
});
