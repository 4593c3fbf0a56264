/**
 * Second factors and passwordless sign-in (issue 22): passkeys (WebAuthn), authenticator apps
 * (TOTP, RFC 6238) and recovery codes. How each is protected is said on the table.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';
import { users } from './accounts';

/**
 * WebAuthn credentials. Nothing here is secret: the public key verifies signatures, the
 * credential id is an opaque handle; the private key never leaves the authenticator.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** base64url credential id. */
    credentialId: text('credential_id').notNull(),
    /** base64url COSE public key. */
    publicKey: text('public_key').notNull(),
    /** Signature counter (a clone shows up as a counter that goes backwards). */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    /** 'singleDevice' | 'multiDevice' (synced passkey): amr hwk vs swk. */
    deviceType: text('device_type'),
    backedUp: boolean('backed_up').notNull().default(false),
    /** The person's label ("MacBook Touch ID"). */
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('passkeys_credential_id_key').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);

/**
 * An authenticator app. The TOTP secret must be readable to compute codes, so it is not a
 * digest: it is sealed with AES-256-GCM under a key derived from OAUTH2_ENCRYPTION_KEY (or
 * AUTH_SECRET), so a database dump alone does not give it away.
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  /** Null while enrolment waits for the first code; only confirmed factors are asked for. */
  confirmedAt: ts('confirmed_at'),
  /** The last accepted time step: a code is single use within its window (replays refused). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Recovery codes: shown once, stored as SHA-256 digests, each single use. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeDigest: text('code_digest').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_digest_key').on(t.userId, t.codeDigest)],
);
